"""Issue 16's journey: the professional finds a provision on the sociale kaart, refers an
action with the member's toestemming; aanbieder accepts and starts; the plan shows
"Gestart"; the provider stops with a result; the goal shows it; the household page's
data-sharing log shows each disclosure."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from casussen.models import Actie
from huishoudens.models import Leefdomein
from sociaaldomein.roles import Rol
from tests.casussen.factories import ActieFactory, DoelFactory, PlanFactory
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.sociaaldomein.factories import UserFactory
from tests.socialekaart.factories import DienstFactory, OrganisatieFactory
from verwijzingen.models import Verwijzing


@pytest.fixture
def situatie(professional, team_noord):
    vandaag = timezone.localdate()
    huishouden = HuishoudenFactory(team=team_noord, casusregisseur=professional, naam="Gezin Bos")
    lid = LidFactory(
        huishouden=huishouden,
        voornamen="Inge",
        achternaam="Bos",
        geboortedatum=datetime.date(vandaag.year - 41, 5, 1),
    )
    plan = PlanFactory(huishouden=huishouden)
    doel = DoelFactory(plan=plan, leden=[lid])
    doel.leefdomeinen.set(Leefdomein.objects.filter(code="financien"))
    ActieFactory(doel=doel, lid=lid, wat="Hulp bij de post en rekeningen")
    org = OrganisatieFactory(naam="Humanitas Voorbeeldstad")
    aanbieder = UserFactory(username="aanbieder.humanitas", rol=Rol.AANBIEDER)
    org.gebruikers.add(aanbieder)
    DienstFactory(
        organisatie=org,
        naam="Thuisadministratie",
        beschrijving="Een vrijwilliger helpt de administratie op orde te brengen.",
        voorliggend=True,
    )
    return huishouden


def _als_aanbieder(page, live_server, naam: str = "aanbieder.humanitas") -> None:
    """Log in as the provider: its start page is its referrals."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill("correct-horse-battery")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/verwijzingen/")


def test_referral_journey(page, live_server, login, situatie):
    huishouden = situatie
    problems = []
    page.on("response", lambda r: problems.append(r.url) if r.status >= 400 else None)
    login("professional.noord")
    # the sociale kaart
    page.goto(f"{live_server.url}/sociale-kaart/")
    page.get_by_label("Zoeken").fill("administratie")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Thuisadministratie")).to_be_visible()
    # refer from the plan, with toestemming
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/plan/")
    page.get_by_role("link", name="Verwijzen naar een voorziening").first.click()
    page.get_by_role("link", name="Thuisadministratie").click()
    page.get_by_label("Toestemming gegeven door").fill("Inge Bos zelf")
    page.get_by_role("button", name="Verwijzing verzenden").click()
    expect(page.get_by_text("Verzonden", exact=True).first).to_be_visible()
    # the provider accepts and starts
    _als_aanbieder(page, live_server)
    expect(page.get_by_role("heading", name="Verwijzingen")).to_be_visible()
    page.get_by_role("link", name="VW-").first.click()
    expect(page.get_by_text("Inge Bos")).to_be_visible()
    page.get_by_label("Accepteren").check()
    page.get_by_role("button", name="Antwoord versturen").click()
    page.get_by_role("button", name="Start registreren").click()
    page.get_by_label("Voortgang", exact=True).fill("Eerste bezoek gedaan.")
    page.get_by_role("button", name="Voortgang opslaan").click()
    # the professional sees "Gestart" and the progress on the plan
    page.context.clear_cookies()
    login("professional.noord")
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/plan/")
    expect(page.get_by_text("Gestart", exact=True).first).to_be_visible()
    expect(page.get_by_text("Eerste bezoek gedaan.", exact=False)).to_be_visible()
    # the provider stops with a result
    _als_aanbieder(page, live_server)
    page.get_by_role("link", name="VW-").first.click()
    page.get_by_label("Resultaat").select_option("geslaagd")
    page.get_by_role("button", name="Stop registreren").click()
    page.context.clear_cookies()
    login("professional.noord")
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/plan/")
    expect(page.get_by_role("heading", name="Resultaat van verwijzingen")).to_be_visible()
    # the data-sharing log on the household page: sent, and every read by the provider
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/")
    log = page.locator("#gegevensdeling")
    expect(log.get_by_text("Verwijzing naar aanbieder", exact=False)).to_be_visible()
    expect(log.get_by_text("Inzage door aanbieder", exact=False).first).to_be_visible()
    assert not [p for p in problems if "favicon" not in p]


