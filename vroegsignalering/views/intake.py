"""Uploading a partner's CSV file: check it row by row, show the report, then import all
rows without errors or only the valid ones. Importing the same file again adds nothing."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie, log_access
from sociaaldomein.middleware import max_body
from vroegsignalering import intake, selectors
from vroegsignalering.forms import ImportForm, UploadForm
from vroegsignalering.intake import KOLOMMEN
from vroegsignalering.services import intake as intake_services

MAX_MELDINGEN = 500


def _mag_aanleveren(request) -> None:
    if not request.user.is_team_caseworker:
        raise PermissionDenied("Aanleveren doen de medewerkers van een wijkteam.")


@max_body(lambda: settings.VROEGSIGNAAL_UPLOAD_MAX_MB)
@require_http_methods(["GET", "POST"])
def aanleveren(request: HttpRequest) -> HttpResponse:
    _mag_aanleveren(request)
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        aanlevering = intake_services.check_upload(
            partner=form.cleaned_data["partner"],
            team=form.cleaned_data["team"],
            bestand=form.cleaned_data["bestand"],
            door=request.user,
        )
        log_access(
            request, actie=Actie.AANGEMAAKT, onderwerp="aanlevering", object_id=aanlevering.pk
        )
        return redirect("vroegsignalering:aanlevering", pk=aanlevering.pk)
    context = {"form": form, "kolommen": KOLOMMEN, "verplicht": intake.VERPLICHT}
    return htmx.page(request, "vroegsignalering/aanleveren.html", "formulier", context)


@require_GET
def aanlevering(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = selectors.aanlevering_for_view(request, pk)
    rapport = (
        intake.lees_bestand(gevonden.inhoud, vandaag=timezone.localdate())
        if gevonden.geimporteerd is None
        else intake.Rapport()
    )
    log_access(request, actie=Actie.BEKEKEN, onderwerp="aanlevering", object_id=gevonden.pk)
    context = {
        "aanlevering": gevonden,
        "rapport": rapport,
        "meldingen": rapport.meldingen[:MAX_MELDINGEN],
        "form": ImportForm(),
    }
    return htmx.page(request, "vroegsignalering/aanlevering.html", "rapport", context)


@require_POST
def importeren(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = selectors.aanlevering_for_view(request, pk)
    form = ImportForm(request.POST)
    alleen_geldig = not form.is_valid() or form.cleaned_data["keuze"] == "geldig"
    resultaat = intake_services.import_upload(
        aanlevering=gevonden, door=request.user, alleen_geldig=alleen_geldig
    )
    log_access(request, actie=Actie.AANGEMAAKT, onderwerp="aanlevering", object_id=gevonden.pk)
    return htmx.go_to(request, gevonden.get_absolute_url(), resultaat.samenvatting)
