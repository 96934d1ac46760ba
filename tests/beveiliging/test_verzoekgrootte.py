"""Finding 5: an oversized request body is refused before anything parses it, CSRF
included (its process_view reads request.POST)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest
from django.urls import reverse


@pytest.fixture
def post_niet_lezen(monkeypatch):
    """Fail the test if any code parses the request body."""

    def weiger(self):
        raise AssertionError("de body is gelezen")

    monkeypatch.setattr(HttpRequest, "_load_post_and_files", weiger)


@pytest.mark.django_db
def test_an_oversized_dossier_upload_is_refused_before_csrf_reads_it(
    client_for, auditor, settings, post_niet_lezen
):
    settings.DOSSIER_UPLOAD_MAX_MB = 1
    groot = SimpleUploadedFile("groot.pdf", b"%PDF" + b"0" * (2 * 1024 * 1024 + 10))
    client = client_for(auditor)
    client.handler.enforce_csrf_checks = True
    response = client.post(reverse("verantwoording:dossier_controleren"), {"bestand": groot})
    assert response.status_code == 413
    assert "groter dan 1 MB" in response.text


@pytest.mark.django_db
def test_any_other_form_refuses_a_body_over_the_general_limit(
    client_for, professional, settings, post_niet_lezen
):
    settings.REQUEST_MAX_BYTES = 10_000
    client = client_for(professional)
    response = client.post(reverse("huishoudens:nieuw"), {"huishouden-straat": "x" * 20_000})
    assert response.status_code == 413
