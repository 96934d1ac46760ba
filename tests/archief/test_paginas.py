"""The archive's pages: query counts pinned, the same with more lists and files."""

import datetime

import pytest
from django.urls import reverse

from archief import services
from huishoudens.models import Huishouden
from tests.huishoudens.factories import HuishoudenFactory, LidFactory

pytestmark = pytest.mark.django_db


def _oude_dossiers(team, aantal):
    for _ in range(aantal):
        h = HuishoudenFactory(team=team)
        LidFactory(huishouden=h, geboortedatum=datetime.date(1940, 1, 1))
        Huishouden.objects.filter(pk=h.pk).update(
            status="afgesloten",
            aangemeld_op=datetime.date(2003, 1, 1),
            actief_sinds=datetime.date(2003, 2, 1),
            afgesloten_op=datetime.date(2005, 6, 1),
        )


@pytest.mark.parametrize("aantal", [1, 4])
def test_the_pages_cost_the_same_queries_for_more_files(
    client_for, beheerder, team_noord, team_zuid, django_assert_num_queries, aantal
):
    _oude_dossiers(team_noord, aantal)
    _oude_dossiers(team_zuid, aantal)
    client = client_for(beheerder)
    with django_assert_num_queries(QUERIES["overzicht"]):
        assert client.get(reverse("archief:overzicht")).status_code == 200
    lijst = services.create_list(team=team_noord, door=beheerder)
    with django_assert_num_queries(QUERIES["lijst"]):
        response = client.get(reverse("archief:lijst", args=[lijst.pk]))
    assert response.status_code == 200
    assert response.text.count("HH-") >= aantal


# the overview costs a fixed number per team (two here), never per file
QUERIES = {"overzicht": 17, "lijst": 5}
