"""Mijn plan in a real browser (issue 15): the professional invites a member → the member
activates the account → sees Mijn plan → agrees with the current version → the
professional sees the digital agreement; the member proposes an action and the
professional accepts it; the member downloads the inzage PDF, which holds their data and
none of another member's. axe-core on every member page."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests.inwoner.gezin import maak_gezin

CODE = re.compile(r"\b[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\b")


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


@pytest.fixture
def gezin(professional, team_noord):
    from django.core.cache import cache

    cache.clear()  # wrong activation codes of earlier tests are counted per process
    return maak_gezin(professional, team_noord, account=False)


def _uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))


def test_mijn_plan_journey(page, live_server, login, axe, gezin):
    hh = gezin.huishouden.pk
    # the professional invites Iris and gets the letter with her code
    login("professional.noord")
    page.goto(f"{live_server.url}/huishoudens/{hh}/")
    page.get_by_role("link", name="Lid uitnodigen voor Mijn plan").click()
    axe()
    page.get_by_label("Iris Jansen").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Brief met code maken (PDF)").click()
    code = CODE.search(_pdf_text(download.value.path())).group(0)
    _uitloggen(page)

    # Iris activates her account with the code and lands on Mijn plan
    page.goto(f"{live_server.url}/activeren/")
    axe()
    page.get_by_label("Uw activeringscode").fill(code)
    page.get_by_label("Kies een gebruikersnaam").fill("iris.jansen")
    page.get_by_label("Kies een wachtwoord").fill("mijn plan is van mij 2026")
    page.get_by_label("Herhaal het wachtwoord").fill("mijn plan is van mij 2026")
    page.get_by_role("button", name="Account activeren").click()
    page.wait_for_url(f"{live_server.url}/mijn-plan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn plan")
    expect(page.get_by_text("Ik heb weer werk")).to_be_visible()
    assert "GEHEIM" not in page.content()
    axe()

    # she agrees with the current version
    page.get_by_label("Ja, ik ga akkoord").check()
    page.get_by_role("button", name="Keuze vastleggen").click()
    expect(page.get_by_text("Uw keuze is vastgelegd.")).to_be_visible()
    expect(page.get_by_text("Afgesproken versie: versie 1")).to_be_visible()
    axe()

    # she proposes an action
    page.get_by_role("link", name="Opmerking of voorstel toevoegen").click()
    axe()
    page.get_by_label("Voorstel voor een actie").check()
    page.get_by_label("Uw opmerking of voorstel").fill("Mijn zus helpt elke maand met de post.")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Mijn zus helpt elke maand met de post.")).to_be_visible()

    # who looked at her data, her rights, and the inzage PDF
    page.get_by_role("link", name="Wie heeft mijn gegevens bekeken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie heeft mijn gegevens bekeken")
    expect(page.get_by_text("Wijkteam Noord").first).to_be_visible()
    assert "professional.noord" not in page.content()
    axe()
    page.get_by_role("navigation").get_by_role("link", name="Mijn rechten").click()
    axe()
    with page.expect_download() as download:
        page.get_by_role("link", name="Mijn gegevens downloaden (PDF)").click()
    text = _pdf_text(download.value.path())
    assert "Iris Jansen" in text and "111222333" in text
    assert "Geheimpartner" not in text and "123456782" not in text and "GEHEIM" not in text
    _uitloggen(page)

    # the professional sees the digital agreement and accepts the proposal
    login("professional.noord")
    expect(page.get_by_text("Digitaal akkoord of niet akkoord")).to_be_visible()
    page.goto(f"{live_server.url}/huishoudens/{hh}/plan/")
    expect(page.get_by_role("heading", name="Digitaal akkoord")).to_be_visible()
    axe()
    page.get_by_role("link", name=re.compile("^Reageren")).click()
    axe()
    page.get_by_label("Ja, overnemen").check()
    page.get_by_label("Reden (het huishouden leest dit)").fill("Goed idee, ik zet het in het plan.")
    page.get_by_role("button", name="Reactie vastleggen").click()
    page.wait_for_url(f"{live_server.url}/huishoudens/{hh}/plan/")
    expect(page.get_by_text("Overgenomen: Goed idee, ik zet het in het plan.")).to_be_visible()
