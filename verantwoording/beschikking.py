"""The decision letter (beschikking) to the household about a toets, in plain Dutch (B1).

Built from the same data as the dossier: the stored motivation of the toets (Awb 3:46,
3:47: a decision states its motivation and legal basis), the articles it cited as they
read on the day of submission, and how to object: bezwaar within six weeks (Awb 6:7,
counted from the day after the letter, Awb 6:8; a term ending on a weekend or holiday
runs on, Algemene termijnenwet art. 1) and the right to be heard (Awb 7:2).

`beslissing` is the one place that says what was decided. A maatwerk request is decided
by the team lead (issue 6): until then the letter says plainly that there is no decision
yet and that objecting is not possible yet, instead of inventing one.
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
from toetsing.models import MaatwerkVerzoek, Toets
from toetsing.motivering import binnen_zin, opsomming

BEZWAAR_WEKEN = 6  # Awb art. 6:7
MET_BRIEF = (Toets.Status.INGEDIEND, Toets.Status.BEEINDIGD)


@dataclass(frozen=True)
class Beslissing:
    soort: str  # toegekend, niet_ingezet, nog_geen_besluit
    kop: str
    alineas: list[str]

    @property
    def is_besluit(self) -> bool:
        """Only a decision can be objected to (Awb 8:1 jo. 1:3)."""
        return self.soort != "nog_geen_besluit"


def beslissing(toets: Toets, verzoek: MaatwerkVerzoek | None = None) -> Beslissing:
    """What was decided about the question of this toets.

    A maatwerk request decided by the team lead(s) (issue 6): approved is `toegekend`
    with the amount, rejected is `niet_ingezet` with the lead's reason; an open request
    is no decision yet."""
    vraag = binnen_zin(toets.vraag)
    vraag = vraag[:1].lower() + vraag[1:]
    if toets.status == Toets.Status.BEEINDIGD:
        return Beslissing(
            "niet_ingezet",
            "Ons besluit: wij zetten deze oplossing niet in",
            [
                f"U vroeg om: {vraag}. Wij hebben besloten dat wij dit niet doen.",
                f"De reden: {binnen_zin(toets.reden_beeindiging)}.",
            ],
        )
    status = verzoek.status if verzoek is not None else None
    if toets.is_maatwerk and status == MaatwerkVerzoek.Status.GOEDGEKEURD:
        return Beslissing(
            "toegekend",
            "Ons besluit: u krijgt wat u vroeg",
            [
                f"U vroeg om: {vraag}. Dit past niet helemaal binnen de gewone regels. "
                "Wij maken een uitzondering: maatwerk.",
                f"Dit kost {euro(verzoek.bedrag)}. De gemeente betaalt dit uit de "
                f"{verzoek.get_financiering_display()}.",
                f"De reden: {binnen_zin(verzoek.besluit_reden)}.",
            ],
        )
    if toets.is_maatwerk and status == MaatwerkVerzoek.Status.AFGEWEZEN:
        return Beslissing(
            "niet_ingezet",
            "Ons besluit: wij maken geen uitzondering",
            [
                f"U vroeg om: {vraag}. Dit past niet binnen de gewone regels. Wij hebben "
                "besloten hiervoor geen uitzondering te maken.",
                f"De reden: {binnen_zin(verzoek.besluit_reden)}.",
            ],
        )
    if toets.is_maatwerk:
        return Beslissing(
            "nog_geen_besluit",
            "Er is nog geen besluit",
            [
                f"U vroeg om: {vraag}. Dit past niet helemaal binnen de gewone regels. "
                "Daarom is het maatwerk: een uitzondering op een regel.",
                "Over maatwerk beslist de teamleider van het wijkteam. Dat is nog niet gebeurd. "
                "U krijgt een nieuwe brief zodra er een besluit is.",
                "Deze brief is dus nog geen besluit. Hieronder leest u wat wij tot nu toe "
                "hebben afgewogen.",
            ],
        )
    alineas = [f"U vroeg om: {vraag}. Wij zeggen ja: dit past binnen de regels."]
    if toets.kosten_oplossing:
        betaald = f" uit de {toets.get_financiering_display()}" if toets.financiering else ""
        alineas.append(
            f"Dit kost {euro(toets.kosten_oplossing)}. De gemeente betaalt dit{betaald}."
        )
    return Beslissing("toegekend", "Ons besluit: u krijgt wat u vroeg", alineas)


@dataclass
class Brief:
    toets: Toets
    huishouden: Huishouden
    aan: list[Lid]
    datum: datetime.date
    beslissing: Beslissing
    motivering: list[tuple[str, str]]
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
    """Everything the letter says, in three queries (members, articles, the lead)."""
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
    return Brief(
        toets=toets,
        huishouden=huishouden,
        aan=aan,
        datum=datum,
        beslissing=beslissing(toets, verzoek),
        motivering=[(str(kop), str(tekst)) for kop, tekst in (toets.motivering or [])],
        artikelen=artikelen,
        ondertekenaar=door.weergavenaam if door else "",
        team=huishouden.team.naam,
        contact=regisseur.weergavenaam if regisseur else huishouden.team.naam,
        bezwaar_uiterlijk=bezwaartermijn(datum),
    )


def render_beschikking(brief: Brief) -> bytes:
    return html_to_pdf(render_to_string("pdf/beschikking.html", {"brief": brief}))
