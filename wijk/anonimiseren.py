"""Removing what identifies a household from a story before the team lead may select it
for the council report: the household's own known names, BSNs, dates of birth, street and
postcode, and then patterns (any BSN-like number, date, postcode, address, phone number,
e-mail address, and a capitalised name after a title or a kinship word).

What remains is checked by a person: the lead reads the anonymised text before selecting
it. The rules err on the side of removing too much.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

NAAM = "[naam]"
BSN = "[BSN]"
DATUM = "[datum]"
ADRES = "[adres]"
POSTCODE = "[postcode]"
TELEFOON = "[telefoon]"
EMAIL = "[e-mail]"

MAANDEN = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
STRAATWOORDEN = (
    "straat|laan|weg|plein|pad|singel|gracht|kade|dijk|hof|steeg|dreef|park|plantsoen|"
    "markt|ring|baan|erf|wal|veld|akker|hoeve|kamp|brink|boulevard|allee"
)
NA_TITEL = (
    r"(?:mevrouw|meneer|mevr\.?|mw\.?|dhr\.?|de heer|juffrouw|opa|oma|tante|oom|zoon|dochter"
    r"|moeder|vader|broer|zus|buurman|buurvrouw|vriend|vriendin|partner|man|vrouw)"
)
_TUSSEN = r"(?:van der|van den|van de|van 't|van|de|den|der|ter|ten|te|in 't|op de|'t)"
_NAAM = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+"

PATRONEN: list[tuple[re.Pattern, str]] = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), EMAIL),
    (re.compile(r"(?<!\d)(?:\+31|0031|0)[ -]?(?:\d[ -]?){9}(?!\d)"), TELEFOON),
    # BSN: nine digits, possibly written in groups (123 456 789, 1234.56.789)
    (re.compile(r"(?<![\d€,.])\d{3,4}[ .]?\d{2,3}[ .]?\d{2,3}(?![\d,])"), BSN),
    (re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b"), DATUM),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), DATUM),
    (re.compile(rf"\b\d{{1,2}}\s+(?:{MAANDEN})\.?(?:\s+\d{{4}})?\b", re.IGNORECASE), DATUM),
    (re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b"), POSTCODE),
    (
        re.compile(
            rf"\b(?:[A-Z][\w'-]*\s)*[A-Z][\w'-]*(?:{STRAATWOORDEN})\s+\d+(?:\s?[a-zA-Z]\b|-\d+)?"
        ),
        ADRES,
    ),
    (
        re.compile(
            rf"\b((?i:{NA_TITEL}))\s+(?:(?i:{_TUSSEN})\s)?{_NAAM}(?:\s(?:(?i:{_TUSSEN})\s)?{_NAAM})*"
        ),
        rf"\1 {NAAM}",
    ),
]


@dataclass
class Bekend:
    """What the product knows of the household: removed first, exactly."""

    namen: set[str] = field(default_factory=set)
    bsns: set[str] = field(default_factory=set)
    geboortedata: set = field(default_factory=set)
    adressen: set[str] = field(default_factory=set)
    postcodes: set[str] = field(default_factory=set)

    @classmethod
    def van(cls, huishouden, leden: Iterable) -> Bekend:
        bekend = cls()
        for lid in leden:
            for deel in [*lid.voornamen.split(), lid.achternaam]:
                if len(deel) > 1:
                    bekend.namen.add(deel)
            if lid.tussenvoegsel:
                bekend.namen.add(f"{lid.tussenvoegsel} {lid.achternaam}")
            if lid.bsn:
                bekend.bsns.add(lid.bsn)
            if lid.geboortedatum:
                bekend.geboortedata.add(lid.geboortedatum)
        bekend.adressen.add(f"{huishouden.straat} {huishouden.huisnummer}")
        bekend.adressen.add(huishouden.straat)
        bekend.postcodes.add(huishouden.postcode)
        return bekend


def _exact(tekst: str, woorden: Iterable[str], vervanging: str) -> str:
    for woord in sorted({w for w in woorden if w}, key=len, reverse=True):
        tekst = re.sub(rf"(?<!\w){re.escape(woord)}(?!\w)", vervanging, tekst, flags=re.I)
    return tekst


def _datums(datum) -> list[str]:
    maand = MAANDEN.split("|")[datum.month - 1]
    return [
        f"{datum.day}-{datum.month}-{datum.year}",
        f"{datum.day:02d}-{datum.month:02d}-{datum.year}",
        f"{datum.day} {maand} {datum.year}",
        datum.isoformat(),
    ]


def anonimiseer(tekst: str, bekend: Bekend | None = None) -> str:
    """The story with every known and recognisable identifying detail replaced."""
    bekend = bekend or Bekend()
    tekst = _exact(tekst, [d for datum in bekend.geboortedata for d in _datums(datum)], DATUM)
    tekst = _exact(tekst, bekend.bsns, BSN)
    tekst = _exact(
        tekst, bekend.postcodes | {p.replace(" ", "") for p in bekend.postcodes}, POSTCODE
    )
    tekst = _exact(tekst, bekend.adressen, ADRES)
    for patroon, vervanging in PATRONEN:
        tekst = patroon.sub(vervanging, tekst)
    tekst = _exact(tekst, bekend.namen, NAAM)
    # "[naam] [naam]" of a full name reads as one
    return re.sub(rf"(?:{re.escape(NAAM)}\s+)+{re.escape(NAAM)}", NAAM, tekst)
