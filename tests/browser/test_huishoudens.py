"""The journey of the issue: find a household → add a member → assess a domain → see the
completeness change. Then the same household as another team: nothing to find."""

import datetime
import re

from playwright.sync_api import expect

from tests.huishoudens.factories import HuishoudenFactory, LidFactory


def test_find_a_household_add_a_member_assess_a_domain_and_see_completeness(
    page, live_server, login, professional, team_noord
):
    problems = []

    def on_console(msg):
        # the browser's own favicon request is not ours (there is no favicon)
        if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico"):
            problems.append(msg.text)

    page.on("console", on_console)
    huishouden = HuishoudenFactory(
        team=team_noord,
        familienaam="Vermeulen",
        straat="Lijsterbes",
        postcode="7414 XY",
        casusregisseur=professional,
    )
    LidFactory(
        huishouden=huishouden,
        voornamen="Ingrid",
        achternaam="Vermeulen",
        geboortedatum=datetime.date(1980, 1, 1),
        relatie="ouder_verzorger",
    )
    HuishoudenFactory(team=team_noord, familienaam="Bakker", postcode="7411 AA")

    login("professional.noord")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Huishoudens").click()
    zoekveld = page.get_by_label("Zoek een huishouden")

    # find it by part of the postcode, then by part of the name, as you type
    zoekveld.press_sequentially("7414 x", delay=40)
    resultaten = page.locator("#resultaten")
    expect(resultaten).to_contain_text("1 huishouden gevonden voor ‘7414 x’")
    zoekveld.fill("")
    zoekveld.press_sequentially("verme", delay=40)
    expect(resultaten).to_contain_text("1 huishouden gevonden voor ‘verme’")
    expect(resultaten).not_to_contain_text("Bakker")
    expect(page).to_have_url(re.compile(r"q=verme"))
    resultaten.get_by_role("link", name="Huishouden Vermeulen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Huishouden Vermeulen")
    volledigheid = page.locator("#volledigheid")
    expect(volledigheid).to_contain_text("0 van 13 leefdomeinen actueel beoordeeld")

    # add a member, with inline validation of the BSN on the way
    page.get_by_role("link", name="Lid toevoegen").click()
    page.get_by_label("Voornamen").fill("Noor")
    page.get_by_label("Achternaam").fill("Vermeulen")
    page.get_by_label("Geboortedatum").fill("2014-05-06")
    page.get_by_label("Relatie in het huishouden").select_option("kind")
    bsn = page.get_by_label("BSN")
    bsn.fill("123456780")
    bsn.blur()
    expect(page.locator("#id_bsn-veld")).to_contain_text("de elfproef faalt")
    page.get_by_label("BSN").fill("")
    page.get_by_label("BSN").blur()
    expect(page.locator("#id_bsn-veld")).not_to_contain_text("elfproef")
    page.get_by_role("button", name="Lid toevoegen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Huishouden Vermeulen")
    expect(page.locator("#meldingen")).to_contain_text("Noor Vermeulen is toegevoegd.")
    expect(volledigheid).to_contain_text("0 van 26 leefdomeinen actueel beoordeeld")

    # assess Financiën for Noor inline from the matrix
    page.get_by_role("link", name=re.compile("Financiën van Noor beoordelen")).click()
    paneel = page.locator("#beoordeling-paneel")
    expect(paneel).to_contain_text("Financiën — Noor Vermeulen")
    expect(paneel.get_by_role("heading", level=2)).to_be_focused()
    paneel.get_by_label("3 — Beperkt zelfredzaam").check()
    # a first steady score asks no explanation (only a 1–2 or a change does)
    expect(paneel.get_by_label(re.compile("Toelichting van de professional"))).to_be_hidden()
    paneel.get_by_label("Hoe ziet het huishouden dit zelf?").fill("Ik spaar voor een fiets.")
    paneel.get_by_role("button", name="Beoordeling opslaan").click()

    expect(paneel).to_contain_text("Opgeslagen: Financiën van Noor, 3 — Beperkt zelfredzaam")
    expect(volledigheid).to_contain_text("1 van 26 leefdomeinen actueel beoordeeld")
    cel = page.get_by_role("link", name=re.compile("Financiën van Noor beoordelen"))
    expect(cel).to_contain_text("3 Beperkt zelfredzaam")
    assert page.url.endswith(f"/huishoudens/{huishouden.pk}/#leefdomeinen")
    assert problems == []


def test_another_team_cannot_find_or_open_the_household(
    page, live_server, login, professional_zuid, team_noord
):
    huishouden = HuishoudenFactory(team=team_noord, familienaam="Vermeulen")
    login("professional.zuid")
    page.goto(f"{live_server.url}/huishoudens/?q=vermeulen")
    expect(page.locator("#resultaten")).to_contain_text("0 huishoudens gevonden")
    response = page.goto(f"{live_server.url}{huishouden.get_absolute_url()}")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("Vermeulen")
