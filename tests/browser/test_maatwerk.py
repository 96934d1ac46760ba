"""Journey (issue 6): a professional submits maatwerk above the mandate → the team lead
sees it in the inbox with a similar precedent → asks for information → the professional
answers → the lead approves → the budget and the register show it. axe-core checks the
new pages (WCAG 2.1 AA)."""

from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import expect

from tests.toetsing.factories import ingediend, maak_gezin, naar_stap2, vul_stap2
from toetsing.models import MaatwerkBudget, MaatwerkVerzoek
from toetsing.services import maatwerk, start_toets


def _wissel(page, login, username):
    page.get_by_role("button", name="Uitloggen").click()
    login(username)


def test_maatwerk_goes_from_the_professional_to_the_lead_and_into_the_register(
    page, live_server, login, axe, team_noord, professional, teamleider
):
    MaatwerkBudget.objects.create(
        team=team_noord,
        jaar=timezone.localdate().year,
        financiering="participatiewet",
        bedrag=Decimal("10000.00"),
    )
    # an earlier, comparable decision: the precedent
    eerder, *_, eerdere_actie = maak_gezin(team_noord, professional)
    oud = ingediend(
        start_toets(huishouden=eerder, door=professional, actie=eerdere_actie, vraag="Huur"),
        professional,
    )
    precedent = maatwerk.approve_maatwerk(
        verzoek=oud.maatwerkverzoek, door=teamleider, reden="Goedkoper dan een ontruiming."
    )
    # this household: a toets with step 2 filled in as maatwerk (€ 650, above A = € 500)
    huishouden, *_, actie = maak_gezin(team_noord, professional)
    toets = start_toets(
        huishouden=huishouden, door=professional, actie=actie, vraag="Een maand huur betalen"
    )
    toets = vul_stap2(naar_stap2(toets, professional), professional)

    login("professional.noord")
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/toetsen/{toets.pk}/stap-2/")
    expect(page.locator("#precedenten")).to_contain_text(f"Besluit {precedent.pk}")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Toets indienen").click()
    page.wait_for_url(f"{live_server.url}/huishoudens/{huishouden.pk}/toetsen/{toets.pk}/")
    expect(page.get_by_role("heading", name="Motivering", exact=True)).to_be_visible()
    verzoek = MaatwerkVerzoek.objects.get(toets=toets)
    assert verzoek.niveau == MaatwerkVerzoek.Niveau.TEAMLEIDER

    # the lead: the inbox with the precedent, then a question
    _wissel(page, login, "teamleider.noord")
    expect(page.locator("#maatwerk-teller")).to_contain_text("1")
    page.goto(f"{live_server.url}/maatwerk/")
    kaart = page.locator(f"#verzoek-{verzoek.pk}")
    expect(kaart).to_contain_text(huishouden.referentie)
    # the similar decisions load when the row's details open
    kaart.locator("summary").click()
    expect(kaart).to_contain_text(f"Besluit {precedent.pk}")
    axe()
    kaart.get_by_role("link").first.click()
    page.get_by_label("Meer informatie vragen").check()
    page.get_by_label("Reden (bij een vraag: uw vraag aan de professional)").fill(
        "Is de bijzondere bijstand al aangevraagd?"
    )
    axe()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("#besluit")).to_contain_text("Meer informatie gevraagd door")

    # the professional answers
    _wissel(page, login, "professional.noord")
    page.goto(f"{live_server.url}/maatwerk/{verzoek.pk}/")
    page.get_by_label("Uw antwoord aan de teamleider").fill("Ja, die is afgewezen.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.locator("#besluit")).to_contain_text("Informatie gegeven")

    # the lead approves
    _wissel(page, login, "teamleider.noord")
    page.goto(f"{live_server.url}/maatwerk/{verzoek.pk}/")
    page.get_by_label("Goedkeuren").check()
    page.get_by_label("Reden (bij een vraag: uw vraag aan de professional)").fill(
        "Eenmalig, en goedkoper dan een huisuitzetting."
    )
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("#besluit")).to_contain_text("Status: Goedgekeurd")

    # the budget and the register
    page.goto(f"{live_server.url}/maatwerk/budget/")
    expect(page.locator("#budget-tabel")).to_contain_text("€ 1.300,00")  # spent: both
    expect(page.locator("#budget-tabel")).to_contain_text("€ 8.700,00")  # remaining
    axe()
    page.goto(f"{live_server.url}/maatwerk/register/")
    expect(page.locator(f"#precedent-{verzoek.pk}")).to_contain_text("goedgekeurd")
    expect(page.locator("body")).not_to_contain_text("Yılmaz")
    axe()
    page.goto(f"{live_server.url}/maatwerk/raad/")
    axe()
