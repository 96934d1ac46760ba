"""A passkey as the second factor (django-otp-webauthn), with Chromium's virtual
authenticator (DevTools protocol, WebAuthn.addVirtualAuthenticator) in place of a
fingerprint reader or security key."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from tests.conftest import PASSWORD


@pytest.fixture(autouse=True)
def verplicht(settings):
    settings.TWEEDE_FACTOR_VERPLICHT = True


@pytest.fixture
def authenticator(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
        "automaticPresenceSimulation": True,
    }
    return cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options})


def _password(page, live_server):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Gebruikersnaam").fill("professional.noord")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_a_professional_adds_a_passkey_and_confirms_with_it(
    page, live_server, professional, authenticator, axe
):
    _password(page, live_server)
    key = page.get_by_test_id("sleutel").inner_text().replace(" ", "")
    code = f"{totp(b32decode(key + '=' * (-len(key) % 8))):06d}"
    page.get_by_label("Code uit de app").fill(code)
    page.get_by_role("button", name="App koppelen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")

    page.wait_for_load_state("networkidle")  # the passkey script has bound the button
    page.get_by_role("button", name="Passkey toevoegen").click()
    expect(page.locator("#passkey-register-status-message")).not_to_be_empty()
    assert WebAuthnCredential.objects.filter(user=professional).count() == 1
    axe()

    page.get_by_role("link", name="Verder").click()
    page.get_by_role("button", name="Uitloggen").click()
    _password(page, live_server)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede factor")
    # the passkey script (a deferred static file) must have bound the button first
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Bevestigen met passkey").click()
    # the browser, the authenticator and the server's check: give a busy machine time
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk", timeout=15_000)
