"""Writes of referrals: keyword-only and atomic. Each step checks the status through the
model's `can_*` rule and records the disclosure in the data-sharing log."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from casussen.models import Actie
from huishoudens.models import Lid
from socialekaart.models import Dienst, Organisatie
from verwijzingen.models import Gegevensdeling, Resultaat, Toestemming, Verwijzing, Voortgang

# What a referral discloses to the provider (the consented data, no more).
GEDEELD = ["naam", "geboortedatum", "actie", "contactpersoon"]


@transaction.atomic
def record_toestemming(
    *,
    lid: Lid,
    organisatie: Organisatie,
    gegevens: list[str],
    gegeven_door: str,
    gegeven_op: datetime.date,
    door,
    vertegenwoordiger: bool = False,
) -> Toestemming:
    toestemming = Toestemming(
        lid=lid,
        organisatie=organisatie,
        gegevens=sorted(set(gegevens)),
        gegeven_door=gegeven_door.strip(),
        gegeven_op=gegeven_op,
        vertegenwoordiger=vertegenwoordiger,
        vastgelegd_door=door,
    )
    toestemming.full_clean()
    toestemming.save()
    return toestemming


@transaction.atomic
def revoke_toestemming(*, toestemming: Toestemming, reden: str) -> Toestemming:
    if not toestemming.is_geldig:
        raise ValidationError("Deze toestemming is al ingetrokken.")
    toestemming.ingetrokken_op = timezone.now()
    # free text straight from a POST: PostgreSQL refuses NUL characters
    toestemming.reden_intrekking = reden.replace("\x00", "").strip()[:300]
    toestemming.save(update_fields=["ingetrokken_op", "reden_intrekking"])
    return toestemming


def _check_toestemming(toestemming: Toestemming | None, lid: Lid, dienst: Dienst) -> None:
    if toestemming is None:
        return
    if not toestemming.is_geldig:
        raise ValidationError({"toestemming": "Deze toestemming is ingetrokken."})
    if toestemming.lid_id != lid.pk or toestemming.organisatie_id != dienst.organisatie_id:
        raise ValidationError(
            {"toestemming": "De toestemming geldt niet voor dit lid en deze organisatie."}
        )


@transaction.atomic
def create_verwijzing(
    *,
    actie: Actie,
    dienst: Dienst,
    lid: Lid,
    door,
    toestemming: Toestemming | None = None,
    grondslag: str = "",
    grondslag_reden: str = "",
    toelichting: str = "",
    toewijzing: dict | None = None,
) -> Verwijzing:
    """A draft referral; the consent must be current and for this member and provider."""
    if lid.huishouden_id != actie.doel.plan.huishouden_id:
        raise ValidationError({"lid": "Kies een lid van dit huishouden."})
    _check_toestemming(toestemming, lid, dienst)
    verwijzing = Verwijzing(
        actie=actie,
        dienst=dienst,
        lid=lid,
        toestemming=toestemming,
        grondslag=grondslag,
        grondslag_reden=grondslag_reden.strip(),
        toelichting=toelichting.strip(),
        contactpersoon=door,
        **(toewijzing or {}),
    )
    verwijzing.full_clean()
    verwijzing.save()
    # The action now names its provider from the sociale kaart instead of free text.
    Actie.objects.filter(pk=actie.pk).update(
        uitvoerder=Actie.Uitvoerder.VOORLIGGEND
        if dienst.voorliggend
        else Actie.Uitvoerder.AANBIEDER,
        uitvoerder_naam=f"{dienst.naam} ({dienst.organisatie.naam})"[:200],
        dienst=dienst,
        versie=F("versie") + 1,
    )
    return verwijzing


def _basis(verwijzing: Verwijzing) -> dict:
    if verwijzing.toestemming_id:
        return {
            "basis": Gegevensdeling.Basis.TOESTEMMING,
            "grondslag": f"Toestemming {verwijzing.toestemming.kenmerk}",
            "toestemming": verwijzing.toestemming,
        }
    return {
        "basis": Gegevensdeling.Basis.WETTELIJKE_TAAK,
        "grondslag": verwijzing.get_grondslag_display(),
    }


def gedeelde_gegevens(verwijzing: Verwijzing) -> list[str]:
    """What the provider sees: the consented items of GEDEELD (all of them on a legal
    ground); nothing once the consent is revoked."""
    if verwijzing.toestemming_id and not verwijzing.toestemming.is_geldig:
        return []
    if verwijzing.toestemming_id:
        return [g for g in GEDEELD if verwijzing.toestemming.dekt(g)]
    return list(GEDEELD)


def log_deling(*, verwijzing: Verwijzing, soort: str, door, gegevens: list[str]) -> Gegevensdeling:
    """One data-sharing entry for the member the referral is about."""
    return Gegevensdeling.objects.create(
        soort=soort,
        huishouden_id=verwijzing.lid.huishouden_id,
        lid=verwijzing.lid,
        gegevens=gegevens,
        ontvanger=verwijzing.dienst.organisatie.naam,
        verwijzing=verwijzing,
        door=door,
        trace_id=uuid.uuid4(),
        **_basis(verwijzing),
    )


def log_inzage(*, verwijzing: Verwijzing, door) -> Gegevensdeling | None:
    """The provider reads a referral: a disclosure of what it sees (nothing after a
    revoked consent, so nothing is logged then)."""
    gegevens = gedeelde_gegevens(verwijzing)
    if not gegevens:
        return None
    return log_deling(
        verwijzing=verwijzing,
        soort=Gegevensdeling.Soort.INZAGE_AANBIEDER,
        door=door,
        gegevens=gegevens,
    )


@transaction.atomic
def send_verwijzing(*, verwijzing: Verwijzing, door) -> Verwijzing:
    verwijzing = Verwijzing.objects.select_for_update().get(pk=verwijzing.pk)
    if not verwijzing.can_send:
        raise ValidationError("Deze verwijzing is al verzonden.")
    _check_toestemming(verwijzing.toestemming, verwijzing.lid, verwijzing.dienst)
    verwijzing.status = Verwijzing.Status.VERZONDEN
    verwijzing.verzonden_op = timezone.now()
    verwijzing.versie += 1
    verwijzing.save(update_fields=["status", "verzonden_op", "versie"])
    soort = Gegevensdeling.Soort.TOEWIJZING if verwijzing.is_toewijzing else "verwijzing"
    log_deling(
        verwijzing=verwijzing, soort=soort, door=door, gegevens=gedeelde_gegevens(verwijzing)
    )
    return verwijzing


def _for_provider(verwijzing: Verwijzing, door) -> Verwijzing:
    if not verwijzing.can_handle(door):
        raise PermissionDenied("Alleen de aanbieder van deze verwijzing.")
    return Verwijzing.objects.select_for_update().get(pk=verwijzing.pk)


@transaction.atomic
def answer_verwijzing(
    *, verwijzing: Verwijzing, door, accepteren: bool, reden: str = ""
) -> Verwijzing:
    verwijzing = _for_provider(verwijzing, door)
    if not verwijzing.can_answer:
        raise ValidationError("Deze verwijzing is al beantwoord.")
    if not accepteren and not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de afwijzing."})
    verwijzing.status = (
        Verwijzing.Status.GEACCEPTEERD if accepteren else Verwijzing.Status.AFGEWEZEN
    )
    verwijzing.reden_afwijzing = "" if accepteren else reden.strip()
    verwijzing.beantwoord_op = timezone.now()
    verwijzing.versie += 1
    verwijzing.save(update_fields=["status", "reden_afwijzing", "beantwoord_op", "versie"])
    return verwijzing


def _actie_status(verwijzing: Verwijzing, status: str) -> None:
    Actie.objects.filter(pk=verwijzing.actie_id).update(status=status, versie=F("versie") + 1)


@transaction.atomic
def register_start(*, verwijzing: Verwijzing, door, datum: datetime.date) -> Verwijzing:
    """The provider's start (iWmo/iJw 305): the action is running."""
    verwijzing = _for_provider(verwijzing, door)
    if not verwijzing.can_start:
        raise ValidationError("Alleen een geaccepteerde verwijzing kan starten.")
    if datum > timezone.localdate():
        raise ValidationError({"datum": "De startdatum ligt in de toekomst."})
    verwijzing.status = Verwijzing.Status.GESTART
    verwijzing.startdatum = datum
    verwijzing.versie += 1
    verwijzing.save(update_fields=["status", "startdatum", "versie"])
    _actie_status(verwijzing, Actie.Status.LOPEND)
    return verwijzing


