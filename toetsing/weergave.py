"""What the toets pages show, prepared without queries in templates: the read-only
overview of a toets (its parts in three queries), readable conflict rows and error lists."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django import forms

from toetsing.models import Effect, Toets, ToetsArtikel, ToetsGrondwaarde
from toetsing.motivering import euro, factor_tekst
from toetsing.services import ETHIEK, STAP1_VELDEN, STAP2_VELDEN, onderdelen


@dataclass
class ToetsOverzicht:
    toets: Toets
    grondwaarden: list[tuple[str, list[ToetsGrondwaarde]]]
    effecten: list[Effect]
    artikelen: list[ToetsArtikel]

    @property
    def ethiek(self) -> list[tuple[str, str]]:
        return [(label, getattr(self.toets, name)) for label, name in ETHIEK]

    @property
    def kosten(self) -> dict | None:
        return kosten_cijfers(self.toets)

    @property
    def verbeteringen(self) -> int:
        return sum(e.verwachting == Effect.Verwachting.BETER for e in self.effecten)

    @property
    def verslechteringen(self) -> int:
        return sum(e.verwachting == Effect.Verwachting.SLECHTER for e in self.effecten)


def kosten_cijfers(t: Toets) -> dict | None:
    """The cost figures as display text (computed in Decimal on the model)."""
    if not t.kosten_bekend:
        return None
    besparing = t.besparing
    factor = t.rendement_factor
    return {
        "oplossing": euro(t.kosten_oplossing),
        "alternatief": euro(t.kosten_alternatief),
        "besparing": euro(abs(besparing)),
        "duurder": besparing < 0,
        "factor": f"{factor_tekst(factor)} ×" if factor is not None else "",
        "horizon": f"{t.horizon_maanden} maanden" if t.horizon_maanden else "",
    }


def toets_overzicht(toets: Toets) -> ToetsOverzicht:
    gekozen, effecten, artikelen = onderdelen(toets)
    per_wet: dict[str, list[ToetsGrondwaarde]] = {}
    for keuze in gekozen:
        per_wet.setdefault(keuze.wet_afkorting, []).append(keuze)
    return ToetsOverzicht(
        toets=toets, grondwaarden=list(per_wet.items()), effecten=effecten, artikelen=artikelen
    )


def _toon(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal):
        return euro(value)
    if isinstance(value, datetime.date):
        return f"{value:%d-%m-%Y}"
    return str(value)


def conflict_rijen(form: forms.BaseForm, current: Toets) -> list[tuple[str, str, str]]:
    """(label, what you entered, what is stored now) for every answer that differs, so the
    user sees the other person's change and loses nothing of their own."""
    rows = []
    for name in [*STAP1_VELDEN, *STAP2_VELDEN]:
        if name not in form.fields or name not in form.cleaned_data:
            continue
        field = form.fields[name]
        mine = form.cleaned_data[name]
        theirs = getattr(current, name)
        if isinstance(field, forms.ChoiceField) and not isinstance(mine, bool):
            labels = dict(field.choices)
            mine, theirs = labels.get(mine, mine), labels.get(theirs, theirs)
        if _toon(mine) != _toon(theirs):
            rows.append((str(field.label), _toon(mine), _toon(theirs)))
    return rows


def fout_lijst(form: forms.BaseForm) -> list[tuple[str, str, str]]:
    """(label, message, id of the field) of every error, for the autosave status."""
    result = []
    for name, errors in form.errors.items():
        if name == "__all__" or name not in form.fields:
            result += [("", str(error), "") for error in errors]
            continue
        bound = form[name]
        result += [(str(bound.label), str(error), bound.auto_id) for error in errors]
    return result
