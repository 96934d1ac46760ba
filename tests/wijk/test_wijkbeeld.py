"""The Wijkbeeld: who sees which wijk, the charts with their tables, small numbers never
shown, outcomes per household, constant queries."""

from __future__ import annotations

import csv
import datetime
import html as html_lib
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from huishoudens.models import Leefdomein
from sociaaldomein.roles import Rol
from tests.huishoudens.factories import BeoordelingFactory, HuishoudenFactory, LidFactory
from tests.sociaaldomein.factories import UserFactory
from wijk import kleine_getallen as kg
from wijk.cijfers import bereken
from wijk.models import ALLE_WIJKEN, Wijkcijfer, Wijkverversing

URL = reverse("wijk:wijkbeeld")
CSV = reverse("wijk:wijkbeeld_csv")


def _huishoudens(team, aantal):
    return [HuishoudenFactory(team=team) for _ in range(aantal)]


def _figures(html: str) -> list[str]:
    """Every figure the page shows: key figures and the cells of every chart's table."""
    return [html_lib.unescape(f) for f in re.findall(r'class="getal">([^<]*)<', html)]


def _is_klein(text: str) -> bool:
    """A figure under 10 written out (1, 7, 0, 5,5 %)."""
    match = re.fullmatch(r"(\d+)(,\d+)?( %)?", text.strip())
    return bool(match) and float(match.group(1)) < 10 and "€" not in text


@pytest.mark.django_db
def test_lead_sees_own_wijk_with_four_charts_and_tables(client_for, teamleider, team_noord):
    _huishoudens(team_noord, 12)
    bereken()
    response = client_for(teamleider).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Noord" in html
    assert html.count('<figure class="grafiek"') >= 4
    assert html.count("grafiek__tabel") >= 4
    assert html.count('role="img"') >= 4
    assert "<script" not in html.split("wijkbeeld-inhoud", 1)[1]
    assert "Cijfers bijgewerkt op" in html


@pytest.mark.django_db
def test_another_wijk_is_refused_unless_the_lead_belongs_to_it(
    client_for, teamleider, team_noord, team_zuid
):
    bereken()
    assert client_for(teamleider).get(URL, {"wijk": "Zuid"}).status_code == 403
    beide = UserFactory(username="lead.beide", rol=Rol.TEAMLEIDER, teams=[team_noord, team_zuid])
    assert client_for(beide).get(URL, {"wijk": "Zuid"}).status_code == 200


@pytest.mark.django_db
def test_professional_and_auditor_are_refused(client_for, professional, auditor):
    assert client_for(professional).get(URL).status_code == 403
    assert client_for(auditor).get(URL).status_code == 403


@pytest.mark.django_db
def test_beheerder_sees_all_wijken_together_only(client_for, beheerder, team_noord, team_zuid):
    _huishoudens(team_noord, 6)
    _huishoudens(team_zuid, 6)
    bereken()
    client = client_for(beheerder)
    response = client.get(URL)
    assert response.status_code == 200
    assert ALLE_WIJKEN in response.content.decode()
    # 6 + 6: the sum over the wijken is shown, neither wijk alone
    assert "Aangemeld" in response.content.decode()
    assert client.get(URL, {"wijk": "Noord"}).status_code == 403


@pytest.mark.django_db
def test_small_numbers_never_show_in_page_csv_or_charts(client_for, teamleider, team_noord):
    """A wijk with few households: every figure is "< 10", nowhere a 1–9."""
    huishoudens = _huishoudens(team_noord, 3)
    domein = Leefdomein.objects.get(code="financien")
    for huishouden in huishoudens:
        lid = LidFactory(huishouden=huishouden)
        for dagen, score in [(200, 1), (10, 3)]:
            BeoordelingFactory(
                lid=lid,
                leefdomein=domein,
                score=score,
                beoordeeld_op=timezone.localdate() - datetime.timedelta(days=dagen),
            )
    bereken()
    client = client_for(teamleider)
    for periode in ["4", "8", str(timezone.localdate().year)]:
        html = client.get(URL, {"periode": periode}).content.decode()
        figures = _figures(html)
        assert figures and kg.KLEIN in figures
        assert not [f for f in figures if _is_klein(f)], figures
        # the charts draw no bar for a small number: pygal writes no value of its own
        for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S):
            values = re.findall(r'class="(?:value|tooltip)[^"]*"[^>]*>([^<]*)<', svg)
            assert not [v for v in values if _is_klein(v)]
        rows = list(
            csv.reader(
                io.StringIO(client.get(CSV, {"periode": periode}).content.decode()), delimiter=";"
            )
        )
        waarden = [row[-1] for row in rows[1:]]
        assert waarden and not [w for w in waarden if _is_klein(w)], waarden


