"""The household list: my teams only, paginated, sortable, filtered, with completeness."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from huishoudens.models import Huishouden
from sociaaldomein.models import Toegangslog
from tests.huishoudens.conftest import beoordeel_alles
from tests.huishoudens.factories import HuishoudenFactory, LidFactory

pytestmark = pytest.mark.django_db
URL = reverse("huishoudens:lijst")

# session, user (roles and teams), capped count, page, completeness of the page, access
# log entry. An empty result skips page and completeness.
LIJST_QUERIES = 6


def test_lists_only_the_households_of_my_team(
    client_for, professional, huishouden, huishouden_zuid
):
    response = client_for(professional).get(URL)
    assert response.status_code == 200
    assert escape(huishouden.naam) in response.text
    assert escape(huishouden_zuid.naam) not in response.text


def test_beheerder_without_team_sees_no_households(client_for, beheerder, huishouden):
    response = client_for(beheerder).get(URL)
    assert response.status_code == 200
    assert escape(huishouden.naam) not in response.text
    assert "0 huishoudens" in response.text


def test_the_auditor_reads_every_team(client_for, auditor, huishouden, huishouden_zuid):
    response = client_for(auditor).get(URL)
    assert (
        escape(huishouden.naam) in response.text and escape(huishouden_zuid.naam) in response.text
    )
    assert "Huishouden aanmelden" not in response.text


def test_search_returns_the_results_partial_for_htmx(
    client_for, professional, huishouden, ouder, htmx_headers
):
    response = client_for(professional).get(URL, {"q": "7411ab"}, headers=htmx_headers)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="resultaten"')
    assert "<html" not in response.text
    assert escape(huishouden.naam) in response.text
    assert "1 huishouden gevonden voor ‘7411ab’" in response.text


def test_a_short_query_does_not_search_and_says_why(client_for, professional, huishouden):
    HuishoudenFactory(team=huishouden.team, familienaam="Bakker")
    response = client_for(professional).get(URL, {"q": "ja"})
    assert "Typ minstens 3 tekens" in response.text
    assert "2 huishoudens" in response.text


def test_the_search_box_is_debounced_and_cancels_superseded_requests(client_for, professional):
    text = client_for(professional).get(URL).text
    assert 'hx-trigger="input changed delay:300ms, search"' in text
    assert 'hx-sync="closest form:replace"' in text
    assert 'role="search"' in text


def test_sorting_by_postcode_descending_marks_the_column(client_for, professional, team_noord):
    for postcode in ["7411 AA", "7419 ZZ", "7415 KK"]:
        HuishoudenFactory(team=team_noord, postcode=postcode)
    response = client_for(professional).get(URL, {"sort": "-postcode"})
    text = response.text
    assert text.index("7419 ZZ") < text.index("7415 KK") < text.index("7411 AA")
    assert 'aria-sort="descending"' in text
    assert text.count("aria-sort=") == 1
    assert "sort=postcode" in text  # the next click sorts ascending


def test_status_filter_defaults_to_open_households(client_for, professional, team_noord):
    open_ = HuishoudenFactory(team=team_noord, familienaam="Open")
    closed = HuishoudenFactory(
        team=team_noord,
        familienaam="Dicht",
        status=Huishouden.Status.AFGESLOTEN,
        afgesloten_op=timezone.localdate(),
    )
    client = client_for(professional)
    client.get(reverse("start"))  # the first request after login writes the session
    assert (
        escape(open_.naam) in client.get(URL).text
        and escape(closed.naam) not in client.get(URL).text
    )
    text = client.get(URL, {"status": "afgesloten"}).text
    assert escape(closed.naam) in text and escape(open_.naam) not in text
    assert escape(closed.naam) in client.get(URL, {"status": "alle"}).text


def test_each_row_shows_the_completeness_of_its_domain_matrix(
    client_for, professional, huishouden, ouder, team_noord
):
    beoordeel_alles(ouder, professional)
    leeg = HuishoudenFactory(team=team_noord, familienaam="Leeg")
    LidFactory(huishouden=leeg)
    text = client_for(professional).get(URL).text
    assert "Compleet: 13/13" in text
    assert "Nog niet beoordeeld: 0/13" in text


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "wachtwoord"},
        {"sort": "-"},
        {"status": "x' OR 1=1"},
        {"pagina": "abc"},
        {"pagina": "999999999999999999999"},
        {"q": "jan\x00sen"},
        {"q": "x" * 100_000},
        {"q": "%_\\"},
    ],
)
def test_crafted_parameters_never_break_the_list(client_for, professional, huishouden, params):
    assert client_for(professional).get(URL, params).status_code == 200


def test_the_page_lists_are_logged(client_for, professional, huishouden):
    client_for(professional).get(URL, {"q": "jansen"})
    entry = Toegangslog.objects.order_by("-volgnummer").first()
    assert entry.actie == Toegangslog.Actie.GEZOCHT
    assert entry.huishoudens == [huishouden.pk]


def test_paginated_with_25_per_page(client_for, professional, team_noord):
    HuishoudenFactory.create_batch(30, team=team_noord)
    client = client_for(professional)
    client.get(reverse("start"))  # the first request after login writes the session
    first = client.get(URL)
    assert first.text.count('class="utrecht-link" href="/huishoudens/') == 25
    assert "pagina 1 van 2" in first.text
    second = client.get(URL, {"pagina": 2})
    assert second.text.count('class="utrecht-link" href="/huishoudens/') == 5


def test_the_count_stops_at_a_thousand(client_for, professional, team_noord):
    from huishoudens.views import BegrensdePaginator

    assert BegrensdePaginator.GRENS == 1000
    Huishouden.objects.bulk_create(HuishoudenFactory.build_batch(1000, team=team_noord))
    client = client_for(professional)
    assert "1000 huishoudens" in client.get(URL).text  # exactly the limit: still counted
    HuishoudenFactory(team=team_noord)
    text = client.get(URL).text
    assert "Meer dan 1000 huishoudens, pagina 1 van meer dan 41." in text


def test_query_count_is_constant_whatever_the_number_of_rows(
    client_for, professional, team_noord, django_assert_num_queries
):
    client = client_for(professional)
    client.get(reverse("start"))  # the first request after login writes the session
    HuishoudenFactory.create_batch(2, team=team_noord)
    with django_assert_num_queries(LIJST_QUERIES):
        client.get(URL)
    for huishouden in HuishoudenFactory.create_batch(30, team=team_noord):
        lid = LidFactory(huishouden=huishouden)
        beoordeel_alles(lid, professional)
    with django_assert_num_queries(LIJST_QUERIES):
        client.get(URL)
    with django_assert_num_queries(LIJST_QUERIES):
        client.get(URL, {"q": "huishouden", "sort": "-aangemeld", "pagina": 2})
    with django_assert_num_queries(LIJST_QUERIES):
        client.get(URL, {"q": lid.bsn})
