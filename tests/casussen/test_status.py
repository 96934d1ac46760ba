"""aangemeld → actief → afgesloten (and heropenen), through services, with dates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from casussen import services as casussen_services
from casussen.models import Plan
from huishoudens import services
from huishoudens.models import Huishouden
from sociaaldomein.concurrency import VersionConflict
from tests.huishoudens.factories import HuishoudenFactory

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate


@pytest.fixture
def huishouden(team_noord, professional):
    """An active household of team Noord."""
    return HuishoudenFactory(team=team_noord, casusregisseur=professional)


@pytest.fixture
def aangemeld(team_noord):
    return HuishoudenFactory(
        team=team_noord,
        status=Huishouden.Status.AANGEMELD,
        actief_sinds=None,
        aangemeld_op=VANDAAG() - datetime.timedelta(days=10),
    )


def test_activation_sets_the_date(aangemeld, professional):
    services.activate_huishouden(huishouden=aangemeld, versie=1, op=VANDAAG(), door=professional)
    aangemeld.refresh_from_db()
    assert (aangemeld.status, aangemeld.actief_sinds, aangemeld.versie) == ("actief", VANDAAG(), 2)


def test_closing_needs_a_reason_and_keeps_the_dates(aangemeld, professional):
    services.activate_huishouden(huishouden=aangemeld, versie=1, op=VANDAAG(), door=professional)
    with pytest.raises(ValidationError, match="reden"):
        services.close_huishouden(
            huishouden=aangemeld, versie=2, op=VANDAAG(), reden=" ", door=professional
        )
    services.close_huishouden(
        huishouden=aangemeld, versie=2, op=VANDAAG(), reden="Doelen bereikt", door=professional
    )
    aangemeld.refresh_from_db()
    assert aangemeld.status == "afgesloten"
    assert (aangemeld.actief_sinds, aangemeld.afgesloten_op) == (VANDAAG(), VANDAAG())
    assert aangemeld.reden_afsluiting == "Doelen bereikt"


def test_a_closed_household_can_be_reopened(aangemeld, professional):
    services.close_huishouden(
        huishouden=aangemeld, versie=1, op=VANDAAG(), reden="Geen hulpvraag", door=professional
    )
    services.activate_huishouden(
        huishouden=aangemeld, versie=2, op=VANDAAG(), door=professional, reden="Nieuwe vraag"
    )
    aangemeld.refresh_from_db()
    assert (aangemeld.status, aangemeld.afgesloten_op, aangemeld.reden_afsluiting) == (
        "actief",
        None,
        "",
    )


@pytest.mark.parametrize(("dagen", "melding"), [(1, "toekomst"), (-11, "ligt voor")])
def test_dates_in_the_future_or_before_the_report_are_refused(
    aangemeld, professional, dagen, melding
):
    with pytest.raises(ValidationError, match=melding):
        services.activate_huishouden(
            huishouden=aangemeld,
            versie=1,
            op=VANDAAG() + datetime.timedelta(days=dagen),
            door=professional,
        )


def test_an_active_household_cannot_be_activated_again(huishouden, professional):
    with pytest.raises(ValidationError, match="al actief"):
        services.activate_huishouden(
            huishouden=huishouden, versie=1, op=VANDAAG(), door=professional
        )


def test_a_stale_version_never_overwrites_a_status(aangemeld, professional):
    services.activate_huishouden(huishouden=aangemeld, versie=1, op=VANDAAG(), door=professional)
    stale = Huishouden.objects.get(pk=aangemeld.pk)
    stale.versie = 1
    with pytest.raises(VersionConflict):
        services.close_huishouden(
            huishouden=stale, versie=1, op=VANDAAG(), reden="x", door=professional
        )


def test_the_database_refuses_inconsistent_dates(aangemeld):
    with (
        pytest.raises(IntegrityError, match="huishouden_actief_na_aanmelding"),
        transaction.atomic(),
    ):
        Huishouden.objects.filter(pk=aangemeld.pk).update(
            status="actief", actief_sinds=aangemeld.aangemeld_op - datetime.timedelta(days=1)
        )
    with (
        pytest.raises(IntegrityError, match="huishouden_afgesloten_heeft_datum"),
        transaction.atomic(),
    ):
        Huishouden.objects.filter(pk=aangemeld.pk).update(status="afgesloten")


def test_the_status_page_activates_and_closes(client_for, professional, aangemeld):
    url = reverse("casussen:status", args=[aangemeld.pk])
    client = client_for(professional)
    page = client.get(url, {"naar": "actief"})
    assert "actief maken" in page.text
    response = client.post(url, {"naar": "actief", "datum": VANDAAG().isoformat(), "versie": 1})
    assert response.status_code == 302
    missing = client.post(url, {"naar": "afgesloten", "datum": VANDAAG().isoformat(), "versie": 2})
    assert "Dit veld is verplicht" in missing.text
    client.post(
        url, {"naar": "afgesloten", "datum": VANDAAG().isoformat(), "reden": "Klaar", "versie": 2}
    )
    aangemeld.refresh_from_db()
    assert aangemeld.status == "afgesloten"
    assert "Heropenen" in client.get(aangemeld.get_absolute_url()).text


def test_a_crafted_transition_is_refused_without_error(client_for, professional, huishouden):
    url = reverse("casussen:status", args=[huishouden.pk])
    response = client_for(professional).post(
        url, {"naar": "verwijderd", "datum": "2020-13-45", "versie": "x"}
    )
    assert response.status_code == 200
    huishouden.refresh_from_db()
    assert huishouden.status == "actief"


def test_activating_a_household_creates_its_one_plan(professional, team_noord):
    huishouden = HuishoudenFactory(
        team=team_noord, status=Huishouden.Status.AANGEMELD, actief_sinds=None
    )
    assert not Plan.objects.filter(huishouden=huishouden).exists()
    casussen_services.activate_huishouden(
        huishouden=huishouden,
        versie=huishouden.versie,
        op=huishouden.aangemeld_op,
        door=professional,
    )
    plan = Plan.objects.get(huishouden=huishouden)
    assert plan.status == Plan.Status.CONCEPT
