"""A closed household is read-only until it is reopened with a reason (issue 14): no new
goal, member, assessment or toets; the pages offer no changes; reopening asks why, and
the plan's history keeps the reason."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casussen import services
from casussen.models import Doel, Planwijziging
from huishoudens import services as huishouden_services
from huishoudens.models import Huishouden
from tests.casussen.test_views import VANDAAG
from tests.toetsing.factories import domein
from toetsing import services as toets_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def gesloten(gezin, professional):
    huishouden, plan, moeder, zoon = gezin
    services.close_huishouden(
        huishouden=huishouden,
        versie=huishouden.versie,
        op=VANDAAG(),
        reden="Doelen bereikt",
        door=professional,
    )
    huishouden.refresh_from_db()
    return huishouden, plan, moeder, zoon


def test_a_closed_household_accepts_no_new_goal_member_assessment_or_toets(gesloten, professional):
    huishouden, plan, moeder, _ = gesloten
    with pytest.raises(ValidationError, match="afgesloten"):
        services.add_doel(
            plan=plan,
            door=professional,
            omschrijving="Nog een doel",
            leefdomeinen=[domein("financien")],
            leden=[moeder],
            heel_huishouden=False,
        )
    with pytest.raises(ValidationError, match="afgesloten"):
        huishouden_services.add_lid(
            huishouden=huishouden,
            gegevens={"voornamen": "Nieuw", "achternaam": "Lid", "relatie": "kind"},
            door=professional,
        )
    with pytest.raises(ValidationError, match="afgesloten"):
        services.save_eigen_woorden(
            plan=plan, door=professional, versie=plan.versie, hulpvraag="Iets"
        )
    assert not Doel.objects.filter(plan=plan).exists()


def test_the_plan_page_offers_no_changes_and_a_post_gets_the_dutch_reason(
    client_for, professional, gesloten
):
    huishouden, plan, moeder, _ = gesloten
    client = client_for(professional)
    pagina = client.get(reverse("casussen:plan", args=[huishouden.pk])).text
    assert "Doel toevoegen" not in pagina
    response = client.post(
        reverse("casussen:doel_nieuw", args=[huishouden.pk]),
        {"omschrijving": "X", "leefdomeinen": [domein("financien").pk], "leden": [moeder.pk]},
    )
    assert response.status_code == 200
    assert "alleen te lezen" in response.text
    assert not Doel.objects.filter(plan=plan).exists()


def test_reopening_needs_a_reason_that_the_plan_history_keeps(client_for, professional, gesloten):
    huishouden, plan, *_ = gesloten
    with pytest.raises(ValidationError, match="reden"):
        services.activate_huishouden(
            huishouden=huishouden, versie=huishouden.versie, op=VANDAAG(), door=professional
        )
    url = reverse("casussen:status", args=[huishouden.pk])
    client = client_for(professional)
    assert "Reden van heropenen" in client.get(url, {"naar": "actief"}).text
    data = {"naar": "actief", "datum": VANDAAG().isoformat(), "versie": huishouden.versie}
    assert "Dit veld is verplicht" in client.post(url, data).text
    assert client.post(url, {**data, "reden": "Nieuwe huurachterstand"}).status_code == 302
    huishouden.refresh_from_db()
    assert huishouden.status == Huishouden.Status.ACTIEF
    wijziging = Planwijziging.objects.get(plan=plan, onderwerp="Huishouden heropend")
    assert wijziging.wijzigingen[0]["nieuw"] == "Nieuwe huurachterstand"
    # open again: a goal may be added
    services.add_doel(
        plan=plan,
        door=professional,
        omschrijving="Huur op tijd",
        leefdomeinen=[domein("huisvesting")],
        leden=[],
        heel_huishouden=True,
    )


def test_a_toets_cannot_start_on_a_closed_household(gesloten, professional):
    huishouden, *_ = gesloten
    with pytest.raises(ValidationError, match="afgesloten"):
        toets_services.start_toets(
            huishouden=huishouden, door=professional, doel=None, actie=None, vraag="X"
        )
