"""Every form of the household, the plan and the toets opened as its own page (a new
tab, a bookmark, a shared link), with JavaScript on and off (issue 14): it saves once and
the browser shows the result, never an htmx swap into a target that is not there."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from casussen.models import Doel, Plan
from casussen.services import ensure_plan
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from toetsing.models import Toets


@pytest.fixture
def huishouden(professional, team_noord):
    vandaag = timezone.localdate()
    huishouden = HuishoudenFactory(
        team=team_noord, casusregisseur=professional, naam="Gezin Yılmaz"
    )
    LidFactory(
        huishouden=huishouden,
        voornamen="Ayşe",
        achternaam="Yılmaz",
        geboortedatum=datetime.date(vandaag.year - 38, 3, 1),
    )
    ensure_plan(huishouden, door=professional)
    return huishouden


def _problemen(page) -> list:
    problemen = []
    page.on(
        "console",
        lambda msg: (
            problemen.append(msg.text)
            if msg.type == "error" and not msg.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("response", lambda r: problemen.append(r.url) if r.status >= 400 else None)
    return problemen


def _inloggen(page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("professional.noord")
    page.get_by_label("Wachtwoord").fill("correct-horse-battery")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")


def _opslaan(page, knop: str) -> None:
    page.locator("main form[method=post]").last.get_by_role("button", name=knop).click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js-aan", "js-uit"])
def test_forms_opened_as_their_own_page_save_once_and_show_the_result(
    browser, live_server, professional, huishouden, javascript
):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    problemen = _problemen(page)
    base = live_server.url
    _inloggen(page, base)
    hh = f"{base}/huishoudens/{huishouden.pk}"

    # the household: its data, a new member
    page.goto(f"{hh}/wijzigen/")
    page.locator("[name=naam]").fill("Gezin Yılmaz-Demir")
    _opslaan(page, "Opslaan")
    page.wait_for_url(f"{hh}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gezin Yılmaz-Demir")

    page.goto(f"{hh}/leden/nieuw/")
    page.locator("[name=voornamen]").fill("Emre")
    page.locator("[name=achternaam]").fill("Yılmaz")
    page.locator("[name=geboortedatum]").fill("2017-03-01")
    page.locator("[name=relatie]").select_option("kind")
    page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_url(f"{hh}/#leefdomeinen")
    expect(page.get_by_text("Emre Yılmaz is toegevoegd.")).to_be_visible()

    # the plan: the household's own words, a new goal
    page.goto(f"{hh}/plan/eigen-woorden/")
    page.locator("[name=hulpvraag]").fill("Wij willen rust in huis.")
    _opslaan(page, "Opslaan")
    page.wait_for_url(f"{hh}/plan/")
    expect(page.get_by_text("De eigen woorden zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Wij willen rust in huis.").first).to_be_visible()

    page.goto(f"{hh}/plan/doelen/nieuw/")
    page.locator("[name=omschrijving]").fill("Een eigen inkomen")
    page.locator("[name=leefdomeinen]").first.check()
    page.locator("[name=heel_huishouden]").check()
    _opslaan(page, "Opslaan")
    page.wait_for_url(f"{hh}/plan/")
    expect(page.get_by_text("Een eigen inkomen").first).to_be_visible()
    plan = Plan.objects.get(huishouden=huishouden)
    doel = Doel.objects.get(plan=plan, omschrijving="Een eigen inkomen")  # saved once

    # the toets: started from its own page, it lands on step 1
    page.goto(f"{hh}/toetsen/nieuw/doel/{doel.pk}/")
    page.locator("[name=vraag]").fill("Een cursus budgetteren")
    page.get_by_role("button", name="Toets starten").click()
    toets = Toets.objects.get(doel=doel)
    page.wait_for_url(f"{hh}/toetsen/{toets.pk}/stap-1/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert problemen == []
    context.close()
