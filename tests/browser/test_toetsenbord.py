"""Keyboard only: a professional who does not use a mouse starts an omgekeerde toets from
the plan and completes step 1 with Tab, typing, Space, the arrow keys and Enter.

Every control is reached by Tab in the order of the page (no keyboard trap, nothing
only reachable with a mouse), the focused control is visibly marked, and the autosave
never takes the focus away while typing."""

import re

from playwright.sync_api import expect

from tests.toetsing.factories import maak_gezin
from toetsing.models import Toets

MAX_TABS = 250


def _is_focused(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def tab_naar(page, locator, *, terug: bool = False) -> None:
    """Press Tab (or Shift+Tab) until `locator` has the focus; fail if it never does."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if terug else "Tab")
        if _is_focused(locator):
            # the focus is visible: the project's focus ring (3 px outline)
            outline = locator.evaluate(
                "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth] }"
            )
            assert outline[0] != "none" and outline[1] != "0px", outline
            return
    raise AssertionError(f"{locator} is niet met Tab te bereiken")


def typ(page, locator, tekst: str) -> None:
    tab_naar(page, locator)
    page.keyboard.type(tekst)


def kies(page, groep, optie: str) -> None:
    """A radio group: Tab into the group, Space to choose, the arrow keys to the option."""
    radio = groep.get_by_label(optie, exact=True)
    tab_naar(page, groep.get_by_role("radio").first)
    page.keyboard.press("Space")
    for _ in range(10):
        if radio.is_checked():
            return
        page.keyboard.press("ArrowRight")
    raise AssertionError(f"optie {optie!r} niet met de pijltjestoetsen te kiezen")


def vink_aan(page, checkbox) -> None:
    tab_naar(page, checkbox)
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()


def test_step_1_of_the_toets_can_be_completed_with_the_keyboard_alone(
    page, live_server, login, axe, team_noord, professional
):
    huishouden, *_ = maak_gezin(team_noord, professional)
    login("professional.noord")
    page.goto(f"{live_server.url}/huishoudens/{huishouden.pk}/plan/")

    # the first Tab reaches the skip link, which moves the focus past the navigation
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert _is_focused(skip)
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")

    start = page.get_by_role(
        "link", name=re.compile("Omgekeerde toets starten bij Een maand huur betalen")
    )
    tab_naar(page, start)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Omgekeerde toets starten")).to_be_visible()
    typ(page, page.get_by_label("Beslisvraag"), "Een maand huur betalen")
    tab_naar(page, page.get_by_role("button", name="Toets starten"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Stap 1 — Wat is nodig?")).to_be_visible()
    behoefte = page.get_by_label("Wat is nodig, in de woorden van het huishouden")
    typ(page, behoefte, "We willen in ons huis blijven.")
    # moving on triggers the autosave; the focus stays where the user put it
    analyse = page.get_by_label("Analyse van de professional")
    typ(page, analyse, "Eenmalige inkomensval door ziekte.")
    expect(page.locator("#opslaan-status")).to_contain_text("Concept opgeslagen om")
    assert _is_focused(analyse)
    typ(page, page.get_by_label("Op korte termijn"), "de ontruiming wordt ingetrokken")
    typ(page, page.get_by_label("Op lange termijn"), "de kinderen blijven op hun school")

    for wie, domein, effect, toelichting in [
        ("Ayşe Yılmaz", "Financiën", "Beter", "geen deurwaarder meer"),
        ("Ayşe Yılmaz", "Huisvesting", "Beter", "zij houdt haar woning"),
        ("Emre Yılmaz", "Financiën", "Gelijk", ""),
        ("Emre Yılmaz", "Huisvesting", "Beter", "hij houdt zijn eigen kamer"),
    ]:
        groep = page.get_by_role("group", name=f"Verwacht effect voor {wie} op {domein}")
        kies(page, groep, effect)
        if toelichting:
            typ(page, page.get_by_label(f"Toelichting ({wie}, {domein})"), toelichting)
    typ(page, page.get_by_label("Effect op de omgeving"), "de verhuurder krijgt zijn huur")
    typ(page, page.get_by_label("Geschatte kosten van het alternatief (euro)"), "7.000")
    typ(page, page.get_by_label("Over hoeveel maanden"), "24")
    typ(page, page.get_by_label("Het gebruikelijke alternatief", exact=True), "huisuitzetting")
    expect(page.locator("#rendement")).to_contain_text("voorkomen")

    vink_aan(page, page.get_by_role("checkbox", name="bestaanszekerheid (vangnet)"))
    typ(
        page,
        page.get_by_label("Hoe dient de oplossing ‘bestaanszekerheid (vangnet)’?"),
        "de woning is het vangnet",
    )
    kies(page, page.get_by_role("group", name="Is de oplossing ethisch verantwoord?"), "Ja")
    for veld, tekst in [
        ("Gelijke behandeling", "Elk gezin met een eenmalige val."),
        ("Autonomie", "Moeder vroeg er zelf om."),
        ("Evenredigheid", "Eén maand huur tegen een ontruiming."),
        ("Precedent", "Vroeg betalen is goedkoper."),
    ]:
        typ(page, page.get_by_label(veld, exact=True), tekst)
    kies(page, page.get_by_role("group", name="Is dit wat nodig is?"), "Ja")
    kies(page, page.get_by_role("group", name="Past het bij de grondwaarden van de wet?"), "Ja")
    typ(page, page.get_by_label("Toelichting op de conclusie"), "Zonder betaling volgt ontruiming.")

    tab_naar(page, page.get_by_role("button", name="Stap 1 afronden"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Stap 2 — Juridische toets")).to_be_visible()
    axe()

    toets = Toets.objects.get(huishouden=huishouden)
    assert toets.status == Toets.Status.STAP2
    assert toets.behoefte == "We willen in ons huis blijven."
    assert toets.grondwaarden.count() == 1
