"""Reading a partner's CSV file, row by row, into signals or a Dutch report of what is wrong.

Pure: no database. The columns (header row, in any order; `;`, `,` or tab between them;
UTF-8 or Windows-1252):

    referentie         verplicht   the partner's own reference of the signal (unique per partner)
    bsn                            9 digits, elfproef; 8 digits get their leading zero back
    geslachtsnaam, voorletters     of the resident
    geboortedatum                  dd-mm-jjjj or jjjj-mm-dd
    straat, huisnummer, postcode, woonplaats
                                   postcode and huisnummer required without a BSN
    bedrag             verplicht   the arrears in euros: 1.234,56 or 1234.56
    achterstand_sinds  verplicht   the date the arrears arose
    signaaldatum       verplicht   the date of the signal (not in the future)
    crisis                         ja/nee: eviction or disconnection imminent
    warme_overdracht               ja/nee: the partner hands the resident over in person

An error (`fout`) rejects the row; a warning (`waarschuwing`) does not, but "alleen de
geldige rijen" leaves such rows out as well.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from huishoudens.validators import is_valid_bsn, normalise_postcode, validate_postcode

VERPLICHT = ("referentie", "bedrag", "achterstand_sinds", "signaaldatum")
KOLOMMEN = (
    "referentie",
    "bsn",
    "geslachtsnaam",
    "voorletters",
    "geboortedatum",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "bedrag",
    "achterstand_sinds",
    "signaaldatum",
    "crisis",
    "warme_overdracht",
)
JA = {"ja", "j", "1", "true", "waar", "yes", "y", "x"}
NEE = {"nee", "n", "0", "false", "onwaar", "no", ""}
DATUMFORMATEN = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%y")
MAX_BEDRAG = Decimal("10000000")
MAX_LENGTE = {
    "referentie": 60,
    "geslachtsnaam": 120,
    "voorletters": 20,
    "straat": 120,
    "huisnummer": 12,
    "woonplaats": 80,
}


@dataclass(frozen=True)
class Signaalrij:
    """One valid row: the values of a Vroegsignaal."""

    regel: int
    referentie: str
    bedrag: Decimal
    achterstand_sinds: datetime.date
    signaaldatum: datetime.date
    bsn: str = ""
    geslachtsnaam: str = ""
    voorletters: str = ""
    geboortedatum: datetime.date | None = None
    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    woonplaats: str = ""
    crisis: bool = False
    warme_overdracht: bool = False

    @property
    def sleutel(self) -> str:
        """The resident: the BSN, else the address."""
        if self.bsn:
            return self.bsn
        return f"A:{self.postcode.replace(' ', '')}{self.huisnummer.lower()}"


@dataclass(frozen=True)
class Melding:
    regel: int
    kolom: str
    tekst: str
    fout: bool = True

    @property
    def ernst(self) -> str:
        return "Fout" if self.fout else "Waarschuwing"


@dataclass
class Rapport:
    rijen: list[Signaalrij] = field(default_factory=list)  # rows without errors
    meldingen: list[Melding] = field(default_factory=list)
    bestandsfout: str = ""
    totaal: int = 0

    @property
    def foutregels(self) -> set[int]:
        return {m.regel for m in self.meldingen if m.fout}

    @property
    def waarschuwingsregels(self) -> set[int]:
        return {m.regel for m in self.meldingen if not m.fout} - self.foutregels

    def te_importeren(self, *, alleen_geldig: bool) -> list[Signaalrij]:
        """Every row without errors; with `alleen_geldig` also without warnings."""
        if not alleen_geldig:
            return self.rijen
        overslaan = self.waarschuwingsregels
        return [rij for rij in self.rijen if rij.regel not in overslaan]


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_bedrag(text: str) -> Decimal:
    """'€ 1.234,56', '1234,56', '1234.56', '1,234.56' → Decimal; ValueError otherwise."""
    value = text.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"-?[0-9.,]+", value):
        raise ValueError
    if "," in value and "." in value:
        if value.rfind(",") > value.rfind("."):
            value = value.replace(".", "").replace(",", ".")
        else:
            value = value.replace(",", "")
    elif "," in value:
        value = value.replace(",", ".")
    elif value.count(".") > 1 or re.fullmatch(r"-?[0-9]{1,3}\.[0-9]{3}", value):
        value = value.replace(".", "")  # 1.234 is a thousand separator
    try:
        bedrag = Decimal(value)
    except InvalidOperation as error:
        raise ValueError from error
    if bedrag != bedrag.quantize(Decimal("0.01")):
        raise ValueError
    return bedrag


_DMY = re.compile(r"([0-9]{1,2})[-/]([0-9]{1,2})[-/]([0-9]{4})")
_YMD = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def parse_datum(text: str) -> datetime.date:
    text = text.strip()
    match = _DMY.fullmatch(text)  # the common forms without strptime: 10 000 rows fast
    if match:
        return datetime.date(int(match[3]), int(match[2]), int(match[1]))
    match = _YMD.fullmatch(text)
    if match:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    for formaat in DATUMFORMATEN:
        try:
            return datetime.datetime.strptime(text.strip(), formaat).date()
        except ValueError:
            continue
    raise ValueError


class _Rij:
    """The checks of one row; collects its messages."""

    def __init__(self, regel: int, waarden: dict[str, str], vandaag: datetime.date):
        self.regel = regel
        self.w = waarden
        self.vandaag = vandaag
        self.meldingen: list[Melding] = []

    def fout(self, kolom: str, tekst: str) -> None:
        self.meldingen.append(Melding(self.regel, kolom, tekst))

    def let_op(self, kolom: str, tekst: str) -> None:
        self.meldingen.append(Melding(self.regel, kolom, tekst, fout=False))

    def datum(self, kolom: str, *, verplicht: bool) -> datetime.date | None:
        text = self.w.get(kolom, "")
        if not text:
            if verplicht:
                self.fout(kolom, f"De {kolom.replace('_', ' ')} ontbreekt.")
            return None
        try:
            datum = parse_datum(text)
        except ValueError:
            self.fout(kolom, f"'{text}' is geen datum; gebruik dd-mm-jjjj.")
            return None
        if datum > self.vandaag:
            self.fout(kolom, f"De datum {datum:%d-%m-%Y} ligt in de toekomst.")
        elif datum.year < 1900:
            self.fout(kolom, f"De datum {datum:%d-%m-%Y} ligt voor 1900.")
        return datum

    def ja_nee(self, kolom: str) -> bool:
        text = self.w.get(kolom, "").lower()
        if text in JA:
            return True
        if text not in NEE:
            self.fout(kolom, f"'{self.w.get(kolom)}' is geen ja of nee.")
        return False

    def bsn(self) -> str:
        bsn = self.w.get("bsn", "").replace(" ", "").replace(".", "")
        if not bsn:
            self.let_op("bsn", "Geen BSN: het signaal wordt alleen op adres gekoppeld.")
            return ""
        if bsn.isdigit() and len(bsn) == 8:
            bsn = "0" + bsn  # a spreadsheet dropped the leading zero
        if not (bsn.isdigit() and len(bsn) == 9):
            self.fout("bsn", f"'{bsn}' is geen BSN: een BSN heeft 9 cijfers.")
            return ""
        if not is_valid_bsn(bsn):
            self.fout("bsn", f"BSN {bsn} klopt niet (de elfproef faalt).")
            return ""
        return bsn

    def postcode(self, zonder_bsn: bool) -> str:
        text = self.w.get("postcode", "")
        if not text:
            if zonder_bsn:
                self.fout("postcode", "Zonder BSN zijn postcode en huisnummer verplicht.")
            return ""
        postcode = normalise_postcode(text)
        try:
            validate_postcode(postcode)
        except Exception:
            self.fout("postcode", f"'{text}' is geen geldige postcode (1234 AB).")
            return ""
        return postcode

    def bedrag(self) -> Decimal | None:
        text = self.w.get("bedrag", "")
        if not text:
            self.fout("bedrag", "Het bedrag ontbreekt.")
            return None
        try:
            bedrag = parse_bedrag(text)
        except ValueError:
            self.fout("bedrag", f"'{text}' is geen bedrag; gebruik bijvoorbeeld 1234,56.")
            return None
        if bedrag < 0:
            self.fout("bedrag", "Het bedrag is negatief.")
        elif bedrag >= MAX_BEDRAG:
            self.fout("bedrag", f"Het bedrag {text} is onwaarschijnlijk hoog.")
        elif bedrag == 0:
            self.let_op("bedrag", "Het bedrag is 0.")
        return bedrag

    def lees(self) -> Signaalrij | None:
        for kolom, lengte in MAX_LENGTE.items():
            if len(self.w.get(kolom, "")) > lengte:
                self.fout(kolom, f"De {kolom} is langer dan {lengte} tekens.")
        if not self.w.get("referentie"):
            self.fout("referentie", "De referentie van de partner ontbreekt.")
        bsn = self.bsn()
        postcode = self.postcode(zonder_bsn=not bsn)
        if not bsn and not self.w.get("huisnummer"):
            self.fout("huisnummer", "Zonder BSN zijn postcode en huisnummer verplicht.")
        bedrag = self.bedrag()
        sinds = self.datum("achterstand_sinds", verplicht=True)
        signaal = self.datum("signaaldatum", verplicht=True)
        geboren = self.datum("geboortedatum", verplicht=False)
        if sinds and signaal and sinds > signaal:
            self.fout("achterstand_sinds", "De achterstand ontstond na de signaaldatum.")
        crisis = self.ja_nee("crisis")
        warm = self.ja_nee("warme_overdracht")
        if any(m.fout for m in self.meldingen):
            return None
        return Signaalrij(
            regel=self.regel,
            referentie=self.w["referentie"],
            bedrag=bedrag,
            achterstand_sinds=sinds,
            signaaldatum=signaal,
            bsn=bsn,
            geslachtsnaam=self.w.get("geslachtsnaam", ""),
            voorletters=self.w.get("voorletters", ""),
            geboortedatum=geboren,
            straat=self.w.get("straat", ""),
            huisnummer=self.w.get("huisnummer", "").upper(),
            postcode=postcode,
            woonplaats=self.w.get("woonplaats", ""),
            crisis=crisis,
            warme_overdracht=warm,
        )


def _neem_op(rapport: Rapport, rij: _Rij, gezien: dict[str, int], waar: str) -> None:
    """Check `rij` into the report: its messages, and its signal unless a check failed or
    its reference already stood at an earlier `waar` ("regel", "positie") of the same
    delivery (`gezien`: reference → the first place it stood)."""
    gelezen = rij.lees()
    referentie = rij.w.get("referentie", "")
    if referentie in gezien:
        rij.fout("referentie", f"Dezelfde referentie staat ook op {waar} {gezien[referentie]}.")
        gelezen = None
    elif referentie:
        gezien[referentie] = rij.regel
    rapport.meldingen.extend(rij.meldingen)
    if gelezen is not None:
        rapport.rijen.append(gelezen)


def _reader(tekst: str):
    eerste = tekst.split("\n", 1)[0]
    scheiding = max((";", ",", "\t"), key=eerste.count)
    return csv.reader(io.StringIO(tekst), delimiter=scheiding)


def lees_bestand(tekst: str, *, vandaag: datetime.date) -> Rapport:
    """Check every row of the file; the report names each row (its line in the file,
    the header being line 1) and the reason."""
    rapport = Rapport()
    reader = _reader(tekst)
    kop = [kolom.strip().lower().replace(" ", "_") for kolom in next(reader, [])]
    ontbrekend = [kolom for kolom in VERPLICHT if kolom not in kop]
    if ontbrekend:
        rapport.bestandsfout = (
            "Het bestand mist de kolom(men) " + ", ".join(ontbrekend) + ". De eerste regel "
            "moet de kolomnamen bevatten (zie de uitleg bij het uploaden)."
        )
        return rapport
    gezien: dict[str, int] = {}
    for regel, waarden in enumerate(reader, start=2):
        if not any(cel.strip() for cel in waarden):
            continue
        rapport.totaal += 1
        if len(waarden) != len(kop):
            rapport.meldingen.append(
                Melding(
                    regel, "", f"De regel heeft {len(waarden)} kolommen in plaats van {len(kop)}."
                )
            )
            continue
        rij = _Rij(regel, {k: v.strip() for k, v in zip(kop, waarden, strict=True)}, vandaag)
        _neem_op(rapport, rij, gezien, "regel")
    return rapport


def lees_rijen(items: list, *, vandaag: datetime.date) -> Rapport:
    """The same checks for the signals a partner posts as JSON (a list of objects with the
    column names as keys); `regel` is then the position in the list, from 1."""
    rapport = Rapport()
    gezien: dict[str, int] = {}
    for regel, item in enumerate(items, start=1):
        rapport.totaal += 1
        if not isinstance(item, dict):
            rapport.meldingen.append(Melding(regel, "", "Een signaal is een object."))
            continue
        waarden = {
            kolom: (
                "ja"
                if item[kolom] is True
                else "nee"
                if item[kolom] is False
                else str(item[kolom]).strip()
            )
            for kolom in KOLOMMEN
            if item.get(kolom) is not None
        }
        _neem_op(rapport, _Rij(regel, waarden, vandaag), gezien, "positie")
    return rapport
