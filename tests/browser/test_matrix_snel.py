"""Issue 14: scoring the whole matrix of a household of three without friction.

Every click and key press counts as one interaction, a typed text as one; the complete
matrix (3 members × 13 domains) must take at most 45. Row by row for the adults, cell by
cell with the keyboard for the child (Enter saves and moves on to the next open cell)."""

import datetime
import re

from playwright.sync_api import expect

from huishoudens.models import Beoordeling, Leefdomein
from tests.huishoudens.factories import HuishoudenFactory, LidFactory

MAX_INTERACTIES = 45


class Teller:
    def __init__(self):
        self.aantal = 0

    def __call__(self, aantal: int = 1):
        self.aantal += aantal


def test_scoring_a_household_of_three_takes_at_most_45_interactions(
    page, live_server, login, professional, team_noord
):
    huishouden = HuishoudenFactory(team=team_noord, familienaam="Smit", casusregisseur=professional)
    vandaag = datetime.date.today()
    for voornaam, jaren, relatie in (
        ("Anna", 41, "ouder_verzorger"),
        ("Bram", 43, "partner"),
        ("Cas", 9, "kind"),
    ):
        LidFactory(
            huishouden=huishouden,
            voornamen=voornaam,
            achternaam="Smit",
            geboortedatum=vandaag.replace(year=vandaag.year - jaren) - datetime.timedelta(days=10),
            relatie=relatie,
            bsn=None,
        )
    login("professional.noord")
    page.goto(f"{live_server.url}{huishouden.get_absolute_url()}")
    volledigheid = page.locator("#volledigheid")
    expect(volledigheid).to_contain_text("0 van 39 leefdomeinen actueel beoordeeld")
    paneel = page.locator("#beoordeling-paneel")
    tel = Teller()

    # Anna: the whole row at once, one concern explained
    page.get_by_role("link", name="Alles beoordelen voor Anna").click()
    tel()
    expect(paneel).to_contain_text("Alle leefdomeinen — Anna Smit")
    # the panel opens beside the matrix, not below it
    matrix_box = page.locator("#domeinmatrix").bounding_box()
    paneel_box = paneel.bounding_box()
    assert paneel_box["x"] > matrix_box["x"] + matrix_box["width"] - 1
    assert paneel_box["y"] < matrix_box["y"] + matrix_box["height"]
    paneel.get_by_label("Score voor alle open leefdomeinen zonder keuze").select_option("4")
    tel()
    paneel.get_by_label("Financiën", exact=True).select_option("2")
    tel()
    paneel.get_by_label("Toelichting bij Financiën").fill("Huurachterstand van twee maanden.")
    tel()
    paneel.get_by_role("button", name="Alle scores opslaan").click()
    tel()
    expect(volledigheid).to_contain_text("13 van 39 leefdomeinen actueel beoordeeld")

    # Bram: the whole row, all steady
    page.get_by_role("link", name="Alles beoordelen voor Bram").click()
    tel()
    paneel.get_by_label("Score voor alle open leefdomeinen zonder keuze").select_option("5")
    tel()
    paneel.get_by_role("button", name="Alle scores opslaan").click()
    tel()
    expect(volledigheid).to_contain_text("26 van 39 leefdomeinen actueel beoordeeld")

    # Cas, 9: cell by cell with the keyboard; n.v.t. by age is already chosen
    page.get_by_role("link", name=re.compile("Financiën van Cas beoordelen")).click()
    tel()
    expect(paneel).to_contain_text("Financiën — Cas Smit")
    nvt = paneel.get_by_role("radio", name="Niet van toepassing")
    expect(nvt).to_be_checked()
    nvt.press("Enter")
    tel()
    expect(paneel).to_contain_text("Nu: Werk & opleiding van Cas.")
    expect(volledigheid).to_contain_text("27 van 39")
    # the explanation is not asked for a first steady score
    paneel.get_by_label("4 — Voldoende zelfredzaam").check()
    tel()
    expect(paneel.get_by_label(re.compile("Toelichting van de professional"))).to_be_hidden()
    page.keyboard.press("Enter")
    tel()
    expect(paneel).to_contain_text("Nu: Tijdsbesteding van Cas.")
    # a concern asks for the explanation, labelled required
    paneel.get_by_label("2 — Niet zelfredzaam").check()
    tel()
    toelichting = paneel.get_by_label(re.compile("Toelichting van de professional"))
    expect(toelichting).to_be_visible()
    expect(paneel.locator("#id_toelichting-veld label")).to_contain_text(
        "verplicht bij score 1 of 2"
    )
    expect(paneel.locator("#id_toelichting-veld label")).not_to_contain_text("niet verplicht")
    toelichting.fill("Komt na school nauwelijks buiten.")
    tel()
    paneel.get_by_role("button", name="Beoordeling opslaan").click()
    tel()
    expect(paneel).to_contain_text("Nu: Huisvesting van Cas.")

    # the rest of Cas's row at once
    page.get_by_role("link", name="Alles beoordelen voor Cas").click()
    tel()
    paneel.get_by_label("Score voor alle open leefdomeinen zonder keuze").select_option("4")
    tel()
    paneel.get_by_role("button", name="Alle scores opslaan").click()
    tel()
    expect(volledigheid).to_contain_text("39 van 39 leefdomeinen actueel beoordeeld")

    assert (
        Beoordeling.objects.filter(lid__huishouden=huishouden).count()
        == 3 * Leefdomein.objects.filter(actief=True).count()
    )
    assert Beoordeling.objects.filter(lid__voornamen="Cas", niet_van_toepassing=True).count() >= 5
    assert tel.aantal <= MAX_INTERACTIES, tel.aantal
