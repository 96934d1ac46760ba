"""Residents sign in with DigiD through an OIDC broker, matched on BSN, end to end against
the same real OpenID provider as staff single sign-on (tests/browser/provider.py: its
`provider` fixture starts django-oauth-toolkit in its own process and port). The provider
plays the broker: its users carry a `bsn` claim and a DigiD level in `acr`."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.provider import point_client
from tests.inwoner.gezin import maak_gezin
from tests.oidc_provider.gebruikers import WACHTWOORD


@pytest.fixture
def digid(provider, settings):
    # next to the staff client's backend, which must leave the residents' return alone
    point_client(settings, "INWONER_", provider, "inwoner.digid.DigidBackend")
    return provider


def _digid(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("test-provider")
    page.get_by_label("Gebruikersnaam gemeente").fill(username)
    page.get_by_label("Wachtwoord gemeente").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()


def test_a_member_signs_in_with_digid_and_lands_on_mijn_plan(
    page, live_server, digid, professional, team_noord
):
    gezin = maak_gezin(professional, team_noord)  # Iris (BSN 111222333) has an account
    _digid(page, live_server, "digid.iris")
    # DigiD Midden in `acr` is the second factor: no local one asked
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn plan")
    expect(page.locator("main")).to_contain_text("Wij betalen de huur weer op tijd")
    expect(page.locator("main")).not_to_contain_text("GEHEIM")
    # signed in as her own account, which stays the only one
    expect(page.locator(".site-header")).to_contain_text(gezin.user.first_name)


def test_a_resident_without_an_account_gets_no_access(
    page, live_server, digid, professional, team_noord, axe
):
    maak_gezin(professional, team_noord)
    _digid(page, live_server, "digid.onbekend")
    expect(page).to_have_url(re.compile(r"/inloggen/digid/geen-toegang/"))
    expect(page.get_by_role("alert")).to_contain_text("geen account voor Mijn plan")
    axe()
    page.goto(f"{live_server.url}/mijn-plan/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
