"""The decision letter (beschikking) to the household about a toets, in plain Dutch (B1).

Built from the same data as the dossier, but written for the household: what was
decided, by whom (in mandate of the college, Awb 10:3) and when; why, in a few short
sentences (Awb 3:46, 3:47); the articles it cited as they read on the day of submission;
what happens next; and how to object: bezwaar within six weeks (Awb 6:7,
counted from the day after the letter, Awb 6:8; a term ending on a weekend or holiday
runs on, Algemene termijnenwet art. 1) and the right to be heard (Awb 7:2).

`beslissing` is the one place that says what was decided. A maatwerk request is decided
by the team lead (issue 6): until then the letter says plainly that there is no decision
yet and that objecting is not possible yet, instead of inventing one. The stored
motivation (the professional's analysis, the ethical weighing, who recorded what) is
internal reasoning: it stays in the dossier and is never pasted into the letter.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone

from casussen import termijnen
from huishoudens.models import Huishouden, Lid, age_on
from sociaaldomein.formatting import euro
from sociaaldomein.pdf import html_to_pdf
from toetsing.models import MaatwerkBesluit, MaatwerkVerzoek, Toets
from toetsing.motivering import binnen_zin, opsomming

BEZWAAR_WEKEN = 6  # Awb art. 6:7
MET_BRIEF = (Toets.Status.INGEDIEND, Toets.Status.BEEINDIGD)


@dataclass(frozen=True)
class Beslissing:
    """What the letter says was decided: the decision, why in a few sentences, who decided
    and when, and what happens next. Written for the household (B1): the professional's
    own reasoning stays in the dossier."""

    soort: str  # toegekend, eigen_mandaat, afgewezen, niet_ingezet, nog_geen_besluit
    kop: str
    alineas: list[str]
    waarom: list[str] = field(default_factory=list)
    vervolg: list[str] = field(default_factory=list)
    door: list[str] = field(default_factory=list)  # the names of who decided
    rol: str = ""  # "teamleider", "professional"
    op: datetime.date | None = None

    @property
    def is_besluit(self) -> bool:
        """Only a decision can be objected to (Awb 8:1 jo. 1:3)."""
        return self.soort != "nog_geen_besluit"

    @property
    def door_tekst(self) -> str:
        """ "Anna de Vries, teamleider" (two leads: both names)."""
        if not self.door:
            return ""
        rol = "teamleiders" if self.rol == "teamleider" and len(self.door) > 1 else self.rol
        return f"{opsomming(self.door)}, {rol}"


def _deel(text: str) -> str:
    """A recorded answer fitted into a sentence after a colon: no closing full stop, a
    small first letter (unless it starts an abbreviation such as "WMO")."""
    text = binnen_zin(text)
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _datum(moment) -> datetime.date | None:
    if moment is None:
        return None
    return timezone.localdate(moment) if isinstance(moment, datetime.datetime) else moment


def _wie_besliste(verzoek: MaatwerkVerzoek, soorten: tuple[str, ...]) -> list[str]:
    """The names on the decisions of these kinds, in the order they were taken."""
    besluiten = verzoek.besluiten.select_related("door").order_by("op", "id")
    return [b.door.weergavenaam for b in besluiten if b.soort in soorten and b.door_id]


def _gekozen(toets: Toets) -> list[str]:
    """Why in two short sentences: what the help should bring and why it is needed."""
    waarom = []
    if toets.effect_kort.strip():
        waarom.append(f"Wat de hulp moet opleveren: {_deel(toets.effect_kort)}.")
    if toets.conclusie_toelichting.strip():
        waarom.append(f"Waarom het nodig is: {_deel(toets.conclusie_toelichting)}.")
    return waarom


def _maatwerk_kosten(verzoek: MaatwerkVerzoek) -> str:
    return (
        f"Dit kost {euro(verzoek.bedrag)}. De gemeente betaalt dit uit de "
        f"{verzoek.get_financiering_display()}."
    )


MAATWERK = "Dit past niet helemaal binnen de gewone regels. Wij maken daarom een uitzondering."


def beslissing(
    toets: Toets, verzoek: MaatwerkVerzoek | None = None, *, contact: str = "uw contactpersoon"
) -> Beslissing:
    """What was decided about the question of this toets, by whom and when.

    One text per state: a maatwerk request still waiting for the lead (no decision yet),
    approved or rejected by the lead(s) in mandate of the college, decided by the
    professional within the own mandate; a toets within the rules; a toets ended after
    step 1."""
    vraag = binnen_zin(toets.vraag)
    vraag = f"U vroeg om: {vraag[:1].lower() + vraag[1:]}."
    hulp = f"{contact[:1].upper() + contact[1:]} neemt contact met u op om de hulp te regelen."
    if toets.status == Toets.Status.BEEINDIGD:
        return Beslissing(
            "niet_ingezet",
            "Ons besluit: wij zetten deze oplossing niet in",
            [vraag, "Wij hebben besloten dat wij dit niet doen."],
            waarom=[f"De reden: {_deel(toets.reden_beeindiging)}."],
            vervolg=[f"Samen met {contact} zoekt u verder naar wat u helpt."],
            door=[toets.beeindigd_door.weergavenaam] if toets.beeindigd_door_id else [],
            rol="professional",
            op=_datum(toets.beeindigd_op),
        )
    status = verzoek.status if verzoek is not None else None
    if toets.is_maatwerk and status == MaatwerkVerzoek.Status.GOEDGEKEURD:
        zelf = verzoek.niveau == MaatwerkVerzoek.Niveau.ZELF
        soorten = (
            (MaatwerkBesluit.Soort.EIGEN_MANDAAT,) if zelf else (MaatwerkBesluit.Soort.GOEDGEKEURD,)
        )
        waarom = _gekozen(toets)
        if not zelf and verzoek.besluit_reden.strip():
            waarom.append(f"De reden van de teamleider: {_deel(verzoek.besluit_reden)}.")
        if zelf:
            waarom.append("Het bedrag is zo laag dat de professional dit zelf mag beslissen.")
        return Beslissing(
            "eigen_mandaat" if zelf else "toegekend",
            "Ons besluit: u krijgt wat u vroeg",
            [vraag, MAATWERK, "Dat heet maatwerk.", _maatwerk_kosten(verzoek)],
            waarom=waarom,
            vervolg=[hulp],
            door=_wie_besliste(verzoek, soorten),
            rol="professional" if zelf else "teamleider",
            op=_datum(verzoek.besloten_op),
        )
    if toets.is_maatwerk and status == MaatwerkVerzoek.Status.AFGEWEZEN:
        return Beslissing(
            "afgewezen",
            "Ons besluit: wij maken geen uitzondering",
            [
                vraag,
                "Dit past niet binnen de gewone regels.",
                "Wij hebben besloten hiervoor geen uitzondering te maken.",
            ],
            waarom=[f"De reden: {_deel(verzoek.besluit_reden)}."],
            vervolg=[
                f"{contact[:1].upper() + contact[1:]} bespreekt met u welke andere hulp "
                "mogelijk is."
            ],
            door=_wie_besliste(verzoek, (MaatwerkBesluit.Soort.AFGEWEZEN,)),
            rol="teamleider",
            op=_datum(verzoek.besloten_op),
        )
    if toets.is_maatwerk:
        return Beslissing(
            "nog_geen_besluit",
            "Er is nog geen besluit",
            [
                vraag,
                "Dit past niet helemaal binnen de gewone regels. Daarom is het maatwerk: een "
                "uitzondering op een regel.",
                "Over maatwerk beslist de teamleider van het wijkteam. Dat is nog niet gebeurd.",
                "Deze brief is dus nog geen besluit.",
            ],
            waarom=_gekozen(toets),
            vervolg=[
                "De teamleider beslist zo snel mogelijk. Daarna krijgt u een nieuwe brief.",
                "In die brief staat ook wat u kunt doen als u het er niet mee eens bent.",
            ],
        )
    alineas = [vraag, "Wij zeggen ja: dit past binnen de regels."]
    if toets.kosten_oplossing:
        betaald = f" uit de {toets.get_financiering_display()}" if toets.financiering else ""
        alineas.append(
            f"Dit kost {euro(toets.kosten_oplossing)}. De gemeente betaalt dit{betaald}."
        )
    return Beslissing(
        "toegekend",
        "Ons besluit: u krijgt wat u vroeg",
        alineas,
        waarom=_gekozen(toets),
        vervolg=[hulp],
        door=[toets.ingediend_door.weergavenaam] if toets.ingediend_door_id else [],
        rol="professional",
        op=_datum(toets.ingediend_op),
    )


@dataclass
class Brief:
    toets: Toets
    huishouden: Huishouden
    aan: list[Lid]
    datum: datetime.date
    beslissing: Beslissing
    artikelen: list[tuple[str, str, str]]  # (verwijzing, titel, betekenis)
    ondertekenaar: str
    team: str
    contact: str
    bezwaar_uiterlijk: datetime.date
    gemeente: str = field(default_factory=lambda: settings.GEMEENTE_NAAM)

    @property
    def kenmerk(self) -> str:
        return f"{self.huishouden.referentie}/T{self.toets.pk}"

    @property
    def aanhef(self) -> str:
        namen = [lid.volledige_naam for lid in self.aan]
        return f"Beste {opsomming(namen)}" if namen else "Beste bewoners"

    @property
    def bestandsnaam(self) -> str:
        soort = "beschikking" if self.beslissing.is_besluit else "bericht"
        return f"{soort}-{self.huishouden.referentie}-T{self.toets.pk}-{self.datum:%Y%m%d}.pdf"


def toets_met_brief(huishouden: Huishouden, pk: int) -> Toets:
    """A submitted or ended toets of this household (404 otherwise: a draft or a replaced
    toets has no letter)."""
    return get_object_or_404(
        Toets.objects.select_related(
            "actie__doel", "doel", "ingediend_door", "beeindigd_door", "maatwerkverzoek"
        ),
        pk=pk,
        huishouden=huishouden,
        status__in=MET_BRIEF,
    )


def bezwaartermijn(datum: datetime.date) -> datetime.date:
    """Six weeks from the day after the letter's date (Awb 6:7, 6:8), to the next
    working day when that is a weekend or holiday (Algemene termijnenwet art. 1)."""
    return termijnen.volgende_werkdag(datum + datetime.timedelta(weeks=BEZWAAR_WEKEN))


def brief_van(toets: Toets, huishouden: Huishouden, *, datum: datetime.date | None = None) -> Brief:
    """Everything the letter says, in four queries (members, articles, the contact, and
    for maatwerk who decided). Only what the household needs to know: the professional's
    full reasoning (the stored motivation) stays in the dossier."""
    datum = datum or timezone.localdate()
    leden = list(huishouden.leden.filter(einddatum__isnull=True).order_by("geboortedatum", "id"))
    aan = [lid for lid in leden if age_on(lid.geboortedatum, datum) >= 18]
    artikelen = [
        (keuze.verwijzing_kort, keuze.titel, keuze.betekenis)
        for keuze in toets.artikelen.order_by("volgorde", "id")
    ]
    door = toets.ingediend_door or toets.beeindigd_door
    verzoek = getattr(toets, "maatwerkverzoek", None) if toets.is_maatwerk else None
    regisseur = huishouden.casusregisseur
    contact = regisseur.weergavenaam if regisseur else huishouden.team.naam
    besluit = beslissing(toets, verzoek, contact=contact)
    return Brief(
        toets=toets,
        huishouden=huishouden,
        aan=aan,
        datum=datum,
        beslissing=besluit,
        artikelen=artikelen,
        ondertekenaar=besluit.door_tekst or (door.weergavenaam if door else ""),
        team=huishouden.team.naam,
        contact=contact,
        bezwaar_uiterlijk=bezwaartermijn(datum),
    )


def render_beschikking(brief: Brief) -> bytes:
    return html_to_pdf(render_to_string("pdf/beschikking.html", {"brief": brief}))


@dataclass(frozen=True)
class BriefRegel:
    """One letter in the dossier page's list: what it is and where the decision stands."""

    toets: Toets
    is_besluit: bool
    stand: str


