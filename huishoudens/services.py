"""Writes on households, members, assessments and shares.

Keyword-only, typed, one transaction each, `full_clean()` before every save. Side
effects (notifications) are explicit calls here; views log the change afterwards with
`huishoudens.selectors.log_change`. Editable aggregates carry a `versie`: a save states
the version it read and loses with `VersionConflict` when someone else was first.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from huishoudens.models import (
    Beoordeling,
    Huishouden,
    HuishoudenUserObjectPermission,
    Leefdomein,
    Lid,
)
from sociaaldomein.concurrency import VersionConflict, save_versioned
from sociaaldomein.models import Notificatie, Team, User

HUISHOUDEN_VELDEN = [
    "naam",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "wijk",
    "casusregisseur",
    "aangemeld_op",
]
LID_VELDEN = [
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "relatie",
    "bsn",
    "telefoon",
    "email",
    "eigen_kracht",
    "lid_sinds",
]
BSN_IN_GEBRUIK = "Dit BSN hoort al bij een actief lid van een huishouden."


class BeoordelingConflict(Exception):
    """Someone assessed this member on this domain after the form was opened."""

    def __init__(self, current: Beoordeling):
        super().__init__("Intussen is dit leefdomein opnieuw beoordeeld")
        self.current = current


def _next_referentie() -> tuple[int, str]:
    """Reserve the next household id; the file number derives from it (no personal data)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence('huishoudens_huishouden', 'id'))")
        pk = cursor.fetchone()[0]
    return pk, f"EP-{timezone.localdate():%Y}-{pk:06d}"


def _lock(huishouden: Huishouden) -> None:
    """Serialise writes on one household (members and search text change together); a
    closed household is read-only (`Huishouden.check_open`)."""
    status = (
        Huishouden.objects.select_for_update()
        .filter(pk=huishouden.pk)
        .values_list("status", flat=True)
        .first()
    )
    Huishouden(status=status).check_open()


def _refresh_zoektekst(huishouden: Huishouden) -> None:
    huishouden.zoektekst = huishouden.build_zoektekst()
    Huishouden.objects.filter(pk=huishouden.pk).update(zoektekst=huishouden.zoektekst)


def _save_lid(lid: Lid, **kwargs) -> None:
    """Save a member; a BSN taken concurrently becomes a field error, not a 500."""
    try:
        with transaction.atomic():
            if "expected" in kwargs:
                save_versioned(lid, **kwargs)
            else:
                lid.save()
    except IntegrityError as error:
        if "lid_bsn_uniek_actief" in str(error):
            raise ValidationError({"bsn": BSN_IN_GEBRUIK}) from error
        raise


# --- households -------------------------------------------------------------------------


@transaction.atomic
def create_huishouden(
    *, team: Team, gegevens: dict[str, Any], eerste_lid: dict[str, Any], door: User
) -> Huishouden:
    """A new household (status aangemeld) with its first member: both or neither."""
    pk, referentie = _next_referentie()
    huishouden = Huishouden(pk=pk, referentie=referentie, team=team)
    for name in HUISHOUDEN_VELDEN:
        if name in gegevens:
            setattr(huishouden, name, gegevens[name])
    huishouden.status = Huishouden.Status.AANGEMELD
    lid = Lid(huishouden=huishouden, **{k: v for k, v in eerste_lid.items() if k in LID_VELDEN})
    if not (huishouden.naam or "").strip():
        huishouden.naam = f"Huishouden {lid.achternaam_volledig}".strip()
    if not (huishouden.wijk or "").strip():
        huishouden.wijk = team.wijk
    huishouden.full_clean()
    huishouden.save(force_insert=True)
    if not lid.lid_sinds or lid.lid_sinds < huishouden.aangemeld_op:
        lid.lid_sinds = min(huishouden.aangemeld_op, timezone.localdate())
    lid.full_clean()
    _save_lid(lid)
    _refresh_zoektekst(huishouden)
    return huishouden