@pytest.mark.django_db
def test_figures_of_ten_or_more_are_shown(client_for, teamleider, team_noord):
    _huishoudens(team_noord, 11)
    bereken()
    rows = list(
        csv.reader(io.StringIO(client_for(teamleider).get(CSV).content.decode()), delimiter=";")
    )
    assert ["Noord", "4", "Kerncijfers", "Caseload", "", "11"] in rows


def test_one_helper_for_small_numbers():
    assert kg.tekst(0) == kg.tekst(9) == "< 10"
    assert kg.tekst(10) == "10"
    assert kg.tekst(12345) == "12.345"
    assert kg.tekst(5, 50.0, soort="procent") == "< 10"
    assert kg.tekst(12, 25.0, soort="procent") == "25 %"
    assert kg.waarde(9) is None and kg.waarde(10) == 10


@pytest.mark.django_db
def test_outcomes_per_household_first_against_latest(teamleider, team_noord):
    domein = Leefdomein.objects.get(code="werk-opleiding")
    vandaag = timezone.localdate()
    verwacht = {"verbeterd": 10, "gelijk": 11, "verslechterd": 12}
    for uitkomst, aantal in verwacht.items():
        eerste, laatste = {"verbeterd": (2, 4), "gelijk": (3, 3), "verslechterd": (4, 2)}[uitkomst]
        for huishouden in _huishoudens(team_noord, aantal):
            lid = LidFactory(huishouden=huishouden)
            for dagen, score in [(300, eerste), (150, 1), (5, laatste)]:
                BeoordelingFactory(
                    lid=lid,
                    leefdomein=domein,
                    score=score,
                    beoordeeld_op=vandaag - datetime.timedelta(days=dagen),
                )
    # a household with one assessment only is not counted
    LidFactory(huishouden=HuishoudenFactory(team=team_noord))
    bereken()
    for uitkomst, aantal in verwacht.items():
        cijfer = Wijkcijfer.objects.get(
            wijk="Noord", kwartaal="stand", maat=f"uitkomst_{uitkomst}", categorie="werk-opleiding"
        )
        assert cijfer.aantal == aantal


@pytest.mark.django_db
def test_constant_queries(client_for, teamleider, team_noord, django_assert_num_queries):
    client = client_for(teamleider)
    _huishoudens(team_noord, 2)
    bereken()
    client.get(URL)
    with django_assert_num_queries(6) as small:
        client.get(URL, {"periode": "8"})
    _huishoudens(team_noord, 30)
    bereken()
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(URL, {"periode": "8"})


@pytest.mark.django_db
def test_refresh_command_runs_the_background_task(settings, team_noord):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    _huishoudens(team_noord, 10)
    call_command("ververs_wijkbeeld")
    assert Wijkverversing.objects.count() == 1
    call_command("ververs_wijkbeeld", "--nu")
    assert Wijkverversing.objects.count() == 2


@pytest.mark.django_db
def test_actions_count_per_provider_organisation_when_a_service_is_linked(team_noord):
    from casussen.models import Actie
    from tests.casussen.factories import ActieFactory, DoelFactory, PlanFactory
    from tests.socialekaart.factories import DienstFactory, OrganisatieFactory

    welzijn = OrganisatieFactory(naam="Stichting Welzijn")
    dienst = DienstFactory(organisatie=welzijn, naam="Maatje")
    doel = DoelFactory(plan=PlanFactory(huishouden=HuishoudenFactory(team=team_noord)))
    aanbieder = Actie.Uitvoerder.AANBIEDER
    # the same provider three times: linked with another typed name, linked with the name
    # the form fills in (service and organisation), and typed without a link
    for naam, gekoppeld in [
        ("Welzijn Nrd", dienst),
        (dienst.naam + " (Stichting Welzijn)", dienst),
        ("Stichting Welzijn", None),
    ]:
        ActieFactory(doel=doel, uitvoerder=aanbieder, uitvoerder_naam=naam, dienst=gekoppeld)
    ActieFactory(doel=doel, uitvoerder=aanbieder, uitvoerder_naam="Buurtzorg", dienst=None)
    bereken()
    per = {
        c.categorie: c.aantal
        for c in Wijkcijfer.objects.filter(wijk="Noord", maat="acties_aanbieder")
    }
    assert per == {"Stichting Welzijn": 3, "Buurtzorg": 1}
