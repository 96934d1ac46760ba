"""Writes of the plan: keyword-only, one transaction each, `full_clean()` before save.

Every write locks the plan row, so version transitions are serialised: the first change
after the household's agreement opens the next plan version (principle 3: they agree to
what is in it), and every change is written to the append-only history with a readable
diff (who, when, which field, old → new). Notifications and history entries are explicit
calls here, not signals.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from casussen.models import (
    Actie,
    Doel,
    Plan,
    Planversie,
    Planwijziging,
    Termijn,
    Veiligheidszorg,
)
from huishoudens.models import Huishouden, Leefdomein, Lid
from huishoudens.selectors import domeinmatrix
from sociaaldomein.concurrency import VersionConflict, save_versioned
from sociaaldomein.models import Notificatie, User
from sociaaldomein.roles import Rol

EIGEN_WOORDEN = ["hulpvraag", "probleem", "oplossing", "perspectief", "analyse"]
DOEL_VELDEN = ["omschrijving", "heel_huishouden", "status", "evaluatie"]
ACTIE_VELDEN = [
    "wat",
    "lid",
    "uitvoerder",
    "uitvoerder_naam",
    "wet",
    "startdatum",
    "einddatum",
    "evaluatiedatum",
    "kosten",
    "status",
    "leeftijd_motivering",
]


class PlanGewijzigd(Exception):
    """The plan's content changed after the user opened the agreement form: the household
    would agree to something they have not seen."""


# --- readable values and diffs ---------------------------------------------------------------


def euro(value: Decimal | None) -> str:
    """€ 1.234,56 (Dutch notation)."""
    if value is None:
        return ""
    text = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {text}"


def _tekst(obj, name: str) -> str:
    field = obj._meta.get_field(name)
    value = getattr(obj, name)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(getattr(obj, f"get_{name}_display")())
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal):
        return euro(value)
    if isinstance(value, datetime.date):
        return f"{value:%d-%m-%Y}"
    return str(value)


def weergave(obj, velden: Iterable[str], **extra: str) -> dict[str, str]:
    """Label → display value of the given fields (and extra labelled values)."""
    result = {
        str(obj._meta.get_field(name).verbose_name).capitalize(): _tekst(obj, name)
        for name in velden
    }
    result.update(extra)
    return result


def verschil(oud: dict[str, str], nieuw: dict[str, str]) -> list[dict[str, str]]:
    """The changed fields, in the order of `nieuw`: [{"veld", "oud", "nieuw"}]."""
    return [
        {"veld": veld, "oud": oud.get(veld, ""), "nieuw": waarde}
        for veld, waarde in nieuw.items()
        if oud.get(veld, "") != waarde
    ]


def _namen(items) -> str:
    return ", ".join(sorted(str(item) for item in items))


def doel_weergave(doel: Doel, leefdomeinen=None, leden=None) -> dict[str, str]:
    leefdomeinen = doel.leefdomeinen.all() if leefdomeinen is None else leefdomeinen
    leden = doel.leden.all() if leden is None else leden
    voor_wie = "het hele huishouden" if doel.heel_huishouden else _namen(leden)
    values = weergave(doel, ["omschrijving", "status", "evaluatie"])
    values["Voor wie"] = voor_wie
    values["Leefdomeinen"] = ", ".join(
        d.naam for d in sorted(leefdomeinen, key=lambda d: d.volgorde)
    )
    return values


def actie_weergave(actie: Actie) -> dict[str, str]:
    values = weergave(actie, ACTIE_VELDEN)
    values.pop("Naam")
    wie = actie.get_uitvoerder_display()
    if actie.uitvoerder_naam:
        wie = f"{wie}: {actie.uitvoerder_naam}"
    values["Wie doet het"] = wie
    return values


def plan_inhoud(plan: Plan) -> dict:
    """A snapshot of what the household agreed to (stored with the settled version)."""
    doelen = plan.doelen.prefetch_related("leefdomeinen", "leden", "acties__lid").order_by("id")
    return {
        "eigen_woorden": weergave(plan, EIGEN_WOORDEN),
        "doelen": [
            {
                "doel": doel_weergave(doel),
                "acties": [actie_weergave(actie) for actie in doel.acties.all()],
            }
            for doel in doelen
        ],
    }


# --- plan life cycle -------------------------------------------------------------------------


def _log(
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


@transaction.atomic
def ensure_plan(huishouden: Huishouden, *, door: User | None = None) -> Plan:
    """The plan of a household, created (concept, version 1) when it has none yet.

    Idempotent and safe under concurrency (the unique constraint decides). Called when a
    household becomes active, and by the 'Plan starten' button."""
    plan, created = Plan.objects.get_or_create(huishouden=huishouden)
    if created:
        Planversie.objects.create(plan=plan, nummer=1, aangemaakt_door=door)
        _log(
            plan,
            door=door,
            soort=Planwijziging.Soort.INHOUD,
            handeling=Planwijziging.Handeling.TOEGEVOEGD,
            onderwerp="Plan",
        )
    return plan


def start_plan(*, huishouden: Huishouden, door: User) -> Plan:
    if huishouden.status == Huishouden.Status.AFGESLOTEN:
        raise ValidationError("Dit huishouden is afgesloten; er kan geen plan meer worden gestart.")
    return ensure_plan(huishouden, door=door)


def _lock(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().select_related("huishouden").get(pk=plan.pk)


def _open_version(plan: Plan, *, door: User) -> None:
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
    locked = _lock(plan)
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
    _open_version(locked, door=door)
    if locked.eigen_woorden_op is None and locked.heeft_eigen_woorden:
        locked.eigen_woorden_op = timezone.now()
    save_versioned(locked, expected=versie, fields=[*EIGEN_WOORDEN, "eigen_woorden_op"])
    _log(
        locked,
        door=door,
        soort=Planwijziging.Soort.INHOUD,
        handeling=Planwijziging.Handeling.GEWIJZIGD,
        onderwerp="Eigen woorden en analyse",
        wijzigingen=wijzigingen,
    )
    return locked


# --- goals -----------------------------------------------------------------------------------


def _check_leden(plan: Plan, leden: list[Lid]) -> None:
    if any(lid.einddatum is not None for lid in leden):
        raise ValidationError({"leden": "Kies alleen leden die nu tot het huishouden horen."})


@transaction.atomic
def add_doel(
    *,
    plan: Plan,
    door: User,
    omschrijving: str,
    leefdomeinen: Iterable[Leefdomein],
    leden: Iterable[Lid] = (),
    heel_huishouden: bool = False,
    status: str = Doel.Status.OPEN,
    evaluatie: str = "",
) -> Doel:
    locked = _lock(plan)
    leefdomeinen, leden = list(leefdomeinen), list(leden)
    doel = Doel(
        plan=locked,
        omschrijving=omschrijving,
        heel_huishouden=heel_huishouden,
        status=status,
        evaluatie=evaluatie,
    )
    _validate_doel(doel, leefdomeinen, leden)
    _open_version(locked, door=door)
    doel.save()
    doel.leefdomeinen.set(leefdomeinen)
    doel.leden.set(leden)
    _log(
        locked,
        door=door,
        soort=Planwijziging.Soort.INHOUD,
        handeling=Planwijziging.Handeling.TOEGEVOEGD,
        onderwerp=f"Doel ‘{doel.omschrijving}’",
        wijzigingen=verschil({}, doel_weergave(doel, leefdomeinen, leden)),
    )
    return doel


def _validate_doel(doel: Doel, leefdomeinen: list[Leefdomein], leden: list[Lid]) -> None:
    errors: dict[str, list] = {}
    for check in (
        doel.full_clean,
        lambda: doel.validate_links(leefdomeinen=leefdomeinen, leden=leden),
        lambda: _check_leden(doel.plan, leden),
    ):
        try:
            check()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def change_doel(
    *,
    doel: Doel,
    door: User,
    versie: int,
    omschrijving: str,
    leefdomeinen: Iterable[Leefdomein],
    leden: Iterable[Lid] = (),
    heel_huishouden: bool = False,
    status: str = Doel.Status.OPEN,
    evaluatie: str = "",
) -> Doel:
    locked = _lock(doel.plan)
    current = Doel.objects.select_related("plan").get(pk=doel.pk)
    if current.versie != versie:
        raise VersionConflict(current)
    oud = doel_weergave(current)
    leefdomeinen, leden = list(leefdomeinen), list(leden)
    current.omschrijving, current.heel_huishouden = omschrijving, heel_huishouden
    current.status, current.evaluatie = status, evaluatie
    _validate_doel(current, leefdomeinen, leden)
    wijzigingen = verschil(oud, doel_weergave(current, leefdomeinen, leden))
    if not wijzigingen:
        return current
    _open_version(locked, door=door)
    save_versioned(current, expected=versie, fields=DOEL_VELDEN)
    current.leefdomeinen.set(leefdomeinen)
    current.leden.set(leden)
    _log(
        locked,
        door=door,
        soort=Planwijziging.Soort.INHOUD,
        handeling=Planwijziging.Handeling.GEWIJZIGD,
        onderwerp=f"Doel ‘{current.omschrijving}’",
        wijzigingen=wijzigingen,
    )
    return current


# --- actions ---------------------------------------------------------------------------------


@transaction.atomic
def add_actie(*, doel: Doel, door: User, **values) -> Actie:
    locked = _lock(doel.plan)
    actie = Actie(doel=doel, **{name: values[name] for name in ACTIE_VELDEN if name in values})
    actie.full_clean()
    _open_version(locked, door=door)
    actie.save()
    _log(
        locked,
        door=door,
        soort=Planwijziging.Soort.INHOUD,
        handeling=Planwijziging.Handeling.TOEGEVOEGD,
        onderwerp=f"Actie ‘{actie.wat}’ bij doel ‘{doel.omschrijving}’",
        wijzigingen=verschil({}, actie_weergave(actie)),
    )
    return actie


@transaction.atomic
def change_actie(*, actie: Actie, door: User, versie: int, **values) -> Actie:
    locked = _lock(actie.doel.plan)
    current = Actie.objects.select_related("doel__plan", "lid").get(pk=actie.pk)
    if current.versie != versie:
        raise VersionConflict(current)
    oud = actie_weergave(current)
    for name in ACTIE_VELDEN:
        if name in values:
            setattr(current, name, values[name])
    current.full_clean()
    wijzigingen = verschil(oud, actie_weergave(current))
    if not wijzigingen:
        return current
    _open_version(locked, door=door)
    save_versioned(
        current, expected=versie, fields=[n for n in ACTIE_VELDEN if n != "lid"] + ["lid_id"]
    )
    _log(
        locked,
        door=door,
        soort=Planwijziging.Soort.INHOUD,
        handeling=Planwijziging.Handeling.GEWIJZIGD,
        onderwerp=f"Actie ‘{current.wat}’",
        wijzigingen=wijzigingen,
    )
    return current


# --- agreement (principle 3) -----------------------------------------------------------------


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
    locked = _lock(plan)
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
    _open_version(locked, door=door)  # only after 'niet akkoord': a new round, a new version
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
    _log(
        locked,
        door=door,
        soort=Planwijziging.Soort.VASTSTELLING,
        handeling=Planwijziging.Handeling.VASTGESTELD,
        onderwerp=f"Versie {versie.nummer}: {'akkoord' if akkoord else 'niet akkoord'}",
        wijzigingen=verschil({}, details),
    )
    return versie


# --- safety (principle 5) --------------------------------------------------------------------


def _teamleiders(huishouden: Huishouden) -> list[User]:
    return list(
        User.objects.filter(
            teams=huishouden.team_id, groups__name=Rol.TEAMLEIDER.value, is_active=True
        ).distinct()
    )


def _notify(ontvangers: list[User], *, tekst: str, url: str, exclude: User | None) -> None:
    Notificatie.objects.bulk_create(
        Notificatie(ontvanger=user, soort=Notificatie.Soort.VEILIGHEID, tekst=tekst, url=url)
        for user in ontvangers
        if user != exclude
    )


@transaction.atomic
def report_safety_concern(
    *,
    plan: Plan,
    door: User,
    omschrijving: str,
    inschatting: str,
    dwangkader: str = "",
    dwangkader_toelichting: str = "",
) -> Veiligheidszorg:
    """Record a safety concern; the team lead(s) of the household's team are notified."""
    locked = _lock(plan)
    zorg = Veiligheidszorg(
        plan=locked,
        omschrijving=omschrijving,
        inschatting=inschatting,
        dwangkader=dwangkader,
        dwangkader_toelichting=dwangkader_toelichting,
        gemeld_door=door,
    )
    zorg.full_clean()
    zorg.save()
    _log(
        locked,
        door=door,
        soort=Planwijziging.Soort.VEILIGHEID,
        handeling=Planwijziging.Handeling.GEMELD,
        onderwerp="Veiligheidszorg",
        wijzigingen=verschil(
            {},
            weergave(zorg, ["omschrijving", "inschatting", "dwangkader", "dwangkader_toelichting"]),
        ),
    )
    huishouden = locked.huishouden
    # The notification names the file number, not the family: it may show on a shared screen.
    _notify(
        _teamleiders(huishouden),
        tekst=f"Veiligheidszorg gemeld voor huishouden {huishouden.referentie} "
        f"door {door.weergavenaam}.",
        url=locked.get_absolute_url(),
        exclude=None,
    )
    return zorg


