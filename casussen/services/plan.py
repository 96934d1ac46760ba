"""The plan's life cycle: created when the household becomes active, versions opened by
every change after the household's agreement, the own words, and the agreement itself."""

from __future__ import annotations

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from casussen.models import Doel, Plan, Planversie, Planwijziging
from casussen.services.weergave import EIGEN_WOORDEN, plan_inhoud, verschil, weergave
from huishoudens import services as huishouden_services
from huishoudens.models import Huishouden, Lid
from huishoudens.selectors import domeinmatrix
from sociaaldomein.concurrency import VersionConflict, save_versioned
from sociaaldomein.models import User


class PlanGewijzigd(Exception):
    """The plan's content changed after the user opened the agreement form: the household
    would agree to something they have not seen."""


def log_wijziging(
    plan: Plan,
    *,
    door: User | None,
    soort: str,
    handeling: str,
    onderwerp: str,
    wijzigingen: list[dict] | None = None,
) -> Planwijziging:
    return Planwijziging.objects.create(
        plan=plan,
        versienummer=plan.versienummer,
        gebruiker=door,
        soort=soort,
        handeling=handeling,
        onderwerp=onderwerp[:200],
        wijzigingen=wijzigingen or [],
    )


def log_inhoud(
    plan: Plan, door: User | None, handeling: str, onderwerp: str, wijzigingen: list[dict]
) -> Planwijziging:
    """A change of the plan's content (own words, goals, actions) in its history."""
    return log_wijziging(
        plan,
        door=door,
        soort=Planwijziging.Soort.INHOUD,
        handeling=handeling,
        onderwerp=onderwerp,
        wijzigingen=wijzigingen,
    )


@transaction.atomic
def ensure_plan(huishouden: Huishouden, *, door: User | None = None) -> Plan:
    """The plan of a household, created (concept, version 1) when it has none yet.

    Idempotent and safe under concurrency (the unique constraint decides). Called when a
    household becomes active, and by the 'Plan starten' button."""
    plan, created = Plan.objects.get_or_create(huishouden=huishouden)
    if created:
        Planversie.objects.create(plan=plan, nummer=1, aangemaakt_door=door)
        log_inhoud(plan, door, Planwijziging.Handeling.TOEGEVOEGD, "Plan", [])
    return plan


def start_plan(*, huishouden: Huishouden, door: User) -> Plan:
    if huishouden.status == Huishouden.Status.AFGESLOTEN:
        raise ValidationError("Dit huishouden is afgesloten; er kan geen plan meer worden gestart.")
    return ensure_plan(huishouden, door=door)


def lock(plan: Plan) -> Plan:
    """The plan, locked for a write; a closed household's plan is read-only."""
    locked = Plan.objects.select_for_update().select_related("huishouden").get(pk=plan.pk)
    locked.huishouden.check_open()
    return locked


def open_version(plan: Plan, *, door: User) -> None:
    """Every change after agreement (or disagreement) opens the next, concept, version."""
    if plan.status == Plan.Status.CONCEPT:
        return
    nummer = plan.versienummer + 1
    Planversie.objects.create(plan=plan, nummer=nummer, aangemaakt_door=door)
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.CONCEPT, versienummer=nummer)
    plan.status, plan.versienummer = Plan.Status.CONCEPT, nummer


@transaction.atomic
def save_eigen_woorden(*, plan: Plan, door: User, versie: int, **values: str) -> Plan:
    """The household's own words and the professional's analysis (principle 4)."""
    locked = lock(plan)
    oud = weergave(locked, EIGEN_WOORDEN)
    for name in EIGEN_WOORDEN:
        if name in values:
            setattr(locked, name, values[name])
    locked.full_clean()
    wijzigingen = verschil(oud, weergave(locked, EIGEN_WOORDEN))
    if locked.versie != versie:
        raise VersionConflict(Plan.objects.get(pk=plan.pk))
    if not wijzigingen:
        return locked
    open_version(locked, door=door)
    if locked.eigen_woorden_op is None and locked.heeft_eigen_woorden:
        locked.eigen_woorden_op = timezone.now()
    save_versioned(locked, expected=versie, fields=[*EIGEN_WOORDEN, "eigen_woorden_op"])
    onderwerp = "Eigen woorden en analyse"
    log_inhoud(locked, door, Planwijziging.Handeling.GEWIJZIGD, onderwerp, wijzigingen)
    return locked


