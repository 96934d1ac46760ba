"""A story for the council: the professional writes it from the household page with the
household's consent; the lead sees only the anonymised text and selects it."""

from django.utils import timezone
from playwright.sync_api import expect

from tests.huishoudens.factories import HuishoudenFactory, LidFactory


def test_professional_writes_a_story_and_the_lead_selects_it_anonymised(
    page, live_server, login, professional, teamleider, team_noord, axe
):
    huishouden = HuishoudenFactory(
        team=team_noord, familienaam="Hoekstra", straat="Dijkweg", huisnummer="12"
    )
    LidFactory(huishouden=huishouden, voornamen="Lotte", achternaam="Hoekstra")

    login("professional.noord")
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/")
    page.get_by_role("link", name="Het verhaal van dit huishouden vertellen").click()
    axe()
    page.get_by_label("Titel").fill("Weer rust in huis")
    page.get_by_label("Het verhaal").fill(
        "Lotte Hoekstra van de Dijkweg 12 opende de post niet meer. Nu heeft ze werk."
    )
    page.get_by_label("Toestemming gegeven op").fill(timezone.localdate().isoformat())
    page.get_by_label("Toestemming gegeven door").fill("Lotte")
    page.get_by_role("button", name="Verhaal vastleggen").click()
    expect(page.get_by_text("Het verhaal is vastgelegd en geanonimiseerd.")).to_be_visible()

    page.context.clear_cookies()
    login("teamleider.noord")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Verhalen").click()
    verhaal = page.locator("article", has_text="opende de post niet meer")
    expect(verhaal).to_contain_text("[naam] van de [adres] opende de post niet meer")
    expect(verhaal).not_to_contain_text("Hoekstra")
    axe()
    verhaal.get_by_role("button", name="Opnemen in het raadsrapport").click()
    expect(page.get_by_text("Geselecteerd voor de raad.")).to_be_visible()
    expect(page.locator("article", has_text="opende de post")).to_contain_text(
        "Opgenomen in het raadsrapport."
    )
