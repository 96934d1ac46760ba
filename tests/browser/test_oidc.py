"""Single sign-on end to end against a real OpenID provider: django-oauth-toolkit with
OIDC, started as its own Django project (tests/oidc_provider) in its own process and
port, once per test worker (tests/browser/provider.py). No mocked responses: the product
fetches the token, the JWKS and the userinfo from that provider over HTTP."""

import re

from playwright.sync_api import expect

from sociaaldomein.models import User
from tests.oidc_provider.gebruikers import WACHTWOORD


def _sign_in_at_the_provider(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Inloggen met uw gemeente-account").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("test-provider")
    page.get_by_label("Gebruikersnaam gemeente").fill(username)
    page.get_by_label("Wachtwoord gemeente").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()


def test_sso_maps_roles_and_teams_and_trusts_the_providers_second_factor(
    page, live_server, provider, team_noord
):
    _sign_in_at_the_provider(page, live_server, "sso.teamleider")
    # amr says "mfa": straight to Mijn werk, no local second factor
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    expect(page.locator(".site-header")).to_contain_text("Teamleider")
    expect(page.locator(".site-header")).to_contain_text("Wijkteam Noord")
    user = User.objects.get(username="sso.teamleider")
    assert user.get_full_name() == "Sanne de Vries" and not user.has_usable_password()


def test_without_a_second_factor_at_the_provider_the_local_one_is_asked(
    page, live_server, provider, team_noord
):
    _sign_in_at_the_provider(page, live_server, "sso.professional")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede factor instellen")
    page.goto(f"{live_server.url}/huishoudens/")
    expect(page).to_have_url(re.compile(r"/accounts/tweede-factor/"))


def test_a_user_without_a_mapped_role_gets_no_access(page, live_server, provider):
    _sign_in_at_the_provider(page, live_server, "sso.parkeren")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?sso=geweigerd"))
    expect(page.get_by_role("alert")).to_contain_text("geen rol in Eén Plan")
    assert not User.objects.filter(username="sso.parkeren").exists()
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
