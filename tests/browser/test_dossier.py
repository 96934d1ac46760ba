"""The auditor's journey: search a household, start its dossier, watch the progress while
the background worker makes it, download the PDF. Accessible on every page (axe)."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.db import connection
from playwright.sync_api import expect

from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from verantwoording.models import DossierExport

PROJECT_DIR = Path(__file__).resolve().parents[2]


def _worker() -> subprocess.Popen:
    """`manage.py db_worker` as the `worker` service runs it, on the test database: it
    picks up the queued dossier (one task) and stops."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    if db.get("PASSWORD"):
        url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "TESTING": "true", "DEBUG": "false"}
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay",
         "--no-reload", "--max-tasks", "1"],
        cwd=PROJECT_DIR,
        env=env,
    )  # fmt: skip


def test_an_auditor_finds_a_household_starts_its_dossier_sees_progress_and_downloads_it(
    page, live_server, login, auditor, team_noord, axe
):
    huishouden = HuishoudenFactory(team=team_noord, familienaam="Hoekstra", postcode="7415 CD")
    LidFactory(huishouden=huishouden, voornamen="Lotte", achternaam="Hoekstra")

    login("auditor")
    axe()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Huishoudens").click()
    page.get_by_label("Zoek een huishouden").press_sequentially("hoeks", delay=40)
    resultaten = page.locator("#resultaten")
    expect(resultaten).to_contain_text("1 huishouden gevonden voor ‘hoeks’")
    axe()
    resultaten.get_by_role("link", name="Huishouden Hoekstra").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huishouden Hoekstra")
    axe()

    page.get_by_role("link", name=re.compile("Dossier \\(PDF\\)")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dossier en documenten")
    axe()
    page.get_by_label("Bezwaar en beroep").check()
    page.get_by_label("Toelichting").fill("Bezwaarzaak 2026-031")
    page.get_by_role("button", name="Dossier maken").click()

    # queued: the progress is shown, and polled
    exports = page.locator("#dossier-exports")
    expect(exports).to_contain_text("In de wachtrij")
    expect(exports.locator("progress")).to_be_visible()
    axe()
    assert DossierExport.objects.get().status == "wachtrij"

    worker = _worker()
    try:
        download_link = page.get_by_role("link", name=re.compile("Download het dossier"))
        expect(download_link).to_be_visible(timeout=30_000)
        expect(page.locator("#dossier-melding")).to_have_text(
            "Het dossier is klaar om te downloaden."
        )
        axe()
        assert worker.wait(timeout=20) == 0
    finally:
        if worker.poll() is None:  # only the worker this test started
            worker.kill()

    with page.expect_download() as info:
        download_link.click()
    download = info.value
    assert download.suggested_filename.startswith(f"dossier-{huishouden.referentie}-")
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_break_the_glass_shows_a_banner_and_the_auditor_finds_it_flagged_in_the_log(
    page, live_server, login, professional_zuid, auditor, teamleider, team_noord, axe
):
    huishouden = HuishoudenFactory(team=team_noord, familienaam="Mulder")
    LidFactory(huishouden=huishouden, voornamen="Sven", achternaam="Mulder")

    login("professional.zuid")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Huishoudens").click()
    page.get_by_role("link", name="Vraag uitzonderlijke toegang").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Uitzonderlijke toegang")
    axe()
    page.get_by_label("Reden").fill("Crisisdienst: de politie belt vannacht over dit gezin.")
    page.get_by_label("Referentie van het huishouden of BSN van een lid").fill(
        huishouden.referentie
    )
    page.get_by_role("button", name="Toegang openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huishouden Mulder")
    expect(page.locator(".doorbraak-banner")).to_contain_text("Uitzonderlijke toegang")
    axe()
    page.get_by_role("button", name="Toegang nu beëindigen").click()
    expect(page.locator("#meldingen")).to_contain_text("Uw uitzonderlijke toegang is beëindigd.")
    page.get_by_role("button", name="Uitloggen").click()

    login("auditor")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Toegangslog").click()
    page.get_by_label("Huishouden (referentie)").fill(huishouden.referentie)
    page.get_by_label("Alleen uitzonderlijke toegang").check()
    page.get_by_role("button", name="Filteren").click()
    expect(page.locator("#log-resultaten")).to_contain_text("Crisisdienst")
    axe()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Dossier controleren"
    ).click()
    page.get_by_label("Of: de vingerafdruk van het voorblad").fill("0" * 64)
    page.get_by_role("button", name="Controleren").click()
    expect(page.locator("#controle")).to_contain_text("Geen overeenkomst gevonden")
    axe()
