"""One home per rule (issue 13): who may do what is decided once, on the model or the
user, and the view, the service and the template ask that one rule. These tests let the
same users try the view and the service and check that both refuse exactly the users the
rule refuses, and nobody else."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from huishoudens.models import Huishouden, HuishoudenUserObjectPermission
from huishoudens.services import share_huishouden
from sociaaldomein.roles import Rol
from tests.sociaaldomein.factories import TeamFactory, UserFactory
from tests.toetsing.factories import ingediend
from toetsing.models import MaatwerkBudget, MaatwerkVerzoek
from toetsing.services import maatwerk
from verantwoording import services as verantwoording

pytestmark = pytest.mark.django_db


class _Terug(Exception):
    """Leave a savepoint without keeping what happened in it."""


def _service_refuses(call) -> bool:
    """Does the service refuse (PermissionDenied)? Whatever it did is rolled back."""
    try:
        with transaction.atomic():
            call()
            raise _Terug
    except PermissionDenied:
        return True
    except _Terug:
        return False


def _view_status(client, url: str, data: dict | None = None) -> int:
    """The status of a request (GET, or POST with `data`), rolled back afterwards."""
    status = 0
    try:
        with transaction.atomic():
            response = client.post(url, data) if data is not None else client.get(url)
            status = response.status_code
            raise _Terug
    except _Terug:
        return status


def _grant(huishouden: Huishouden, gebruiker, recht: str, door) -> None:
    share_huishouden(
        huishouden=huishouden,
        gebruiker=gebruiker,
        recht=recht,
        geldig_tot=None,
        reden="Samen met het andere wijkteam",
        door=door,
    )


@pytest.fixture
def verzoek(toets, professional, teamleider, team_noord):
    MaatwerkBudget.objects.create(
        team=team_noord,
        jaar=timezone.localdate().year,
        financiering="participatiewet",
        bedrag=Decimal("10000.00"),
    )
    return ingediend(toets, professional).maatwerkverzoek


@pytest.fixture
def wie(professional, teamleider, team_noord, teamleider_zuid, professional_zuid, auditor):
    """Everyone who can see the household and its request (those who cannot get a 404,
    which is the scoping rule, not the rule under test)."""
    tweede = UserFactory(username="teamleider2.noord", rol=Rol.TEAMLEIDER, teams=[team_noord])
    return {
        "aanvrager (professional)": professional,
        "teamleider": teamleider,
        "tweede teamleider": tweede,
        "teamleider ander team met toegang": teamleider_zuid,
        "professional ander team met toegang": professional_zuid,
        "auditor": auditor,
    }


def test_deciding_maatwerk_is_refused_by_view_and_service_for_exactly_the_same_users(
    client_for, verzoek, wie, teamleider
):
    for gebruiker in (
        wie["teamleider ander team met toegang"],
        wie["professional ander team met toegang"],
    ):
        _grant(verzoek.toets.huishouden, gebruiker, "view", teamleider)
    url = reverse("maatwerk:besluiten", args=[verzoek.pk])
    uitkomst = {}
    for naam, gebruiker in wie.items():
        regel = verzoek.can_decide(gebruiker)
        service = _service_refuses(
            lambda g=gebruiker: maatwerk.approve_maatwerk(verzoek=verzoek, door=g, reden="Akkoord")
        )
        view = _view_status(client_for(gebruiker), url, {"actie": "goedkeuren", "reden": "Akkoord"})
        uitkomst[naam] = (regel, service, view)
        assert service is (not regel), naam
        assert (view == 403) is (not regel), (naam, view)
    assert {naam for naam, (regel, _, _) in uitkomst.items() if regel} == {
        "teamleider",
        "tweede teamleider",
    }


def test_answering_is_refused_by_view_and_service_for_exactly_the_same_users(
    client_for, verzoek, wie, teamleider
):
    maatwerk.ask_information(verzoek=verzoek, door=teamleider, vraag="Is bijstand aangevraagd?")
    verzoek.refresh_from_db()
    for gebruiker in (
        wie["teamleider ander team met toegang"],
        wie["professional ander team met toegang"],
    ):
        _grant(verzoek.toets.huishouden, gebruiker, "view", teamleider)
    url = reverse("maatwerk:beantwoorden", args=[verzoek.pk])
    for naam, gebruiker in wie.items():
        regel = verzoek.can_answer(gebruiker)
        service = _service_refuses(
            lambda g=gebruiker: maatwerk.answer_information(verzoek=verzoek, door=g, antwoord="Ja")
        )
        view = _view_status(client_for(gebruiker), url, {"antwoord": "Ja"})
        assert service is (not regel), naam
        assert (view == 403) is (not regel), (naam, view)
        assert regel is (naam == "aanvrager (professional)")


def test_marking_a_precedent_is_refused_by_view_and_service_for_exactly_the_same_users(
    client_for, verzoek, wie, teamleider, beheerder
):
    maatwerk.approve_maatwerk(verzoek=verzoek, door=teamleider, reden="Voorkomt ontruiming")
    verzoek.refresh_from_db()
    url = reverse("maatwerk:markeren", args=[verzoek.pk])
    for naam, gebruiker in {**wie, "beheerder": beheerder}.items():
        regel = verzoek.can_mark(gebruiker)
        service = _service_refuses(
            lambda g=gebruiker: maatwerk.mark_precedent(
                verzoek=verzoek, door=g, register=MaatwerkVerzoek.Register.RICHTINGGEVEND
            )
        )
        view = _view_status(client_for(gebruiker), url, {"register": "richtinggevend"})
        assert service is (not regel), naam
        assert (view == 403) is (not regel), (naam, view)
        assert regel is (naam in {"teamleider", "tweede teamleider", "beheerder"})


def test_sharing_is_refused_by_view_and_service_for_exactly_the_same_users(
    client_for,
    gezin,
    wie,
    teamleider,
    professional_zuid,
):
    huishouden = gezin[0]
    # the other team's lead may change the household (a change grant), but not share it
    _grant(huishouden, wie["teamleider ander team met toegang"], "change", teamleider)
    buiten = UserFactory(username="collega.west", teams=[TeamFactory(naam="Wijkteam West")])
    url = reverse("huishoudens:delen", args=[huishouden.pk])
    data = {"gebruiker": buiten.pk, "recht": "view", "geldig_tot": "", "reden": "Verhuizing"}
    schrijvers = [
        "aanvrager (professional)",
        "teamleider",
        "tweede teamleider",
        "teamleider ander team met toegang",
    ]
    for naam in schrijvers:
        gebruiker = wie[naam]
        regel = huishouden.can_share(gebruiker)
        service = _service_refuses(
            lambda g=gebruiker: share_huishouden(
                huishouden=huishouden,
                gebruiker=buiten,
                recht="view",
                geldig_tot=None,
                reden="Verhuizing",
                door=g,
            )
        )
        view = _view_status(client_for(gebruiker), url, data)
        assert service is (not regel), naam
        assert (view == 403) is (not regel), (naam, view)
        assert regel is (naam in {"teamleider", "tweede teamleider"})


def test_breaking_the_glass_is_refused_by_view_and_service_for_exactly_the_same_users(
    client_for,
    gezin,
    professional_zuid,
    teamleider_zuid,
    auditor,
    beheerder,
):
    huishouden = gezin[0]
    zonder_team = UserFactory(username="professional.zonder.team", rol=Rol.PROFESSIONAL)
    gebruikers = {
        "professional ander team": professional_zuid,
        "teamleider ander team": teamleider_zuid,
        "auditor": auditor,
        "beheerder": beheerder,
        "professional zonder team": zonder_team,
    }
    url = reverse("verantwoording:doorbraak")
    for naam, gebruiker in gebruikers.items():
        regel = gebruiker.is_team_caseworker
        service = _service_refuses(
            lambda g=gebruiker: verantwoording.break_the_glass(
                huishouden=huishouden,
                door=g,
                reden="Melding van de politie over dit adres vannacht",
            )
        )
        view = _view_status(client_for(gebruiker), url)
        assert service is (not regel), naam
        assert (view == 403) is (not regel), (naam, view)
        assert regel is (naam in {"professional ander team", "teamleider ander team"})


def test_an_expired_grant_passes_no_object_permission_check(
    gezin,
    professional_zuid,
    teamleider,
):
    """django-guardian's backend honours the end of a grant, exactly as `visible_to`."""
    huishouden = gezin[0]
    assert not professional_zuid.has_perm("huishoudens.view_huishouden", huishouden)
    share_huishouden(
        huishouden=huishouden,
        gebruiker=professional_zuid,
        recht="change",
        geldig_tot=timezone.now() + datetime.timedelta(hours=1),
        reden="Samen met wijkteam Zuid",
        door=teamleider,
    )
    assert professional_zuid.has_perm("huishoudens.change_huishouden", huishouden)
    assert Huishouden.objects.editable_by(professional_zuid).filter(pk=huishouden.pk).exists()
    HuishoudenUserObjectPermission.objects.filter(user=professional_zuid).update(
        geldig_tot=timezone.now() - datetime.timedelta(seconds=1)
    )
    fresh = type(professional_zuid).objects.get(pk=professional_zuid.pk)  # no perm cache
    assert not fresh.has_perm("huishoudens.change_huishouden", huishouden)
    assert not Huishouden.objects.visible_to(fresh).filter(pk=huishouden.pk).exists()


def test_an_expired_break_the_glass_grant_passes_no_object_permission_check(
    gezin,
    professional_zuid,
):
    huishouden = gezin[0]
    verantwoording.break_the_glass(
        huishouden=huishouden, door=professional_zuid, reden="Melding van de politie vannacht"
    )
    assert professional_zuid.has_perm("huishoudens.view_huishouden", huishouden)
    HuishoudenUserObjectPermission.objects.filter(user=professional_zuid).update(
        geldig_tot=timezone.now() - datetime.timedelta(minutes=1)
    )
    fresh = type(professional_zuid).objects.get(pk=professional_zuid.pk)
    assert not fresh.has_perm("huishoudens.view_huishouden", huishouden)
