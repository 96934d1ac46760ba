"""The plan as the history shows it: readable values of fields and the diff of a change
(stored as display text, so the history stays readable when choices or names change)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch

from casussen.models import Actie, Doel, Plan
from sociaaldomein.formatting import as_text

EIGEN_WOORDEN = ["hulpvraag", "probleem", "oplossing", "perspectief", "analyse"]
DOEL_VELDEN = ["omschrijving", "heel_huishouden", "status", "evaluatie"]
ACTIE_VELDEN = [
    "wat",
    "lid",
    "uitvoerder",
    "uitvoerder_naam",
    "dienst",
    "wet",
    "startdatum",
    "einddatum",
    "evaluatiedatum",
    "kosten",
    "status",
    "leeftijd_motivering",
]


def _tekst(obj, name: str) -> str:
    value = getattr(obj, name)
    if value is None or value == "":
        return ""
    if obj._meta.get_field(name).choices:
        return str(getattr(obj, f"get_{name}_display")())
    return as_text(value)


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
    acties = Actie.objects.select_related("lid", "dienst__organisatie")
    doelen = plan.doelen.prefetch_related(
        "leefdomeinen", "leden", Prefetch("acties", queryset=acties)
    ).order_by("id")
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
