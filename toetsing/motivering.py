"""The motivation of a toets, written as Dutch prose from the recorded answers.

Awb art. 3:46: a decision rests on a sound motivation; art. 3:47: it is stated when the
decision is made known. The text is built only from what the professional recorded:
every sentence carries an answer, sentences without an answer are left out, so the text
changes when the answers change. It is stored with the toets on submission (or when
step 1 ends it) and reused in the PDF dossier and the decision letter.

`schrijf_motivering` is pure (no queries): the services pass it the answers of a toets,
the demo data the answers it generates.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sociaaldomein.formatting import euro

Sectie = list[str]  # [heading, paragraph]


@dataclass(frozen=True)
class EffectRegel:
    wie: str
    domein: str
    verwachting: str  # beter, gelijk, slechter
    toelichting: str = ""


@dataclass(frozen=True)
class GrondwaardeRegel:
    wet: str
    naam: str
    toelichting: str


@dataclass(frozen=True)
class ArtikelRegel:
    verwijzing: str  # "artikel 35 Pw"
    titel: str
    motivering: str
    reden_andere_wet: str = ""


@dataclass(frozen=True)
class Gegevens:
    vraag: str
    onderdeel: str  # "de actie ‘…’ bij het doel ‘…’"
    referentie: str
    behoefte: str = ""
    analyse: str = ""
    effect_kort: str = ""
    effect_lang: str = ""
    effecten: list[EffectRegel] = field(default_factory=list)
    effect_omgeving: str = ""
    kosten_oplossing: Decimal | None = None
    alternatief: str = ""
    kosten_alternatief: Decimal | None = None
    horizon_maanden: int | None = None
    grondwaarden: list[GrondwaardeRegel] = field(default_factory=list)
    ethisch_verantwoord: bool | None = None
    ethiek: list[tuple[str, str]] = field(default_factory=list)  # (aspect, explanation)
    is_nodig: bool | None = None
    past_bij_grondwaarden: bool | None = None
    conclusie_toelichting: str = ""
    reden_beeindiging: str = ""
    artikelen: list[ArtikelRegel] = field(default_factory=list)
    uitkomst: str = ""  # binnen_regels, maatwerk
    afwijking_regel: str = ""
    bijzondere_omstandigheden: str = ""
    evenredigheid_afwijking: str = ""
    financiering: str = ""  # display label
    door: str = ""
    datum: datetime.date | None = None
    correctie_van: datetime.date | None = None
    reden_correctie: str = ""


# --- small writing helpers -----------------------------------------------------------------


def factor_tekst(value: Decimal) -> str:
    return f"{value:.1f}".replace(".", ",")


def zin(text: str) -> str:
    """One answer as a sentence: trimmed, a capital first, a full stop last."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else f"{text}."


# Names of the household (set per motivation): a fragment starting with one keeps its capital.
_NAMEN: ContextVar[frozenset[str]] = ContextVar("namen", default=frozenset())


def binnen_zin(text: str) -> str:
    """An answer used inside a sentence as it was written: trimmed, no closing full stop."""
    return " ".join((text or "").split()).rstrip(".")


def in_zin(text: str) -> str:
    """An answer used inside a sentence: trimmed, no closing full stop, and fitted into the
    sentence: its first letter lower-case, unless it starts with a name or an acronym."""
    text = " ".join((text or "").split()).rstrip(".")
    eerste = text.split(" ", 1)[0] if text else ""
    if (
        eerste
        and eerste[0].isupper()
        and eerste[1:] == eerste[1:].lower()
        and eerste.strip(",;:") not in _NAMEN.get()
    ):
        text = text[0].lower() + text[1:]
    return text


def citaat(text: str) -> str:
    """The household's own words, quoted as they were said (capital kept)."""
    return " ".join((text or "").split()).rstrip(".")


def opsomming(items: list[str]) -> str:
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def _alinea(*zinnen: str) -> str:
    return " ".join(z for z in zinnen if z)


# --- the motivation ------------------------------------------------------------------------

# Per member one sentence (inverted after "Voor …"): verb for one domain, for several.
WERKWOORD = {
    "beter": ("verbetert {d}", "verbeteren {d}"),
    "gelijk": ("blijft {d} gelijk", "blijven {d} gelijk"),
    "slechter": ("verslechtert {d}", "verslechteren {d}"),
}
MAX_WOORDEN = 24


