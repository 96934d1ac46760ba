"""Finding 3: the BSN uniqueness check tells whether a BSN is a client of another team.
Each such hit is logged as exceptional access and limited per day, like break the glass."""

import pytest
from django.urls import reverse

from huishoudens.selectors import BSN_BUITEN_BEREIK
from sociaaldomein.models import Toegangslog
from tests.huishoudens.factories import HuishoudenFactory, LidFactory, next_bsn

pytestmark = pytest.mark.django_db


@pytest.fixture
def huishouden(team_noord):
    return HuishoudenFactory(team=team_noord)


def _lid(bsn):
    return {
        "voornamen": "Noor",
        "achternaam": "Jansen",
        "geboortedatum": "2015-02-03",
        "relatie": "kind",
        "bsn": bsn,
    }


def test_a_hit_outside_the_users_reach_is_logged_as_exceptional(
    client_for, professional, huishouden, team_zuid
):
    zuid = HuishoudenFactory(team=team_zuid)
    bsn = LidFactory(huishouden=zuid).bsn
    url = reverse("huishoudens:lid_nieuw", args=[huishouden.pk])
    response = client_for(professional).post(url, _lid(bsn))
    assert "hoort al bij een actief lid van een ander huishouden" in response.text
    entry = Toegangslog.objects.get(onderwerp=BSN_BUITEN_BEREIK)
    assert entry.gebruiker == professional
    assert entry.huishoudens == [zuid.pk]
    assert entry.uitzonderlijk


def test_after_the_daily_maximum_no_bsn_is_checked_at_all(
    client_for, professional, huishouden, team_zuid, settings
):
    settings.BSN_CONTROLE_MAX_PER_DAG = 3
    url = reverse("huishoudens:lid_nieuw", args=[huishouden.pk])
    client = client_for(professional)
    for _ in range(3):
        bsn = LidFactory(huishouden=HuishoudenFactory(team=team_zuid)).bsn
        client.post(url, _lid(bsn))
        client.post(url, _lid(bsn))  # the same member again counts once
    response = client.post(url, _lid(next_bsn()))  # a free BSN: refused all the same
    assert "te vaak een BSN" in response.text
    assert not huishouden.leden.filter(voornamen="Noor").exists()
