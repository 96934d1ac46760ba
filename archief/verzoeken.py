"""Writes of the Jeugdwet request for early destruction (art. 7.3.9): recorded by a
caseworker of the owning team, decided by a team lead of that team (four eyes); a granted
request puts the file on a destruction list of its own, which then goes the usual way
(beheerder → team lead → archivist → the wait → deletion, archief.services). Who may do
what is asked of `VernietigingsVerzoek` (models.py)."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from archief.models import (
    Beoordeling,
    JuridischeBlokkade,
    LijstItem,
    Vernietigingslijst,
    VernietigingsVerzoek,
)
from archief.selectors import bewaringen
from huishoudens.models import Huishouden, Lid
from sociaaldomein.models import Notificatie, User
from sociaaldomein.roles import Rol

Status = VernietigingsVerzoek.Status


@transaction.atomic
def record_request(
    *,
    huishouden: Huishouden,
    jeugdige: Lid | None,
    verzoeker: str,
    ontvangen_op: datetime.date,
    toelichting: str = "",
    door: User,
) -> VernietigingsVerzoek:
    """Record a request received from the youth or a parent; the deadline is three months
    after receipt. The team's leads (but the recorder) are told."""
    if not VernietigingsVerzoek.can_record(door, huishouden):
        raise PermissionDenied("Alleen het team van het huishouden legt een verzoek vast.")
    if melding := VernietigingsVerzoek.check_ontvangen(ontvangen_op):
        raise ValidationError({"ontvangen_op": melding})
    open_verzoek = VernietigingsVerzoek.objects.filter(huishouden=huishouden, status=Status.OPEN)
    if open_verzoek.exists():
        raise ValidationError("Er loopt al een verzoek tot vernietiging voor dit huishouden.")
    verzoek = VernietigingsVerzoek(
        huishouden=huishouden,
        huishouden_nummer=huishouden.pk,
        referentie_dossier=huishouden.referentie,
        team_id=huishouden.team_id,
        jeugdige=jeugdige,
        verzoeker=verzoeker,
        ontvangen_op=ontvangen_op,
        uiterlijk_op=VernietigingsVerzoek.termijn(ontvangen_op),
        toelichting=toelichting.strip()[:500],
        vastgelegd_door=door,
    )
    verzoek.full_clean()
    verzoek.save()
    for lead in User.leads_of(huishouden.team_id).exclude(pk=door.pk):
        Notificatie.objects.create(
            ontvanger=lead,
            tekst=(
                f"Verzoek tot vernietiging {verzoek.referentie} (Jeugdwet) wacht op uw "
                f"beoordeling: uiterlijk vernietigen op {verzoek.uiterlijk_op:%d-%m-%Y}."
            ),
            url=reverse("archief:verzoek", args=[verzoek.pk]),
        )
    return verzoek


def _refuse_grant(verzoek: VernietigingsVerzoek, vandaag: datetime.date) -> None:
    """Why a request cannot be granted now (a Dutch message), or nothing."""
    huishouden = verzoek.huishouden
    if huishouden is None:
        raise ValidationError("Het dossier is al vernietigd.")
    blokkade = (
        JuridischeBlokkade.objects.filter(JuridischeBlokkade.actief_op(vandaag))
        .filter(huishouden_id=huishouden.pk)
        .first()
    )
    if blokkade is not None:
        raise ValidationError(
            f"Dit huishouden heeft een juridische blokkade ({blokkade}): zolang die loopt "
            "mag het dossier niet worden vernietigd. Wijs het verzoek af met de grond "
            "'juridische blokkade'."
        )
    if huishouden.status != Huishouden.Status.AFGESLOTEN or not huishouden.afgesloten_op:
        raise ValidationError(
            "Het dossier is nog niet afgesloten: sluit het eerst af (de hulp loopt nog), "
            "dan kan het verzoek worden toegewezen."
        )
    op_lijst = LijstItem.objects.filter(huishouden_id=huishouden.pk, uitgezonderd=False)
    if op_lijst.exists():
        raise ValidationError("Het dossier staat al op een vernietigingslijst.")


