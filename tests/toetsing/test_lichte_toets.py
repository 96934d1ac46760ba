"""Issue 14: a lighter toets. Effect rows only where they mean something: the goal's
domains and domains with concerns, never a domain assessed as not applicable."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.huishoudens.factories import BeoordelingFactory, LidFactory
from tests.toetsing.factories import domein, maak_gezin, naar_stap2
from toetsing import services
from toetsing.models import Artikel
from toetsing.motivering import EffectRegel, Gegevens, schrijf_motivering
from toetsing.selectors.toetsen import zoek_artikelen
from toetsing.services import gerelateerde_wetten, onderdelen

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


def test_suggestions_follow_the_actions_law_and_never_offer_procedural_articles(
    toets, professional
):

    toets = naar_stap2(toets, professional)
    gekozen, effecten, artikelen = onderdelen(toets)
    voorstellen = zoek_artikelen(
        "",
        uitsluiten={k.artikel_id for k in artikelen},
        gerelateerd=gerelateerde_wetten(gekozen),
        financiering=toets.financiering,
        leefdomeinen={e.leefdomein.code for e in effecten},
    )
    assert 0 < len(voorstellen) <= 8
    assert voorstellen[0].wet.code == "participatiewet"
    procedureel = set(Artikel.objects.filter(procedureel=True).values_list("pk", flat=True))
    assert {("jeugdwet", "7.3.8"), ("jeugdwet", "7.3.9")} <= set(
        Artikel.objects.filter(procedureel=True).values_list("wet__code", "nummer")
    )
    assert not procedureel & {a.pk for a in voorstellen}
    gevonden = zoek_artikelen("jeugdwet", uitsluiten=set(), gerelateerd=set())
    assert gevonden and not procedureel & {a.pk for a in gevonden}


def test_step_2_shows_chosen_articles_first_outcome_once_and_searches_once(
    toets, professional, client_for
):

    toets = naar_stap2(toets, professional)
    page = (
        client_for(professional)
        .get(reverse("toetsing:stap2", args=[toets.huishouden_id, toets.pk]))
        .text
    )
    assert page.index('id="sectie-artikelen"') < page.index('id="sectie-zoeken"')
    assert page.count("Uitkomst") == 1
    zoekveld = page[page.index('id="zoek-artikel"') :]
    zoekveld = zoekveld[: zoekveld.index(">")]
    assert 'hx-trigger="input changed delay:300ms"' in zoekveld
    assert "search" not in zoekveld.split("hx-trigger=")[1].split('"')[1]
    assert "data-enter-blijft" in zoekveld


def test_the_motivation_has_one_sentence_per_member_fitted_and_short():
    g = Gegevens(
        vraag="Een maand huur betalen",
        onderdeel="de actie ‘huur’",
        referentie="HH-1",
        effecten=[
            EffectRegel("Ayşe Yılmaz", "Financiën", "beter", "Minder stress."),
            EffectRegel("Ayşe Yılmaz", "Huisvesting", "beter", "Blijft in haar huis"),
            EffectRegel("Ayşe Yılmaz", "Sociaal netwerk", "gelijk", ""),
            EffectRegel("Murat Yılmaz", "Financiën", "beter", "Emre merkt er ook iets van"),
            EffectRegel("Murat Yılmaz", "Werk & opleiding", "gelijk", ""),
            EffectRegel("Emre Yılmaz", "Huisvesting", "beter", "Hij kan op zijn school blijven"),
            EffectRegel("Emre Yılmaz", "Huiselijke relaties", "slechter", "AOW van opa stopt"),
        ],
    )
    effecten = dict(schrijf_motivering(g))["Effecten in de volle breedte"]
    zinnen = [z for z in re.split(r"(?<=\.)\s+", effecten) if z]
    assert [z.split(" ")[1] for z in zinnen] == ["Ayşe", "Murat", "Emre"]
    assert all(len(z.split()) < 25 for z in zinnen)
    assert "financiën (minder stress) en huisvesting (blijft in haar huis)" in effecten
    assert "(Emre merkt er ook iets van)" in effecten  # a name keeps its capital
    assert "(AOW van opa stopt)" in effecten  # so does an acronym
    assert "(hij kan op zijn school blijven)" in effecten
    assert (
        "Voorgelegd is de vraag: een maand huur betalen."
        in dict(schrijf_motivering(g))["Beslisvraag"]
    )


def test_long_explanations_follow_as_sentences_of_their_own():
    lang = "de woning blijft behouden en de kinderen blijven op school zodat het gezin rust krijgt"
    g = Gegevens(
        vraag="huur",
        onderdeel="x",
        referentie="HH",
        effecten=[
            EffectRegel("Ayşe Yılmaz", "Financiën", "beter", lang),
            EffectRegel("Ayşe Yılmaz", "Huisvesting", "beter", lang),
        ],
    )
    effecten = dict(schrijf_motivering(g))["Effecten in de volle breedte"]
    assert effecten.startswith("Voor Ayşe Yılmaz verbeteren financiën en huisvesting.")
    assert all(len(z.split()) < 25 for z in re.split(r"(?<=\.)\s+", effecten))
