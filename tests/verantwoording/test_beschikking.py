"""The decision letter to the household: plain Dutch, the motivation, the articles, and
how to object; no invented decision while maatwerk waits for the team lead."""

import datetime

import pytest
from django.urls import reverse

from sociaaldomein.accesslog import Actie
from sociaaldomein.models import Toegangslog
from tests.huishoudens.factories import HuishoudenFactory
from tests.toetsing.factories import beeindigd, ingediend, vul_stap1
from tests.verantwoording.conftest import pdf_tekst
from toetsing import services
from toetsing.models import Toets
from verantwoording.beschikking import beslissing, bezwaartermijn

pytestmark = pytest.mark.django_db


@pytest.fixture
def binnen_regels(toets, professional):
    return ingediend(toets, professional, maatwerk=False)


def _url(toets):
    return reverse("verantwoording:beschikking", args=[toets.huishouden_id, toets.pk])


def _brief(client, toets) -> tuple[object, str]:
    response = client.get(_url(toets))
    assert response.status_code == 200, response.status_code
    return response, pdf_tekst(response.content)


def test_a_decision_within_the_rules_is_a_letter_with_reasons_articles_and_how_to_object(
    client_for, professional, binnen_regels, gezin
):
    response, tekst = _brief(client_for(professional), binnen_regels)
    huishouden, moeder, *_ = gezin
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        f"beschikking-{huishouden.referentie}-T{binnen_regels.pk}-"
        in response["Content-Disposition"]
    )
    assert response["Cache-Control"] == "no-store"
    assert "Besluit over uw aanvraag" in tekst
    assert f"Beste {moeder.volledige_naam}," in tekst  # the adults, not the child
    assert "Ons besluit: u krijgt wat u vroeg" in tekst
    assert "Wij zeggen ja" in tekst and "Dit kost € 650,00" in tekst
    # why in a few sentences; the stored motivation (internal reasoning) stays in the dossier
    assert "Waarom wij zo besluiten" in tekst and "Wat de hulp moet opleveren:" in tekst
    for kop, _ in binnen_regels.motivering:
        assert kop not in tekst
    # the articles as cited, with their plain meaning
    for keuze in binnen_regels.artikelen.all():
        assert keuze.verwijzing_kort in tekst
        assert " ".join(keuze.betekenis.split()) in tekst
    # objecting: six weeks (Awb 6:7), the right to be heard (Awb 7:2), the last day
    assert "binnen zes weken" in tekst and "6:7" in tekst and "7:2" in tekst
    assert "horen" in tekst
    assert f"{huishouden.referentie}/T{binnen_regels.pk}" in tekst
    assert "in mandaat" in tekst


def test_a_maatwerk_request_the_lead_has_not_decided_says_there_is_no_decision_yet(
    client_for, auditor, zwaar
):
    maatwerk = Toets.objects.filter(huishouden=zwaar, uitkomst="maatwerk").first()
    response, tekst = _brief(client_for(auditor), maatwerk)
    assert "Uw aanvraag: er is nog geen besluit" in tekst
    assert "Er is nog geen besluit" in tekst
    assert "Deze brief is dus nog geen besluit" in tekst
    assert "Nog niet. Bezwaar maken kan pas tegen een besluit." in tekst
    assert "Ons besluit" not in tekst
    assert "binnen zes weken" not in tekst
    assert "in mandaat" not in tekst
    assert "bericht-" in response["Content-Disposition"]


def test_an_ended_toets_is_a_letter_that_says_the_solution_is_not_used_and_why(
    client_for, professional, toets
):
    ended = beeindigd(toets, professional)
    _, tekst = _brief(client_for(professional), ended)
    assert "Ons besluit: wij zetten deze oplossing niet in" in tekst
    assert "De reden: de zus van moeder springt bij" in tekst
    assert "binnen zes weken" in tekst


def test_a_draft_or_a_toets_of_another_household_has_no_letter(
    client_for, professional, toets, binnen_regels, team_noord
):
    client = client_for(professional)
    concept = services.start_toets(
        huishouden=toets.huishouden, door=professional, doel=toets.actie.doel, vraag="Iets anders"
    )
    vul_stap1(concept, professional)
    assert client.get(_url(concept)).status_code == 404
    ander = HuishoudenFactory(team=team_noord)
    url = reverse("verantwoording:beschikking", args=[ander.pk, binnen_regels.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("rol", ["professional_zuid", "beheerder"])
def test_other_teams_and_the_beheerder_get_no_letter(request, client_for, binnen_regels, rol):
    user = request.getfixturevalue(rol)
    assert client_for(user).get(_url(binnen_regels)).status_code == 404
    assert Toegangslog.objects.filter(gebruiker=user, actie=Actie.GEWEIGERD).exists()


def test_making_the_letter_is_logged_for_the_decision_with_the_addressees(
    client_for, auditor, binnen_regels, gezin
):
    _brief(client_for(auditor), binnen_regels)
    entry = Toegangslog.objects.get(onderwerp="beschikking")
    assert entry.actie == Actie.GEDOWNLOAD and entry.doel == "besluitvorming"
    assert entry.leden == [gezin[1].pk] and entry.object_id == str(binnen_regels.pk)


@pytest.mark.parametrize(
    ("datum", "uiterlijk"),
    [
        (datetime.date(2026, 3, 2), datetime.date(2026, 4, 13)),  # a Monday: six weeks on
        # six weeks after 16 March 2026 is Koningsdag (Atw art. 3): the next working day
        (datetime.date(2026, 3, 16), datetime.date(2026, 4, 28)),
        # ends on Saturday 26 December (Boxing Day): on to Monday
        (datetime.date(2026, 11, 14), datetime.date(2026, 12, 28)),
    ],
)
def test_the_objection_term_is_six_weeks_and_runs_on_past_weekends_and_holidays(datum, uiterlijk):
    assert bezwaartermijn(datum) == uiterlijk


def test_the_decision_is_decided_in_one_function(binnen_regels, zwaar):
    assert beslissing(binnen_regels).soort == "toegekend"
    assert beslissing(binnen_regels).is_besluit
    maatwerk = Toets.objects.filter(huishouden=zwaar, uitkomst="maatwerk").first()
    assert beslissing(maatwerk).soort == "nog_geen_besluit"
    assert not beslissing(maatwerk).is_besluit
    ended = Toets.objects.get(huishouden=zwaar, status="beeindigd")
    assert beslissing(ended).soort == "niet_ingezet"
