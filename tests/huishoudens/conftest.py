import datetime

import pytest
from django.utils import timezone

from huishoudens.models import Huishouden, Leefdomein
from tests.huishoudens.factories import BeoordelingFactory, HuishoudenFactory, LidFactory


def jaren_geleden(jaren: int, dagen: int = 0) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - jaren) - datetime.timedelta(days=dagen)


def beoordeel_alles(lid, door, *, score=4, op=None):
    for domein in Leefdomein.objects.filter(actief=True):
        BeoordelingFactory(
            lid=lid,
            leefdomein=domein,
            score=score,
            beoordeeld_door=door,
            beoordeeld_op=op or timezone.localdate(),
        )


@pytest.fixture
def huishouden(team_noord, professional):
    return HuishoudenFactory(
        team=team_noord,
        casusregisseur=professional,
        familienaam="Jansen",
        straat="Vechtstraat",
        huisnummer="12",
        postcode="7411 AB",
    )


@pytest.fixture
def ouder(huishouden):
    return LidFactory(
        huishouden=huishouden,
        voornamen="Emma",
        achternaam="Jansen",
        geboortedatum=jaren_geleden(35),
        relatie="ouder_verzorger",
    )


@pytest.fixture
def kind(huishouden, ouder):
    return LidFactory(
        huishouden=huishouden,
        voornamen="Daan",
        achternaam="Jansen",
        geboortedatum=jaren_geleden(2),
        relatie="kind",
        bsn=None,
    )


@pytest.fixture
def huishouden_zuid(team_zuid):
    huishouden = HuishoudenFactory(
        team=team_zuid, familienaam="Öztürk", straat="Tulpstraat", postcode="7421 CD"
    )
    LidFactory(huishouden=huishouden, voornamen="Ayşe", achternaam="Öztürk")
    return Huishouden.objects.get(pk=huishouden.pk)