def _lid_zin(wie: str, effecten: list[EffectRegel], *, met_uitleg: bool) -> str:
    delen = []
    for soort in ("beter", "gelijk", "slechter"):
        domeinen = [
            effect.domein.lower()
            + (
                f" ({in_zin(effect.toelichting)})"
                if met_uitleg and effect.toelichting.strip()
                else ""
            )
            for effect in effecten
            if effect.verwachting == soort
        ]
        if domeinen:
            enkel, meer = WERKWOORD[soort]
            delen.append((meer if len(domeinen) > 1 else enkel).format(d=opsomming(domeinen)))
    voor = wie[0].lower() + wie[1:] if wie.startswith("Het ") else wie
    return f"Voor {voor} {opsomming(delen)}." if delen else ""


def _effecten(g: Gegevens) -> str:
    """One sentence per member; when the professional's explanations would make it long,
    they follow as sentences of their own."""
    per_lid: dict[str, list[EffectRegel]] = defaultdict(list)
    for effect in g.effecten:
        per_lid[effect.wie].append(effect)
    zinnen = []
    for wie, effecten in per_lid.items():
        volledig = _lid_zin(wie, effecten, met_uitleg=True)
        if len(volledig.split()) <= MAX_WOORDEN:
            zinnen.append(volledig)
            continue
        zinnen.append(_lid_zin(wie, effecten, met_uitleg=False))
        zinnen += [
            f"{effect.domein}: {in_zin(effect.toelichting)}."
            for effect in effecten
            if effect.toelichting.strip()
        ]
    if g.effect_omgeving.strip():
        zinnen.append(f"Voor de omgeving: {in_zin(g.effect_omgeving)}.")
    return _alinea(*zinnen)


def _kosten(g: Gegevens) -> str:
    if g.kosten_oplossing is None or g.kosten_alternatief is None:
        return ""
    periode = f" over {g.horizon_maanden} maanden" if g.horizon_maanden else ""
    zinnen = [
        f"Deze oplossing kost {euro(g.kosten_oplossing)}.",
        f"Het gebruikelijke alternatief, {in_zin(g.alternatief)}, kost naar schatting "
        f"{euro(g.kosten_alternatief)}{periode}.",
    ]
    verschil = g.kosten_alternatief - g.kosten_oplossing
    if verschil > 0:
        rendement = f"De oplossing voorkomt daarmee naar schatting {euro(verschil)}{periode}"
        if g.kosten_oplossing > 0:
            factor = (g.kosten_alternatief / g.kosten_oplossing).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP
            )
            rendement += f": {factor_tekst(factor)} keer wat zij kost"
        zinnen.append(rendement + ".")
    elif verschil < 0:
        zinnen.append(f"De oplossing is {euro(-verschil)} duurder dan het alternatief.")
    else:
        zinnen.append("De kosten van de oplossing en het alternatief zijn gelijk.")
    return _alinea(*zinnen)


def _grondwaarden(g: Gegevens) -> str:
    per_wet: dict[str, list[str]] = {}
    for keuze in g.grondwaarden:
        tekst = keuze.naam
        if keuze.toelichting.strip():
            tekst += f" ({in_zin(keuze.toelichting)})"
        per_wet.setdefault(keuze.wet, []).append(tekst)
    delen = [f"van de {wet}: {opsomming(waarden)}" for wet, waarden in per_wet.items()]
    if not delen:
        return ""
    return f"De oplossing dient de grondwaarden {'; en '.join(delen)}."


def _conclusie(g: Gegevens) -> str:
    if g.is_nodig and g.past_bij_grondwaarden:
        return _alinea(
            "Dit is wat nodig is en het past bij de grondwaarden van de wet.",
            zin(g.conclusie_toelichting),
        )
    bezwaren = []
    if g.is_nodig is False:
        bezwaren.append("dit is niet wat nodig is")
    if g.past_bij_grondwaarden is False:
        bezwaren.append("het past niet bij de grondwaarden van de wet")
    return _alinea(
        zin(opsomming(bezwaren)),
        zin(g.conclusie_toelichting),
        f"De toets is daarom na stap 1 beëindigd. Reden: {in_zin(g.reden_beeindiging)}."
        if g.reden_beeindiging.strip()
        else "",
    )