@transaction.atomic
def update_huishouden(
    *, huishouden: Huishouden, versie: int, gegevens: dict[str, Any], door: User
) -> Huishouden:
    """Change the data of a household; raises VersionConflict when it changed meanwhile."""
    _lock(huishouden)
    for name in HUISHOUDEN_VELDEN:
        if name in gegevens:
            setattr(huishouden, name, gegevens[name])
    huishouden.full_clean(exclude=["referentie", "team"])
    huishouden.zoektekst = huishouden.build_zoektekst()
    save_versioned(huishouden, expected=versie, fields=[*HUISHOUDEN_VELDEN, "zoektekst"])
    return huishouden


def _check_datum(op: datetime.date, *, niet_voor: datetime.date, veld: str = "datum") -> None:
    if op > timezone.localdate():
        raise ValidationError({veld: "De datum ligt in de toekomst."})
    if op < niet_voor:
        raise ValidationError({veld: f"De datum ligt voor {niet_voor:%d-%m-%Y}."})


@transaction.atomic
def activate_huishouden(
    *, huishouden: Huishouden, versie: int, op: datetime.date, door: User, reden: str = ""
) -> Huishouden:
    """aangemeld → actief (or heropenen: afgesloten → actief, with a reason), from date `op`.

    The household's side only: an active household has one plan, which
    `casussen.services.activate_huishouden` creates in the same transaction (the layer
    that knows the plan makes that call)."""
    if not huishouden.kan_naar(Huishouden.Status.ACTIEF):
        raise ValidationError("Dit huishouden is al actief.")
    heropenen = huishouden.status == Huishouden.Status.AFGESLOTEN
    if heropenen:
        if not reden.strip():
            raise ValidationError({"reden": "Geef een reden om het huishouden te heropenen."})
        _check_datum(op, niet_voor=huishouden.afgesloten_op)
        huishouden.actief_sinds = huishouden.actief_sinds or op
        huishouden.afgesloten_op = None
        huishouden.reden_afsluiting = ""
    else:
        _check_datum(op, niet_voor=huishouden.aangemeld_op)
        huishouden.actief_sinds = op
    huishouden.status = Huishouden.Status.ACTIEF
    huishouden.full_clean(exclude=["referentie", "team"])
    save_versioned(
        huishouden,
        expected=versie,
        fields=["status", "actief_sinds", "afgesloten_op", "reden_afsluiting"],
    )
    return huishouden


@transaction.atomic
def close_huishouden(
    *, huishouden: Huishouden, versie: int, op: datetime.date, reden: str, door: User
) -> Huishouden:
    """aangemeld or actief → afgesloten on date `op`, with a reason."""
    if not huishouden.kan_naar(Huishouden.Status.AFGESLOTEN):
        raise ValidationError("Dit huishouden is al afgesloten.")
    if not reden.strip():
        raise ValidationError({"reden": "Geef een reden van afsluiten op."})
    _check_datum(op, niet_voor=huishouden.actief_sinds or huishouden.aangemeld_op)
    huishouden.status = Huishouden.Status.AFGESLOTEN
    huishouden.afgesloten_op = op
    huishouden.reden_afsluiting = reden.strip()
    huishouden.full_clean(exclude=["referentie", "team"])
    save_versioned(
        huishouden, expected=versie, fields=["status", "afgesloten_op", "reden_afsluiting"]
    )
    return huishouden


# --- members ------------------------------------------------------------------------------


DUBBEL_LID = "dubbel_lid"


def _check_dubbel(lid: Lid) -> None:
    """A second current member with the same name and date of birth is most often the same
    person entered twice: refused until the professional confirms it is another person."""
    dubbel = lid.huishouden.leden.filter(
        einddatum__isnull=True,
        voornamen__iexact=lid.voornamen.strip(),
        achternaam__iexact=lid.achternaam.strip(),
        geboortedatum=lid.geboortedatum,
    ).exists()
    if dubbel:
        raise ValidationError(
            {
                "dubbel_bevestigd": ValidationError(
                    f"{lid.volledige_naam}, geboren op {lid.geboortedatum:%d-%m-%Y}, is al lid "
                    "van dit huishouden. Is dit een ander persoon? Bevestig dat hieronder.",
                    code=DUBBEL_LID,
                )
            }
        )


