"""The trend of one member on one life domain as a small server-rendered SVG chart.

Geometry only: the template draws it with classes (no inline styles, strict CSP) and
the history table next to it is the text alternative.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from huishoudens.models import Beoordeling, Score

BREEDTE = 320
HOOGTE = 140
LINKS, RECHTS, BOVEN, ONDER = 28, 12, 10, 24


@dataclass(frozen=True)
class Punt:
    x: float
    y: float
    score: int
    datum: datetime.date
    label: str


@dataclass(frozen=True)
class Trend:
    breedte: int
    hoogte: int
    punten: list[Punt]
    raster: list[tuple[float, int]]  # (y, score) for the horizontal lines 1–5
    x_labels: list[tuple[float, str, str]]  # (x, text, text-anchor)
    links: int
    rechts: float

    @property
    def lijn(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.punten)

    @property
    def eerste(self) -> Punt:
        return self.punten[0]

    @property
    def laatste(self) -> Punt:
        return self.punten[-1]

    @property
    def richting(self) -> str:
        """'stijgend', 'dalend' or 'gelijk' from the first to the last score."""
        if len(self.punten) < 2 or self.punten[0].score == self.punten[-1].score:
            return "gelijk"
        return "stijgend" if self.punten[-1].score > self.punten[0].score else "dalend"


def _y(score: int) -> float:
    plot = HOOGTE - BOVEN - ONDER
    return BOVEN + plot * (5 - score) / 4


def trend(beoordelingen: list[Beoordeling]) -> Trend | None:
    """The chart of the scored assessments (oldest left); None below two scores."""
    scored = sorted(
        (b for b in beoordelingen if b.score is not None),
        key=lambda b: (b.beoordeeld_op, b.pk or 0),
    )
    if len(scored) < 2:
        return None
    first, last = scored[0].beoordeeld_op, scored[-1].beoordeeld_op
    span = (last - first).days
    plot = BREEDTE - LINKS - RECHTS
    punten = []
    for index, b in enumerate(scored):
        # all on one day: spread evenly
        fraction = (b.beoordeeld_op - first).days / span if span else index / (len(scored) - 1)
        punten.append(
            Punt(
                x=LINKS + plot * fraction,
                y=_y(b.score),
                score=b.score,
                datum=b.beoordeeld_op,
                label=Score(b.score).label,
            )
        )
    return Trend(
        breedte=BREEDTE,
        hoogte=HOOGTE,
        punten=punten,
        raster=[(_y(score), score) for score in range(1, 6)],
        x_labels=[
            (LINKS, f"{first:%d-%m-%Y}", "start"),
            (BREEDTE - RECHTS, f"{last:%d-%m-%Y}", "end"),
        ],
        links=LINKS,
        rechts=BREEDTE - RECHTS,
    )