def _artikelen(g: Gegevens) -> str:
    zinnen = []
    for artikel in g.artikelen:
        verwijzing = artikel.verwijzing[:1].upper() + artikel.verwijzing[1:]
        tekst = f"{verwijzing} ({artikel.titel}): {in_zin(artikel.motivering)}."
        if artikel.reden_andere_wet.strip():
            tekst += (
                " Dit artikel komt uit een wet buiten de gekozen grondwaarden, omdat "
                f"{in_zin(artikel.reden_andere_wet)}."
            )
        zinnen.append(tekst)
    if not zinnen:
        return ""
    return _alinea("De wetsartikelen zijn ingezet als instrument voor deze grondwaarden.", *zinnen)


def _uitkomst(g: Gegevens) -> str:
    if g.uitkomst == "binnen_regels":
        return "De oplossing past binnen de bestaande regels."
    if g.uitkomst != "maatwerk":
        return ""
    zinnen = [
        f"Maatwerk: afgeweken wordt van {in_zin(g.afwijking_regel)}.",
        f"De bijzondere omstandigheden zijn: {in_zin(g.bijzondere_omstandigheden)}.",
        f"De afwijking is evenredig: {in_zin(g.evenredigheid_afwijking)}.",
    ]
    if g.financiering and g.kosten_oplossing is not None:
        zinnen.append(
            f"Het maatwerkverzoek van {euro(g.kosten_oplossing)} ({g.financiering}) is "
            "voorgelegd aan de teamleider."
        )
    return _alinea(*zinnen)


def schrijf_motivering(g: Gegevens) -> list[Sectie]:
    """The motivation as [heading, paragraph] sections, in the order of the instrument."""
    namen = frozenset(deel for effect in g.effecten for deel in effect.wie.split())
    token = _NAMEN.set(namen)
    try:
        return _schrijf(g)
    finally:
        _NAMEN.reset(token)


def _schrijf(g: Gegevens) -> list[Sectie]:
    positief = bool(g.is_nodig and g.past_bij_grondwaarden)
    kop = [
        f"Voorgelegd is de vraag: {in_zin(g.vraag)}.",
        f"De vraag hoort bij {g.onderdeel} in het plan van huishouden {g.referentie}.",
    ]
    if g.correctie_van:
        kop.append(f"Deze toets corrigeert de toets van {g.correctie_van:%d-%m-%Y}.")
        if g.reden_correctie.strip():
            kop.append(f"Reden van de correctie: {in_zin(g.reden_correctie)}.")
    nodig = _alinea(
        f"Het huishouden zegt zelf: ‘{citaat(g.behoefte)}’." if g.behoefte.strip() else "",
        f"De professional stelt vast: {in_zin(g.analyse)}." if g.analyse.strip() else "",
    )
    effect = _alinea(
        f"Op korte termijn: {in_zin(g.effect_kort)}." if g.effect_kort.strip() else "",
        f"Op lange termijn: {in_zin(g.effect_lang)}." if g.effect_lang.strip() else "",
    )
    ethiek = ""
    if g.ethisch_verantwoord is not None:
        ethiek = _alinea(
            "De oplossing is ethisch verantwoord."
            if g.ethisch_verantwoord
            else "De oplossing is niet ethisch verantwoord.",
            *(f"{aspect}: {in_zin(tekst)}." for aspect, tekst in g.ethiek if tekst.strip()),
        )
    secties: list[tuple[str, str]] = [
        ("Beslisvraag", _alinea(*kop)),
        ("Wat is nodig", nodig),
        ("Beoogd effect", effect),
        ("Effecten in de volle breedte", _effecten(g)),
        ("Kosten en rendement op lange termijn", _kosten(g)),
        ("Grondwaarden", _grondwaarden(g)),
        ("Ethische afweging", ethiek),
        ("Conclusie van stap 1", _conclusie(g)),
    ]
    if positief:
        secties += [("Juridische toets", _artikelen(g)), ("Uitkomst", _uitkomst(g))]
    if g.door and g.datum:
        handeling = "Ingediend" if positief else "Beëindigd"
        secties.append(("Vastgelegd", f"{handeling} door {g.door} op {g.datum:%d-%m-%Y}."))
    return [[kop_, tekst] for kop_, tekst in secties if tekst]
