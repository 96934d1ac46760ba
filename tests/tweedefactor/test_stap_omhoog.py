"""Step-up: approving maatwerk, break the glass and downloading a dossier need the second
factor confirmed within the last TWEEDE_FACTOR_STAP_OMHOOG_MINUTEN minutes."""

import time
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from huishoudens.models import HuishoudenUserObjectPermission
from sociaaldomein.tweedefactor import BEVESTIGD_OP
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.toetsing.conftest import gezin, toets  # noqa: F401 - a household with a toets
from tests.toetsing.factories import ingediend
from tests.tweedefactor.helpers import confirm
from tests.verantwoording.factories import DossierExportFactory
from toetsing.models import MaatwerkBudget, MaatwerkVerzoek

pytestmark = pytest.mark.django_db

CONFIRM = reverse("tweede_factor")
REDEN = "Crisisdienst: de politie belt vannacht over geweld in dit gezin."


@pytest.fixture(autouse=True)
def verplicht(settings):
    settings.TWEEDE_FACTOR_VERPLICHT = True
    settings.TWEEDE_FACTOR_STAP_OMHOOG_MINUTEN = 15


@pytest.fixture
def verzoek(toets, professional, team_noord, teamleider):  # noqa: F811
    MaatwerkBudget.objects.create(
        team=team_noord,
        jaar=timezone.localdate().year,
        financiering="participatiewet",
        bedrag=Decimal("10000.00"),
    )
    return ingediend(toets, professional).maatwerkverzoek


def _verified(user) -> tuple[Client, list[str]]:
    client = Client()
    client.force_login(user)
    return client, confirm(client, user)


def _age(client, minutes: float) -> None:
    """As if the second factor was confirmed `minutes` ago."""
    session = client.session
    session[BEVESTIGD_OP] = time.time() - minutes * 60
    session.save()


def _asks_again(response, back: str) -> bool:
    return response.status_code == 302 and response["Location"] == (
        f"{CONFIRM}?{urlencode({'next': back})}"
    )


def test_approving_maatwerk_needs_a_recent_second_factor(verzoek, teamleider):
    client, codes = _verified(teamleider)
    url = reverse("maatwerk:besluiten", args=[verzoek.pk])
    data = {"actie": "goedkeuren", "reden": "Akkoord."}
    _age(client, 16)
    response = client.post(url, data)
    assert _asks_again(response, reverse("maatwerk:verzoek", args=[verzoek.pk]))
    verzoek.refresh_from_db()
    assert verzoek.status == MaatwerkVerzoek.Status.INGEDIEND and not verzoek.besluiten.exists()
    page = client.get(response["Location"])
    assert "Bevestig met uw tweede factor" in page.content.decode()

    client.post(CONFIRM, {"code": codes[0], "next": "/"})
    assert client.post(url, data).status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == MaatwerkVerzoek.Status.GOEDGEKEURD


def test_asking_for_information_needs_no_step_up(verzoek, teamleider):
    client, _ = _verified(teamleider)
    _age(client, 16)
    url = reverse("maatwerk:besluiten", args=[verzoek.pk])
    response = client.post(url, {"actie": "vragen", "reden": "Wat kost het precies?"})
    assert not response["Location"].startswith(CONFIRM)
    assert verzoek.besluiten.exists()


def test_htmx_approval_goes_to_the_confirmation_as_a_whole_page(verzoek, teamleider, htmx_headers):
    client, _ = _verified(teamleider)
    _age(client, 16)
    url = reverse("maatwerk:besluiten", args=[verzoek.pk])
    response = client.post(url, {"actie": "goedkeuren", "reden": "Akkoord."}, headers=htmx_headers)
    assert response["HX-Redirect"].startswith(CONFIRM)
    assert not verzoek.besluiten.exists()


def test_break_the_glass_needs_a_recent_second_factor(team_noord, professional_zuid):
    huishouden = HuishoudenFactory(team=team_noord, referentie="EP-2026-000078")
    LidFactory(huishouden=huishouden)
    client, codes = _verified(professional_zuid)
    url = reverse("verantwoording:doorbraak")
    assert client.get(url).status_code == 200  # the form itself is not weighty
    _age(client, 15.5)
    response = client.post(url, {"reden": REDEN, "kenmerk": huishouden.referentie})
    assert _asks_again(response, url)
    assert not HuishoudenUserObjectPermission.objects.filter(user=professional_zuid).exists()

    client.post(CONFIRM, {"code": codes[0], "next": url})
    response = client.post(url, {"reden": REDEN, "kenmerk": huishouden.referentie})
    assert response.status_code == 302
    assert response["Location"] == reverse("huishoudens:detail", args=[huishouden.pk])
    assert HuishoudenUserObjectPermission.objects.filter(user=professional_zuid).exists()


def test_downloading_a_dossier_needs_a_recent_second_factor(team_noord, auditor):
    export = DossierExportFactory(huishouden=HuishoudenFactory(team=team_noord))
    url = reverse("verantwoording:dossier_download", args=[export.huishouden_id, export.pk])
    client, codes = _verified(auditor)
    _age(client, 14)  # within the window: straight through
    assert client.get(url).status_code == 200
    _age(client, 16)
    response = client.get(url)
    assert _asks_again(response, url)

    confirmed = client.post(CONFIRM, {"code": codes[0], "next": url})
    assert confirmed["Location"] == url  # back to the download
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_switched_off_there_is_no_step_up(settings, team_noord, auditor):
    settings.TWEEDE_FACTOR_VERPLICHT = False
    export = DossierExportFactory(huishouden=HuishoudenFactory(team=team_noord))
    url = reverse("verantwoording:dossier_download", args=[export.huishouden_id, export.pk])
    client = Client()
    client.force_login(auditor)
    assert client.get(url).status_code == 200