def test_the_provider_pages_are_accessible(page, live_server, axe, wereld):
    _als_aanbieder(page, live_server, "aanbieder.demo")
    axe()
    for verwijzing in (wereld.verwijzing, wereld.verwijzing_geaccepteerd):
        response = page.goto(f"{live_server.url}/verwijzingen/{verwijzing.pk}/")
        assert response.status == 200
        axe()


def test_refer_from_a_suggestion_on_the_action_form_with_a_product_code(
    page, live_server, login, situatie
):
    """The action form suggests the provision; "Verwijzen" opens the referral with it
    chosen; choosing a category swaps in only its product codes (htmx)."""
    huishouden = situatie
    problems = []
    page.on("response", lambda r: problems.append(r.url) if r.status >= 400 else None)
    login("professional.noord")
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/plan/")
    page.get_by_role("link", name="Actie wijzigen").first.click()
    suggesties = page.get_by_role("region", name="Voorzieningen van de sociale kaart")
    expect(suggesties).to_contain_text("Thuisadministratie")
    expect(suggesties).to_contain_text("Voorliggend")
    suggesties.get_by_role("link", name="Verwijzen naar Thuisadministratie").click()
    gekozen = page.get_by_label("Voorziening (sociale kaart)").locator("option:checked")
    expect(gekozen).to_contain_text("Thuisadministratie")
    page.get_by_text("Toewijzing Wmo / Jeugdwet").click()
    codes = page.locator("#id_productcode option")
    expect(codes).to_have_count(17)  # every code of the demo list, and the empty choice
    page.get_by_label("Productcategorie").select_option("45")
    expect(codes).to_have_count(4)
    page.get_by_label("Productcode").select_option("45A03")
    page.get_by_label("Volume").fill("4")
    page.get_by_label("Toestemming gegeven door").fill("Inge Bos zelf")
    page.get_by_role("button", name="Verwijzing verzenden").click()
    expect(page.get_by_text("Verzonden", exact=True).first).to_be_visible()
    verwijzing = Verwijzing.objects.get()
    assert (verwijzing.dienst.naam, verwijzing.productcode) == ("Thuisadministratie", "45A03")
    assert problems == []


@pytest.mark.parametrize("javascript", [True, False], ids=["js-aan", "js-uit"])
def test_choose_a_suggested_service_for_the_action_and_see_it_on_the_plan(
    browser, live_server, situatie, javascript
):
    """Issue 16: 'Kies deze dienst' at a suggestion fills the action's service (in place
    with JavaScript, keeping what was typed; without it the form reopens with the service
    chosen); saved, the plan names the service and its organisation with a link."""
    huishouden = situatie
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    page.on("response", lambda r: problems.append(r.url) if r.status >= 400 else None)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("professional.noord")
    page.get_by_label("Wachtwoord").fill("correct-horse-battery")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/plan/")
    page.get_by_role("link", name="Actie wijzigen").first.click()
    if javascript:  # typed before choosing: kept, the form is not reloaded
        page.get_by_label("Wat", exact=True).fill("Samen de administratie op orde")
    suggesties = page.get_by_role("region", name="Voorzieningen van de sociale kaart")
    kies = "Kies deze dienst voor de actie: Thuisadministratie"
    suggesties.get_by_role("link", name=kies).click()
    gekozen = page.get_by_label("Dienst van de sociale kaart").locator("option:checked")
    expect(gekozen).to_contain_text("Thuisadministratie (Humanitas Voorbeeldstad)")
    page.get_by_role("button", name="Opslaan").click()
    actie = page.locator(".actie").first
    expect(actie.get_by_role("link", name="Thuisadministratie")).to_be_visible()
    expect(actie).to_contain_text("(Humanitas Voorbeeldstad)")
    if javascript:
        expect(actie).to_contain_text("Samen de administratie op orde")
    opgeslagen = Actie.objects.get()
    assert opgeslagen.dienst.naam == "Thuisadministratie"
    assert problems == []
    context.close()
