"""Issue 14: a lighter toets. Effect rows only where they mean something: the goal's
domains and domains with concerns, never a domain assessed as not applicable."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.huishoudens.factories import BeoordelingFactory, LidFactory
from tests.toetsing.factories import domein, maak_gezin
from toetsing import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def gezin_van_drie(team_noord, professional):
    huishouden, moeder, zoon, doel, actie = maak_gezin(team_noord, professional)
    vandaag = timezone.localdate()
    vader = LidFactory(
        huishouden=huishouden,
        voornamen="Murat",
        achternaam="Yılmaz",
        relatie="partner",
        geboortedatum=vandaag.replace(year=vandaag.year - 40) - datetime.timedelta(days=3),
    )
    doel.leden.add(vader)
    # the son of 9 has no finances of his own: n.v.t.
    BeoordelingFactory(
        lid=zoon,
        leefdomein=domein("financien"),
        score=None,
        niet_van_toepassing=True,
        reden_nvt="Past niet bij de leeftijd (9 jaar).",
        toelichting="",
    )
    # concerns outside the goal: the mother's mental health, the father's social network
    BeoordelingFactory(lid=moeder, leefdomein=domein("geestelijke-gezondheid"), score=2)
    BeoordelingFactory(lid=vader, leefdomein=domein("sociaal-netwerk"), score=1)
    BeoordelingFactory(lid=vader, leefdomein=domein("werk-opleiding"), score=4)
    return huishouden, moeder, zoon, vader, doel, actie


def test_effect_rows_cover_the_goal_and_the_concerns_never_not_applicable(
    gezin_van_drie, professional, client_for
):
    huishouden, *_, doel, _ = gezin_van_drie
    toets = services.start_toets(huishouden=huishouden, door=professional, doel=doel, vraag="Huur")
    rijen = {
        (e.lid.voornamen, e.leefdomein.code)
        for e in toets.effecten.select_related("lid", "leefdomein")
    }
    assert ("Emre", "financien") not in rijen
    assert ("Emre", "huisvesting") in rijen
    assert {("Ayşe", "geestelijke-gezondheid"), ("Murat", "sociaal-netwerk")} <= rijen
    assert ("Murat", "werk-opleiding") not in rijen
    assert len(rijen) <= 12

    page = (
        client_for(professional).get(reverse("toetsing:stap1", args=[huishouden.pk, toets.pk])).text
    )
    assert 1 <= page.count('class="effect-rij"') <= 12
    kop = page[page.index('class="effect-rij"') :]
    kop = kop[: kop.index("Verwijderen")]
    assert "(verplicht)" in kop and "(verplicht bij beter of slechter)" in kop
    assert "niet verplicht" not in kop
