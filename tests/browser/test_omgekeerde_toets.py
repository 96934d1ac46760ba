"""Journey: from a plan action start an omgekeerde toets → step 1 with two core values and
effects on two members → step 2 with two articles → outcome maatwerk → see the motivation.
axe-core checks every step (WCAG 2.1 AA)."""

import re

from playwright.sync_api import expect

from sociaaldomein.models import Notificatie
from tests.toetsing.factories import maak_gezin
from toetsing.models import MaatwerkVerzoek, Toets


def _effect(page, wie: str, domein: str, verwachting: str, toelichting: str):
    page.get_by_role("group", name=f"Verwacht effect voor {wie} op {domein}").get_by_label(
        verwachting, exact=True
    ).check()
    page.get_by_label(f"Toelichting ({wie}, {domein})").fill(toelichting)


def test_a_professional_runs_the_omgekeerde_toets_from_plan_action_to_motivation(
    page, live_server, login, axe, team_noord, professional, teamleider
):
    huishouden, *_ = maak_gezin(team_noord, professional)
    login("professional.noord")
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/plan/")
    axe()

    # start from the action
    page.get_by_role(
        "link", name=re.compile("Omgekeerde toets starten bij Een maand huur betalen")
    ).click()
    expect(page.get_by_role("heading", name="Omgekeerde toets starten")).to_be_visible()
    axe()
    page.get_by_label("Beslisvraag").fill("Een maand huur betalen om huisuitzetting te voorkomen")
    page.get_by_role("button", name="Toets starten").click()

    # step 1: what is needed, effects on two members, costs, two core values, ethics
    expect(page.get_by_role("heading", name="Stap 1 — Wat is nodig?")).to_be_visible()
    axe()
    page.get_by_label("Wat is nodig, in de woorden van het huishouden").fill(
        "We lopen één maand achter met de huur en willen in ons huis blijven."
    )
    expect(page.locator("#opslaan-status")).to_contain_text("Concept opgeslagen om")
    page.get_by_label("Analyse van de professional").fill("Eenmalige inkomensval door ziekte.")
    page.get_by_label("Op korte termijn").fill("de ontruiming wordt ingetrokken")
    page.get_by_label("Op lange termijn").fill("de kinderen blijven op hun school")
    _effect(page, "Ayşe Yılmaz", "Financiën", "Beter", "geen deurwaarder meer")
    _effect(page, "Ayşe Yılmaz", "Huisvesting", "Beter", "zij houdt haar woning")
    _effect(page, "Emre Yılmaz", "Financiën", "Gelijk", "")
    _effect(page, "Emre Yılmaz", "Huisvesting", "Beter", "hij blijft in zijn eigen kamer")
    page.get_by_label("Effect op de omgeving").fill("de verhuurder krijgt zijn huur")
    page.get_by_label("Geschatte kosten van het alternatief (euro)").fill("7.000")
    page.get_by_label("Over hoeveel maanden").fill("24")
    page.get_by_label("Het gebruikelijke alternatief", exact=True).fill("huisuitzetting met opvang")
    expect(page.locator("#rendement")).to_contain_text("€ 6.350,00 voorkomen")
    page.get_by_role("checkbox", name="bestaanszekerheid (vangnet)").check()
    page.get_by_label("Hoe dient de oplossing ‘bestaanszekerheid (vangnet)’?").fill(
        "de woning is het vangnet"
    )
    page.get_by_role("checkbox", name="aandacht voor kinderen in het gezin").check()
    page.get_by_label("Hoe dient de oplossing ‘aandacht voor kinderen in het gezin’?").fill(
        "de kinderen houden hun thuis"
    )
    page.get_by_role("group", name="Is de oplossing ethisch verantwoord?").get_by_label(
        "Ja"
    ).check()
    page.get_by_label("Gelijke behandeling", exact=True).fill("Elk gezin met een eenmalige val.")
    page.get_by_label("Autonomie", exact=True).fill("Moeder vroeg er zelf om.")
    page.get_by_label("Evenredigheid", exact=True).fill("Eén maand huur tegen een ontruiming.")
    page.get_by_label("Precedent", exact=True).fill("Gewenst: vroeg betalen is goedkoper.")
    page.get_by_role("group", name="Is dit wat nodig is?").get_by_label("Ja").check()
    page.get_by_role("group", name="Past het bij de grondwaarden van de wet?").get_by_label(
        "Ja"
    ).check()
    page.get_by_label("Toelichting op de conclusie").fill("Zonder betaling volgt ontruiming.")
    axe()
    page.get_by_role("button", name="Stap 1 afronden").click()

    # step 2: two articles found by searching, motivated; outcome maatwerk
    expect(page.get_by_role("heading", name="Stap 2 — Juridische toets")).to_be_visible()
    axe()
    zoek = page.get_by_label("Zoek een artikel (wet, nummer of onderwerp)")
    zoek.fill("bijzondere bijstand")
    page.get_by_role("button", name=re.compile(r"Toevoegen\s*: Pw art\. 35")).click()
    expect(page.get_by_role("heading", name="Pw art. 35 — Bijzondere bijstand")).to_be_visible()
    page.get_by_label("Zoek een artikel (wet, nummer of onderwerp)").fill("4:84")
    page.get_by_role("button", name=re.compile(r"Toevoegen\s*: Awb art\. 4:84")).click()
    expect(
        page.get_by_role("heading", name="Awb art. 4:84 — Inherente afwijkingsbevoegdheid")
    ).to_be_visible()
    for verwijzing, tekst in [
        ("Awb art. 3:4 lid 2", "de nadelen staan in verhouding tot het doel"),
        ("Awb art. 3:46", "de motivering volgt uit stap 1"),
        ("Pw art. 35", "bijzondere bijstand dekt de huur in deze bijzondere situatie"),
        ("Awb art. 4:84", "de beleidsregel pakt hier onevenredig uit"),
    ]:
        page.get_by_label(f"Hoe realiseert {verwijzing} de grondwaarden uit stap 1?").fill(tekst)
    page.get_by_label("Maatwerk: afwijken van een regel of beleid").check()
    page.get_by_label("Van welke regel of welk beleid wordt afgeweken?").fill(
        "de beleidsregel bijzondere bijstand: geen vergoeding van huurschulden"
    )
    page.get_by_label("Welke bijzondere omstandigheden maken de afwijking nodig?").fill(
        "eenmalige inkomensval, twee kinderen in huis"
    )
    page.get_by_label("Waarom is de afwijking evenredig?").fill(
        "de regel zou hier tot ontruiming leiden"
    )
    page.get_by_label("Welke algemene en voorliggende voorzieningen zijn eerst overwogen").fill(
        "bijzondere bijstand en een betalingsregeling met de verhuurder"
    )
    axe()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Toets indienen").click()

    # the motivation and the cost figures
    expect(page.get_by_role("heading", name="Motivering")).to_be_visible()
    motivering = page.locator(".motivering")
    expect(motivering).to_contain_text("Voorgelegd is de vraag: een maand huur betalen")
    expect(motivering).to_contain_text("Voor Ayşe Yılmaz verbeter")
    expect(motivering).to_contain_text("Voor Emre Yılmaz")
    expect(motivering).to_contain_text("Artikel 35 Pw (Bijzondere bijstand)")
    expect(motivering).to_contain_text("Maatwerk: afgeweken wordt van de beleidsregel")
    expect(page.locator("#rendement")).to_contain_text("€ 6.350,00 voorkomen")
    axe()

    toets = Toets.objects.get(huishouden=huishouden)
    assert toets.status == Toets.Status.INGEDIEND and toets.uitkomst == "maatwerk"
    assert toets.grondwaarden.count() == 2 and toets.artikelen.count() == 4
    assert MaatwerkVerzoek.objects.get(toets=toets).bedrag == toets.kosten_oplossing
    assert Notificatie.objects.filter(ontvanger=teamleider, soort="maatwerk").exists()
