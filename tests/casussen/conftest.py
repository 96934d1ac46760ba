import datetime

import pytest
from django.utils import timezone

from casussen.services import ensure_plan
from huishoudens.models import Leefdomein
from tests.huishoudens.factories import BeoordelingFactory, HuishoudenFactory, LidFactory


@pytest.fixture
def gezin(team_noord, professional):
    """An active household of team Noord: a mother (38) and a son (9), no plan content yet."""
    vandaag = timezone.localdate()
    huishouden = HuishoudenFactory(
        team=team_noord, casusregisseur=professional, naam="Gezin Yılmaz"
    )
    moeder = LidFactory(
        huishouden=huishouden,
        voornamen="Ayşe",
        achternaam="Yılmaz",
        geboortedatum=vandaag.replace(year=vandaag.year - 38) - datetime.timedelta(days=40),
    )
    zoon = LidFactory(
        huishouden=huishouden,
        voornamen="Emre",
        achternaam="Yılmaz",
        relatie="kind",
        geboortedatum=vandaag.replace(year=vandaag.year - 9) - datetime.timedelta(days=40),
    )
    plan = ensure_plan(huishouden, door=professional)
    return huishouden, plan, moeder, zoon


def beoordeel_alles(leden, door, *, score=4, scores=None):
    """A complete, current domain matrix (with optional scores per domain code)."""
    scores = scores or {}
    for lid in leden:
        for domein in Leefdomein.objects.filter(actief=True):
            BeoordelingFactory(
                lid=lid,
                leefdomein=domein,
                score=scores.get(domein.code, score),
                beoordeeld_door=door,
            )


def domeinen(*codes):
    return list(Leefdomein.objects.filter(code__in=codes).order_by("volgorde"))
