"""The sociale makelaar's journey: an offer and a need are recorded, matched, both sides
consent, the match becomes active and shows on the lead's Wijkbeeld."""

import re

from playwright.sync_api import expect

from tests.huishoudens.factories import HuishoudenFactory
from tests.wijk.factories import maak_aanbod, maak_behoefte
from wijk import services
from wijk.cijfers import bereken


def test_offer_and_need_matched_both_consent_active_and_on_the_dashboard(
    page, live_server, login, professional, teamleider, team_noord, axe
):
    huishouden = HuishoudenFactory(team=team_noord, familienaam="Hoekstra")
    # nine active matches already: the tenth makes the count visible (small numbers: "< 10")
    for _ in range(9):
        match = services.stel_match_voor(
            user=professional,
            aanbod=maak_aanbod(team=team_noord, door=professional, hulpsoort="vervoer"),
            behoefte=maak_behoefte(
                huishouden=HuishoudenFactory(team=team_noord), door=professional, hulpsoort="taal"
            ),
        )
        for stap in ["toestemming_aanbieder", "toestemming_huishouden", "starten"]:
            match = services.zet_match_stap(user=professional, match=match, stap=stap)

    login("professional.noord")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Sociale makelaar"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sociale makelaar")
    axe()

    aanbod = page.get_by_role("region", name=re.compile("^Aanbod"))
    aanbod.get_by_label("Team (wijk)").select_option(label="Wijkteam Noord")
    aanbod.get_by_label("Soort", exact=True).select_option("talent")
    aanbod.get_by_label("Naam").fill("Ali")
    aanbod.get_by_label("Wat wordt aangeboden").fill("Klust graag in huis en tuin")
    aanbod.get_by_label("Leefdomein").select_option(label="Huisvesting")
    aanbod.get_by_label("Soort hulp").select_option("klussen")
    aanbod.get_by_role("button", name="Aanbod vastleggen").click()
    expect(page.get_by_text("Het aanbod is vastgelegd.")).to_be_visible()

    behoefte = page.get_by_role("region", name=re.compile("^Behoeften"))
    behoefte.get_by_label("Huishouden").select_option(str(huishouden.pk))
    behoefte.get_by_label("Wat is nodig").fill("Iemand die de tuin opknapt")
    behoefte.get_by_label("Leefdomein").select_option(label="Huisvesting")
    behoefte.get_by_label("Soort hulp").select_option("klussen")
    behoefte.get_by_role("button", name="Behoefte vastleggen").click()
    expect(page.get_by_text("De behoefte is vastgelegd.")).to_be_visible()

    suggesties = page.get_by_role("region", name="Mogelijke matches")
    expect(suggesties).to_contain_text("Iemand die de tuin opknapt")
    suggesties.get_by_role("button", name="Match voorstellen").click()
    expect(page.get_by_text("Match voorgesteld.")).to_be_visible()

    rij = page.locator("#matches tr", has_text="Iemand die de tuin opknapt")
    expect(rij.locator(".match-status")).to_have_text("Voorgesteld")
    expect(rij.get_by_role("button", name="Contact gelegd: match actief")).to_have_count(0)
    rij.get_by_role("button", name="De aanbieder stemt in").click()
    rij = page.locator("#matches tr", has_text="Iemand die de tuin opknapt")
    rij.get_by_role("button", name="Het huishouden stemt in").click()
    rij = page.locator("#matches tr", has_text="Iemand die de tuin opknapt")
    expect(rij.locator(".match-status")).to_have_text("Geaccepteerd door beide kanten")
    rij.get_by_role("button", name="Contact gelegd: match actief").click()
    rij = page.locator("#matches tr", has_text="Iemand die de tuin opknapt")
    expect(rij.locator(".match-status")).to_have_text("Actief")
    axe()

    bereken()  # what the background task does every quarter of an hour
    page.context.clear_cookies()
    login("teamleider.noord")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Wijkbeeld").click()
    kerncijfer = page.locator(".wijkbeeld__kerncijfer", has_text="Sociale makelaar: matches actief")
    expect(kerncijfer.locator("dd.getal")).to_have_text("10")
    expect(page.locator("#wb-makelaar-bijschrift")).to_be_visible()
    axe()
