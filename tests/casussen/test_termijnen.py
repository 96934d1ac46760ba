"""Statutory deadlines: Wmo 2015 art. 2.3.2, Wgs art. 4, working days (Algemene termijnenwet)."""

import datetime

import pytest

from casussen import termijnen
from casussen.models import Termijn
from tests.casussen.factories import PlanFactory

D = datetime.date


@pytest.mark.parametrize(
    ("jaar", "pasen"),
    [
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2038, D(2038, 4, 25)),  # the latest possible date
        (2285, D(2285, 3, 22)),  # the earliest possible date
    ],
)
def test_easter_is_computed_for_any_year(jaar, pasen):
    assert termijnen.eerste_paasdag(jaar) == pasen


def test_the_holidays_of_2025_follow_easter_and_the_fixed_days():
    dagen = termijnen.feestdagen(2025)
    assert dagen[D(2025, 4, 21)] == "Tweede paasdag"
    assert dagen[D(2025, 5, 29)] == "Hemelvaartsdag"
    assert dagen[D(2025, 6, 9)] == "Tweede pinksterdag"
    assert dagen[D(2025, 5, 5)] == "Bevrijdingsdag"
    assert dagen[D(2025, 12, 25)] == "Eerste kerstdag"
    assert dagen[D(2025, 12, 26)] == "Tweede kerstdag"
    assert dagen[D(2025, 1, 1)] == "Nieuwjaarsdag"


def test_koningsdag_moves_to_saturday_when_the_27th_is_a_sunday():
    assert termijnen.koningsdag(2025) == D(2025, 4, 26)
    assert termijnen.koningsdag(2026) == D(2026, 4, 27)


def test_good_friday_is_a_working_day_weekends_and_holidays_are_not():
    assert termijnen.is_werkdag(D(2025, 4, 18))  # Goede Vrijdag: not in the Atw
    assert not termijnen.is_werkdag(D(2025, 4, 19))  # Saturday
    assert not termijnen.is_werkdag(D(2025, 4, 21))  # Easter Monday
    assert not termijnen.is_werkdag(D(2025, 5, 29))  # Ascension Day


def test_three_working_days_skip_the_weekend():
    assert termijnen.werkdagen_na(D(2025, 3, 6), 3) == D(2025, 3, 11)  # Thu → Tue


def test_three_working_days_skip_easter_monday():
    # Friday before Easter: Mon is a holiday, so Tue, Wed, Thu.
    assert termijnen.werkdagen_na(D(2025, 4, 18), 3) == D(2025, 4, 24)


def test_three_working_days_skip_christmas():
    assert termijnen.werkdagen_na(D(2024, 12, 20), 3) == D(2024, 12, 27)


def test_wmo_investigation_within_six_weeks():
    assert termijnen.wmo_onderzoek_uiterlijk(D(2025, 3, 3)) == D(2025, 4, 14)


def test_a_term_ending_on_a_holiday_runs_on_to_the_next_working_day():
    # Six weeks after 24 March 2025 is 5 May (Bevrijdingsdag): Atw art. 1 → 6 May.
    assert termijnen.wmo_onderzoek_uiterlijk(D(2025, 3, 24)) == D(2025, 5, 6)
    # Reported on a Saturday: six weeks later is a Saturday → Monday.
    assert termijnen.wmo_onderzoek_uiterlijk(D(2025, 3, 1)) == D(2025, 4, 14)


def test_debt_help_first_conversation_within_four_weeks():
    assert termijnen.wgs_gesprek_uiterlijk(D(2025, 3, 31), spoed=False) == D(2025, 4, 28)
    # Four weeks end on Koningsdag 2026 (Monday 27 April): Tuesday.
    assert termijnen.wgs_gesprek_uiterlijk(D(2026, 3, 30), spoed=False) == D(2026, 4, 28)


def test_debt_help_within_three_working_days_when_eviction_threatens():
    assert termijnen.wgs_gesprek_uiterlijk(D(2025, 4, 18), spoed=True) == D(2025, 4, 24)


@pytest.mark.django_db
def test_a_deadline_is_computed_when_saved(team_noord):
    plan = PlanFactory(huishouden__team=team_noord)
    termijn = Termijn.objects.create(
        plan=plan,
        soort=Termijn.Soort.SCHULDHULP_GESPREK,
        gemeld_op=D(2024, 12, 20),
        spoedgrond=Termijn.Spoedgrond.AFSLUITING,
    )
    assert termijn.uiterlijk_op == D(2024, 12, 27)
    assert termijn.is_te_laat(D(2024, 12, 28))
    assert not termijn.is_te_laat(D(2024, 12, 27))


@pytest.mark.django_db
def test_a_deadline_met_in_time_is_not_late(team_noord):
    plan = PlanFactory(huishouden__team=team_noord)
    termijn = Termijn.objects.create(
        plan=plan, soort=Termijn.Soort.WMO_ONDERZOEK, gemeld_op=D(2025, 3, 3)
    )
    termijn.voldaan_op = D(2025, 4, 10)
    assert not termijn.is_te_laat(D(2025, 6, 1))
    termijn.voldaan_op = D(2025, 4, 15)
    assert termijn.is_te_laat(D(2025, 6, 1))
