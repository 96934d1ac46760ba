"""How values read in Dutch, once for every app: money, dates, yes/no and choices.

Amounts are euros with cents and always Decimal (DOMAIN.md: never floats); a half cent
rounds up (ROUND_HALF_UP), the rule people expect from a bill."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Model, QuerySet

CENT = Decimal("0.01")


def euro(value: Decimal | None) -> str:
    """€ 1.234,56 (Dutch notation); '' for no amount."""
    if value is None:
        return ""
    value = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    text = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {text}"


def as_text(value) -> str:
    """A value as the user reads it: — for nothing, ja/nee, euros, dd-mm-jjjj, and the
    names of several related objects, sorted."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal):
        return euro(value)
    if isinstance(value, datetime.datetime):
        return f"{value:%d-%m-%Y %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, QuerySet | list | tuple | set):
        return ", ".join(sorted(str(item) for item in value)) or "—"
    if isinstance(value, Model):
        return str(value)
    return str(value)
