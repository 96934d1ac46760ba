"""A readability check for texts written to residents (B1): short sentences and none of
the professional's internal phrases. Reused by every test of a generated letter."""

from __future__ import annotations

import html
import re

MAX_WOORDEN = 25

# What belongs in the dossier, never in a letter to the household.
INTERNE_ZINNEN = (
    "De professional stelt vast",
    "Vastgelegd",
    "Ingediend door",
    "Beëindigd door",
    "ethisch verantwoord",
    "Ethische afweging",
    "voorgelegd aan de teamleider",
    "Voorgelegd is de vraag",
    "Conclusie van stap 1",
    "grondwaarden",
    "Effecten in de volle breedte",
    "precedent",
)

_BLOK = re.compile(r"</?(?:p|h[1-6]|li|ul|ol|div|dt|dd|dl|br|title|tr|td|th)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_ZINSEINDE = re.compile(r"(?<=[.!?;])\s+")


def zinnen(tekst: str) -> list[str]:
    """The sentences of a text or an HTML page: every block (paragraph, heading, list
    item) on its own, split after a full stop, question mark, exclamation or semicolon."""
    tekst = _BLOK.sub("\n", tekst)
    tekst = html.unescape(_TAG.sub("", tekst))
    gevonden = []
    for blok in tekst.split("\n"):
        blok = " ".join(blok.split())
        gevonden += [zin for zin in _ZINSEINDE.split(blok) if zin]
    return gevonden


def leesbaarheidsproblemen(
    tekst: str, *, max_woorden: int = MAX_WOORDEN, intern: tuple[str, ...] = INTERNE_ZINNEN
) -> list[str]:
    """What makes the text hard for a resident: sentences over `max_woorden` words, and
    internal phrases (case-insensitive). Empty when it reads well."""
    problemen = [
        f"{len(zin.split())} woorden: {zin}"
        for zin in zinnen(tekst)
        if len(zin.split()) > max_woorden
    ]
    laag = tekst.lower()
    problemen += [f"interne tekst: {zin}" for zin in intern if zin.lower() in laag]
    return problemen
