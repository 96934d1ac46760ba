"""Staff sign-in with a second factor (TWEEDE_FACTOR_VERPLICHT on, as in production): the
first time the professional links an authenticator app (the code computed here as the
app would), keeps the recovery codes, and signs in with one of them another time."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.conftest import PASSWORD


@pytest.fixture(autouse=True)
def verplicht(settings):
    settings.TWEEDE_FACTOR_VERPLICHT = True


def _app_code(sleutel: str) -> str:
    key = sleutel.replace(" ", "")
    key += "=" * (-len(key) % 8)
    return f"{totp(b32decode(key)):06d}"


def _password(page, live_server, next_path="/"):
    page.goto(f"{live_server.url}{next_path}")
    page.get_by_label("Gebruikersnaam").fill("professional.noord")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_a_professional_links_an_app_and_signs_in_with_a_code(page, live_server, professional, axe):
    problems = []  # CSP violations (the QR code is an image, no inline script or style)
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    _password(page, live_server, "/huishoudens/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede factor instellen")
    expect(page.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
    axe()
    sleutel = page.get_by_test_id("sleutel").inner_text()
    page.get_by_label("Code uit de app").fill("000000")
    page.get_by_role("button", name="App koppelen").click()
    expect(page.get_by_text("Deze code klopt niet")).to_be_visible()
    page.wait_for_timeout(1100)  # django-otp makes the next try wait a second

    page.get_by_label("Code uit de app").fill(_app_code(sleutel))
    page.get_by_role("button", name="App koppelen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")
    codes = page.get_by_test_id("herstelcodes").locator("code").all_inner_texts()
    assert len(codes) == 10
    axe()
    page.get_by_role("link", name="Verder").click()
    expect(page).to_have_url(f"{live_server.url}/huishoudens/")

    # another time: password, then a recovery code (the phone is at home)
    page.get_by_role("button", name="Uitloggen").click()
    _password(page, live_server)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede factor")
    axe()
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    assert problems == []
