"""The screens: another team's queue is 404, the queue's queries are pinned, the upload
report names the row, the signal shows on the plan and in Mijn werk, the monitor and
the partner endpoint."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from tests.casussen.factories import PlanFactory
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.vroegsignalering.factories import KOP, PartnerFactory, csv_regel, rij
from vroegsignalering.models import Aanleverlog, Vroegsignaal, Vroegsignaalzaak
from vroegsignalering.services import bewaar_signalen

pytestmark = pytest.mark.django_db
GOED_BSN = "111222333"


@pytest.fixture
def partner():
    return PartnerFactory(naam="Woonstichting Thuis")


def _signalen(partner, team, aantal, start=0):
    rijen = [
        rij(f"R{n}", huisnummer=str(n + 1), crisis=n % 7 == 0) for n in range(start, start + aantal)
    ]
    return bewaar_signalen(partner=partner, rijen=rijen, standaard_team_id=team.pk)


def test_another_teams_queue_and_zaak_are_404(client_for, partner, team_noord, professional_zuid):
    zaak = _signalen(partner, team_noord, 1).zaken[0]
    client = client_for(professional_zuid)
    assert client.get(reverse("vroegsignalering:wachtrij", args=[team_noord.pk])).status_code == 404
    assert client.get(reverse("vroegsignalering:zaak", args=[zaak])).status_code == 404
    url = reverse("vroegsignalering:contactpoging", args=[zaak])
    assert client.post(url, {"soort": "brief"}).status_code == 404


def test_the_queue_puts_crisis_on_top_in_constant_queries(
    client_for, partner, team_noord, professional, django_assert_num_queries
):
    _signalen(partner, team_noord, 5)
    client = client_for(professional)
    url = reverse("vroegsignalering:wachtrij", args=[team_noord.pk])
    client.get(url)
    with django_assert_num_queries(7) as klein:
        response = client.get(url)
    zaken = list(response.context["zaken"])
    assert [z.crisis for z in zaken] == sorted((z.crisis for z in zaken), reverse=True)
    _signalen(partner, team_noord, 60, start=5)
    with django_assert_num_queries(len(klein.captured_queries)):
        client.get(url)


def test_upload_reports_the_bad_row_and_imports_the_valid_ones(
    client_for, partner, team_noord, professional
):
    inhoud = "\n".join([KOP, csv_regel("A1", bsn=GOED_BSN), csv_regel("A2", bsn="123456789")])
    client = client_for(professional)
    response = client.post(
        reverse("vroegsignalering:aanleveren"),
        {"partner": partner.pk, "team": team_noord.pk,
         "bestand": SimpleUploadedFile("s.csv", inhoud.encode())},
    )  # fmt: skip
    assert response.status_code == 302
    rapport = client.get(response.url)
    assert "Regel 3" in rapport.text and "elfproef" in rapport.text
    importeer = reverse("vroegsignalering:importeren", args=[rapport.context["aanlevering"].pk])
    assert client.post(importeer, {"keuze": "geldig"}).status_code == 302
    assert list(Vroegsignaal.objects.values_list("referentie", flat=True)) == ["A1"]
    client.post(importeer, {"keuze": "geldig"})  # again: nothing added
    assert Vroegsignaal.objects.count() == 1


def test_a_signal_on_the_plan_and_in_mijn_werk(client_for, partner, team_noord, professional):
    huishouden = HuishoudenFactory(team=team_noord, casusregisseur=professional)
    PlanFactory(huishouden=huishouden)
    lid = LidFactory(huishouden=huishouden)
    zaak = bewaar_signalen(partner=partner, rijen=[rij(bsn=lid.bsn, crisis=True)]).zaken[0]
    client = client_for(professional)
    plan = client.get(reverse("casussen:plan", args=[huishouden.pk]))
    assert "Basisbehoefte eerst: Huisvesting" in plan.text and "crisissignaal" in plan.text
    start = client.get(reverse("start"))
    assert (
        "Vroegsignalen bij mijn huishoudens" in start.text and escape(huishouden.naam) in start.text
    )
    client.post(reverse("vroegsignalering:oppakken", args=[zaak]))
    assert Vroegsignaalzaak.objects.get(pk=zaak).eindresultaat == "ander_lopend_traject"
    assert (
        "Basisbehoefte eerst: Huisvesting"
        not in client.get(reverse("casussen:plan", args=[huishouden.pk])).text
    )


def test_contact_attempt_outcome_and_monitor_csv(client_for, partner, team_noord, professional):
    zaak = _signalen(partner, team_noord, 1).zaken[0]
    client = client_for(professional)
    response = client.post(
        reverse("vroegsignalering:contactpoging", args=[zaak]),
        {"soort": "huisbezoek", "datum": "2999-01-01", "dagdeel": "middag"},
    )
    assert response.status_code == 200 and "toekomst" in response.text
    from django.utils import timezone

    vandaag = timezone.localdate().isoformat()
    client.post(
        reverse("vroegsignalering:contactpoging", args=[zaak]),
        {"soort": "huisbezoek", "datum": vandaag, "dagdeel": "middag", "bereikt": "on"},
    )
    client.post(
        reverse("vroegsignalering:eindresultaat", args=[zaak]),
        {"eindresultaat": "advies_quick_fix"},
    )
    monitor = client.get(reverse("vroegsignalering:monitor"))
    assert "Informatie en advies of quick fix" in monitor.text
    export = client.get(reverse("vroegsignalering:monitor_csv"))
    rijen = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[1][rijen[0].index("eindresultaat")] == "advies_quick_fix"
    assert "Visser" not in export.content.decode()  # no names in the monitor
    terug = client.get(reverse("vroegsignalering:terugmelding", args=[partner.pk]))
    assert terug.content.decode("utf-8-sig").splitlines()[1].endswith(";ja")


def test_the_auditor_reads_but_does_not_work(client_for, partner, team_noord, auditor):
    zaak = _signalen(partner, team_noord, 1).zaken[0]
    client = client_for(auditor)
    assert client.get(reverse("vroegsignalering:zaak", args=[zaak])).status_code == 200
    url = reverse("vroegsignalering:eindresultaat", args=[zaak])
    assert client.post(url, {"eindresultaat": "geen_inwoner"}).status_code == 403


def test_the_partner_endpoint_takes_signals_with_its_token_only(partner, team_noord):
    from vroegsignalering.models import Wijkindeling

    Wijkindeling.objects.create(postcodecijfers="7411", team=team_noord)
    token = partner.nieuw_token()
    url = reverse("vroegsignalering:api_signalen")
    body = {"signalen": [
        {"referentie": "API-1", "bsn": GOED_BSN, "postcode": "7411 AB", "huisnummer": "3",
         "bedrag": "120.50", "achterstand_sinds": "2026-09-01", "signaaldatum": "2026-11-01",
         "crisis": True},
        {"referentie": "API-2", "bsn": "123456789", "bedrag": "1",
         "achterstand_sinds": "2026-09-01", "signaaldatum": "2026-11-01"},
    ]}  # fmt: skip
    client = Client()
    assert client.post(url, json.dumps(body), content_type="application/json").status_code == 401
    headers = {"Authorization": f"Bearer {token}"}
    response = client.post(url, json.dumps(body), content_type="application/json", headers=headers)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["nieuw"] == 1 and data["fouten"][0]["positie"] == 2
    again = client.post(url, json.dumps(body), content_type="application/json", headers=headers)
    assert again.json()["nieuw"] == 0 and again.json()["al_bekend"] == 1
    assert client.get(url, headers=headers).status_code == 405
    assert (
        client.post(url, "{", content_type="application/json", headers=headers).status_code == 400
    )
    assert list(Aanleverlog.objects.order_by("id").values_list("status", flat=True)) == [
        401,
        201,
        201,
        400,
    ]
    assert Vroegsignaal.objects.get().bron == "koppeling"


def test_looks_and_refusals_are_in_the_access_log(wereld, client_for):
    from sociaaldomein.models import Toegangslog

    zaak = wereld.vroegsignaalzaak_plan
    client_for(wereld.users["professional"]).get(reverse("vroegsignalering:zaak", args=[zaak]))
    entry = Toegangslog.objects.get(onderwerp="vroegsignaal", actie="bekeken")
    assert entry.huishoudens == [wereld.huishouden.pk] and entry.object_id == str(zaak)
    client_for(wereld.users["ander_team"]).get(reverse("vroegsignalering:zaak", args=[zaak]))
    assert Toegangslog.objects.filter(
        onderwerp="vroegsignaal", actie="geweigerd", gebruiker=wereld.users["ander_team"]
    ).exists()


def test_zaak_and_monitor_pages_cost_the_same_queries_with_more_data(
    client_for, partner, team_noord, professional, django_assert_num_queries
):
    from django.utils import timezone

    zaak = _signalen(partner, team_noord, 1).zaken[0]
    client = client_for(professional)
    pagina = reverse("vroegsignalering:zaak", args=[zaak])
    monitor = reverse("vroegsignalering:monitor")
    client.get(pagina)
    client.get(monitor)
    with django_assert_num_queries(6) as zaak_klein:
        client.get(pagina)
    with django_assert_num_queries(5) as monitor_klein:
        client.get(monitor)
    water = PartnerFactory(naam="Waterbedrijf", soort="water")
    bewaar_signalen(partner=water, rijen=[rij("W1", huisnummer="1"), rij("W2", huisnummer="40")],
                    standaard_team_id=team_noord.pk)  # fmt: skip
    from vroegsignalering.services import register_contactpoging

    for _ in range(3):
        register_contactpoging(
            zaak=Vroegsignaalzaak.objects.get(pk=zaak), door=professional, soort="brief",
            datum=timezone.localdate(), dagdeel="ochtend", bereikt=False,
        )  # fmt: skip
    assert Vroegsignaalzaak.objects.get(pk=zaak).signalen.count() == 2
    with django_assert_num_queries(len(zaak_klein.captured_queries)):
        client.get(pagina)
    with django_assert_num_queries(len(monitor_klein.captured_queries)):
        client.get(monitor)


def test_a_long_queue_is_counted_up_to_the_cap(client_for, partner, team_noord, professional):
    from vroegsignalering import selectors

    _signalen(partner, team_noord, 12)
    selectors.MAX_GETELD, oud = 10, selectors.MAX_GETELD
    try:
        response = client_for(professional).get(
            reverse("vroegsignalering:wachtrij", args=[team_noord.pk])
        )
    finally:
        selectors.MAX_GETELD = oud
    assert "Meer dan 10 open zaken" in response.text
