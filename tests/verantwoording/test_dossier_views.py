"""The dossier screens: start, progress, download, checking; who may, and the task."""

import hashlib
import re
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from huishoudens.models import Lid
from sociaaldomein.accesslog import Actie
from sociaaldomein.models import Toegangslog
from sociaaldomein.roles import Rol
from tests.huishoudens.factories import (
    HuishoudenFactory,
    HuishoudenUserObjectPermissionFactory,
    LidFactory,
)
from tests.sociaaldomein.factories import UserFactory
from tests.verantwoording.factories import DossierExportFactory
from verantwoording import services
from verantwoording.models import DossierExport

pytestmark = pytest.mark.django_db


@pytest.fixture
def gezin(team_noord):
    huishouden = HuishoudenFactory(team=team_noord, naam="Gezin Bakker")
    LidFactory(huishouden=huishouden, voornamen="Anna", achternaam="Bakker")
    LidFactory(huishouden=huishouden, voornamen="Tim", achternaam="Bakker", relatie="kind")
    return huishouden


def _urls(huishouden, export=None):
    urls = {
        "pagina": reverse("verantwoording:dossier", args=[huishouden.pk]),
        "maken": reverse("verantwoording:dossier_maken", args=[huishouden.pk]),
        "voortgang": reverse("verantwoording:dossier_voortgang", args=[huishouden.pk]),
    }
    if export is not None:
        urls["download"] = reverse(
            "verantwoording:dossier_download", args=[huishouden.pk, export.pk]
        )
    return urls