def stand_van(toets: Toets) -> BriefRegel:
    """Where the decision on this toets stands, for the dossier page, without a query
    (the request comes with the toets)."""
    verzoek = getattr(toets, "maatwerkverzoek", None) if toets.is_maatwerk else None
    if toets.status == Toets.Status.BEEINDIGD:
        stand = f"niet ingezet, besloten op {_kort(toets.beeindigd_op)}"
    elif verzoek is None:
        stand = f"past binnen de regels, besloten op {_kort(toets.ingediend_op)}"
    elif verzoek.status == MaatwerkVerzoek.Status.GOEDGEKEURD:
        wie = (
            "binnen het eigen mandaat"
            if verzoek.niveau == MaatwerkVerzoek.Niveau.ZELF
            else "door de teamleider"
        )
        stand = f"maatwerk toegekend {wie} op {_kort(verzoek.besloten_op)}"
    elif verzoek.status == MaatwerkVerzoek.Status.AFGEWEZEN:
        stand = f"maatwerk afgewezen door de teamleider op {_kort(verzoek.besloten_op)}"
    else:
        stand = f"maatwerk, {verzoek.get_status_display().lower()}"
    is_besluit = verzoek is None or verzoek.is_besloten or toets.status == Toets.Status.BEEINDIGD
    return BriefRegel(toets, is_besluit, stand)


def _kort(moment) -> str:
    datum = _datum(moment)
    return f"{datum:%d-%m-%Y}" if datum else "onbekend"
