"""Search text, dates and ages: small helpers the household models and forms share."""

from __future__ import annotations

import datetime
import re
import unicodedata


def normalise(text: str) -> str:
    """Lower case without diacritics, for search columns (Ö → o, é → e)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


# A postcode typed in a search box: '7411ab', '7411 AB' (spaces already removed).
POSTCODE_ZOEK = re.compile(r"^[1-9][0-9]{3}[A-Za-z]{2}$")
ZOEK_MAX = 100


def clean_search_query(query: str | None) -> str:
    """A search query as typed, made safe: no NUL or control characters, at most 100
    characters, surrounding spaces removed (PostgreSQL text cannot hold NUL)."""
    text = "".join(c if c.isprintable() else " " for c in (query or "")[: ZOEK_MAX * 2])
    return " ".join(text.split())[:ZOEK_MAX]


def months_ago(today: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (clamped to the end of shorter months)."""
    year, month = divmod(today.year * 12 + (today.month - 1) - months, 12)
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def age_on(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
