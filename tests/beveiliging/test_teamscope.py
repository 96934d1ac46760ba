"""Finding 1: team scope needs a case role, not only team membership. The beheerder can
add themself to a team in /beheer/; that must not open the team's case data."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from huishoudens.models import Huishouden
from toetsing.models import MaatwerkVerzoek


@pytest.mark.django_db
def test_a_beheerder_in_a_team_reads_no_case_data(wereld, client_for):
    beheerder = wereld.users["beheerder"]
    wereld.team_noord.leden.add(beheerder)
    beheerder = type(beheerder).objects.get(pk=beheerder.pk)
    assert not Huishouden.objects.visible_to(beheerder).exists()
    assert not MaatwerkVerzoek.objects.visible_to(beheerder).exists()
    assert not MaatwerkVerzoek.objects.van_teams(beheerder).exists()
    client = client_for(beheerder)
    detail = client.get(reverse("huishoudens:detail", args=[wereld.huishouden.pk]))
    assert detail.status_code == 404
    lijst = client.get(reverse("huishoudens:lijst"))
    assert escape(wereld.huishouden.naam) not in lijst.content.decode()


@pytest.mark.django_db
def test_caseworkers_of_the_team_still_read_it(wereld):
    assert (
        Huishouden.objects.visible_to(wereld.users["professional"])
        .filter(pk=wereld.huishouden.pk)
        .exists()
    )
