"""Dutch that reads right (issue 14): plurals of 'lid' and 'actie', and a Dutch empty
choice in every select instead of Django's "- Select an option -"."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from casussen.forms import ActieForm
from casussen.models import Actie
from casussen.selectors import plan_overzicht
from huishoudens.forms import LidForm
from sociaaldomein.forms import KIES
from tests.casussen.conftest import beoordeel_alles
from tests.casussen.factories import ActieFactory, DoelFactory

pytestmark = pytest.mark.django_db


def test_two_overdue_actions_hadden_al_geevalueerd_moeten_zijn(gezin, professional):
    huishouden, plan, moeder, zoon = gezin
    beoordeel_alles([moeder, zoon], professional)
    vandaag = timezone.localdate()
    doel = DoelFactory(plan=plan)
    for _ in range(2):
        ActieFactory(
            doel=doel,
            startdatum=vandaag - datetime.timedelta(days=60),
            evaluatiedatum=vandaag - datetime.timedelta(days=1),
        )
    (signaal,) = [s for s in plan_overzicht(huishouden, plan).signalen if s.soort == "evaluatie"]
    assert signaal.tekst.startswith("2 acties hadden al geëvalueerd moeten zijn")


def test_the_household_page_says_leden_not_lidleden(client_for, professional, gezin):
    huishouden, *_ = gezin
    page = client_for(professional).get(reverse("huishoudens:detail", args=[huishouden.pk]))
    assert "lidleden" not in page.text
    assert "voor 2 leden" in page.text


def test_selects_offer_a_dutch_empty_choice(gezin, professional):
    huishouden, plan, *_ = gezin
    lid = LidForm(user=professional, huishouden=huishouden)
    actie = ActieForm(
        instance=Actie(doel=DoelFactory(plan=plan)), huishouden=huishouden, nieuw=True
    )
    for field in (lid["relatie"], actie["uitvoerder"], actie["wet"]):
        html = str(field)
        assert "Select an option" not in html and "---------" not in html
        assert KIES in html
