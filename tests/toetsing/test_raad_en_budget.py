"""Issue 14: council and budget in the leads' navigation with a year picker; deviations
counted per rule of the beheerder's reference list; charts as accessible SVG + table."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.toetsing.factories import ingediend
from toetsing.models import Beleidsregel, MaatwerkVerzoek
from toetsing.selectors.maatwerk import afwijkingen_per_regel

pytestmark = pytest.mark.django_db


def test_spellings_of_one_rule_count_as_that_rule(toets, professional):
    verzoek = ingediend(toets, professional).maatwerkverzoek
    MaatwerkVerzoek.objects.filter(pk=verzoek.pk).update(
        status="goedgekeurd", besloten_op=timezone.now()
    )
    regel = Beleidsregel.objects.create(
        naam="Regel huurschuld", varianten="huurschuldregel\nRegel huurschulden"
    )
    assert Beleidsregel.herken("Huurschuldregel", [regel]) == regel
    assert Beleidsregel.herken("de regel huurschuld", [regel]) == regel
    assert Beleidsregel.herken("regel  huurschulden.", [regel]) == regel
    assert Beleidsregel.herken("iets anders", [regel]) is None
    rijen = afwijkingen_per_regel(MaatwerkVerzoek.objects.filter(pk=verzoek.pk))
    assert rijen[0]["in_lijst"] and rijen[0]["aantal"] == 1
    assert rijen[0]["afwijking_regel"].startswith("Beleidsregel bijzondere bijstand")


def test_council_page_has_charts_a_year_picker_and_is_in_the_leads_navigation(
    client_for, teamleider, professional
):
    jaar = timezone.localdate().year
    page = client_for(teamleider).get(reverse("maatwerk:raad"), {"jaar": jaar - 1}).text
    assert 'id="jaar-keuze"' in page and f'<option value="{jaar - 1}" selected>' in page
    assert f">Maatwerk {jaar - 1}: overzicht voor de raad<" in page
    assert 'href="/maatwerk/raad/"' in page and "Raad en budget" in page
    budget = client_for(teamleider).get(reverse("maatwerk:budget")).text
    assert 'id="jaar-keuze"' in budget
    assert "Raad en budget" not in client_for(professional).get(reverse("maatwerk:register")).text


def test_council_charts_are_svg_with_their_table(client_for, teamleider, toets, professional):
    verzoek = ingediend(toets, professional).maatwerkverzoek
    MaatwerkVerzoek.objects.filter(pk=verzoek.pk).update(
        status="goedgekeurd", besloten_op=timezone.now()
    )
    page = client_for(teamleider).get(reverse("maatwerk:raad"), {"jaar": verzoek.jaar}).text
    assert page.count("<svg") >= 3 and page.count("grafiek__tabel") >= 3
    assert "<script" not in page.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'class="balk' not in page


def test_the_request_page_uses_the_design_system_components(
    client_for, teamleider, toets, professional
):
    from pathlib import Path

    verzoek = ingediend(toets, professional).maatwerkverzoek
    page = client_for(teamleider).get(reverse("maatwerk:verzoek", args=[verzoek.pk])).text
    assert 'class="utrecht-textarea utrecht-textarea--html-textarea"' in page
    css = (Path(__file__).resolve().parents[2] / "static" / "css" / "app.css").read_text()
    for regel in (".gegevens-lijst {", ".formulier__deel {", ".utrecht-form-field--radioselect"):
        assert regel in css