@transaction.atomic
def add_lid(
    *,
    huishouden: Huishouden,
    gegevens: dict[str, Any],
    door: User,
    dubbel_bevestigd: bool = False,
) -> Lid:
    """A new member; one with the same name and date of birth as a current member needs
    `dubbel_bevestigd` (another person, not the same one entered twice)."""
    _lock(huishouden)
    lid = Lid(huishouden=huishouden, **{k: v for k, v in gegevens.items() if k in LID_VELDEN})
    lid.full_clean()
    if not dubbel_bevestigd:
        _check_dubbel(lid)
    _save_lid(lid)
    _refresh_zoektekst(huishouden)
    return lid


@transaction.atomic
def update_lid(*, lid: Lid, versie: int, gegevens: dict[str, Any], door: User) -> Lid:
    """Change a member; raises VersionConflict when someone else changed it first."""
    _lock(lid.huishouden)
    for name in LID_VELDEN:
        if name in gegevens:
            setattr(lid, name, gegevens[name])
    lid.full_clean()
    _save_lid(lid, expected=versie, fields=LID_VELDEN)
    _refresh_zoektekst(lid.huishouden)
    return lid


@transaction.atomic
def end_lid(*, lid: Lid, versie: int, einddatum: datetime.date, reden: str, door: User) -> Lid:
    """A member leaves the household: an end date and a reason; nothing is deleted, so
    their assessments and the history stay. The member's BSN is free again."""
    if lid.einddatum is not None:
        raise ValidationError("Dit lid is al vertrokken.")
    _lock(lid.huishouden)
    lid.einddatum = einddatum
    lid.reden_vertrek = reden.strip()
    lid.full_clean()
    save_versioned(lid, expected=versie, fields=["einddatum", "reden_vertrek"])
    _refresh_zoektekst(lid.huishouden)
    return lid


# --- assessments --------------------------------------------------------------------------


@transaction.atomic
def assess(
    *,
    lid: Lid,
    leefdomein: Leefdomein,
    door: User,
    score: int | None,
    niet_van_toepassing: bool = False,
    reden_nvt: str = "",
    toelichting: str = "",
    eigen_visie: str = "",
    beoordeeld_op: datetime.date | None = None,
    vorige: int | None = None,
    controleer_vorige: bool = True,
) -> Beoordeling:
    """Record a new dated snapshot (never an update: the trend stays visible).

    `vorige` is the id of the latest assessment the professional saw (None: none yet).
    When another one was recorded since, BeoordelingConflict shows it instead of
    silently replacing the current score.
    """
    if lid.einddatum is not None:
        raise ValidationError("Dit lid is vertrokken; u kunt het niet meer beoordelen.")
    if not leefdomein.actief:
        raise ValidationError("Dit leefdomein wordt niet meer gebruikt.")
    _lock(lid.huishouden)
    latest = (
        Beoordeling.objects.filter(lid=lid, leefdomein=leefdomein)
        .select_related("beoordeeld_door")
        .order_by("-id")
        .first()
    )
    if controleer_vorige and latest is not None and latest.pk != vorige:
        raise BeoordelingConflict(latest)
    if (
        Beoordeling.vraagt_toelichting(
            score=score, niet_van_toepassing=niet_van_toepassing, vorige=latest
        )
        and not toelichting.strip()
    ):
        raise ValidationError({"toelichting": Beoordeling.toelichting_gevraagd(score)})
    beoordeling = Beoordeling(
        lid=lid,
        leefdomein=leefdomein,
        score=None if niet_van_toepassing else score,
        niet_van_toepassing=niet_van_toepassing,
        reden_nvt=reden_nvt.strip() if niet_van_toepassing else "",
        toelichting=toelichting.strip(),
        eigen_visie=eigen_visie.strip(),
        beoordeeld_op=beoordeeld_op or timezone.localdate(),
        beoordeeld_door=door,
    )
    # The foreign keys are the objects the caller loaded within the household's scope.
    beoordeling.full_clean(exclude=["lid", "leefdomein", "beoordeeld_door"])
    if beoordeling.beoordeeld_op < lid.geboortedatum:
        raise ValidationError({"beoordeeld_op": "De datum ligt voor de geboortedatum van het lid."})
    beoordeling.save()
    return beoordeling