def test_an_auditor_starts_a_dossier_and_downloads_it_as_an_attachment_nobody_caches(
    client_for, auditor, gezin, direct_taken
):
    client = client_for(auditor)
    response = client.post(
        _urls(gezin)["maken"], {"doel": "bezwaar", "toelichting": "Bezwaarzaak 2026-014"}
    )
    assert response.status_code == 302
    export = DossierExport.objects.get(huishouden=gezin)
    assert export.status == DossierExport.Status.KLAAR
    assert (export.doel, export.toelichting, export.aangevraagd_door) == (
        "bezwaar",
        "Bezwaarzaak 2026-014",
        auditor,
    )
    assert export.bestand_hash == hashlib.sha256(bytes(export.pdf)).hexdigest()
    page = client.get(_urls(gezin)["pagina"])
    assert "Download het dossier" in page.text
    assert export.vingerafdruk_leesbaar in page.text

    download = client.get(_urls(gezin, export)["download"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert f"dossier-{gezin.referentie}-" in download["Content-Disposition"]
    assert download["Cache-Control"] == "no-store"
    assert download.content.startswith(b"%PDF")
    assert download.content == bytes(export.pdf)

    # the export and the download are in the access log: who, role, members, purpose
    leden = sorted(gezin.leden.values_list("pk", flat=True))
    for actie in (Actie.GEEXPORTEERD, Actie.GEDOWNLOAD):
        entry = Toegangslog.objects.get(actie=actie, onderwerp="dossier")
        assert entry.gebruiker == auditor and entry.rol == "Auditor"
        assert entry.huishoudens == [gezin.pk] and sorted(entry.leden) == leden
        assert entry.doel == "bezwaar" and entry.object_id == str(export.pk)


def test_a_professional_of_the_team_makes_one_too_and_the_purpose_defaults_to_casework(
    client_for, professional, gezin, direct_taken
):
    client = client_for(professional)
    page = client.get(_urls(gezin)["pagina"])
    assert re.search(r'value="casusregie"[^>]*checked', page.text)
    assert not re.search(r'value="verantwoording"[^>]*checked', page.text)
    assert client.post(_urls(gezin)["maken"], {"doel": "casusregie"}).status_code == 302
    assert DossierExport.objects.get(huishouden=gezin).is_klaar


def test_the_database_worker_makes_the_dossier_in_the_background(
    transactional_db, team_noord, client_for
):
    """The production path: the request only queues; `db_worker` makes the PDF."""
    from django_tasks_db.models import DBTaskResult

    auditor = UserFactory(username="auditor.worker", rol=Rol.AUDITOR)
    huishouden = HuishoudenFactory(team=team_noord)
    LidFactory(huishouden=huishouden)
    client = client_for(auditor)
    assert client.post(_urls(huishouden)["maken"], {"doel": "verantwoording"}).status_code == 302
    export = DossierExport.objects.get(huishouden=huishouden)
    assert export.status == DossierExport.Status.WACHTRIJ
    taak = DBTaskResult.objects.get(id=export.taak_id)
    assert taak.task_path == "verantwoording.tasks.maak_dossier"

    poll = client.get(_urls(huishouden)["voortgang"], headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in poll.text
    assert "In de wachtrij" in poll.text

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    export.refresh_from_db()
    assert export.status == DossierExport.Status.KLAAR
    assert export.paginas >= 5 and bytes(export.pdf).startswith(b"%PDF")
    taak.refresh_from_db()
    assert taak.status == "SUCCESSFUL"

    poll = client.get(
        _urls(huishouden)["voortgang"] + f"?volg={export.pk}", headers={"HX-Request": "true"}
    )
    assert "hx-trigger" not in poll.text  # polling stops
    assert "Download het dossier" in poll.text
    assert "Het dossier is klaar om te downloaden." in poll.text  # announced once


def test_the_progress_poll_shows_the_step_and_a_full_page_request_goes_to_the_dossier(
    client_for, teamleider, gezin, htmx_headers
):
    export = services.request_dossier(huishouden=gezin, door=teamleider, doel="casusregie")
    DossierExport.objects.filter(pk=export.pk).update(
        status="bezig", voortgang=45, stap="Pagina 12 opmaken"
    )
    client = client_for(teamleider)
    poll = client.get(_urls(gezin)["voortgang"], headers=htmx_headers)
    assert poll.status_code == 200
    assert poll.text.lstrip().startswith('<div id="dossier-exports"')
    assert "45% — Pagina 12 opmaken" in poll.text
    assert '<progress max="100" value="45"' in poll.text
    full = client.get(_urls(gezin)["voortgang"])
    assert full.status_code == 302 and full["Location"] == _urls(gezin)["pagina"]


def test_polling_is_not_logged_and_does_not_keep_the_session_alive(
    client_for, teamleider, gezin, htmx_headers
):
    from verantwoording.views import dossier_voortgang

    assert getattr(dossier_voortgang, "achtergrond", False)
    client = client_for(teamleider)
    before = Toegangslog.objects.count()
    client.get(_urls(gezin)["voortgang"], headers=htmx_headers)
    assert Toegangslog.objects.count() == before


def test_only_one_dossier_of_a_household_is_made_at_a_time(client_for, auditor, gezin):
    client = client_for(auditor)
    assert client.post(_urls(gezin)["maken"], {"doel": "verantwoording"}).status_code == 302
    again = client.post(_urls(gezin)["maken"], {"doel": "verantwoording"})
    assert again.status_code == 200
    assert "Er wordt al een dossier van dit huishouden gemaakt" in again.text
    assert DossierExport.objects.filter(huishouden=gezin).count() == 1


def test_an_htmx_start_re_renders_the_section_with_polling(
    client_for, auditor, gezin, htmx_headers
):
    response = client_for(auditor).post(
        _urls(gezin)["maken"], {"doel": "verantwoording"}, headers=htmx_headers
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="dossiers"')
    assert 'hx-trigger="every 2s"' in response.text


@pytest.mark.parametrize(
    "data",
    [
        {"doel": "iets"},
        {},
        {"doel": "verantwoording", "toelichting": "x" * 301},
        {"doel": "uitzondering"},
    ],
)
def test_bad_input_gives_a_dutch_error_and_no_export(client_for, auditor, gezin, data):
    response = client_for(auditor).post(_urls(gezin)["maken"], data)
    assert response.status_code == 200
    assert "utrecht-form-field-error-message" in response.text
    assert not DossierExport.objects.exists()


def test_a_failed_dossier_is_shown_as_failed_and_can_be_made_again(
    client_for, auditor, gezin, direct_taken
):
    client = client_for(auditor)
    with mock.patch("verantwoording.services.html_to_document", side_effect=OSError("schijf vol")):
        client.post(_urls(gezin)["maken"], {"doel": "verantwoording"})
    export = DossierExport.objects.get(huishouden=gezin)
    assert export.status == DossierExport.Status.MISLUKT
    page = client.get(_urls(gezin)["pagina"])
    assert "kon niet worden gemaakt" in page.text
    assert client.get(_urls(gezin, export)["download"]).status_code == 404
    client.post(_urls(gezin)["maken"], {"doel": "verantwoording"})
    assert DossierExport.objects.filter(huishouden=gezin, status="klaar").count() == 1


def test_a_task_that_runs_twice_makes_the_dossier_once(auditor, gezin):
    export = services.request_dossier(huishouden=gezin, door=auditor, doel="verantwoording")
    assert services.generate_dossier(export_id=export.pk) is not None
    assert services.generate_dossier(export_id=export.pk) is None


@pytest.mark.parametrize("rol", ["ander_team", "beheerder"])
def test_other_teams_and_the_beheerder_get_404_and_the_attempt_is_logged(
    client_for, gezin, rol, professional_zuid, beheerder
):
    user = {"ander_team": professional_zuid, "beheerder": beheerder}[rol]
    export = DossierExportFactory(huishouden=gezin)
    client = client_for(user)
    for url in _urls(gezin, export).values():
        assert client.get(url).status_code in {404, 405}
    assert client.post(_urls(gezin)["maken"], {"doel": "verantwoording"}).status_code == 404
    assert DossierExport.objects.count() == 1
    assert Toegangslog.objects.filter(actie=Actie.GEWEIGERD, gebruiker=user).count() >= 4


def test_a_colleague_with_a_shared_household_may_see_it_but_not_download_its_dossier(
    client_for, gezin, professional_zuid
):
    HuishoudenUserObjectPermissionFactory(content_object=gezin, user=professional_zuid)
    export = DossierExportFactory(huishouden=gezin)
    client = client_for(professional_zuid)
    assert client.get(reverse("huishoudens:detail", args=[gezin.pk])).status_code == 200
    assert client.get(_urls(gezin, export)["download"]).status_code == 403
    assert client.get(_urls(gezin)["pagina"]).status_code == 403
    assert Toegangslog.objects.filter(
        actie=Actie.GEWEIGERD, gebruiker=professional_zuid, onderwerp="dossier"
    ).exists()


def test_an_export_is_only_found_within_its_own_household(client_for, auditor, gezin, team_noord):
    ander = DossierExportFactory(huishouden=HuishoudenFactory(team=team_noord))
    url = reverse("verantwoording:dossier_download", args=[gezin.pk, ander.pk])
    assert client_for(auditor).get(url).status_code == 404


def test_the_dossier_page_costs_the_same_queries_with_more_exports(
    client_for, auditor, gezin, django_assert_num_queries
):
    client = client_for(auditor)
    client.get(_urls(gezin)["pagina"])
    DossierExportFactory(huishouden=gezin)
    # session, user, household, the access-log entry, exports, toetsen
    with django_assert_num_queries(6):
        client.get(_urls(gezin)["pagina"])
    for _ in range(5):
        DossierExportFactory(huishouden=gezin)
    with django_assert_num_queries(6):
        response = client.get(_urls(gezin)["pagina"])
    assert response.text.count("Download het dossier") == 6


# --- checking a dossier ---------------------------------------------------------------------


def _controleer(client, **data):
    return client.post(reverse("verantwoording:dossier_controleren"), data)


def test_an_auditor_checks_a_downloaded_file_and_sees_the_data_did_not_change(
    client_for, auditor, gezin, direct_taken
):
    client = client_for(auditor)
    client.post(_urls(gezin)["maken"], {"doel": "verantwoording"})
    export = DossierExport.objects.get(huishouden=gezin)
    bestand = SimpleUploadedFile("dossier.pdf", bytes(export.pdf), "application/pdf")
    response = _controleer(client, bestand=bestand)
    assert "Dit is precies het bestand dat Eén Plan maakte" in response.text
    assert "niet gewijzigd" in response.text
    assert gezin.referentie in response.text
    assert Toegangslog.objects.filter(onderwerp="dossiercontrole", gebruiker=auditor).exists()

    # the fingerprint as typed from paper, with spaces and capitals, after a change
    Lid.objects.filter(huishouden=gezin).update(eigen_kracht="Nieuw vastgelegd")
    response = _controleer(client, vingerafdruk=export.vingerafdruk_leesbaar.upper())
    assert "De vingerafdruk hoort bij een dossier uit Eén Plan" in response.text
    assert "sindsdien gewijzigd" in response.text


def test_a_fingerprint_of_a_household_the_user_may_not_see_is_no_match(
    client_for, gezin, professional_zuid
):
    export = DossierExportFactory(huishouden=gezin)
    response = _controleer(client_for(professional_zuid), vingerafdruk=export.vingerafdruk)
    assert response.status_code == 200
    assert "Geen overeenkomst gevonden" in response.text
    assert gezin.referentie not in response.text


@pytest.mark.parametrize(
    "data",
    [{}, {"vingerafdruk": "abc"}, {"vingerafdruk": "g" * 64}, {"vingerafdruk": "\x00" * 64}],
)
def test_checking_without_a_valid_fingerprint_or_file_gives_an_error(client_for, auditor, data):
    response = _controleer(client_for(auditor), **data)
    assert response.status_code == 200
    assert 'role="alert"' in response.text or "utrecht-form-field-error-message" in response.text
    assert "Geen overeenkomst" not in response.text


def test_an_unknown_file_is_no_match(client_for, auditor):
    bestand = SimpleUploadedFile("x.pdf", b"%PDF-1.7 iets anders", "application/pdf")
    response = _controleer(client_for(auditor), bestand=bestand)
    assert "Geen overeenkomst gevonden" in response.text


def test_the_beheerder_cannot_check_dossiers(client_for, beheerder):
    assert (
        client_for(beheerder).get(reverse("verantwoording:dossier_controleren")).status_code == 403
    )


def test_an_oversized_upload_is_refused_before_it_is_read(client_for, auditor, settings):
    settings.DOSSIER_UPLOAD_MAX_MB = 1
    groot = SimpleUploadedFile("groot.pdf", b"%PDF" + b"0" * (2 * 1024 * 1024 + 10))
    response = _controleer(client_for(auditor), bestand=groot)
    assert response.status_code == 413
    assert "groter dan 1 MB" in response.text


def test_the_household_page_links_to_the_dossier_and_the_log_for_who_may_use_them(
    client_for, gezin, professional, teamleider, auditor
):
    dossier = _urls(gezin)["pagina"]
    log = reverse("verantwoording:huishouden_toegangslog", args=[gezin.pk])
    detail = reverse("huishoudens:detail", args=[gezin.pk])
    for user, ziet_log in ((professional, False), (teamleider, True), (auditor, True)):
        page = client_for(user).get(detail)
        assert f'href="{dossier}"' in page.text
        assert (f'href="{log}"' in page.text) is ziet_log


def test_the_progress_moves_forward_while_the_pages_are_laid_out(auditor, gezin):
    export = services.request_dossier(huishouden=gezin, door=auditor, doel="verantwoording")
    gezien = []
    echte_zet = services._Voortgang.zet

    def zet(self, procent, stap, *, altijd=False):
        echte_zet(self, procent, stap, altijd=True)  # no throttling in the test
        gezien.append(DossierExport.objects.values_list("voortgang", "stap").get(pk=export.pk))

    with mock.patch.object(services._Voortgang, "zet", zet):
        services.generate_dossier(export_id=export.pk)
    procenten = [procent for procent, _ in gezien]
    assert procenten == sorted(procenten) and procenten[-1] < 100
    stappen = [stap for _, stap in gezien]
    assert "Dossier opmaken" in stappen and "PDF schrijven" in stappen
    assert any(stap.startswith("Pagina ") for stap in stappen)
    export.refresh_from_db()
    assert (export.voortgang, export.stap, export.status) == (100, "Klaar", "klaar")


def test_a_dossier_that_waits_long_says_the_worker_may_not_be_running(
    client_for, auditor, gezin, htmx_headers
):
    import datetime

    from django.utils import timezone

    export = services.request_dossier(huishouden=gezin, door=auditor, doel="verantwoording")
    client = client_for(auditor)
    assert "langer dan vijf minuten" not in client.get(_urls(gezin)["pagina"]).text
    DossierExport.objects.filter(pk=export.pk).update(
        aangevraagd_op=timezone.now() - datetime.timedelta(minutes=6)
    )
    poll = client.get(_urls(gezin)["voortgang"], headers=htmx_headers)
    assert "langer dan vijf minuten" in poll.text
