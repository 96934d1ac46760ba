"""Search as you type: name, address, postcode, member names and BSN, always scoped."""

import pytest
from django.utils import timezone

from huishoudens.models import Huishouden, clean_search_query
from tests.huishoudens.factories import (
    HuishoudenFactory,
    HuishoudenUserObjectPermissionFactory,
)

pytestmark = pytest.mark.django_db


def _found(user, query):
    return set(Huishouden.objects.visible_to(user).search(query).values_list("pk", flat=True))


@pytest.mark.parametrize(
    "query",
    ["jans", "JANSEN", "vechtstr", "Vechtstraat 12", "7411 AB", "7411ab", "7411 a", "emma jan"],
)
def test_finds_a_household_by_part_of_its_name_address_postcode_or_member(
    professional, huishouden, ouder, query
):
    assert huishouden.pk in _found(professional, query)


def test_a_member_added_later_is_findable_by_name(professional, huishouden, client_for):
    client_for(professional).post(
        f"/huishoudens/{huishouden.pk}/leden/nieuw/",
        {
            "voornamen": "Zoë",
            "achternaam": "Kuipers",
            "geboortedatum": "1980-01-01",
            "relatie": "partner",
        },
    )
    assert huishouden.pk in _found(professional, "zoe kuip")


def test_diacritics_do_not_matter(teamleider_zuid, huishouden_zuid):
    assert huishouden_zuid.pk in _found(teamleider_zuid, "ozturk")
    assert huishouden_zuid.pk in _found(teamleider_zuid, "Ayse")


def test_finds_by_bsn_prefix_of_an_active_member_only(professional, huishouden, ouder):
    assert huishouden.pk in _found(professional, ouder.bsn)
    assert huishouden.pk in _found(professional, ouder.bsn[:5])
    ouder.einddatum = timezone.localdate()
    ouder.reden_vertrek = "Verhuisd"
    ouder.save()
    assert huishouden.pk not in _found(professional, ouder.bsn)


def test_every_word_must_match(professional, huishouden, ouder):
    other = HuishoudenFactory(team=huishouden.team, familienaam="Jansen", straat="Dijkweg")
    assert _found(professional, "jansen vecht") == {huishouden.pk}
    assert {huishouden.pk, other.pk} <= _found(professional, "jansen")


def test_short_words_narrow_the_result(professional, team_noord):
    de_wit = HuishoudenFactory(team=team_noord, familienaam="de Wit", straat="Molenstraat")
    wit = HuishoudenFactory(team=team_noord, familienaam="Witteveen", straat="Kerkpad")
    assert _found(professional, "de wit") == {de_wit.pk}
    assert {de_wit.pk, wit.pk} <= _found(professional, "wit")


def test_search_never_returns_another_teams_household(professional, huishouden, huishouden_zuid):
    assert _found(professional, "ozturk") == set()
    assert _found(professional, "Tulpstraat") == set()
    bsn = huishouden_zuid.leden.get().bsn
    assert _found(professional, bsn) == set()


def test_a_shared_household_is_found_until_the_share_expires(professional, huishouden_zuid):
    grant = HuishoudenUserObjectPermissionFactory(content_object=huishouden_zuid, user=professional)
    assert _found(professional, "ozturk") == {huishouden_zuid.pk}
    grant.geldig_tot = timezone.now() - timezone.timedelta(minutes=1)
    grant.save()
    assert _found(professional, "ozturk") == set()


def test_beheerder_without_team_finds_nothing(beheerder, huishouden, ouder):
    assert _found(beheerder, "jansen") == set()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("  jan\x00sen ", "jan sen"), ("a" * 500, "a" * 100), ("\t7411\nab", "7411 ab"), (None, "")],
)
def test_a_query_is_cleaned_of_nul_control_characters_and_length(raw, clean):
    assert clean_search_query(raw) == clean


def test_search_and_scope_are_one_query(professional, huishouden, django_assert_num_queries):
    assert professional.team_ids and not professional.is_auditor  # loaded with the user
    with django_assert_num_queries(1):
        list(Huishouden.objects.visible_to(professional).search("12345").sorted_for_search("naam"))
    with django_assert_num_queries(1):
        list(Huishouden.objects.visible_to(professional).search("jansen").sorted_for_search("naam"))