@transaction.atomic
def assess_row(
    *, lid: Lid, door: User, uitkomsten: list[dict], beoordeeld_op: datetime.date | None = None
) -> list[Beoordeling]:
    """A member's row at once, all or nothing: every outcome through `assess`, so each
    keeps the rules of a single cell. An error names the domain it belongs to."""
    opgeslagen = []
    for uitkomst in uitkomsten:
        try:
            opgeslagen.append(
                assess(
                    lid=lid,
                    door=door,
                    beoordeeld_op=beoordeeld_op,
                    controleer_vorige=False,
                    **uitkomst,
                )
            )
        except ValidationError as error:
            datum = getattr(error, "error_dict", {}).get("beoordeeld_op")
            if datum:  # the row's one date: explained at its own field
                raise ValidationError({"beoordeeld_op": datum}) from error
            naam = uitkomst["leefdomein"].naam
            raise ValidationError([f"{naam}: {m}" for m in error.messages]) from error
    return opgeslagen


# --- sharing across teams (django-guardian, direct foreign key) -----------------------------


RECHTEN = {"view": "view_huishouden", "change": "change_huishouden"}


@transaction.atomic
def share_huishouden(
    *,
    huishouden: Huishouden,
    gebruiker: User,
    recht: str,
    geldig_tot: datetime.datetime | None,
    reden: str,
    door: User,
) -> HuishoudenUserObjectPermission:
    """The owning team's lead shares a household with one user of another team.

    One grant per user and household: sharing again replaces the earlier grant. The
    user is told through a notification.
    """
    if not huishouden.can_share(door):
        raise PermissionDenied("Alleen de teamleider van het eigen team kan dit huishouden delen.")
    if huishouden.team_id in gebruiker.teams.values_list("id", flat=True):
        raise ValidationError({"gebruiker": "Deze collega hoort al bij het team."})
    if recht not in RECHTEN:
        raise ValidationError({"recht": "Kies inzien of wijzigen."})
    if not reden.strip():
        raise ValidationError({"reden": "Geef aan waarom u dit huishouden deelt."})
    if geldig_tot is not None and geldig_tot <= timezone.now():
        raise ValidationError({"geldig_tot": "De einddatum moet in de toekomst liggen."})
    HuishoudenUserObjectPermission.objects.filter(
        content_object=huishouden, user=gebruiker
    ).delete()
    grant = HuishoudenUserObjectPermission(
        content_object=huishouden,
        user=gebruiker,
        permission=Permission.objects.get(
            content_type__app_label="huishoudens", codename=RECHTEN[recht]
        ),
        soort=HuishoudenUserObjectPermission.Soort.GEDEELD,
        geldig_tot=geldig_tot,
        reden=reden.strip(),
        verleend_door=door,
        verleend_op=timezone.now(),
    )
    grant.full_clean()
    grant.save()
    Notificatie.objects.create(
        ontvanger=gebruiker,
        soort=Notificatie.Soort.INFO,
        tekst=f"{door.weergavenaam} heeft huishouden {huishouden.referentie} met u gedeeld "
        f"({'wijzigen' if recht == 'change' else 'inzien'}).",
        url=reverse("huishoudens:detail", args=[huishouden.pk]),
    )
    return grant


@transaction.atomic
def revoke_share(*, grant: HuishoudenUserObjectPermission, door: User) -> None:
    """End a share at once (the access log keeps who saw what while it lasted)."""
    huishouden = grant.content_object
    if not huishouden.can_share(door):
        raise PermissionDenied("Alleen de teamleider van het eigen team kan delen intrekken.")
    gebruiker = grant.user
    grant.delete()
    Notificatie.objects.create(
        ontvanger=gebruiker,
        soort=Notificatie.Soort.INFO,
        tekst=f"Uw toegang tot huishouden {huishouden.referentie} is ingetrokken.",
    )


__all__ = [
    "BSN_IN_GEBRUIK",
    "BeoordelingConflict",
    "VersionConflict",
    "activate_huishouden",
    "add_lid",
    "assess",
    "close_huishouden",
    "create_huishouden",
    "end_lid",
    "revoke_share",
    "share_huishouden",
    "update_huishouden",
    "update_lid",
]