@transaction.atomic
def register_stop(
    *, verwijzing: Verwijzing, door, datum: datetime.date, resultaat: str, toelichting: str = ""
) -> Verwijzing:
    """The provider's stop (iWmo/iJw 307) with its result: afgerond when it succeeded,
    otherwise gestopt with the reason; the action follows."""
    verwijzing = _for_provider(verwijzing, door)
    if not verwijzing.can_stop:
        raise ValidationError("Deze verwijzing loopt niet.")
    if resultaat not in Resultaat.values:
        raise ValidationError({"resultaat": "Kies het resultaat."})
    start = verwijzing.startdatum or datum
    if datum < start:
        raise ValidationError({"datum": "De stopdatum ligt voor de startdatum."})
    if datum > timezone.localdate():
        raise ValidationError({"datum": "De stopdatum ligt in de toekomst."})
    if resultaat == Resultaat.ANDERS and not toelichting.strip():
        raise ValidationError({"toelichting": "Licht toe waarom het anders liep."})
    geslaagd = resultaat == Resultaat.GESLAAGD
    verwijzing.status = Verwijzing.Status.AFGEROND if geslaagd else Verwijzing.Status.GESTOPT
    verwijzing.startdatum = start
    verwijzing.stopdatum = datum
    verwijzing.resultaat = resultaat
    verwijzing.resultaat_toelichting = toelichting.strip()
    verwijzing.versie += 1
    verwijzing.save()
    _actie_status(verwijzing, Actie.Status.AFGEROND if geslaagd else Actie.Status.GESTOPT)
    return verwijzing


