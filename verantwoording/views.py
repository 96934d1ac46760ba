"""Screens for accountability: the dossier and its progress, the decision letter, checking
a dossier, the access log, and break-the-glass access.

Households are loaded through `huishoudens.selectors` (team scoping, access log, 404 for
other teams) and then checked against the rules of `selectors.py`; exports and toetsen are
looked up within that household. Downloads are attachments that no cache may keep.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from huishoudens.models import Huishouden
from huishoudens.selectors import gedeeld_met, huishouden_for_view, log_change
from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie, Doel, log_access, log_denied
from sociaaldomein.middleware import background, max_body
from sociaaldomein.models import Toegangslog
from sociaaldomein.tweedefactor import requires_recent_second_factor
from toetsing.models import Toets
from verantwoording import selectors, services
from verantwoording.beschikking import (
    MET_BRIEF,
    brief_van,
    render_beschikking,
    stand_van,
    toets_met_brief,
)
from verantwoording.forms import (
    ControleForm,
    DoorbraakForm,
    DossierForm,
    LogFilterForm,
    ToegangslogForm,
)
from verantwoording.models import DossierExport
from verantwoording.tasks import enqueue_dossier

GET_POST = require_http_methods(["GET", "POST"])


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(bytes(data), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Content-Length"] = str(len(data))
    response["Cache-Control"] = "no-store"
    return response


def _leden(huishouden: Huishouden) -> list[int]:
    return list(huishouden.leden.values_list("pk", flat=True))


def _namen(huishouden: Huishouden) -> dict[int, str]:
    return {lid.pk: lid.volledige_naam for lid in huishouden.leden.all()}


# --- the dossier page ------------------------------------------------------------------------


def _dossier_context(huishouden: Huishouden, form: DossierForm) -> dict:
    exports = selectors.exports_van(huishouden)
    return {
        "huishouden": huishouden,
        "form": form,
        "exports": exports,
        "bezig": any(export.is_actief for export in exports),
        "brieven": [
            stand_van(toets)
            for toets in Toets.objects.filter(huishouden=huishouden, status__in=MET_BRIEF)
            .select_related("maatwerkverzoek")
            .order_by("-aangemaakt_op", "-id")
        ],
    }


@require_GET
def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = selectors.huishouden_voor_dossier(request, pk)
    context = _dossier_context(huishouden, DossierForm(user=request.user))
    return render(request, "verantwoording/dossier.html", context)


@require_POST
def dossier_maken(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = selectors.huishouden_voor_dossier(request, pk, log=False)
    form = DossierForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            export = services.request_dossier(
                huishouden=huishouden, door=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            _dossier_gevraagd(request, huishouden, export)
            if not request.htmx:
                messages.success(
                    request, "Het dossier wordt gemaakt. U kunt deze pagina open laten."
                )
                return redirect("verantwoording:dossier", pk=huishouden.pk)
            form = DossierForm(user=request.user)
    context = _dossier_context(huishouden, form)
    return htmx.page(request, "verantwoording/dossier.html", "dossiers", context)


def _dossier_gevraagd(request: HttpRequest, huishouden: Huishouden, export) -> None:
    """An export of the whole file is logged for every member, then queued."""
    leden = _leden(huishouden)
    kwargs = {"object_id": export.pk, "leden": leden, "doel": export.doel}
    log_change(request, huishouden, onderwerp="dossier", actie=Actie.GEEXPORTEERD, **kwargs)
    enqueue_dossier(export)


@background
@require_GET
def dossier_voortgang(request: HttpRequest, pk: int) -> HttpResponse:
    """The list of exports with their progress, polled by htmx while one is being made.
    A poll shows no personal data, so it is not logged (a refusal is)."""
    huishouden = selectors.huishouden_voor_dossier(request, pk, log=False)
    if not request.htmx:
        return redirect("verantwoording:dossier", pk=huishouden.pk)
    exports = selectors.exports_van(huishouden)
    volg = request.GET.get("volg", "")
    klaar = [e for e in exports if str(e.pk) == volg and not e.is_actief]
    context = {
        "huishouden": huishouden,
        "exports": exports,
        "bezig": any(export.is_actief for export in exports),
        "aangekondigd": klaar[0] if klaar else None,
    }
    return render(request, "verantwoording/dossier.html#dossier-exports", context)


@require_GET
@requires_recent_second_factor()
def dossier_download(request: HttpRequest, pk: int, export_pk: int) -> HttpResponse:
    huishouden = selectors.huishouden_voor_dossier(request, pk, log=False)
    export = get_object_or_404(
        DossierExport.objects.select_related("huishouden"),
        pk=export_pk,
        huishouden=huishouden,
        status=DossierExport.Status.KLAAR,
    )
    log_change(
        request,
        huishouden,
        onderwerp="dossier",
        object_id=export.pk,
        leden=_leden(huishouden),
        actie=Actie.GEDOWNLOAD,
        doel=export.doel,
    )
    return _pdf(export.pdf, export.bestandsnaam)


@require_GET
def beschikking(request: HttpRequest, pk: int, toets_pk: int) -> HttpResponse:
    huishouden = selectors.huishouden_voor_dossier(request, pk, onderwerp="beschikking", log=False)
    brief = brief_van(toets_met_brief(huishouden, toets_pk), huishouden)
    pdf = render_beschikking(brief)
    log_change(
        request,
        huishouden,
        onderwerp="beschikking",
        object_id=brief.toets.pk,
        leden=[lid.pk for lid in brief.aan],
        actie=Actie.GEDOWNLOAD,
        doel=Doel.BESLUITVORMING,
    )
    return _pdf(pdf, brief.bestandsnaam)


# --- checking a dossier ------------------------------------------------------------------------


@GET_POST
@max_body(lambda: settings.DOSSIER_UPLOAD_MAX_MB)  # refused before CSRF parses the body
def dossier_controleren(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not DossierExport.can_verify(user):
        raise PermissionDenied("Alleen auditors, professionals en teamleiders.")
    post = request.method == "POST"
    form = ControleForm(request.POST if post else None, request.FILES if post else None)
    controle = None
    if request.method == "POST" and form.is_valid():
        controle = services.verify_dossier(
            user=user,
            vingerafdruk=form.cleaned_data["vingerafdruk"],
            bestand_hash=form.bestand_hash(),
        )
        if controle.gevonden:
            log_change(
                request,
                controle.huishouden,
                onderwerp="dossiercontrole",
                object_id=controle.exports[0].pk,
                actie=Actie.BEKEKEN,
                doel=Doel.VERANTWOORDING,
            )
    context = {"form": form, "controle": controle}
    return htmx.page(request, "verantwoording/dossier_controleren.html", "controle", context)


# --- the access log ----------------------------------------------------------------------------


@require_GET
def huishouden_toegangslog(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = selectors.huishouden_voor_log(request, pk)
    form = LogFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    pagina = selectors.log_pagina(
        selectors.log_van_huishouden(
            huishouden,
            actie=filters.get("actie", ""),
            uitzonderlijk=filters.get("uitzonderlijk", False),
        ),
        voor=request.GET.get("voor"),
        na=request.GET.get("na"),
    )
    selectors.benoem(pagina, namen=_namen(huishouden), met_referenties=False)
    log_change(
        request, huishouden, onderwerp="toegangslog", actie=Actie.BEKEKEN, doel=Doel.VERANTWOORDING
    )
    context = {
        "huishouden": huishouden,
        "form": form,
        "pagina": pagina,
        "toegang": gedeeld_met(huishouden),
    }
    return htmx.page(
        request, "verantwoording/huishouden_toegangslog.html", "log-resultaten", context
    )


@require_GET
def toegangslog(request: HttpRequest) -> HttpResponse:
    """The whole log for auditors: filter by user, household and dates, page by number."""
    if not Toegangslog.can_read(request.user):
        log_denied(request, onderwerp="toegangslog")
        raise PermissionDenied("Alleen auditors zien het hele toegangslog.")
    form = ToegangslogForm(request.GET)
    pagina = None
    if form.is_valid():
        qs = selectors.log_gefilterd(**form.filters())
        pagina = selectors.log_pagina(qs, voor=request.GET.get("voor"), na=request.GET.get("na"))
    huishouden = form.gevonden_huishouden
    log_access(
        request,
        actie=Actie.GEZOCHT,
        onderwerp="toegangslog",
        huishoudens=[huishouden.pk] if huishouden else [],
        doel=Doel.VERANTWOORDING,
    )
    if pagina is not None:
        selectors.benoem(pagina, met_referenties=True)
    context = {"form": form, "pagina": pagina}
    return htmx.page(request, "verantwoording/toegangslog.html", "log-resultaten", context)


# --- break the glass ---------------------------------------------------------------------------


@GET_POST
@requires_recent_second_factor(
    when=lambda request: request.method == "POST", back=lambda request: request.path
)
def doorbraak(request: HttpRequest) -> HttpResponse:
    if not request.user.is_team_caseworker:
        raise PermissionDenied("Alleen professionals en teamleiders van een team.")
    form = DoorbraakForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        response = _doorbreken(request, form)
        if response is not None:
            return response
    context = {"form": form, "uren": settings.DOORBRAAK_UREN}
    return htmx.page(request, "verantwoording/doorbraak.html", "doorbraak-formulier", context)


def _doorbreken(request: HttpRequest, form: DoorbraakForm) -> HttpResponse | None:
    """Look up the exact identifier (only now that a reason was given) and grant access;
    every attempt, found or not, is logged as exceptional."""
    user, reden, kenmerk = request.user, form.cleaned_data["reden"], form.cleaned_data["kenmerk"]
    if services.doorbraken_vandaag(user) >= settings.DOORBRAAK_MAX_PER_DAG:
        maximum = settings.DOORBRAAK_MAX_PER_DAG
        form.add_error(
            None,
            f"U heeft vandaag al {maximum} keer uitzonderlijke toegang gevraagd. Neem contact "
            "op met uw teamleider.",
        )
        return None
    huishouden = services.vind_huishouden(kenmerk)
    if huishouden is None:
        _log_doorbraak(request, Actie.GEWEIGERD, reden, object_id=services.logged_kenmerk(kenmerk))
        form.add_error(
            "kenmerk", "Er is geen huishouden met deze referentie of dit BSN. Controleer het."
        )
        return None
    if Huishouden.objects.visible_to(user).filter(pk=huishouden.pk).exists():
        messages.info(request, "U heeft al toegang tot dit huishouden; een reden is niet nodig.")
        return redirect(huishouden.get_absolute_url())
    try:
        grant = services.break_the_glass(huishouden=huishouden, door=user, reden=reden)
    except ValidationError as error:
        form.add_error(None, error.messages)
        return None
    _log_doorbraak(request, Actie.DOORBRAAK, grant.reden, huishouden=huishouden)
    tot = timezone.localtime(grant.geldig_tot)
    messages.warning(
        request,
        f"U heeft uitzonderlijke toegang tot dit huishouden tot {tot:%H:%M}. Elke inzage wordt "
        f"gelogd; de teamleider van {huishouden.team.naam} is op de hoogte gebracht.",
    )
    return redirect(huishouden.get_absolute_url())


def _log_doorbraak(request, actie: str, reden: str, *, huishouden=None, object_id="") -> None:
    """Every break-the-glass step is exceptional access with its reason."""
    log_access(
        request,
        actie=actie,
        onderwerp="doorbraak",
        huishoudens=[huishouden.pk] if huishouden else [],
        object_id=huishouden.pk if huishouden else object_id,
        doel=Doel.UITZONDERING,
        reden=reden,
        uitzonderlijk=True,
    )


@require_POST
def doorbraak_beeindigen(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = huishouden_for_view(request, pk, onderwerp="doorbraak", log=False)
    if services.end_break_the_glass(huishouden=huishouden, door=request.user):
        reden = "Uitzonderlijke toegang zelf beëindigd."
        _log_doorbraak(request, Actie.GEWIJZIGD, reden, huishouden=huishouden)
        messages.success(request, "Uw uitzonderlijke toegang is beëindigd.")
        return redirect("huishoudens:lijst")
    messages.info(request, "U had geen uitzonderlijke toegang tot dit huishouden.")
    return redirect(reverse("huishoudens:detail", args=[huishouden.pk]))
