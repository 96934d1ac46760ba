"""Mijn werk as the caseload: all counts in one query, one list query per block, scoped
to my households or my team."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from casussen import services
from casussen.selectors import caseload
from tests.casussen.factories import (
    ActieFactory,
    DoelFactory,
    TermijnFactory,
    VeiligheidszorgFactory,
)
from tests.huishoudens.factories import HuishoudenFactory

VANDAAG = timezone.localdate


def _huishouden_met_werk(team, regisseur, naam, *, dagen_evaluatie=-2, dagen_einde=20):
    vandaag = VANDAAG()
    huishouden = HuishoudenFactory(team=team, casusregisseur=regisseur, naam=naam)
    plan = services.ensure_plan(huishouden)
    doel = DoelFactory(plan=plan)
    ActieFactory(
        doel=doel,
        startdatum=vandaag - datetime.timedelta(days=30),
        evaluatiedatum=vandaag + datetime.timedelta(days=dagen_evaluatie),
        einddatum=vandaag + datetime.timedelta(days=dagen_einde),
    )
    TermijnFactory(plan=plan, gemeld_op=vandaag - datetime.timedelta(days=50))
    VeiligheidszorgFactory(plan=plan, gemeld_door=regisseur)
    return huishouden


@pytest.mark.django_db
def test_the_caseload_lists_my_work_and_marks_what_is_overdue(professional, team_noord):
    _huishouden_met_werk(team_noord, professional, "Gezin Bakker")
    werk = caseload(professional)
    assert werk.huishoudens.totaal == 1
    assert (werk.evaluaties.totaal, werk.evaluaties.te_laat) == (1, 1)
    assert werk.eindigend.totaal == 1
    assert werk.veiligheid.totaal == 1
    assert werk.akkoord.totaal == 1
    assert (werk.termijnen.totaal, werk.termijnen.te_laat) == (1, 1)


@pytest.mark.django_db
def test_evaluations_later_than_this_week_and_actions_ending_later_are_not_listed(
    professional, team_noord
):
    _huishouden_met_werk(
        team_noord, professional, "Gezin Bakker", dagen_evaluatie=8, dagen_einde=45
    )
    werk = caseload(professional)
    assert werk.evaluaties.totaal == 0
    assert werk.eindigend.totaal == 0


@pytest.mark.django_db
def test_mijn_werk_is_the_households_one_coordinates_and_a_lead_watches_team_safety(
    professional, teamleider, professional_zuid, team_noord, team_zuid
):
    from tests.sociaaldomein.factories import UserFactory

    collega = UserFactory(teams=[team_noord])
    _huishouden_met_werk(team_noord, professional, "Mijn gezin")
    _huishouden_met_werk(team_noord, collega, "Gezin van een collega")
    _huishouden_met_werk(team_zuid, professional_zuid, "Gezin in Zuid")
    assert [h.naam for h in caseload(professional).huishoudens.items] == ["Mijn gezin"]
    assert caseload(teamleider).huishoudens.totaal == 0  # the lead coordinates none here
    assert caseload(teamleider).veiligheid.totaal == 2  # but watches the team's safety
    assert caseload(teamleider).veiligheid_scope == "uw team"
    assert caseload(professional).veiligheid.totaal == 1
    assert caseload(professional_zuid).veiligheid.totaal == 1


@pytest.mark.django_db
def test_auditors_and_beheerders_have_no_caseload(auditor, beheerder):
    assert caseload(auditor) is None
    assert caseload(beheerder) is None


@pytest.mark.django_db
def test_mijn_werk_costs_the_same_queries_for_one_or_many_households(
    client_for, professional, team_noord
):
    client = client_for(professional)
    _huishouden_met_werk(team_noord, professional, "Gezin 0")
    client.get(reverse("start"))

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("start"))
        return len(queries), response

    small, _ = count()
    for i in range(1, 15):
        _huishouden_met_werk(team_noord, professional, f"Gezin {i}")
    large, response = count()
    # session and user (2) plus the caseload: my household ids, all counts in one query,
    # a list per block; the omgekeerde toetsen in bewerking (1) and the access-log entry
    # naming the households shown (1); the vroegsignalen on my plans and the team's queue (2);
    # Mijn plan's contributions, AVG requests and digital agreements (3, inwoner)
    assert small == large == 2 + 8 + 1 + 1 + 2 + 3
    html = response.text
    assert "Plannen die wachten op akkoord" in html
    assert "15 verlopen" in html  # evaluations and deadlines: counted in the same query
    assert html.count("Verlopen</span>") == 20  # 10 listed per block, two blocks


@pytest.mark.django_db
def test_my_households_are_ordered_by_urgency_and_recency_not_alphabetically(
    client_for, professional, team_noord
):
    vandaag = VANDAAG()
    for i in range(9):
        HuishoudenFactory(
            team=team_noord,
            casusregisseur=professional,
            naam=f"Gezin A{i}",
            aangemeld_op=vandaag - datetime.timedelta(days=100 + i),
        )
    nieuw = HuishoudenFactory(
        team=team_noord,
        casusregisseur=professional,
        naam="Gezin Zwart",
        status="aangemeld",
        actief_sinds=None,
        aangemeld_op=vandaag,
    )
    zorg = _huishouden_met_werk(team_noord, professional, "Gezin Yildiz", dagen_evaluatie=20)
    werk = caseload(professional)
    namen = [h.naam for h in werk.huishoudens.items]
    assert werk.huishoudens.totaal == 11 and len(namen) == 10
    assert namen[:2] == [zorg.naam, nieuw.naam]  # a safety concern, then the new case
    assert namen[2:] == [f"Gezin A{i}" for i in range(8)]  # then the most recent first
    assert werk.huishoudens.items[0].volgende_evaluatie == vandaag + datetime.timedelta(days=20)
    pagina = client_for(professional).get(reverse("start")).text
    assert "De 10 meest urgente en nieuwste van uw 11 huishoudens." in pagina