@transaction.atomic
def clear_safety_concern(*, zorg: Veiligheidszorg, door: User, reden: str) -> Veiligheidszorg:
    locked = _lock(zorg.plan)
    current = Veiligheidszorg.objects.select_for_update().get(pk=zorg.pk)
    if not current.is_actief:
        raise ValidationError("Deze veiligheidszorg is al opgeheven.")
    current.opgeheven_op, current.opgeheven_door = timezone.now(), door
    current.reden_opheffing = reden
    current.full_clean()
    current.save(update_fields=["opgeheven_op", "opgeheven_door", "reden_opheffing"])
    _log(
        locked,
        door=door,
        soort=Planwijziging.Soort.VEILIGHEID,
        handeling=Planwijziging.Handeling.OPGEHEVEN,
        onderwerp="Veiligheidszorg",
        wijzigingen=verschil({}, {"Reden van opheffen": reden}),
    )
    _notify(
        _teamleiders(locked.huishouden),
        tekst=f"Veiligheidszorg opgeheven voor huishouden {locked.huishouden.referentie} "
        f"door {door.weergavenaam}.",
        url=locked.get_absolute_url(),
        exclude=door,
    )
    return current


# --- statutory deadlines ---------------------------------------------------------------------


@transaction.atomic
def add_termijn(
    *, plan: Plan, door: User, soort: str, gemeld_op: datetime.date, spoedgrond: str = ""
) -> Termijn:
    locked = _lock(plan)
    termijn = Termijn(
        plan=locked, soort=soort, gemeld_op=gemeld_op, spoedgrond=spoedgrond, aangemaakt_door=door
    )
    termijn.uiterlijk_op = termijn.bereken_uiterlijk() if gemeld_op else None
    termijn.full_clean(exclude=["uiterlijk_op"])
    termijn.save()
    _log(
        locked,
        door=door,
        soort=Planwijziging.Soort.TERMIJN,
        handeling=Planwijziging.Handeling.TOEGEVOEGD,
        onderwerp=termijn.omschrijving,
        wijzigingen=verschil(
            {}, weergave(termijn, ["gemeld_op", "spoedgrond", "uiterlijk_op"], Wet=termijn.wet)
        ),
    )
    return termijn


@transaction.atomic
def meet_termijn(*, termijn: Termijn, door: User, voldaan_op: datetime.date) -> Termijn:
    locked = _lock(termijn.plan)
    current = Termijn.objects.select_for_update().get(pk=termijn.pk)
    if current.voldaan_op:
        raise ValidationError({"voldaan_op": "Deze termijn is al voldaan."})
    current.voldaan_op = voldaan_op
    current.full_clean(exclude=["uiterlijk_op"])
    current.save(update_fields=["voldaan_op"])
    _log(
        locked,
        door=door,
        soort=Planwijziging.Soort.TERMIJN,
        handeling=Planwijziging.Handeling.GEWIJZIGD,
        onderwerp=current.omschrijving,
        wijzigingen=verschil({}, weergave(current, ["voldaan_op"])),
    )
    return current