def _propose_early(verzoek: VernietigingsVerzoek, door: User) -> Vernietigingslijst:
    """A destruction list with this one file, outside its archiefactiedatum: destroyed by
    the request's deadline; the regular period stays on the record."""
    huishouden = verzoek.huishouden
    bewaring = next(iter(bewaringen([huishouden])), None)
    lijst = Vernietigingslijst.objects.create(
        naam=f"Vervroegd op verzoek {verzoek.referentie}", team_id=verzoek.team_id, auteur=door
    )
    LijstItem.objects.create(
        lijst=lijst,
        huishouden=huishouden,
        huishouden_nummer=huishouden.pk,
        referentie=huishouden.referentie,
        aangemeld_op=huishouden.aangemeld_op,
        brondatum=huishouden.afgesloten_op,
        archiefactiedatum=verzoek.uiterlijk_op,
        wetten=list(bewaring.wetten) if bewaring else [],
        jaren=bewaring.jaren if bewaring else 0,
        verzoek=verzoek,
    )
    Beoordeling.objects.create(
        lijst=lijst,
        stap=Beoordeling.Stap.VERZOEK,
        door=door,
        door_naam=door.weergavenaam,
        rol=door.rol_label,
        toelichting=(
            f"{verzoek.referentie}: {verzoek.get_verzoeker_display().lower()}, ontvangen "
            f"{verzoek.ontvangen_op:%d-%m-%Y}; uiterlijk vernietigen op "
            f"{verzoek.uiterlijk_op:%d-%m-%Y}"
        ),
    )
    beheerders = User.objects.filter(groups__name=Rol.BEHEERDER.value, is_active=True)
    for beheerder in beheerders.distinct():
        Notificatie.objects.create(
            ontvanger=beheerder,
            tekst=(
                f"Vernietigingslijst '{lijst.naam}' (Jeugdwet-verzoek) wacht op indiening: "
                f"uiterlijk vernietigen op {verzoek.uiterlijk_op:%d-%m-%Y}."
            ),
            url=reverse("archief:lijst", args=[lijst.pk]),
        )
    return lijst


@transaction.atomic
def decide_request(
    *,
    verzoek: VernietigingsVerzoek,
    door: User,
    toewijzen: bool,
    grond: str = "",
    motivering: str = "",
) -> VernietigingsVerzoek:
    """Grant (the file goes on a destruction list of its own) or refuse with a legal
    ground and a motivation. Never by the one who recorded it."""
    verzoek = (
        VernietigingsVerzoek.objects.select_for_update(of=("self",))
        .select_related("huishouden")
        .get(pk=verzoek.pk)
    )
    if not verzoek.can_review(door):
        if verzoek.status == Status.OPEN and door.pk == verzoek.vastgelegd_door_id:
            raise PermissionDenied(
                "U heeft dit verzoek zelf vastgelegd: een andere teamleider beoordeelt het."
            )
        raise PermissionDenied("Alleen een teamleider van het team beoordeelt dit verzoek.")
    motivering = motivering.strip()[:500]
    if toewijzen:
        _refuse_grant(verzoek, timezone.localdate())
        verzoek.status, verzoek.grond = Status.TOEGEWEZEN, ""
    else:
        fouten = {}
        if grond not in VernietigingsVerzoek.Grond.values:
            fouten["grond"] = "Kies de wettelijke grond voor de afwijzing."
        if not motivering:
            fouten["motivering"] = "Motiveer de afwijzing (Awb art. 3:46)."
        if fouten:
            raise ValidationError(fouten)
        verzoek.status, verzoek.grond = Status.AFGEWEZEN, grond
    verzoek.motivering = motivering
    verzoek.beoordeeld_door = door
    verzoek.beoordeeld_op = timezone.now()
    verzoek.save(
        update_fields=["status", "grond", "motivering", "beoordeeld_door", "beoordeeld_op"]
    )
    if toewijzen:
        _propose_early(verzoek, door)
    return verzoek
