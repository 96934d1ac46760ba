"""The plan journey in a real browser: start the plan, write the household's own words,
a goal for two members on two domains, an action with an end date, the household's
agreement, a change after agreement, and the new version with its diff."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.huishoudens.factories import HuishoudenFactory, LidFactory


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
    LidFactory(
        huishouden=huishouden,
        voornamen="Emre",
        achternaam="Yılmaz",
        relatie="kind",
        geboortedatum=datetime.date(vandaag.year - 9, 3, 1),
    )
    return huishouden


def test_plan_journey_from_own_words_to_a_new_version_with_its_diff(
    page, live_server, login, professional, huishouden
):
    problems = []
    # Console errors (a CSP violation, an htmx error) and failed responses of the page. The
    # browser's own favicon request (404, not part of the page) shows only as a console
    # line without a response event, so "Failed to load resource" is checked through
    # the responses instead.
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if msg.type == "error" and not msg.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("response", lambda r: problems.append(r.url) if r.status >= 400 else None)
    vandaag = timezone.localdate()
    login("professional.noord")
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/plan/")
    page.get_by_role("button", name="Plan starten").click()
    expect(page.get_by_role("heading", name="In hun eigen woorden")).to_be_visible()

    # the household's own words first
    page.get_by_role("link", name="Eigen woorden en analyse wijzigen").click()
    page.get_by_label("Hulpvraag").fill("Wij willen niet uit ons huis gezet worden.")
    page.get_by_label("Waar zij over een jaar willen staan").fill("Een eigen plek en rust.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#eigen-woorden")).to_contain_text(
        "Wij willen niet uit ons huis gezet worden."
    )
    expect(page.locator("#meldingen")).to_contain_text("De eigen woorden zijn opgeslagen.")

    # a goal for two members on two domains
    page.get_by_role("link", name="Doel toevoegen").click()
    page.get_by_label("Doel", exact=True).fill("Wij kunnen in ons huis blijven wonen")
    page.get_by_label("Financiën").check()
    page.get_by_label("Huisvesting").check()
    page.get_by_label("Ayşe Yılmaz").check()
    page.get_by_label("Emre Yılmaz").check()
    page.get_by_role("button", name="Opslaan").click()
    doel = page.locator("article.doel")
    expect(doel).to_contain_text("Ayşe Yılmaz, Emre Yılmaz")
    expect(doel.locator(".labels")).to_contain_text("Financiën")
    expect(doel.locator(".labels")).to_contain_text("Huisvesting")

    # an action with an end date (first an evaluation date outside the period: refused)
    page.get_by_role("link", name=re.compile("^Actie toevoegen")).click()
    page.get_by_label("Wat", exact=True).fill("Betalingsregeling voor de huurachterstand")
    page.get_by_label("Wie doet het").select_option("wijkteam")
    page.get_by_label("Wet of financiering").select_option("wgs")
    page.get_by_label("Start", exact=True).fill(vandaag.isoformat())
    page.get_by_label("Geplande einddatum").fill(
        (vandaag + datetime.timedelta(days=60)).isoformat()
    )
    page.get_by_label("Evaluatie op").fill((vandaag + datetime.timedelta(days=90)).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Kies een evaluatiedatum binnen de looptijd")).to_be_visible()
    page.get_by_label("Evaluatie op").fill((vandaag + datetime.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    actie = page.locator(".actie")
    expect(actie).to_contain_text("Betalingsregeling voor de huurachterstand")
    expect(actie.locator(".wet-tag")).to_have_text("Wgs (schuldhulp)")

    # the household agrees (the matrix is incomplete: a reason is recorded)
    page.get_by_role("link", name="Akkoord vastleggen").click()
    page.get_by_label("Akkoord met het plan").check()
    page.get_by_label("In persoon (gesprek)").check()
    page.get_by_label("Namens het huishouden").select_option(label="Ayşe Yılmaz")
    page.get_by_label("Waarom nu vaststellen").fill("Huisuitzetting dreigt; de matrix volgt.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.locator(".plan-status")).to_contain_text("Vastgesteld (akkoord)")

    # a change after agreement opens version 2, with a readable diff
    page.get_by_role("link", name=re.compile("^Actie wijzigen")).click()
    nieuw_einde = vandaag + datetime.timedelta(days=75)
    page.get_by_label("Geplande einddatum").fill(nieuw_einde.isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".plan-status")).to_contain_text("Versie 2")
    versie = page.locator("#versies details").first
    expect(versie).to_contain_text("Versie 2")
    expect(versie.locator("del")).to_have_text(f"{vandaag + datetime.timedelta(days=60):%d-%m-%Y}")
    expect(versie.locator("ins")).to_have_text(f"{nieuw_einde:%d-%m-%Y}")
    expect(versie).to_contain_text("Geplande einddatum")
    expect(page.locator("#plan-akkoord")).to_contain_text("Laatst vastgesteld: versie 1")
    assert problems == []
