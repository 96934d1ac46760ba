"""Reads for the Wijkbeeld: the figures of one wijk and period from the summary table, in
a constant number of queries whatever the size of the wijk. Every figure goes through
`kleine_getallen` here, so the page, the CSV and the council PDF show the same text."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from huishoudens.models import Leefdomein
from sociaaldomein.charts import Grafiek
from sociaaldomein.formatting import euro
from wijk import kleine_getallen as kg
from wijk.cijfers import KWARTALEN_TERUG, UITKOMST_DOMEINEN, WET_LABELS, kwartalen
from wijk.models import ALLE_WIJKEN, Verhaal, Wijkcijfer, Wijkverversing

TOP_AANBIEDERS = 8


def periodes(vandaag=None) -> list[tuple[str, str]]:
    """The periods of the picker: the last 4, 8 or 12 quarters, or a calendar year."""
    vandaag = vandaag or timezone.localdate()
    return [
        ("4", "Laatste 4 kwartalen"),
        ("8", "Laatste 8 kwartalen"),
        (str(KWARTALEN_TERUG), f"Laatste {KWARTALEN_TERUG} kwartalen"),
        *[(str(jaar), str(jaar)) for jaar in range(vandaag.year, vandaag.year - 3, -1)],
    ]


def kwartalen_van(periode: str, vandaag=None) -> list[str]:
    vandaag = vandaag or timezone.localdate()
    if len(periode) == 4:
        return [f"{periode}-K{k}" for k in range(1, 5)]
    return kwartalen(vandaag, int(periode))


@dataclass(frozen=True)
class Kerncijfer:
    label: str
    tekst: str
    toelichting: str = ""


@dataclass
class Wijkbeeld:
    wijk: str
    periode: str
    kwartalen: list[str]
    kerncijfers: list[Kerncijfer] = field(default_factory=list)
    grafieken: list[Grafiek] = field(default_factory=list)
    ververst_op: object = None

    @property
    def csv_rijen(self) -> list[list[str]]:
        """Every figure of the page as (onderdeel, rij, reeks, waarde) text: the same
        texts as on the page, so a small number reads "< 10" here as well."""
        rijen = [["Kerncijfers", cijfer.label, "", cijfer.tekst] for cijfer in self.kerncijfers]
        for grafiek in self.grafieken:
            namen = list(grafiek.reeksen)
            for label, waarden in grafiek.rijen:
                rijen += [
                    [grafiek.titel, label, naam, w] for naam, w in zip(namen, waarden, strict=True)
                ]
        return rijen


class _Cijfers:
    """The rows of one wijk, by (maat, kwartaal, categorie)."""

    def __init__(self, rows):
        self.rows: dict[tuple[str, str, str], tuple[int, Decimal | None]] = {
            (r.maat, r.kwartaal, r.categorie): (r.aantal, r.bedrag) for r in rows
        }

    def aantal(self, maat: str, kwartaal: str, categorie: str = "") -> int:
        return self.rows.get((maat, kwartaal, categorie), (0, None))[0]

    def bedrag(self, maat: str, kwartaal: str, categorie: str = "") -> Decimal | None:
        return self.rows.get((maat, kwartaal, categorie), (0, None))[1]

    def som(self, maat: str, kwartalen: list[str], categorie: str = "") -> int:
        return sum(self.aantal(maat, k, categorie) for k in kwartalen)

    def categorieen(self, maat: str, kwartalen: list[str]) -> dict[str, int]:
        totaal: dict[str, int] = defaultdict(int)
        for (m, k, categorie), (aantal, _) in self.rows.items():
            if m == maat and k in kwartalen:
                totaal[categorie] += aantal
        return totaal


def wijkbeeld(wijk: str, periode: str, *, vandaag=None) -> Wijkbeeld:
    """The dashboard of one wijk (or all wijken together) over a period: three queries."""
    vandaag = vandaag or timezone.localdate()
    kw = kwartalen_van(periode, vandaag)
    jaar = kw[-1][:4]
    c = _Cijfers(
        Wijkcijfer.objects.filter(wijk=wijk, kwartaal__in=[*kw, jaar, "stand"]).only(
            "maat", "kwartaal", "categorie", "aantal", "bedrag"
        )
    )
    domeinen = list(Leefdomein.objects.filter(actief=True).values_list("code", "naam"))
    verversing = Wijkverversing.objects.order_by("-klaar_op").first()
    beeld = Wijkbeeld(wijk, periode, kw, ververst_op=verversing.klaar_op if verversing else None)
    beeld.kerncijfers = _kerncijfers(c, kw, jaar)
    beeld.grafieken = [
        _huishoudens(c, kw),
        _acties_per_wet(c, kw),
        _acties_per_aanbieder(c, kw),
        _maatwerk(c, kw),
        _leefdomeinen(c, kw, domeinen),
        _uitkomsten(c, domeinen),
        _makelaar(c, kw),
    ]
    return beeld


def _kerncijfers(c: _Cijfers, kw: list[str], jaar: str) -> list[Kerncijfer]:
    aangevraagd = c.som("maatwerk_aangevraagd", kw)
    besteed_n, besteed = c.aantal("besteed", jaar), c.bedrag("besteed", jaar)
    budget = c.bedrag("budget", jaar)
    return [
        Kerncijfer(
            "Caseload",
            kg.tekst(c.aantal("caseload", kw[-1])),
            f"huishoudens in begeleiding eind {kw[-1]}",
        ),
        Kerncijfer("Aangemeld", kg.tekst(c.som("aangemeld", kw)), "huishoudens in de periode"),
        Kerncijfer("Afgesloten", kg.tekst(c.som("afgesloten", kw)), "huishoudens in de periode"),
        Kerncijfer("Doelen bereikt", kg.tekst(c.som("doelen_bereikt", kw)), "in de periode"),
        Kerncijfer("Maatwerk aangevraagd", kg.tekst(aangevraagd), "verzoeken in de periode"),
        Kerncijfer(
            "Maatwerk goedgekeurd",
            kg.tekst(c.som("maatwerk_besloten", kw, "goedgekeurd")),
            "besluiten in de periode",
        ),
        Kerncijfer(
            "Maatwerk afgewezen",
            kg.tekst(c.som("maatwerk_besloten", kw, "afgewezen")),
            "besluiten in de periode",
        ),
        Kerncijfer(
            f"Maatwerk besteed {jaar}",
            kg.tekst(besteed_n, besteed or Decimal(0), soort="euro"),
            f"van het budget {euro(budget)}" if budget else "geen budget vastgelegd",
        ),
        Kerncijfer(
            "Sociale makelaar: matches actief",
            kg.tekst(c.aantal("matches", "stand", "actief")),
            "nu lopend",
        ),
    ]


def _huishoudens(c: _Cijfers, kw: list[str]) -> Grafiek:
    reeksen = {
        naam: [(c.aantal(maat, k), None) for k in kw]
        for naam, maat in [
            ("Aangemeld", "aangemeld"),
            ("Afgesloten", "afgesloten"),
            ("Caseload (eind kwartaal)", "caseload"),
        ]
    }
    return kg.grafiek("wb-huishoudens", "Huishoudens per kwartaal", kw, reeksen)


def _acties_per_wet(c: _Cijfers, kw: list[str]) -> Grafiek:
    per_wet = c.categorieen("acties_wet", kw)
    wetten = [w for w in WET_LABELS if w in per_wet]
    return kg.grafiek(
        "wb-wetten",
        "Acties per wet of financiering (gestart in de periode)",
        [WET_LABELS[w] for w in wetten],
        {"Acties": [(per_wet[w], None) for w in wetten]},
        soort="liggend",
    )


def _acties_per_aanbieder(c: _Cijfers, kw: list[str]) -> Grafiek:
    per = sorted(c.categorieen("acties_aanbieder", kw).items(), key=lambda i: (-i[1], i[0]))
    per = per[:TOP_AANBIEDERS]
    return kg.grafiek(
        "wb-aanbieders",
        f"Acties per aanbieder (top {TOP_AANBIEDERS}, gestart in de periode)",
        [naam for naam, _ in per],
        {"Acties": [(aantal, None) for _, aantal in per]},
        soort="liggend",
    )


def _maatwerk(c: _Cijfers, kw: list[str]) -> Grafiek:
    return kg.grafiek(
        "wb-maatwerk",
        "Maatwerk: verzoeken en besluiten per kwartaal",
        kw,
        {
            "Aangevraagd": [(c.aantal("maatwerk_aangevraagd", k), None) for k in kw],
            "Goedgekeurd": [(c.aantal("maatwerk_besloten", k, "goedgekeurd"), None) for k in kw],
            "Afgewezen": [(c.aantal("maatwerk_besloten", k, "afgewezen"), None) for k in kw],
        },
    )


def _aandeel(laag: int, beoordeeld: int) -> tuple[int, float | None]:
    """A share in percent; shown only when at least 10 members score 1–2 (and so at
    least 10 were assessed)."""
    return laag, (100 * laag / beoordeeld if beoordeeld else None)


def _leefdomeinen(c: _Cijfers, kw: list[str], domeinen) -> Grafiek:
    reeksen = {
        naam: [_aandeel(c.aantal("laag", k, code), c.aantal("beoordeeld", k, code)) for k in kw]
        for code, naam in domeinen
    }
    return kg.grafiek(
        "wb-leefdomeinen",
        "Leden met score 1–2 per leefdomein (% van de beoordeelde leden per kwartaal)",
        kw,
        reeksen,
        soort="lijn",
        eenheid="procent",
    )


def _uitkomsten(c: _Cijfers, domeinen) -> Grafiek:
    namen = dict(domeinen)
    codes = [code for code in UITKOMST_DOMEINEN if code in namen]
    return kg.grafiek(
        "wb-uitkomsten",
        "Uitkomsten per huishouden: eerste en laatste beoordeling vergeleken",
        [namen[code] for code in codes],
        {
            naam: [(c.aantal(f"uitkomst_{maat}", "stand", code), None) for code in codes]
            for naam, maat in [
                ("Verbeterd", "verbeterd"),
                ("Gelijk", "gelijk"),
                ("Verslechterd", "verslechterd"),
            ]
        },
        soort="gestapeld",
    )


def _makelaar(c: _Cijfers, kw: list[str]) -> Grafiek:
    return kg.grafiek(
        "wb-makelaar",
        "Sociale makelaar: matches voorgesteld en actief geworden per kwartaal",
        kw,
        {
            "Voorgesteld": [(c.aantal("matches_voorgesteld", k), None) for k in kw],
            "Actief geworden": [(c.aantal("matches_actief", k), None) for k in kw],
        },
    )


@dataclass
class Raadsrapport:
    beeld: Wijkbeeld
    verhalen: list[str]
    gemaakt_op: object


def raadsrapport(wijk: str, periode: str) -> Raadsrapport:
    """The Wijkbeeld plus the anonymised stories the wijk's leads selected for the
    council. All wijken together (the beheerder) is figures only: no stories."""
    verhalen = []
    if wijk != ALLE_WIJKEN:
        verhalen = list(
            Verhaal.objects.filter(geselecteerd_op__isnull=False, huishouden__team__wijk=wijk)
            .order_by("geselecteerd_op")
            .values_list("geanonimiseerd", flat=True)
        )
    return Raadsrapport(wijkbeeld(wijk, periode), verhalen, timezone.now())
