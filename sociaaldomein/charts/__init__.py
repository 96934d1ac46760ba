"""Charts as accessible SVG, drawn on the server: pygal, made safe for our CSP.

Every chart stands next to a table with the same figures (the chart is a picture of the
table, never the only source). pygal draws it; `csp.make_csp_safe` turns its CSS into SVG
presentation attributes and removes its script, so the same SVG works inline in a page
under `script-src 'self'; style-src 'self'` and in a WeasyPrint PDF, which does not apply
the page's stylesheet inside an SVG. The output is deterministic (no random ids).

    grafiek = Grafiek("aanvragen", "Aanvragen per kwartaal", ["K1", "K2"], {"Wmo": [3, 5]})
    {{ grafiek.svg }}  and  {% include "components/grafiek.html" %}  (chart and table)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

import pygal
from django.utils.safestring import SafeString, mark_safe
from pygal.style import Style

from sociaaldomein.charts.csp import make_csp_safe

# Okabe-Ito: colour-blind safe, enough contrast on white.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
_STYLE = dict(
    font_family="DejaVu Sans, Arial, Helvetica, sans-serif",
    background="white",
    plot_background="white",
    foreground="#222",
    foreground_strong="#000",
    foreground_subtle="#555",
    colors=PALETTE,
    opacity="1",
    opacity_hover="1",
    transition="0ms",
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=13,
    title_font_size=16,
    value_font_size=12,
    guide_stroke_color="#bbb",
    major_guide_stroke_color="#bbb",
)
KINDS = {
    "staaf": (pygal.Bar, Style(**_STYLE)),
    "gestapeld": (pygal.StackedBar, Style(**_STYLE)),
    "liggend": (pygal.HorizontalBar, Style(**_STYLE)),
    "lijn": (pygal.Line, Style(**{**_STYLE, "stroke_width": "2.5"})),
}


def getal(value) -> str:
    """A figure in Dutch notation: 12.345 or 12.345,6 (amounts: sociaaldomein.formatting)."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    text = f"{value:,.1f}" if value % 1 else f"{value:,.0f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@dataclass(frozen=True)
class Grafiek:
    """A chart and its table: `labels` along the axis, one series of figures per name.

    `weergave` may replace a figure's text in the table (e.g. "< 10" for a small number
    that must not identify anyone); the chart then draws no bar for it (pass None)."""

    id: str
    titel: str
    labels: Sequence[str]
    reeksen: Mapping[str, Sequence[int | float | Decimal | None]]
    soort: str = "staaf"
    beschrijving: str = "De cijfers staan in de tabel bij de grafiek."
    weergave: Mapping[tuple[str, int], str] = field(default_factory=dict)

    @cached_property
    def svg(self) -> SafeString:
        chart_class, style = KINDS[self.soort]
        chart = chart_class(
            title=self.titel,
            x_labels=list(self.labels),
            style=style,
            js=[],
            disable_xml_declaration=True,
            no_prefix=True,
            width=720,
            height=360,
            legend_at_bottom=True,
            legend_at_bottom_columns=3,
            truncate_legend=-1,
            truncate_label=-1,
            value_formatter=getal,
            show_x_guides=False,
            legend_box_size=12,
            x_label_rotation=30 if len(self.labels) > 6 else 0,
        )
        for naam, waarden in self.reeksen.items():
            chart.add(naam, [None if w is None else float(w) for w in waarden])
        safe = make_csp_safe(
            chart.render(), chart_id=self.id, title=self.titel, desc=self.beschrijving, width="100%"
        )
        # the labels and names were escaped by ElementTree when it wrote the SVG
        return mark_safe(safe)  # noqa: S308 - serialised by ElementTree from our own figures

    @property
    def rijen(self) -> list[tuple[str, list[str]]]:
        """The table: per label the figure of every series, as text."""
        return [
            (
                label,
                [
                    self.weergave.get((naam, index), getal(waarden[index]))
                    for naam, waarden in self.reeksen.items()
                ],
            )
            for index, label in enumerate(self.labels)
        ]
