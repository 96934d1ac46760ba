"""Journey (issue 19): a destruction list for a closed household past its date goes from
the beheerder to the team lead and to the archivist; after the wait (time moved) the file
is deleted, the verklaring van vernietiging lists it, and the access log still verifies.
axe-core checks the list page (WCAG 2.1 AA)."""

import datetime
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from archief.models import Vernietigingslijst
from huishoudens.models import Huishouden
from sociaaldomein.roles import Rol
from tests.databaserol import als_eigenaar
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from tests.sociaaldomein.factories import UserFactory
from tests.verantwoording.conftest import pdf_tekst

PASSWORD = "correct-horse-battery"


def _wissel(page, live_server, username, *, start="/"):
    if page.get_by_role("button", name="Uitloggen").count():
        page.get_by_role("button", name="Uitloggen").click()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}{start}")


def test_a_destruction_list_passes_lead_and_archivist_and_is_carried_out(
    page, live_server, axe, team_noord, teamleider, beheerder
):
    UserFactory(username="archivaris", rol=Rol.ARCHIVARIS, password=PASSWORD)
    oud = HuishoudenFactory(team=team_noord)
    LidFactory(huishouden=oud, geboortedatum=datetime.date(1940, 1, 1))
    Huishouden.objects.filter(pk=oud.pk).update(
        status="afgesloten",
        aangemeld_op=datetime.date(2003, 1, 1),
        actief_sinds=datetime.date(2003, 2, 1),
        afgesloten_op=datetime.date(2005, 6, 1),
    )

    _wissel(page, live_server, "beheerder")
    page.goto(f"{live_server.url}/archief/")
    page.get_by_role("button", name="Lijst opstellen voor Wijkteam Noord").click()
    expect(page.get_by_role("table")).to_contain_text(oud.referentie)
    axe()
    page.get_by_role("button", name="Ter beoordeling aanbieden").click()
    expect(page.get_by_text("Klaar voor beoordeling")).to_be_visible()
    lijst = Vernietigingslijst.objects.get()
    url = f"{live_server.url}/archief/{lijst.pk}/"

    _wissel(page, live_server, "teamleider.noord")
    page.goto(url)
    page.get_by_label("Toelichting").fill("Geen lopende zaken meer.")
    page.get_by_role("button", name="Akkoord").click()
    expect(page.get_by_text("status: Beoordeeld")).to_be_visible()

    _wissel(page, live_server, "beheerder")
    page.goto(url)
    page.get_by_role("button", name="Aanbieden aan de archivaris").click()

    _wissel(page, live_server, "archivaris", start="/archief/")
    page.goto(url)
    page.get_by_role("button", name="Akkoord archivaris").click()
    expect(page.get_by_text("Klaar om te vernietigen")).to_be_visible()
    # the archivist reaches no case data
    assert page.goto(f"{live_server.url}/huishoudens/{oud.pk}/").status == 403

    # a week later (time moved): the daily run carries the list out
    Vernietigingslijst.objects.filter(pk=lijst.pk).update(
        vernietigen_na=timezone.now() - datetime.timedelta(seconds=1)
    )
    with als_eigenaar():  # the daily run is the owner's (past the append-only triggers)
        call_command("vernietigingslijsten_uitvoeren")
    assert not Huishouden.objects.filter(pk=oud.pk).exists()

    page.goto(url)
    expect(page.get_by_text("status: Vernietigd")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Verklaring van vernietiging (PDF)").click()
    tekst = pdf_tekst(Path(download.value.path()).read_bytes())
    assert oud.referentie in tekst and "Verklaring van vernietiging" in tekst
    call_command("verify_toegangslog")  # raises CommandError when not in order


def test_a_jeugdwet_request_is_recorded_and_granted_onto_a_list(
    page, live_server, axe, team_noord, professional, teamleider
):
    """Issue 19b: a professional records a parent's request for early destruction from the
    household page; the team lead grants it in Mijn werk; the file goes on a list of its
    own, outside its archiefactiedatum. axe-core checks both pages."""
    gezin = HuishoudenFactory(team=team_noord)
    kind = LidFactory(huishouden=gezin, geboortedatum=datetime.date(2016, 3, 1), relatie="kind")
    Huishouden.objects.filter(pk=gezin.pk).update(
        status="afgesloten",
        aangemeld_op=datetime.date(2022, 1, 1),
        actief_sinds=datetime.date(2022, 2, 1),
        afgesloten_op=datetime.date(2025, 6, 1),
    )

    _wissel(page, live_server, "professional.noord")
    page.goto(f"{live_server.url}/huishoudens/{gezin.pk}/")
    page.get_by_role("link", name="Verzoek tot vernietiging (Jeugdwet)").click()
    axe()
    page.get_by_label(kind.volledige_naam).check()
    page.get_by_label("Een ouder of de voogd").check()
    page.get_by_role("button", name="Verzoek vastleggen").click()
    expect(page.get_by_text("Het verzoek is vastgelegd")).to_be_visible()

    _wissel(page, live_server, "teamleider.noord")
    page.get_by_role("link", name="VV-").first.click()
    axe()
    page.get_by_label("Toewijzen: het dossier gaat op een vernietigingslijst").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Toegewezen: op een vernietigingslijst")).to_be_visible()
    lijst = Vernietigingslijst.objects.get()
    assert lijst.naam.startswith("Vervroegd op verzoek VV-")
    assert lijst.items.get().referentie == gezin.referentie
