"""The sociale makelaar: offers and needs of one wijk, both sides consent before contact,
proposed → accepted → active → ended, counted on the Wijkbeeld."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.huishoudens.factories import HuishoudenFactory
from tests.wijk.factories import maak_aanbod, maak_behoefte
from wijk import services
from wijk.cijfers import bereken
from wijk.makelaar import makelaarsbeeld
from wijk.models import Match


@pytest.fixture
def paar(team_noord, professional):
    huishouden = HuishoudenFactory(team=team_noord)
    return (
        maak_aanbod(team=team_noord, door=professional),
        maak_behoefte(huishouden=huishouden, door=professional),
    )


@pytest.mark.django_db
def test_suggested_within_the_wijk_by_domain_and_kind_of_help(
    paar, professional, team_noord, team_zuid, professional_zuid
):
    aanbod, behoefte = paar
    maak_aanbod(team=team_noord, door=professional, hulpsoort="klussen")  # other kind
    maak_aanbod(team=team_zuid, door=professional_zuid)  # other wijk
    assert makelaarsbeeld(professional).suggesties == [(behoefte, aanbod)]


@pytest.mark.django_db
def test_match_needs_both_consents_before_it_starts(paar, professional):
    aanbod, behoefte = paar
    match = services.stel_match_voor(user=professional, aanbod=aanbod, behoefte=behoefte)
    assert match.status == Match.Status.VOORGESTELD
    with pytest.raises(ValidationError):
        services.zet_match_stap(user=professional, match=match, stap="starten")
    match = services.zet_match_stap(user=professional, match=match, stap="toestemming_aanbieder")
    assert match.status == Match.Status.VOORGESTELD
    match = services.zet_match_stap(user=professional, match=match, stap="toestemming_huishouden")
    assert match.status == Match.Status.GEACCEPTEERD
    match = services.zet_match_stap(user=professional, match=match, stap="starten")
    assert match.status == Match.Status.ACTIEF and match.actief_op
    match = services.zet_match_stap(user=professional, match=match, stap="beeindigen")
    assert match.status == Match.Status.BEEINDIGD and match.stappen() == []


@pytest.mark.django_db
def test_database_refuses_an_active_match_without_consent(paar, professional):
    aanbod, behoefte = paar
    with (
        pytest.raises(IntegrityError, match="match_toestemming_beide_kanten"),
        transaction.atomic(),
    ):
        Match.objects.create(
            aanbod=aanbod, behoefte=behoefte, voorgesteld_door=professional, status="actief"
        )


@pytest.mark.django_db
def test_other_team_cannot_broker_and_no_match_across_wijken(
    paar, professional_zuid, team_zuid, client_for
):
    aanbod, behoefte = paar
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied
        services.stel_match_voor(user=professional_zuid, aanbod=aanbod, behoefte=behoefte)
    response = client_for(professional_zuid).post(
        reverse("wijk:match_voorstellen"), {"aanbod": aanbod.pk, "behoefte": behoefte.pk}
    )
    assert response.status_code == 404
    assert not Match.objects.exists()


@pytest.mark.django_db
def test_active_matches_count_on_the_wijkbeeld(team_noord, professional, teamleider, client_for):
    for _ in range(10):
        aanbod = maak_aanbod(team=team_noord, door=professional)
        behoefte = maak_behoefte(huishouden=HuishoudenFactory(team=team_noord), door=professional)
        match = services.stel_match_voor(user=professional, aanbod=aanbod, behoefte=behoefte)
        for stap in ["toestemming_aanbieder", "toestemming_huishouden", "starten"]:
            match = services.zet_match_stap(user=professional, match=match, stap=stap)
    bereken()
    rows = client_for(teamleider).get(reverse("wijk:wijkbeeld_csv")).content.decode()
    assert "Kerncijfers;Sociale makelaar: matches actief;;10" in rows


@pytest.mark.django_db
def test_makelaar_page_constant_queries(
    team_noord, professional, client_for, django_assert_num_queries
):
    client = client_for(professional)
    url = reverse("wijk:makelaar")

    def meer(aantal):
        for _ in range(aantal):
            aanbod = maak_aanbod(team=team_noord, door=professional)
            behoefte = maak_behoefte(
                huishouden=HuishoudenFactory(team=team_noord), door=professional
            )
            services.stel_match_voor(user=professional, aanbod=aanbod, behoefte=behoefte)

    meer(1)
    client.get(url)
    with django_assert_num_queries(11) as klein:
        assert client.get(url).status_code == 200
    meer(5)
    with django_assert_num_queries(len(klein.captured_queries)):
        client.get(url)
