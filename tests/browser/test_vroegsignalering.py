"""Journey (issue 17): a professional uploads a partner's CSV with one bad row → the
report names the row and the reason → imports the valid rows → the signal about a member
of a household with a plan shows on that plan and in the casusregisseur's Mijn werk →
a contact attempt and an outcome are registered → the monitor's CSV contains it.
axe-core checks the new pages (WCAG 2.1 AA)."""

from django.utils import timezone
from playwright.sync_api import expect

from tests.casussen.factories import PlanFactory
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.vroegsignalering.factories import KOP, PartnerFactory
from vroegsignalering.models import Vroegsignaalzaak


def test_a_signal_reaches_the_plan_and_the_monitor(
    page, live_server, login, axe, team_noord, professional
):
    partner = PartnerFactory(naam="Woonstichting Thuis")
    huishouden = HuishoudenFactory(team=team_noord, casusregisseur=professional, naam="Gezin Aydin")
    PlanFactory(huishouden=huishouden)
    lid = LidFactory(huishouden=huishouden, achternaam="Aydin")
    vandaag = timezone.localdate()
    signaal = f"{vandaag:%d-%m-%Y}"
    csv = "\n".join([
        KOP,
        f"H-1;{lid.bsn};Aydin;M.;;{huishouden.straat};{huishouden.huisnummer};"
        f"{huishouden.postcode};Voorbeeldstad;1.250,00;01-01-2025;{signaal};ja;nee",
        f"H-2;123456789;Jansen;P.;;Kerkpad;3;7411 AB;Voorbeeldstad;300;01-01-2025;{signaal};"
        "nee;nee",
    ])  # fmt: skip

    login("professional.noord")
    page.get_by_role("link", name="Vroegsignalering").first.click()
    expect(page.get_by_role("heading", name="Vroegsignalering: Wijkteam Noord")).to_be_visible()
    axe()
    page.get_by_role("link", name="Bestand van een partner uploaden").click()
    page.get_by_label("Signaalpartner").select_option(label=partner.naam)
    page.get_by_label("CSV-bestand").set_input_files(
        files=[{"name": "signalen.csv", "mimeType": "text/csv", "buffer": csv.encode()}]
    )
    page.get_by_role("button", name="Controleren").click()
    rapport = page.locator("table.rapport")
    expect(rapport).to_contain_text("Regel 3")
    expect(rapport).to_contain_text("elfproef")
    axe()
    page.get_by_label("Alleen de geldige rijen").check()
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_text("1 signalen geïmporteerd")).to_be_visible()

    # the signal shows on the household's plan, as a basic need, and in Mijn werk
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/plan/")
    signalen = page.locator("section.signalen")
    expect(signalen).to_contain_text("Basisbehoefte eerst: Huisvesting")
    expect(signalen).to_contain_text("€ 1.250,00")
    page.goto(f"{live_server.url}/")
    expect(page.locator("#mw-vroegsignalen")).to_contain_text("1")
    expect(page.get_by_role("link", name="Gezin Aydin").first).to_be_visible()

    # contact attempt and outcome, from the plan
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/plan/")
    page.get_by_role("link", name="Contactpogingen en resultaat van dit signaal").click()
    page.get_by_label("Soort contact").select_option("huisbezoek")
    page.get_by_label("Datum").fill(vandaag.isoformat())
    page.get_by_label("Dagdeel").select_option("middag")
    page.get_by_label("Inwoner bereikt").check()
    page.get_by_role("button", name="Contactpoging vastleggen").click()
    expect(page.locator(".contactpogingen")).to_contain_text("bereikt")
    axe()
    page.get_by_label("Eindresultaat", exact=True).select_option("advies_quick_fix")
    page.get_by_role("button", name="Zaak afronden").click()
    expect(page.get_by_text("Eindresultaat vastgelegd.")).to_be_visible()
    expect(page.locator("dl.gegevens-lijst")).to_contain_text("Informatie en advies of quick fix")
    zaak = Vroegsignaalzaak.objects.get(huishouden=huishouden)
    assert zaak.eindresultaat == "advies_quick_fix"

    # the monitor and its export
    page.goto(f"{live_server.url}/vroegsignalering/monitor/")
    expect(page.locator("table.monitor")).to_contain_text("Woningcorporatie of verhuurder")
    axe()
    export = page.request.get(f"{live_server.url}/vroegsignalering/monitor/export/")
    assert export.ok
    tekst = export.text()
    assert "advies_quick_fix" in tekst and str(zaak.pk) in tekst
