"""Writes of the wijk app (keyword-only, atomic)."""

from __future__ import annotations

from wijk import cijfers
from wijk.models import Wijkverversing


def ververs_wijkbeeld() -> Wijkverversing:
    """Recompute every figure of the Wijkbeeld (atomic inside `cijfers.bereken`)."""
    return cijfers.bereken()
