"""URLs reversed once (sociaaldomein.urlcache) give what `reverse()` gives, and the page
header's navigation is worked out only for pages that show it."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from sociaaldomein import urlcache


@pytest.fixture
def script_prefix():
    yield
    set_script_prefix("/")


@pytest.mark.parametrize("naam", ["maatwerk:inbox", "huishoudens:lijst", "meldingen"])
def test_a_url_without_arguments_is_what_reverse_gives(naam, script_prefix):
    assert urlcache.url(naam) == reverse(naam)
    # behind a proxy under a sub-path (SCRIPT_NAME) the URL follows it
    set_script_prefix("/gemeente/")
    assert urlcache.url(naam) == reverse(naam)
    assert urlcache.url(naam).startswith("/gemeente/")


@pytest.mark.parametrize("pk", [1, 7, 10, 918_273, 2**40])
@pytest.mark.parametrize("naam", ["maatwerk:verzoek", "maatwerk:details", "melding_gelezen"])
def test_a_url_with_a_key_is_what_reverse_gives(naam, pk, script_prefix):
    assert urlcache.url_met_pk(naam, pk) == reverse(naam, args=[pk])
    set_script_prefix("/gemeente/")
    assert urlcache.url_met_pk(naam, pk) == reverse(naam, args=[pk])


def test_a_url_without_one_number_as_argument_is_refused():
    assert urlcache.url("maatwerk:inbox")
    with pytest.raises(NoReverseMatch):
        urlcache.url_met_pk("maatwerk:inbox", 3)
    with pytest.raises(NoReverseMatch):
        urlcache.url("maatwerk:verzoek")


@pytest.mark.django_db
def test_only_a_whole_page_works_out_the_navigation(client_for, teamleider, monkeypatch):
    from sociaaldomein import context_processors

    berekend = []
    echte = context_processors.nav_items

    def navigatie(user, current):
        berekend.append(current)
        return echte(user, current)

    monkeypatch.setattr(context_processors, "nav_items", navigatie)
    client = client_for(teamleider)
    partial = client.get(reverse("maatwerk:inbox"), headers={"HX-Request": "true"})
    assert partial.status_code == 200 and 'id="inbox-lijst"' in partial.text
    assert berekend == []
    pagina = client.get(reverse("maatwerk:inbox")).text
    assert berekend == ["maatwerk:inbox"]
    assert f'href="{reverse("maatwerk:inbox")}"' in pagina and "Maatwerk" in pagina
