"""Goals and actions of the plan (principles 2 and 6 of seed 000)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Required, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction

from casussen.models import Actie, Doel, Plan, Planwijziging
from casussen.services.plan import lock, log_inhoud, open_version
from casussen.services.weergave import (
    ACTIE_VELDEN,
    DOEL_VELDEN,
    actie_weergave,
    doel_weergave,
    verschil,
)
from huishoudens.models import Leefdomein, Lid
from sociaaldomein.concurrency import VersionConflict, save_versioned
from sociaaldomein.models import User

Handeling = Planwijziging.Handeling


class DoelGegevens(TypedDict, total=False):
    """What the professional writes of a goal (and its links to domains and members)."""

    omschrijving: Required[str]
    leefdomeinen: Required[Iterable[Leefdomein]]
    leden: Iterable[Lid]
    heel_huishouden: bool
    status: str
    evaluatie: str


def _vul(doel: Doel, gegevens: DoelGegevens) -> tuple[list[Leefdomein], list[Lid]]:
    """Put the values on the goal and check it with its links (every message at once)."""
    doel.omschrijving = gegevens["omschrijving"]
    doel.heel_huishouden = gegevens.get("heel_huishouden", False)
    doel.status = gegevens.get("status", Doel.Status.OPEN)
    doel.evaluatie = gegevens.get("evaluatie", "")
    leefdomeinen, leden = list(gegevens["leefdomeinen"]), list(gegevens.get("leden", ()))
    errors: dict[str, list] = {}
    for check in (
        doel.full_clean,
        lambda: doel.validate_links(leefdomeinen=leefdomeinen, leden=leden),
        lambda: _check_leden(leden),
    ):
        try:
            check()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    return leefdomeinen, leden


def _check_leden(leden: list[Lid]) -> None:
    if any(lid.einddatum is not None for lid in leden):
        raise ValidationError({"leden": "Kies alleen leden die nu tot het huishouden horen."})


@transaction.atomic
def add_doel(*, plan: Plan, door: User, **gegevens: Unpack[DoelGegevens]) -> Doel:
    locked = lock(plan)
    doel = Doel(plan=locked)
    leefdomeinen, leden = _vul(doel, gegevens)
    open_version(locked, door=door)
    doel.save()
    doel.leefdomeinen.set(leefdomeinen)
    doel.leden.set(leden)
    nieuw = verschil({}, doel_weergave(doel, leefdomeinen, leden))
    log_inhoud(locked, door, Handeling.TOEGEVOEGD, f"Doel ‘{doel.omschrijving}’", nieuw)
    return doel


@transaction.atomic
def change_doel(*, doel: Doel, door: User, versie: int, **gegevens: Unpack[DoelGegevens]) -> Doel:
    locked = lock(doel.plan)
    current = Doel.objects.select_related("plan").get(pk=doel.pk)
    if current.versie != versie:
        raise VersionConflict(current)
    oud = doel_weergave(current)
    leefdomeinen, leden = _vul(current, gegevens)
    wijzigingen = verschil(oud, doel_weergave(current, leefdomeinen, leden))
    if not wijzigingen:
        return current
    open_version(locked, door=door)
    save_versioned(current, expected=versie, fields=DOEL_VELDEN)
    current.leefdomeinen.set(leefdomeinen)
    current.leden.set(leden)
    log_inhoud(locked, door, Handeling.GEWIJZIGD, f"Doel ‘{current.omschrijving}’", wijzigingen)
    return current


# --- actions ---------------------------------------------------------------------------------


@transaction.atomic
def add_actie(*, doel: Doel, door: User, **values) -> Actie:
    locked = lock(doel.plan)
    actie = Actie(doel=doel, **{name: values[name] for name in ACTIE_VELDEN if name in values})
    actie.full_clean()
    open_version(locked, door=door)
    actie.save()
    onderwerp = f"Actie ‘{actie.wat}’ bij doel ‘{doel.omschrijving}’"
    log_inhoud(locked, door, Handeling.TOEGEVOEGD, onderwerp, verschil({}, actie_weergave(actie)))
    return actie


@transaction.atomic
def change_actie(*, actie: Actie, door: User, versie: int, **values) -> Actie:
    locked = lock(actie.doel.plan)
    current = Actie.objects.select_related("doel__plan", "lid", "dienst__organisatie").get(
        pk=actie.pk
    )
    if current.versie != versie:
        raise VersionConflict(current)
    oud = actie_weergave(current)
    _volg_dienst(current, values)
    for name in ACTIE_VELDEN:
        if name in values:
            setattr(current, name, values[name])
    current.full_clean()
    wijzigingen = verschil(oud, actie_weergave(current))
    if not wijzigingen:
        return current
    open_version(locked, door=door)
    velden = [n for n in ACTIE_VELDEN if n not in ("lid", "dienst")] + ["lid_id", "dienst_id"]
    save_versioned(current, expected=versie, fields=velden)
    log_inhoud(locked, door, Handeling.GEWIJZIGD, f"Actie ‘{current.wat}’", wijzigingen)
    return current


def _volg_dienst(current: Actie, values: dict) -> None:
    """Another service chosen while the name is still the one filled in from the old
    service: the name follows the new service (Actie.clean fills it in again)."""
    nieuw = values.get("dienst")
    if (
        nieuw is not None
        and nieuw.pk != current.dienst_id
        and current.dienst_id
        and values.get("uitvoerder_naam", current.uitvoerder_naam) == current.dienst_naam[:200]
    ):
        values["uitvoerder_naam"] = ""