@transaction.atomic
def activate_huishouden(
    *, huishouden: Huishouden, versie: int, op: datetime.date, door: User, reden: str = ""
) -> Huishouden:
    """The household becomes active (or is reopened, with a reason, which the plan's
    history keeps) and has its one plan from that moment ("1 huishouden, 1 plan"), in the
    same transaction."""
    heropend, afsluiting = huishouden.is_afgesloten, huishouden.reden_afsluiting
    huishouden_services.activate_huishouden(
        huishouden=huishouden, versie=versie, op=op, door=door, reden=reden
    )
    plan = ensure_plan(huishouden, door=door)
    if heropend:
        log_inhoud(
            plan,
            door,
            Planwijziging.Handeling.GEWIJZIGD,
            "Huishouden heropend",
            [{"veld": "Reden van heropenen", "oud": afsluiting, "nieuw": reden.strip()}],
        )
    return huishouden


def close_huishouden(
    *, huishouden: Huishouden, versie: int, op: datetime.date, reden: str, door: User
) -> Huishouden:
    """The support ends; the plan and everything else is kept (a closed household can be
    reopened)."""
    return huishouden_services.close_huishouden(
        huishouden=huishouden, versie=versie, op=op, reden=reden, door=door
    )


def laatste_inhoudswijziging(plan: Plan) -> int:
    """Id of the latest content change: the agreement form states which one it showed."""
    return (
        plan.wijzigingen.filter(soort=Planwijziging.Soort.INHOUD).aggregate(laatste=Max("id"))[
            "laatste"
        ]
        or 0
    )


@transaction.atomic
def record_agreement(
    *,
    plan: Plan,
    door: User,
    akkoord: bool,
    akkoord_datum: datetime.date,
    wijze: str,
    akkoord_lid: Lid | None = None,
    vertegenwoordiger: str = "",
    zienswijze: str = "",
    reden_onvolledig: str = "",
    gezien_tot: int,
) -> Planversie:
    """Settle the current version with the household: agreed, or not agreed with their view.

    Requires the household's own words, at least one open goal, and a complete domain
    matrix or an explicit reason why the plan is settled before it is complete (logged)."""
    locked = lock(plan)
    if locked.status == Plan.Status.VASTGESTELD:
        raise ValidationError(
            "Deze versie is al vastgesteld. Een wijziging in het plan maakt een nieuwe versie."
        )
    if laatste_inhoudswijziging(locked) > gezien_tot:
        raise PlanGewijzigd
    problemen = []
    if not locked.heeft_eigen_woorden:
        problemen.append("Leg eerst de hulpvraag in de eigen woorden van het huishouden vast.")
    if not locked.doelen.filter(status__in=Doel.ACTIEF).exists():
        problemen.append("Een plan zonder open doel kan niet worden vastgesteld.")
    if problemen:
        raise ValidationError({NON_FIELD_ERRORS: problemen})
    if akkoord_lid is not None and akkoord_lid.huishouden_id != locked.huishouden_id:
        raise ValidationError({"akkoord_lid": "Kies een lid van dit huishouden."})
    matrix = domeinmatrix(locked.huishouden)
    open_version(locked, door=door)  # only after 'niet akkoord': a new round, a new version
    versie = locked.versies.get(nummer=locked.versienummer)
    versie.status = Plan.Status.VASTGESTELD if akkoord else Plan.Status.NIET_AKKOORD
    versie.vastgesteld_op, versie.vastgesteld_door = timezone.now(), door
    versie.akkoord_datum, versie.wijze = akkoord_datum, wijze
    versie.akkoord_lid = None if wijze == Planversie.Wijze.VERTEGENWOORDIGER else akkoord_lid
    versie.vertegenwoordiger = (
        vertegenwoordiger if wijze == Planversie.Wijze.VERTEGENWOORDIGER else ""
    )
    versie.zienswijze = zienswijze
    versie.matrix_compleet = matrix.is_compleet
    versie.reden_onvolledig = "" if matrix.is_compleet else reden_onvolledig
    versie.inhoud = plan_inhoud(locked)
    versie.full_clean()
    versie.save()
    Plan.objects.filter(pk=locked.pk).update(status=versie.status)
    locked.status = versie.status
    details = weergave(
        versie, ["akkoord_datum", "wijze"], **{"Namens het huishouden": versie.akkoord_door}
    )
    if versie.zienswijze:
        details["Zienswijze van het huishouden"] = versie.zienswijze
    if not matrix.is_compleet:
        details["Vastgesteld zonder complete domeinmatrix, omdat"] = versie.reden_onvolledig
        details["Ontbrekende beoordelingen"] = str(len(matrix.ontbrekend))
    log_wijziging(
        locked,
        door=door,
        soort=Planwijziging.Soort.VASTSTELLING,
        handeling=Planwijziging.Handeling.VASTGESTELD,
        onderwerp=f"Versie {versie.nummer}: {'akkoord' if akkoord else 'niet akkoord'}",
        wijzigingen=verschil({}, details),
    )
    return versie
