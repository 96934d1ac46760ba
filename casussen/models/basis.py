"""What the models of the plan share: text limits and the date range of the plan."""

from __future__ import annotations

import datetime
from decimal import Decimal

MAX_TEKST = 4000
MAX_KOSTEN = Decimal("9999999.99")
VROEGSTE_DATUM = datetime.date(2000, 1, 1)
LAATSTE_DATUM = datetime.date(2099, 12, 31)


def leeg(text: str | None) -> bool:
    return not (text or "").strip()


def check_datum(errors: dict, field: str, value: datetime.date | None) -> None:
    if value and not (VROEGSTE_DATUM <= value <= LAATSTE_DATUM):
        errors.setdefault(field, "Kies een datum tussen 2000 en 2099.")
