"""Principle 1: every member on every life domain; completeness is computed, not kept."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from huishoudens.models import Beoordeling, Leefdomein, months_ago
from huishoudens.selectors import domeinmatrix
from tests.huishoudens.factories import BeoordelingFactory, HuishoudenFactory, LidFactory


@pytest.fixture
def gezin(team_noord):
    huishouden = HuishoudenFactory(team=team_noord)
    ouder = LidFactory(huishouden=huishouden, geboortedatum=datetime.date(1984, 3, 1))
    kind = LidFactory(
        huishouden=huishouden, geboortedatum=timezone.localdate() - datetime.timedelta(days=800)
    )
    return huishouden, ouder, kind


def _assess_all(lid, user, *, op=None, score=4):
    for domein in Leefdomein.objects.all():
        BeoordelingFactory(
            lid=lid,
            leefdomein=domein,
            score=score,
            beoordeeld_door=user,
            beoordeeld_op=op or timezone.localdate(),
        )


@pytest.mark.django_db
def test_a_new_household_is_incomplete_on_every_cell(gezin):
    huishouden, *_ = gezin
    matrix = domeinmatrix(huishouden)
    assert matrix.totaal == 2 * 13
    assert matrix.aantal_compleet == 0
    assert not matrix.is_compleet


@pytest.mark.django_db
def test_complete_when_every_member_has_a_current_assessment_on_every_domain(gezin, professional):
    huishouden, ouder, kind = gezin
    _assess_all(ouder, professional)
    _assess_all(kind, professional)
    assert domeinmatrix(huishouden).is_compleet


@pytest.mark.django_db
def test_outdated_assessments_do_not_count(gezin, professional, settings):
    huishouden, ouder, kind = gezin
    oud = months_ago(
        timezone.localdate(), settings.LEEFDOMEIN_ACTUEEL_MAANDEN
    ) - datetime.timedelta(days=1)
    _assess_all(ouder, professional, op=oud)
    _assess_all(kind, professional)
    matrix = domeinmatrix(huishouden)
    assert matrix.aantal_compleet == 13
    assert {cel.lid for cel in matrix.ontbrekend} == {ouder}


@pytest.mark.django_db
def test_the_latest_snapshot_is_current_and_history_is_kept(gezin, professional):
    huishouden, ouder, _ = gezin
    domein = Leefdomein.objects.get(code="financien")
    today = timezone.localdate()
    BeoordelingFactory(
        lid=ouder,
        leefdomein=domein,
        score=1,
        beoordeeld_door=professional,
        beoordeeld_op=today - datetime.timedelta(days=60),
    )
    BeoordelingFactory(
        lid=ouder, leefdomein=domein, score=3, beoordeeld_door=professional, beoordeeld_op=today
    )
    matrix = domeinmatrix(huishouden)
    assert matrix.actuele_score("financien") == [(ouder, 3)]
    assert Beoordeling.objects.filter(lid=ouder, leefdomein=domein).count() == 2


@pytest.mark.django_db
def test_household_row_shows_the_lowest_score_and_the_number_of_concerns(gezin, professional):
    huishouden, ouder, kind = gezin
    domein = Leefdomein.objects.get(code="huiselijke-relaties")
    BeoordelingFactory(lid=ouder, leefdomein=domein, score=2, beoordeeld_door=professional)
    BeoordelingFactory(lid=kind, leefdomein=domein, score=4, beoordeeld_door=professional)
    cel = next(c for c in domeinmatrix(huishouden).huishoudenrij if c.leefdomein == domein)
    assert (cel.laagste_score, cel.aantal_zorgen) == (2, 1)


@pytest.mark.django_db
def test_not_applicable_is_suggested_for_a_toddler_on_work(gezin):
    huishouden, ouder, kind = gezin
    matrix = domeinmatrix(huishouden)
    werk = {
        cel.lid: cel.nvt_voorgesteld
        for _, cellen in matrix.rijen
        for cel in cellen
        if cel.leefdomein.code == "werk-opleiding"
    }
    assert werk == {ouder: False, kind: True}


@pytest.mark.django_db
def test_members_who_left_are_not_in_the_matrix(gezin):
    huishouden, ouder, kind = gezin
    kind.einddatum = timezone.localdate()
    kind.reden_vertrek = "Woont bij de andere ouder"
    kind.save()
    assert [lid for lid, _ in domeinmatrix(huishouden).rijen] == [ouder]


@pytest.mark.django_db
def test_the_matrix_costs_three_queries_whatever_the_size(
    gezin, professional, django_assert_num_queries
):
    huishouden, ouder, kind = gezin
    _assess_all(ouder, professional)
    _assess_all(kind, professional)
    for _ in range(3):
        LidFactory(huishouden=huishouden)
    with django_assert_num_queries(3):
        matrix = domeinmatrix(huishouden)
        assert matrix.totaal == 5 * 13


@pytest.mark.django_db
def test_assessments_cannot_be_overwritten(gezin, professional):
    _huishouden, ouder, _ = gezin
    beoordeling = BeoordelingFactory(lid=ouder, beoordeeld_door=professional)
    beoordeling.score = 5
    with pytest.raises(IntegrityError, match="onveranderlijk"), transaction.atomic():
        beoordeling.save()


@pytest.mark.django_db
def test_not_applicable_needs_a_reason_in_the_database(gezin, professional):
    _, ouder, _ = gezin
    with (
        pytest.raises(IntegrityError, match="beoordeling_score_of_nvt_met_reden"),
        transaction.atomic(),
    ):
        Beoordeling.objects.create(
            lid=ouder,
            leefdomein=Leefdomein.objects.first(),
            niet_van_toepassing=True,
            reden_nvt="",
            beoordeeld_door=professional,
        )
