"""Stories: consent recorded, identifying details removed before the lead sees them, the
council report combines figures, charts and the selected stories."""

from __future__ import annotations

import datetime
import html as html_lib
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.verantwoording.conftest import pdf_tekst
from tests.wijk.factories import maak_verhaal
from wijk.anonimiseren import Bekend, anonimiseer
from wijk.cijfers import bereken
from wijk.models import ALLE_WIJKEN, Verhaal
from wijk.selectors import raadsrapport

VERHAAL = (
    "Toen ik Fatima Bouzid (BSN 123456782, geboren 7 maart 1984) in januari voor het eerst "
    "sprak op de Dijkweg 12 in 7411AB, durfde zij de post niet meer te openen. Haar zoon "
    "Daan van der Berg (21-11-2012) ging niet meer naar school. Mevrouw Bouzid belde ons op "
    "06-12345678. Samen met buurvrouw Henny Jansen van de Lindelaan 4b zochten we een "
    "oplossing. Meneer De Vries van de woningcorporatie (postcode 1234 XY) mailde naar "
    "f.bouzid@example.nl. Met een budgetcoach en € 1.250 aan maatwerk is de schuld nu "
    "geregeld. Fatima werkt sinds 1 september 2025 weer 20 uur per week; Daan haalde zijn "
    "diploma. Haar oude BSN-nummer 9876.54.321 staat nergens meer."
)
VERBODEN = [
    "Fatima",
    "Bouzid",
    "Daan",
    "Berg",
    "Henny",
    "Jansen",
    "Vries",
    "123456782",
    "1984",
    "Dijkweg",
    "7411",
    "2012",
    "Lindelaan",
    "12345678",
    "1234 XY",
    "example.nl",
    "9876",
]


@pytest.fixture
def gezin(team_noord):
    huishouden = HuishoudenFactory(
        team=team_noord, straat="Dijkweg", huisnummer="12", postcode="7411 AB"
    )
    LidFactory(
        huishouden=huishouden,
        voornamen="Fatima Zahra",
        achternaam="Bouzid",
        bsn="123456782",
        geboortedatum=datetime.date(1984, 3, 7),
    )
    LidFactory(
        huishouden=huishouden,
        voornamen="Daan",
        tussenvoegsel="van der",
        achternaam="Berg",
        geboortedatum=datetime.date(2012, 11, 21),
        relatie="kind",
    )
    return huishouden


@pytest.mark.django_db
def test_realistic_dutch_story_is_anonymised(gezin):
    tekst = anonimiseer(VERHAAL, Bekend.van(gezin, gezin.leden.all()))
    for woord in VERBODEN:
        assert woord not in tekst, (woord, tekst)
    # what the council needs stays: the journey, the amount, the outcome
    assert "budgetcoach en € 1.250 aan maatwerk" in tekst
    assert "20 uur per week" in tekst and "diploma" in tekst
    assert "[naam]" in tekst and "[adres]" in tekst and "[BSN]" in tekst
    assert "[datum]" in tekst and "[postcode]" in tekst and "[telefoon]" in tekst


@pytest.mark.django_db
def test_professional_writes_story_with_consent_lead_sees_only_anonymised(
    client_for, professional, teamleider, gezin
):
    url = reverse("wijk:verhaal_nieuw", args=[gezin.pk])
    client = client_for(professional)
    zonder = {"titel": "Weer rust", "tekst": VERHAAL, "toestemming_van": ""}
    response = client.post(url, zonder)
    assert response.status_code == 200 and not Verhaal.objects.exists()
    assert "Dit veld is verplicht" in response.content.decode()
    toekomst = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    response = client.post(url, {**zonder, "toestemming_van": "Fatima", "toestemming_op": toekomst})
    assert response.status_code == 200 and not Verhaal.objects.exists()
    vandaag = timezone.localdate().isoformat()
    response = client.post(url, {**zonder, "toestemming_van": "Fatima", "toestemming_op": vandaag})
    assert response.status_code == 302
    verhaal = Verhaal.objects.get()
    assert verhaal.tekst == VERHAAL and "Bouzid" not in verhaal.geanonimiseerd

    lead = client_for(teamleider)
    html = lead.get(reverse("wijk:verhalen")).content.decode()
    assert "budgetcoach" in html and "Bouzid" not in html and "Dijkweg" not in html
    lead.post(reverse("wijk:verhaal_selecteren", args=[verhaal.pk]), {"selecteren": "ja"})
    verhaal.refresh_from_db()
    assert verhaal.geselecteerd_door == teamleider


@pytest.mark.django_db
def test_council_report_combines_figures_charts_and_stories_without_small_numbers(
    client_for, professional, teamleider, gezin
):
    verhaal = maak_verhaal(huishouden=gezin, door=professional, tekst=VERHAAL)
    Verhaal.objects.filter(pk=verhaal.pk).update(geselecteerd_op=timezone.now())
    bereken()
    response = client_for(teamleider).get(reverse("wijk:raadsrapport"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(response.content)
    assert "Raadsrapport: Noord" in tekst
    assert "Huishoudens per kwartaal" in tekst and "Kerncijfers" in tekst
    assert "budgetcoach" in tekst and "Bouzid" not in tekst
    assert "< 10" in tekst
    # no count under 10 written out: the only small numbers are in the quarters' names
    # (2026-K3), the chart axes and the page footer
    tabel = tekst.split("Kerncijfers", 1)[1].split("Verhalen uit de wijk", 1)[0]
    tabel = re.sub(r"\d{4}-K\d|pagina \d+ van \d+|top \d+", "", tabel)
    cellen = re.findall(r"(?<![\d.,])(\d)(?![\d.,])", tabel)
    assert len(cellen) < 40  # axis ticks only (0, 2, 4, ...), never a table cell


@pytest.mark.django_db
def test_stories_page_constant_queries(
    client_for, professional, teamleider, team_noord, django_assert_num_queries
):
    client = client_for(teamleider)
    url = reverse("wijk:verhalen")
    maak_verhaal(huishouden=HuishoudenFactory(team=team_noord), door=professional)
    client.get(url)
    with django_assert_num_queries(4) as klein:
        assert client.get(url).status_code == 200
    for _ in range(4):
        maak_verhaal(huishouden=HuishoudenFactory(team=team_noord), door=professional)
    with django_assert_num_queries(len(klein.captured_queries)):
        client.get(url)


@pytest.mark.django_db
def test_council_report_tables_hold_no_figure_under_ten(professional, gezin):
    """The print template's cells, checked like the page's (a wijk with one household)."""
    bereken()
    html = render_to_string("wijk/raadsrapport.html", {"rapport": raadsrapport("Noord", "4")})
    cellen = [html_lib.unescape(c) for c in re.findall(r'class="getal">([^<]*)<', html)]
    assert cellen and set(cellen) == {"< 10"}


@pytest.mark.django_db
def test_household_page_offers_the_story_to_the_team_only(client_for, professional, auditor, gezin):
    url = reverse("huishoudens:detail", args=[gezin.pk])
    link = reverse("wijk:verhaal_nieuw", args=[gezin.pk])
    assert link in client_for(professional).get(url).content.decode()
    assert link not in client_for(auditor).get(url).content.decode()


@pytest.mark.django_db
def test_beheerder_report_is_figures_only(professional, gezin):
    verhaal = maak_verhaal(huishouden=gezin, door=professional, tekst=VERHAAL)
    Verhaal.objects.filter(pk=verhaal.pk).update(geselecteerd_op=timezone.now())
    bereken()
    assert raadsrapport("Noord", "4").verhalen
    assert raadsrapport(ALLE_WIJKEN, "4").verhalen == []
