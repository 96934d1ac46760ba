"""The decision letter per state of the decision (issue 14): pending, approved by the
lead, rejected by the lead, within the professional's own mandate, within the rules and
ended. Each names who decided and when, says what happens next, and reads at B1 level:
short sentences, none of the professional's internal reasoning."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone

from tests.leesbaarheid import leesbaarheidsproblemen, zinnen
from tests.toetsing.factories import beeindigd, ingediend
from tests.verantwoording.conftest import pdf_tekst
from toetsing import services
from toetsing.models import MaatwerkBudget, MaatwerkMandaat
from toetsing.services import maatwerk
from verantwoording.beschikking import brief_van

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget(team_noord):
    return MaatwerkBudget.objects.create(
        team=team_noord,
        jaar=timezone.localdate().year,
        financiering="participatiewet",
        bedrag=Decimal("10000.00"),
    )


@pytest.fixture
def verzoek(toets, professional, budget, teamleider):
    return ingediend(toets, professional).maatwerkverzoek


def _html(toets) -> str:
    toets.refresh_from_db()
    return render_to_string("pdf/beschikking.html", {"brief": brief_van(toets, toets.huishouden)})


def _vandaag() -> str:
    return formats.date_format(timezone.localdate(), "j F Y")


def _leest_goed(tekst: str) -> None:
    assert leesbaarheidsproblemen(tekst) == []


def test_pending_says_no_decision_yet_and_what_happens_next(verzoek, professional):
    tekst = _html(verzoek.toets)
    assert "Er is nog geen besluit" in tekst
    assert "De teamleider beslist zo snel mogelijk. Daarna krijgt u een nieuwe brief." in tekst
    assert "Dit besluit is genomen" not in tekst
    assert "namens het college" not in tekst and "in mandaat" not in tekst
    assert "binnen zes weken" not in tekst
    _leest_goed(tekst)


def test_approved_names_the_lead_in_mandate_of_the_college_and_the_date(
    verzoek, professional, teamleider
):
    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming.")
    tekst = _html(verzoek.toets)
    assert "Ons besluit: u krijgt wat u vroeg" in tekst
    assert "Dit kost € 650,00" in tekst
    assert (
        f"Dit besluit is genomen op {_vandaag()} door {teamleider.weergavenaam}, teamleider"
        in tekst
    )
    assert "De reden van de teamleider: voorkomt ontruiming." in tekst
    assert "Dit besluit is genomen in mandaat van het college" in tekst
    assert "voorgelegd aan de teamleider" not in tekst
    assert professional.weergavenaam not in tekst.split("Met vriendelijke groet")[1]
    assert "binnen zes weken" in tekst and "6:7" in tekst and "7:2" in tekst
    assert "neemt contact met u op om de hulp te regelen" in tekst
    _leest_goed(tekst)


def test_rejected_names_the_lead_and_the_reason(verzoek, teamleider):
    maatwerk.reject_maatwerk(verzoek=verzoek, door=teamleider, reden="Eerst bijzondere bijstand.")
    tekst = _html(verzoek.toets)
    assert "Ons besluit: wij maken geen uitzondering" in tekst
    assert f"door {teamleider.weergavenaam}, teamleider" in tekst
    assert "De reden: eerst bijzondere bijstand." in tekst
    assert "welke andere hulp mogelijk is" in tekst
    assert "binnen zes weken" in tekst
    _leest_goed(tekst)


def test_within_the_professionals_own_mandate_names_the_professional(
    toets, professional, budget, team_noord
):
    MaatwerkMandaat.objects.create(team=team_noord, bedrag_a=Decimal("1000.00"))
    toets = ingediend(toets, professional)
    assert toets.maatwerkverzoek.niveau == "zelf"
    tekst = _html(toets)
    assert "Ons besluit: u krijgt wat u vroeg" in tekst
    assert f"door {professional.weergavenaam}, professional" in tekst
    assert "de professional dit zelf mag beslissen" in tekst
    assert "Binnen het mandaat van de professional (tot en met" not in tekst
    _leest_goed(tekst)


def test_within_the_rules_and_ended_read_well_too(toets, professional, gezin):
    huishouden = gezin[0]
    tekst = _html(ingediend(toets, professional, maatwerk=False))
    assert f"door {professional.weergavenaam}, professional" in tekst
    _leest_goed(tekst)
    tweede = services.start_toets(
        huishouden=huishouden, door=professional, doel=toets.actie.doel, vraag="Een laptop"
    )
    tekst = _html(beeindigd(tweede, professional))
    assert "Ons besluit: wij zetten deze oplossing niet in" in tekst
    assert "De reden: de zus van moeder springt bij" in tekst
    _leest_goed(tekst)


def test_the_pdf_keeps_the_internal_reasoning_out(client_for, verzoek, teamleider):
    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming.")
    toets = verzoek.toets
    url = reverse("verantwoording:beschikking", args=[toets.huishouden_id, toets.pk])
    tekst = pdf_tekst(client_for(teamleider).get(url).content)
    assert "De professional stelt vast" not in tekst and "Vastgelegd" not in tekst
    assert "ethisch" not in tekst.lower()
    assert f"door {teamleider.weergavenaam}, teamleider" in tekst


def test_the_readability_check_finds_long_sentences_and_internal_phrases():
    lang = " ".join(["woord"] * 26) + "."
    assert zinnen("<p>Kort. Ook kort!</p><li>een; twee</li>") == [
        "Kort.",
        "Ook kort!",
        "een;",
        "twee",
    ]
    assert len(leesbaarheidsproblemen(f"<p>{lang}</p>")) == 1
    assert leesbaarheidsproblemen("<p>De professional stelt vast: zo.</p>") == [
        "interne tekst: De professional stelt vast"
    ]


def test_the_dossier_page_shows_the_decision_not_the_submission(client_for, verzoek, teamleider):
    toets = verzoek.toets
    url = reverse("verantwoording:dossier", args=[toets.huishouden_id])
    client = client_for(teamleider)
    voor = client.get(url).text
    assert f"Bericht: {toets.vraag}" in voor and "wacht op de teamleider" in voor
    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming.")
    na = client.get(url).text
    assert f"Beschikking: {toets.vraag}" in na
    assert f"maatwerk toegekend door de teamleider op {timezone.localdate():%d-%m-%Y}" in na
    assert "(ingediend" not in na
