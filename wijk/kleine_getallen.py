"""Small numbers never identify people: one rule, used by the page, the CSV, the charts
and the council PDF alike.

A count of people, households, requests or matches under `DREMPEL` is shown as "< 10".
A figure derived from a count (a share, an amount of money) is shown only when the count
behind it is at least `DREMPEL`; otherwise it too reads "< 10". Zero counts as a small
number: "0" in a small wijk says as much as "3".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import cached_property, lru_cache

from sociaaldomein.charts import Grafiek, getal
from sociaaldomein.formatting import euro

DREMPEL = 10
KLEIN = "< 10"

Getal = int | float | Decimal


def zichtbaar(aantal: Getal | None) -> bool:
    """May a figure resting on `aantal` people (or cases) be shown?"""
    return aantal is not None and aantal >= DREMPEL


def waarde(aantal: Getal | None, afgeleid: Getal | None = None) -> Getal | None:
    """The figure to draw (a chart, a sum): None when it rests on a small number."""
    if not zichtbaar(aantal):
        return None
    return aantal if afgeleid is None else afgeleid


def tekst(aantal: Getal | None, afgeleid: Getal | None = None, *, soort: str = "getal") -> str:
    """The figure as text for a page, a CSV or a PDF: "< 10" when it rests on a small
    number. `soort`: "getal" (12.345), "procent" (12,5 %) or "euro" (€ 1.234,00)."""
    if not zichtbaar(aantal):
        return KLEIN
    value = aantal if afgeleid is None else afgeleid
    if soort == "procent":
        return f"{getal(round(float(value), 1))} %"
    if soort == "euro":
        return euro(value)
    return getal(value)


@lru_cache(maxsize=512)
def _svg(id: str, titel: str, labels: tuple, reeksen: tuple, soort: str, beschrijving: str):
    return Grafiek(
        id, titel, list(labels), dict(reeksen), soort=soort, beschrijving=beschrijving
    ).svg


class WijkGrafiek(Grafiek):
    """A chart whose SVG is kept per process for the same figures: they change only when
    the summary table is refreshed, and drawing seven charts costs more than the rest of
    the page together."""

    @cached_property
    def svg(self):
        reeksen = tuple((naam, tuple(waarden)) for naam, waarden in self.reeksen.items())
        return _svg(self.id, self.titel, tuple(self.labels), reeksen, self.soort, self.beschrijving)


def grafiek(
    id: str,
    titel: str,
    labels: Sequence[str],
    reeksen: Mapping[str, Sequence[tuple[Getal, Getal | None]]],
    *,
    soort: str = "staaf",
    eenheid: str = "getal",
) -> Grafiek:
    """A chart with its table from (count, derived figure) pairs: a small number draws
    no bar and reads "< 10" in the table."""
    getekend = {
        naam: [waarde(aantal, afgeleid) for aantal, afgeleid in paren]
        for naam, paren in reeksen.items()
    }
    weergave = {
        (naam, index): tekst(aantal, afgeleid, soort=eenheid)
        for naam, paren in reeksen.items()
        for index, (aantal, afgeleid) in enumerate(paren)
    }
    return WijkGrafiek(
        id,
        titel,
        list(labels),
        getekend,
        soort=soort,
        beschrijving="De cijfers staan in de tabel bij de grafiek; cijfers onder de 10 "
        "staan er als '< 10' en zijn niet getekend.",
        weergave=weergave,
    )
