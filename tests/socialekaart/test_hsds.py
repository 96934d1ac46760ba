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


def test_beheerder_imports_and_exports_in_beheer(client_for, beheerder, professional):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    DienstFactory(naam="Voedselpakket")
    client = client_for(beheerder)
    export = client.get(reverse("admin:socialekaart_hsds_export"))
    assert export.status_code == 200 and b"Voedselpakket" in export.content
    csv = (
        b"organization_name,service_name,minimum_age\n"
        b"Stichting X,Taalcafe,tien\nStichting X,Inloop,\n"
    )
    response = client.post(
        reverse("admin:socialekaart_hsds_import"),
        {"bestand": SimpleUploadedFile("kaart.csv", csv)},
        follow=True,
    )
    html = response.content.decode()
    assert "0 toegevoegd, 0 bijgewerkt, 2 rij(en) afgewezen." in html
    assert "Rij 3: description: Dit veld kan niet leeg zijn." in html
    assert "Rij 2: minimum_age &#x27;tien&#x27; is geen getal." in html
    assert client_for(professional).get(reverse("admin:socialekaart_hsds_export")).status_code in (
        302,
        403,
    )
