import datetime

import pytest
from django.utils import timezone

from casussen.models import Wet as Financiering
from casussen.services import ensure_plan
from huishoudens.models import Leefdomein
from tests.casussen.factories import ActieFactory, DoelFactory
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from toetsing import services


@pytest.fixture
def gezin(team_noord, professional):
    """Team Noord's household: a mother and a son, a plan with a goal for both of them on
    Financiën and Huisvesting, and an action (one month's rent, Participatiewet)."""
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
    doel = DoelFactory(
        plan=plan,
        omschrijving="Wij blijven in ons huis wonen",
        leden=[moeder, zoon],
        leefdomeinen=list(Leefdomein.objects.filter(code__in=["financien", "huisvesting"])),
    )
    actie = ActieFactory(
        doel=doel,
        wat="Een maand huur betalen om huisuitzetting te voorkomen",
        wet=Financiering.PARTICIPATIEWET,
        kosten="650.00",
    )
    return huishouden, moeder, zoon, doel, actie


@pytest.fixture
def toets(gezin, professional):
    huishouden, _, _, _, actie = gezin
    return services.start_toets(
        huishouden=huishouden, door=professional, actie=actie, vraag=actie.wat
    )
