"""The CSV intake, row by row: a Dutch report naming the row and the reason."""

import datetime
from decimal import Decimal

import pytest

from tests.vroegsignalering.factories import KOP, csv_regel
from vroegsignalering.intake import lees_bestand, parse_bedrag, parse_datum

VANDAAG = datetime.date(2026, 12, 1)
GOED_BSN = "111222333"


def lees(*regels):
    return lees_bestand("\n".join([KOP, *regels]), vandaag=VANDAAG)


def test_a_valid_row_becomes_a_signal():
    rapport = lees(csv_regel("A1", bsn=GOED_BSN, crisis="ja"))
    assert not rapport.meldingen
    (rij,) = rapport.rijen
    assert rij.bsn == GOED_BSN and rij.crisis and rij.bedrag == Decimal("850.00")
    assert rij.sleutel == GOED_BSN


@pytest.mark.parametrize(
    ("regel", "kolom", "tekst"),
    [
        (csv_regel("A1", bsn="123456789"), "bsn", "elfproef"),
        (csv_regel("A1", bsn="12345"), "bsn", "9 cijfers"),
        (csv_regel("A1", postcode="0123 AB"), "postcode", "geen geldige postcode"),
        (csv_regel("A1", bedrag="veel"), "bedrag", "geen bedrag"),
        (csv_regel("A1", bedrag="-5"), "bedrag", "negatief"),
        (csv_regel("A1", signaal="31-12-2026"), "signaaldatum", "toekomst"),
        (csv_regel("A1", signaal="31-31-2026"), "signaaldatum", "geen datum"),
        (csv_regel("A1", sinds="01-11-2026", signaal="01-10-2026"), "achterstand_sinds", "na de"),
        (csv_regel("A1", crisis="misschien"), "crisis", "geen ja of nee"),
        (csv_regel("", bsn=GOED_BSN), "referentie", "ontbreekt"),
        (csv_regel("A1", postcode="", huisnummer=""), "postcode", "verplicht"),
    ],
)
def test_a_bad_row_is_reported_with_its_line_and_reason(regel, kolom, tekst):
    rapport = lees(csv_regel("OK", bsn=GOED_BSN), regel)
    assert [r.referentie for r in rapport.rijen] == ["OK"]
    fouten = [m for m in rapport.meldingen if m.fout]
    assert fouten and all(m.regel == 3 for m in fouten)
    assert any(m.kolom == kolom and tekst in m.tekst for m in fouten), fouten


def test_a_row_without_bsn_is_a_warning_and_left_out_of_only_valid_rows():
    rapport = lees(csv_regel("A1", bsn=GOED_BSN), csv_regel("A2"))
    assert rapport.waarschuwingsregels == {3}
    assert len(rapport.te_importeren(alleen_geldig=False)) == 2
    assert [r.referentie for r in rapport.te_importeren(alleen_geldig=True)] == ["A1"]


def test_a_reference_twice_in_one_file_is_an_error():
    rapport = lees(csv_regel("A1", bsn=GOED_BSN), csv_regel("A1", bsn=GOED_BSN))
    assert [m.regel for m in rapport.meldingen if m.fout] == [3]


def test_a_missing_column_rejects_the_file():
    rapport = lees_bestand("referentie;bsn\nA1;111222333", vandaag=VANDAAG)
    assert "bedrag" in rapport.bestandsfout and not rapport.rijen


def test_an_eight_digit_bsn_gets_its_leading_zero_back():
    # 011222333 passes the elfproef? compute one that does
    from huishoudens.validators import is_valid_bsn

    bsn = next(f"0{n:08d}" for n in range(11_222_333, 11_300_000) if is_valid_bsn(f"0{n:08d}"))
    rapport = lees(csv_regel("A1", bsn=bsn[1:]))
    assert rapport.rijen[0].bsn == bsn


def test_comma_separated_files_and_amount_notations():
    tekst = (
        KOP.replace(";", ",")
        + "\n"
        + csv_regel("A1", bsn=GOED_BSN, bedrag="1234.50").replace(";", ",")
    )
    assert lees_bestand(tekst, vandaag=VANDAAG).rijen[0].bedrag == Decimal("1234.50")
    assert parse_bedrag("€ 1.234,56") == Decimal("1234.56")
    assert parse_bedrag("1.234") == Decimal("1234")
    assert parse_bedrag("1,234.56") == Decimal("1234.56")
    assert parse_datum("2026-11-01") == datetime.date(2026, 11, 1)