@transaction.atomic
def add_voortgang(*, verwijzing: Verwijzing, door, tekst: str) -> Voortgang:
    verwijzing = _for_provider(verwijzing, door)
    if not verwijzing.can_report:
        raise ValidationError("Voortgang melden kan bij een geaccepteerde of lopende verwijzing.")
    if not tekst.strip():
        raise ValidationError({"tekst": "Schrijf kort hoe het gaat."})
    return Voortgang.objects.create(verwijzing=verwijzing, door=door, tekst=tekst.strip()[:1000])


@transaction.atomic
def refer(
    *,
    actie: Actie,
    dienst: Dienst,
    lid: Lid,
    door,
    toestemming: dict | None,
    grondslag: str = "",
    grondslag_reden: str = "",
    toelichting: str = "",
    toewijzing: dict | None = None,
    verzenden: bool = False,
) -> Verwijzing:
    """The referral form in one step: record the consent (if given), create the referral
    and, when asked, send it."""
    vastgelegd = None
    if toestemming is not None:
        vastgelegd = record_toestemming(
            lid=lid, organisatie=dienst.organisatie, door=door, **toestemming
        )
        grondslag, grondslag_reden = "", ""
    verwijzing = create_verwijzing(
        actie=actie,
        dienst=dienst,
        lid=lid,
        door=door,
        toestemming=vastgelegd,
        grondslag=grondslag,
        grondslag_reden=grondslag_reden,
        toelichting=toelichting,
        toewijzing={k: v for k, v in (toewijzing or {}).items() if v not in (None,)},
    )
    return send_verwijzing(verwijzing=verwijzing, door=door) if verzenden else verwijzing


def log_dossier(*, huishouden, door, doel: str) -> int:
    """A dossier export for verantwoording (an auditor, the accountant): one data-sharing
    row per member, on the legal task of control (Gemeentewet art. 213)."""
    trace = uuid.uuid4()
    rijen = [
        Gegevensdeling(
            soort=Gegevensdeling.Soort.DOSSIER,
            huishouden=huishouden,
            lid=lid,
            gegevens=["dossier (alle gegevens van het huishouden)"],
            ontvanger=f"Verantwoording: {doel}",
            basis=Gegevensdeling.Basis.WETTELIJKE_TAAK,
            grondslag="Gemeentewet art. 213 (controle)",
            door=door,
            trace_id=trace,
        )
        for lid in huishouden.leden.all()
    ]
    return len(Gegevensdeling.objects.bulk_create(rijen))


@transaction.atomic
def extend_toewijzing(*, verwijzing: Verwijzing, door, einddatum: datetime.date) -> Verwijzing:
    """Extend an allocation (a new 301 with the same toewijzingnummer, a later end date
    and reden wijziging 'Verlenging'); logged as a disclosure like the first one."""
    verwijzing = Verwijzing.objects.select_for_update().get(pk=verwijzing.pk)
    if not verwijzing.can_extend:
        raise ValidationError("Alleen een lopende toewijzing kan worden verlengd.")
    huidig = verwijzing.einddatum or verwijzing.ingangsdatum or timezone.localdate()
    if einddatum <= huidig:
        raise ValidationError({"einddatum": f"Kies een einddatum na {huidig:%d-%m-%Y}."})
    verwijzing.einddatum = einddatum
    verwijzing.reden_wijziging = Verwijzing.RedenWijziging.VERLENGING
    verwijzing.toewijzingsdatum = timezone.localdate()
    verwijzing.versie += 1
    verwijzing.save(update_fields=["einddatum", "reden_wijziging", "toewijzingsdatum", "versie"])
    log_deling(
        verwijzing=verwijzing,
        soort=Gegevensdeling.Soort.TOEWIJZING,
        door=door,
        gegevens=[*gedeelde_gegevens(verwijzing), "toewijzing"],
    )
    return verwijzing
