"""What the toets pages show, prepared without queries in templates: the read-only
overview of a toets (its parts in three queries), readable conflict rows and error lists."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from sociaaldomein.charts import Grafiek
from sociaaldomein.formatting import euro
from toetsing.models import Effect, Toets, ToetsArtikel, ToetsGrondwaarde
from toetsing.motivering import factor_tekst
from toetsing.services import ETHIEK, onderdelen


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


def raad_grafieken(overzicht: dict) -> dict[str, Grafiek]:
    """The council's figures as charts (pygal, accessible SVG, each with its table)."""
    per_wet, per_team, regels = overzicht["per_wet"], overzicht["per_team"], overzicht["regels"]
    return {
        "wet": Grafiek(
            "raad-per-wet",
            f"Goedgekeurd maatwerk per wet in {overzicht['jaar']} (euro)",
            [r["label"] for r in per_wet],
            {
                "Bedrag": [r["bedrag"] for r in per_wet],
                "Vermeden kosten": [r["vermeden"] for r in per_wet],
            },
            soort="liggend",
        ),
        "team": Grafiek(
            "raad-per-team",
            f"Goedgekeurd maatwerk per team in {overzicht['jaar']} (euro)",
            [r["label"] for r in per_team],
            {"Bedrag": [r["bedrag"] for r in per_team]},
            soort="liggend",
        ),
        "regels": Grafiek(
            "raad-regels",
            f"Afwijkingen per beleidsregel in {overzicht['jaar']}",
            [r["afwijking_regel"] for r in regels],
            {"Afwijkingen": [r["aantal"] for r in regels]},
            soort="liggend",
        ),
    }
