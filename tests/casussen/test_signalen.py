"""Signals on the plan: basic needs first (principle 7), incomplete matrix, safety,
overdue deadlines and evaluations."""

import datetime

import pytest
from django.utils import timezone

from casussen import services
from casussen.models import Termijn
from casussen.selectors import plan_overzicht, plan_samenvatting
from tests.casussen.conftest import beoordeel_alles, domeinen
from tests.casussen.factories import ActieFactory, DoelFactory
from tests.huishoudens.factories import BeoordelingFactory


def _soorten(huishouden, plan):
    return [signaal.soort for signaal in plan_overzicht(huishouden, plan).signalen]


def _titels(huishouden, plan):
    return [signaal.titel for signaal in plan_overzicht(huishouden, plan).signalen]


@pytest.mark.django_db
@pytest.mark.parametrize(("domein", "score"), [("financien", 2), ("huisvesting", 1)])
def test_a_low_basic_needs_score_without_an_open_goal_is_a_signal(
    gezin, professional, domein, score
):
    huishouden, plan, moeder, zoon = gezin
    beoordeel_alles([moeder, zoon], professional)  # then a newer, low assessment
    BeoordelingFactory(
        lid=moeder,
        leefdomein=domeinen(domein)[0],
        score=score,
        beoordeeld_door=professional,
    )
    signalen = plan_overzicht(huishouden, plan).signalen
    basis = [s for s in signalen if s.soort == "basisbehoefte"]
    assert len(basis) == 1
    assert basis[0].ernstig
    assert "Ayşe" in basis[0].tekst
    assert str(score) in basis[0].tekst


@pytest.mark.django_db
def test_an_open_goal_on_the_domain_silences_the_basic_needs_signal(gezin, professional):
    huishouden, plan, moeder, zoon = gezin
    beoordeel_alles([moeder, zoon], professional, scores={"financien": 2})
    assert "basisbehoefte" in _soorten(huishouden, plan)
    doel = DoelFactory(plan=plan, leefdomeinen=domeinen("financien"))
    assert "basisbehoefte" not in _soorten(huishouden, plan)
    doel.status, doel.evaluatie = "bereikt", "Er is een betalingsregeling."
    doel.save()
    assert "basisbehoefte" in _soorten(huishouden, plan)


@pytest.mark.django_db
def test_a_goal_on_another_domain_does_not_count(gezin, professional):
    huishouden, plan, moeder, zoon = gezin
    beoordeel_alles([moeder, zoon], professional, scores={"huisvesting": 1})
    DoelFactory(plan=plan, leefdomeinen=domeinen("financien"))
    assert _titels(huishouden, plan) == ["Basisbehoefte eerst: Huisvesting"]


@pytest.mark.django_db
def test_scores_of_three_and_higher_and_other_domains_raise_no_signal(gezin, professional):
    huishouden, plan, moeder, zoon = gezin
    beoordeel_alles(
        [moeder, zoon], professional, scores={"financien": 3, "geestelijke-gezondheid": 1}
    )
    assert _soorten(huishouden, plan) == []


@pytest.mark.django_db
def test_an_incomplete_matrix_is_a_signal(gezin, professional):
    huishouden, plan, moeder, _ = gezin
    beoordeel_alles([moeder], professional)
    signaal = next(s for s in plan_overzicht(huishouden, plan).signalen if s.soort == "matrix")
    assert signaal.tekst.startswith("13 van de 26 beoordelingen ontbreken")


@pytest.mark.django_db
def test_safety_overdue_deadlines_and_evaluations_are_signals_safety_first(gezin, professional):
    huishouden, plan, moeder, zoon = gezin
    beoordeel_alles([moeder, zoon], professional)
    vandaag = timezone.localdate()
    doel = DoelFactory(plan=plan)
    ActieFactory(
        doel=doel,
        startdatum=vandaag - datetime.timedelta(days=60),
        evaluatiedatum=vandaag - datetime.timedelta(days=1),
    )
    Termijn.objects.create(
        plan=plan, soort="wmo_onderzoek", gemeld_op=vandaag - datetime.timedelta(days=60)
    )
    services.report_safety_concern(
        plan=plan, door=professional, omschrijving="Zorgen", inschatting="Acuut", dwangkader="ots"
    )
    signalen = plan_overzicht(huishouden, plan).signalen
    assert [s.soort for s in signalen] == ["veiligheid", "termijn", "evaluatie"]
    assert "Ondertoezichtstelling" in signalen[0].tekst


@pytest.mark.django_db
def test_a_met_deadline_and_a_finished_action_raise_no_signal(gezin, professional):
    huishouden, plan, moeder, zoon = gezin
    beoordeel_alles([moeder, zoon], professional)
    vandaag = timezone.localdate()
    ActieFactory(
        doel=DoelFactory(plan=plan),
        startdatum=vandaag - datetime.timedelta(days=60),
        evaluatiedatum=vandaag - datetime.timedelta(days=1),
        status="afgerond",
    )
    Termijn.objects.create(
        plan=plan,
        soort="wmo_onderzoek",
        gemeld_op=vandaag - datetime.timedelta(days=60),
        voldaan_op=vandaag - datetime.timedelta(days=30),
    )
    assert _soorten(huishouden, plan) == []


@pytest.mark.django_db
def test_the_household_page_summary_shows_status_and_signals(gezin, professional):
    huishouden, plan, moeder, zoon = gezin
    beoordeel_alles([moeder, zoon], professional, scores={"financien": 1})
    samenvatting = plan_samenvatting(huishouden)
    assert samenvatting.plan == plan
    assert [s.soort for s in samenvatting.signalen] == ["basisbehoefte"]
