"""Working a zaak: contact attempts, the outcome, taking it up in the household's plan,
and turning it into a household with a plan in one step."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from casussen import services as casus_services
from huishoudens import services as huishouden_services
from huishoudens.models import Huishouden
from sociaaldomein.models import User
from vroegsignalering.models import Contactpoging, Eindresultaat, Vroegsignaal, Vroegsignaalzaak

# Outcomes that need a reached resident (the others may follow attempts without contact).
MET_CONTACT = {
    Eindresultaat.GEEN_HULP,
    Eindresultaat.BETAALD,
    Eindresultaat.ADVIES,
    Eindresultaat.VERVOLGHULP,
}


def _lock(zaak: Vroegsignaalzaak, door: User) -> Vroegsignaalzaak:
    if not zaak.can_work(door):
        raise PermissionDenied("Alleen het team van deze zaak werkt eraan.")
    return Vroegsignaalzaak.objects.select_for_update().get(pk=zaak.pk)


def _signalen(zaak: Vroegsignaalzaak, status: str) -> None:
    Vroegsignaal.objects.filter(zaak=zaak).update(status=status)


def _oppakken(zaak: Vroegsignaalzaak) -> None:
    if zaak.opgepakt_op is None:
        zaak.opgepakt_op = timezone.now()
        zaak.save(update_fields=["opgepakt_op"])
        _signalen(zaak, Vroegsignaal.Status.IN_BEHANDELING)


def _afronden(zaak: Vroegsignaalzaak, door: User, eindresultaat: str) -> Vroegsignaalzaak:
    zaak.status = Vroegsignaalzaak.Status.AFGEROND
    zaak.eindresultaat = eindresultaat
    zaak.afgerond_op = timezone.localdate()
    zaak.afgerond_door = door
    zaak.opgepakt_op = zaak.opgepakt_op or timezone.now()
    zaak.save(
        update_fields=["status", "eindresultaat", "afgerond_op", "afgerond_door", "opgepakt_op"]
    )
    _signalen(zaak, Vroegsignaal.Status.AFGEHANDELD)
    return zaak


@transaction.atomic
def register_contactpoging(
    *,
    zaak: Vroegsignaalzaak,
    door: User,
    soort: str,
    datum: datetime.date,
    dagdeel: str,
    bereikt: bool,
    toelichting: str = "",
) -> Contactpoging:
    zaak = _lock(zaak, door)
    if not zaak.is_open:
        raise ValidationError("Deze zaak is afgerond.")
    if datum > timezone.localdate():
        raise ValidationError({"datum": "De datum ligt in de toekomst."})
    eerste = zaak.signalen.order_by("signaaldatum").values_list("signaaldatum", flat=True).first()
    if eerste and datum < eerste:
        raise ValidationError(
            {"datum": f"De datum ligt voor het eerste signaal ({eerste:%d-%m-%Y})."}
        )
    poging = Contactpoging(
        zaak=zaak, soort=soort, datum=datum, dagdeel=dagdeel, bereikt=bereikt,
        toelichting=toelichting.strip(), door=door,
    )  # fmt: skip
    poging.full_clean()
    poging.save()
    _oppakken(zaak)
    return poging


@transaction.atomic
def record_eindresultaat(
    *, zaak: Vroegsignaalzaak, door: User, eindresultaat: str
) -> Vroegsignaalzaak:
    zaak = _lock(zaak, door)
    if not zaak.is_open:
        raise ValidationError("Deze zaak is al afgerond.")
    if eindresultaat not in Eindresultaat.values:
        raise ValidationError({"eindresultaat": "Kies een eindresultaat uit de lijst."})
    pogingen = list(zaak.contactpogingen.values_list("bereikt", flat=True))
    if eindresultaat in MET_CONTACT and not any(pogingen):
        raise ValidationError(
            {"eindresultaat": "Dit resultaat vraagt contact: registreer eerst een contactpoging "
             "waarbij de inwoner is bereikt."}
        )  # fmt: skip
    if eindresultaat == Eindresultaat.NIET_BEREIKT and not pogingen:
        raise ValidationError(
            {"eindresultaat": "Registreer eerst de contactpogingen die de inwoner niet bereikten."}
        )
    return _afronden(zaak, door, eindresultaat)


@transaction.atomic
def take_up_in_plan(*, zaak: Vroegsignaalzaak, door: User) -> Vroegsignaalzaak:
    """The casusregisseur takes the signal up in the household's plan: the outcome is
    'inwoner heeft al een ander lopend traject'."""
    if not zaak.via_plan or zaak.huishouden_id is None:
        raise ValidationError("Dit signaal hoort niet bij een plan.")
    huishouden = Huishouden.objects.filter(pk=zaak.huishouden_id).first()
    if huishouden is None or not huishouden.can_change(door):
        raise PermissionDenied("Alleen wie aan het plan werkt, pakt het signaal daar op.")
    locked = Vroegsignaalzaak.objects.select_for_update().get(pk=zaak.pk)
    if not locked.is_open:
        raise ValidationError("Dit signaal is al opgepakt.")
    return _afronden(locked, door, Eindresultaat.ANDER_TRAJECT)


@transaction.atomic
def create_huishouden_from_zaak(
    *, zaak: Vroegsignaalzaak, door: User, gegevens: dict[str, Any], eerste_lid: dict[str, Any]
) -> Huishouden:
    """One step from a signal to a household with a plan: the household (with the resident
    as its first member) is registered, made active with its plan, the professional becomes
    its casusregisseur, and the zaak ends with 'vervolghulp'."""
    zaak = _lock(zaak, door)
    if not zaak.is_open:
        raise ValidationError("Deze zaak is al afgerond.")
    if zaak.huishouden_id is not None:
        raise ValidationError("Dit signaal hoort al bij een huishouden.")
    huishouden = huishouden_services.create_huishouden(
        team=zaak.team, gegevens=gegevens, eerste_lid=eerste_lid, door=door
    )
    huishouden.casusregisseur = door
    huishouden.save(update_fields=["casusregisseur"])
    casus_services.activate_huishouden(
        huishouden=huishouden, versie=huishouden.versie, op=huishouden.aangemeld_op, door=door
    )
    zaak.huishouden = huishouden
    zaak.via_plan = True
    zaak.save(update_fields=["huishouden", "via_plan"])
    _afronden(zaak, door, Eindresultaat.VERVOLGHULP)
    return huishouden
