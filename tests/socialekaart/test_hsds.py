"""HSDS 3 export (JSON, CSV) and the row-by-row CSV import with its report."""

import pytest

from socialekaart import hsds
from socialekaart.models import Dienst
from tests.socialekaart.factories import DienstFactory

pytestmark = pytest.mark.django_db


def test_export_json_has_hsds_shape():
    DienstFactory(naam="Voedselpakket", voorliggend=True, leeftijd_min=18)
    (service,) = hsds.export_json()
    assert service["name"] == "Voedselpakket" and service["status"] == "active"
    assert service["minimum_age"] == 18
    assert service["organization"]["name"]
    loc = service["service_at_locations"][0]["location"]
    assert {"taxonomy": "wijk", "value": "Noord"} in loc["attributes"]
    assert {"taxonomy": "voorliggend", "value": "ja"} in service["attributes"]
    assert service["assured_date"]


def test_csv_round_trip_and_row_report():
    DienstFactory(naam="Voedselpakket", domeinen=["financien"])
    tekst = hsds.export_csv()
    tekst += (
        "Nieuwe Stichting,Taalcafé,Praten in het Nederlands,,16,,Gratis,,active,,,"
        "Bieb,Markt 1,7411 AA,Voorbeeldstad,Zuid,,maatschappelijke-participatie,geen,ja,\n"
        "Kapot,Foute leeftijd,x,,twaalf,,,,active,,,,,,,,,,,,\n"
        "Kapot,Fout domein,x,,,,,,active,,,,,,,,,bestaat-niet,,,\n"
    )
    rapport = hsds.import_csv(tekst)
    assert rapport.toegevoegd == 1 and rapport.bijgewerkt == 1
    assert rapport.fouten == [
        "Rij 4: minimum_age 'twaalf' is geen getal.",
        "Rij 5: onbekend leefdomein: bestaat-niet.",
    ]
    taalcafe = Dienst.objects.get(naam="Taalcafé")
    assert taalcafe.voorliggend and taalcafe.locatie.wijk == "Zuid"
    assert "1 toegevoegd, 1 bijgewerkt, 2 rij(en) afgewezen." in str(rapport)
