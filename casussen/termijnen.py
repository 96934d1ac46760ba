"""Statutory deadlines (wettelijke termijnen) counted from a report date, and Dutch
working days.

- Wmo 2015 art. 2.3.2: after a melding the college completes its investigation within
  six weeks.
- Wgs art. 4: after a request for debt help the first conversation takes place within
  four weeks; within three working days when eviction, cut-off of gas, electricity,
  district heating or water, or termination of the health insurance (Zvw) threatens.
- Algemene termijnenwet (Atw) art. 1: a statutory term that ends on a Saturday, Sunday
  or generally recognised holiday runs on to the next day that is none of these.
  Art. 3 lists those holidays: New Year's Day, Easter Monday, Ascension Day, Whit Monday,
  Christmas Day and Boxing Day, the King's birthday (Koningsdag) and 5 May. Good Friday is
  not among them. Working days are the other weekdays.

Pure functions, no database: unit-testable and usable in bulk (demo data).
"""

from __future__ import annotations

import datetime
from functools import cache

DAG = datetime.timedelta(days=1)

WMO_ONDERZOEK_WEKEN = 6  # Wmo 2015 art. 2.3.2
WGS_GESPREK_WEKEN = 4  # Wgs art. 4
WGS_SPOED_WERKDAGEN = 3  # Wgs art. 4: bedreigende situatie


def eerste_paasdag(jaar: int) -> datetime.date:
    """Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher method)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    maand, dag = divmod(h + ell - 7 * m + 114, 31)
    return datetime.date(jaar, maand, dag + 1)


def koningsdag(jaar: int) -> datetime.date:
    """27 April (the King's birthday), or 26 April when the 27th is a Sunday
    (Wet viering Koningsdag)."""
    dag = datetime.date(jaar, 4, 27)
    return dag - DAG if dag.weekday() == 6 else dag


@cache
def feestdagen(jaar: int) -> dict[datetime.date, str]:
    """The generally recognised holidays of Atw art. 3 in one year, with their names.

    Easter Sunday and Whit Sunday are included for completeness (they are Sundays)."""
    pasen = eerste_paasdag(jaar)
    return {
        datetime.date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen: "Eerste paasdag",
        pasen + DAG: "Tweede paasdag",
        koningsdag(jaar): "Koningsdag",
        datetime.date(jaar, 5, 5): "Bevrijdingsdag",
        pasen + 39 * DAG: "Hemelvaartsdag",
        pasen + 49 * DAG: "Eerste pinksterdag",
        pasen + 50 * DAG: "Tweede pinksterdag",
        datetime.date(jaar, 12, 25): "Eerste kerstdag",
        datetime.date(jaar, 12, 26): "Tweede kerstdag",
    }


def is_werkdag(dag: datetime.date) -> bool:
    return dag.weekday() < 5 and dag not in feestdagen(dag.year)


def volgende_werkdag(dag: datetime.date) -> datetime.date:
    """The day itself when it is a working day, else the next one (Atw art. 1)."""
    while not is_werkdag(dag):
        dag += DAG
    return dag


def werkdagen_na(dag: datetime.date, aantal: int) -> datetime.date:
    """The `aantal`-th working day after `dag` (the day itself does not count)."""
    if aantal < 0:
        raise ValueError("aantal werkdagen moet 0 of meer zijn")
    while aantal:
        dag += DAG
        if is_werkdag(dag):
            aantal -= 1
    return dag


def wmo_onderzoek_uiterlijk(melding: datetime.date) -> datetime.date:
    """Wmo 2015 art. 2.3.2: the investigation is completed within six weeks of the
    melding; a term ending on a weekend or holiday runs on (Atw art. 1)."""
    return volgende_werkdag(melding + datetime.timedelta(weeks=WMO_ONDERZOEK_WEKEN))


def wgs_gesprek_uiterlijk(verzoek: datetime.date, *, spoed: bool) -> datetime.date:
    """Wgs art. 4: the first conversation within four weeks of the request, or within
    three working days when a threatening situation (eviction, cut-off of energy or
    water, termination of the health insurance) is at hand."""
    if spoed:
        return werkdagen_na(verzoek, WGS_SPOED_WERKDAGEN)
    return volgende_werkdag(verzoek + datetime.timedelta(weeks=WGS_GESPREK_WEKEN))
