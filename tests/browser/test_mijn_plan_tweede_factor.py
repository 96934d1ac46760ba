"""A member's activation with the second factor on (as in production), in a real browser:
the code of the letter and a password, then linking an authenticator app (the code
computed here as the app would) and the recovery codes, on to Mijn plan; another time the
password and a recovery code. axe-core on the member's second-factor pages."""

import pytest
from playwright.sync_api import expect

from inwoner import services
from tests.browser.test_tweede_factor import _app_code
from tests.inwoner.gezin import maak_gezin

WACHTWOORD = "mijn plan is van mij 2026"


@pytest.fixture
def uitnodiging(professional, team_noord, settings):
    from django.core.cache import cache

    cache.clear()  # wrong activation codes of earlier tests are counted per process
    settings.TWEEDE_FACTOR_VERPLICHT = True
    gezin = maak_gezin(professional, team_noord, account=False)
    return services.invite(lid=gezin.ik, door=professional)[1]


def test_a_member_activates_with_a_password_and_an_app(page, live_server, axe, uitnodiging):
    page.goto(f"{live_server.url}/activeren/")
    expect(page.get_by_text("Daarna koppelt u een app op uw telefoon")).to_be_visible()
    page.get_by_label("Uw activeringscode").fill(uitnodiging)
    page.get_by_label("Kies een gebruikersnaam").fill("iris.jansen")
    page.get_by_label("Kies een wachtwoord").fill(WACHTWOORD)
    page.get_by_label("Herhaal het wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Account activeren").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede factor instellen")
    expect(page.get_by_text("Stel nu uw tweede factor in")).to_be_visible()
    axe()
    sleutel = page.get_by_test_id("sleutel").inner_text()
    page.get_by_label("Code uit de app").fill(_app_code(sleutel))
    page.get_by_role("button", name="App koppelen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")
    codes = page.get_by_test_id("herstelcodes").locator("code").all_inner_texts()
    assert len(codes) == 10
    axe()
    page.get_by_role("link", name="Verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn plan")

    # another time: the password, then a recovery code
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(f"{live_server.url}/mijn-plan/")
    page.get_by_label("Gebruikersnaam").fill("iris.jansen")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede factor")
    expect(page.get_by_text("Bel uw contactpersoon")).to_be_visible()
    axe()
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn plan")
