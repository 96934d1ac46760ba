"""The household page: members, the domain matrix, completeness, activity, the plan."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from huishoudens.models import Leefdomein
from sociaaldomein.models import Toegangslog
from tests.huishoudens.conftest import beoordeel_alles, jaren_geleden
from tests.huishoudens.factories import BeoordelingFactory, LidFactory

pytestmark = pytest.mark.django_db

# session, user, household (with team and casusregisseur), access log entry, matrix (3),
# former members, recent assessments, recent changes, shares, the plan summary (1), the
# household's AVG requests (1, inwoner), the data-sharing log (1, issue 16)
PAGINA_QUERIES = 14


def _url(huishouden):
    return reverse("huishoudens:detail", args=[huishouden.pk])


def test_shows_members_with_age_relation_and_own_strengths(
    client_for, professional, huishouden, ouder, kind
):
    ouder.eigen_kracht = "Goed in koken en voor anderen zorgen."
    ouder.save()
    text = client_for(professional).get(_url(huishouden)).text
    assert "Emma Jansen" in text and "Daan Jansen" in text
    assert "35 jaar" in text and "2 jaar" in text
    assert "Ouder/verzorger" in text and "Kind" in text
    assert "Goed in koken en voor anderen zorgen." in text
    assert escape(professional.weergavenaam) in text  # the casusregisseur
    assert ouder.bsn not in text  # masked: only the last four digits
    assert ouder.bsn[5:] in text


def test_the_matrix_has_every_domain_for_every_member_and_the_household(
    client_for, professional, huishouden, ouder, kind
):
    financien = Leefdomein.objects.get(code="financien")
    BeoordelingFactory(lid=ouder, leefdomein=financien, score=2, beoordeeld_door=professional)
    text = client_for(professional).get(_url(huishouden)).text
    for domein in Leefdomein.objects.all():
        assert f'<th scope="row">{escape(domein.naam)}' in text
    assert text.count('class="matrix__cel matrix__cel--huishouden"') == 13
    assert text.count("matrix__link") == 26
    # colour, number and label together
    assert (
        '<span class="score score--2"><span class="score__getal">2</span> '
        '<span class="score__label">Niet zelfredzaam</span>'
    ) in text
    assert "1 lid met zorgen" in text
    assert "n.v.t. voorgesteld" in text  # the toddler on work, for instance


def test_outdated_and_missing_cells_are_marked_in_words(
    client_for, professional, huishouden, ouder
):
    oud = timezone.localdate().replace(year=timezone.localdate().year - 1)
    BeoordelingFactory(
        lid=ouder,
        leefdomein=Leefdomein.objects.get(code="justitie"),
        score=4,
        beoordeeld_door=professional,
        beoordeeld_op=oud,
    )
    text = client_for(professional).get(_url(huishouden)).text
    assert f"Verouderd, {oud:%d-%m-%Y}" in text
    assert "score--verouderd" in text
    assert text.count("Nog niet beoordeeld") >= 12


def test_completeness_is_shown_with_text_and_number(
    client_for, professional, huishouden, ouder, kind
):
    beoordeel_alles(ouder, professional)
    text = client_for(professional).get(_url(huishouden)).text
    assert "13 van 26 leefdomeinen actueel beoordeeld (50%)" in text
    assert 'id="volledigheid"' in text and 'aria-live="polite"' in text


def test_recent_activity_lists_assessments_and_changes(client_for, professional, huishouden, ouder):
    client = client_for(professional)
    client.get(reverse("start"))  # the first request after login writes the session
    client.post(
        reverse("huishoudens:lid_nieuw", args=[huishouden.pk]),
        {
            "voornamen": "Sem",
            "achternaam": "Jansen",
            "geboortedatum": "2012-05-01",
            "relatie": "kind",
        },
    )
    BeoordelingFactory(lid=ouder, score=3, beoordeeld_door=professional)
    text = client.get(_url(huishouden)).text
    assert "Lid toegevoegd" in text
    assert "Financiën beoordeeld voor Emma: 3 — Beperkt zelfredzaam" in text


def test_the_plan_section_includes_the_plan_summary(client_for, professional, huishouden):
    text = client_for(professional).get(_url(huishouden)).text
    assert 'id="plan-samenvatting-kop">Plan</h2>' in text


def test_viewing_is_logged_with_the_household(client_for, professional, huishouden):
    client_for(professional).get(_url(huishouden))
    entry = Toegangslog.objects.order_by("-volgnummer").first()
    assert (entry.actie, entry.huishoudens) == (Toegangslog.Actie.BEKEKEN, [huishouden.pk])


def test_another_team_gets_404_and_the_attempt_is_logged(client_for, professional_zuid, huishouden):
    response = client_for(professional_zuid).get(_url(huishouden))
    assert response.status_code == 404
    assert "Jansen" not in response.text
    entry = Toegangslog.objects.order_by("-volgnummer").first()
    assert entry.actie == Toegangslog.Actie.GEWEIGERD


def test_the_auditor_reads_without_buttons_to_change(client_for, auditor, huishouden, ouder):
    text = client_for(auditor).get(_url(huishouden)).text
    assert "Emma Jansen" in text
    assert "Lid toevoegen" not in text and "Gegevens wijzigen" not in text
    assert "bekijken" in text


def test_htmx_gets_the_matrix_partial(client_for, professional, huishouden, ouder, htmx_headers):
    response = client_for(professional).get(_url(huishouden), headers=htmx_headers)
    assert response.text.lstrip().startswith('<div id="domeinmatrix"')


def test_query_count_does_not_grow_with_members_or_assessments(
    client_for, professional, huishouden, ouder, django_assert_num_queries
):
    client = client_for(professional)
    client.get(reverse("start"))  # the first request after login writes the session
    client.get(_url(huishouden))
    with django_assert_num_queries(PAGINA_QUERIES):
        assert client.get(_url(huishouden)).status_code == 200
    for jaren in (40, 12, 9, 5):
        lid = LidFactory(huishouden=huishouden, geboortedatum=jaren_geleden(jaren), relatie="kind")
        beoordeel_alles(lid, professional)
        beoordeel_alles(lid, professional, score=3)
    LidFactory(huishouden=huishouden, einddatum=timezone.localdate(), reden_vertrek="Verhuisd")
    with django_assert_num_queries(PAGINA_QUERIES):
        assert client.get(_url(huishouden)).status_code == 200
