"""Screens for households: the list with search, the household page with its domain
matrix, forms for households and members, assessing a domain, sharing.

Every view loads its household through `huishouden_for_view` / `huishouden_for_change`
(team scoping, access log, 404 for other teams, 403 for read-only users) and looks up
members and grants *within* that household. htmx requests get a partial of the same
template; a plain POST redirects.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from huishoudens import services
from huishoudens.forms import (
    BeoordelingForm,
    DelenForm,
    HuishoudenForm,
    LidForm,
    StatusForm,
    VertrekForm,
)
from huishoudens.models import (
    Huishouden,
    HuishoudenUserObjectPermission,
    Leefdomein,
    Lid,
    clean_search_query,
)
from huishoudens.selectors import (
    STATUS_FILTERS,
    beoordelingen_van,
    domeinmatrix,
    gedeeld_met,
    huishouden_for_change,
    huishouden_for_view,
    kan_wijzigen,
    log_change,
    recente_activiteit,
    volledigheid_per_huishouden,
    zoek_huishoudens,
)
from huishoudens.trend import trend
from sociaaldomein.accesslog import Actie, log_access
from sociaaldomein.concurrency import VersionConflict
from sociaaldomein.verantwoording.selectors import mag_dossier, mag_log_zien

GET_POST = require_http_methods(["GET", "POST"])
PER_PAGINA = 25


class BegrensdePaginator(Paginator):
    """Counts at most GRENS + 1 rows: the count of a page stays bounded whatever the
    number of households (with more, the page says 'meer dan 1 000')."""

    GRENS = 1000

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: self.GRENS + 1].count()

    @property
    def begrensd(self) -> bool:
        return self.count > self.GRENS


def _page(request: HttpRequest, template: str, partial: str, context: dict) -> HttpResponse:
    """The full page, or for htmx the partial of the same template."""
    name = f"{template}#{partial}" if request.htmx else template
    return render(request, name, context)


def _done(request: HttpRequest, url: str, message: str) -> HttpResponse:
    messages.success(request, message)
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _validate_field(request: HttpRequest, *forms) -> HttpResponse:
    """Inline validation: the field that changed, re-rendered with its errors."""
    for form in forms:
        bound = form.field_for_html_name(request.htmx.trigger_name if request.htmx else None)
        if bound is not None:
            form.is_valid()
            return HttpResponse(bound.as_field_group())
    return HttpResponse(status=204)


def _lid_of(huishouden: Huishouden, lid_pk: int, **filters) -> Lid:
    """A member looked up within the household already loaded in scope (never by bare pk)."""
    lid = get_object_or_404(Lid, pk=lid_pk, huishouden=huishouden, **filters)
    lid.huishouden = huishouden
    return lid


def _add_errors(form, error: ValidationError) -> None:
    """Errors of a domain function next to the matching field, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _validating(request: HttpRequest) -> bool:
    return request.method == "POST" and bool(request.htmx) and "valideer" in request.GET


def _log_view(request: HttpRequest, huishouden: Huishouden, onderwerp: str, lid=None) -> None:
    """A form page shows the data it edits: opening it (GET) is a view in the access log."""
    if request.method == "GET":
        leden = [lid.pk] if lid is not None else []
        log_change(
            request,
            huishouden,
            onderwerp=onderwerp,
            object_id=lid.pk if lid else "",
            leden=leden,
            actie=Actie.BEKEKEN,
        )


def _conflict(form, current, fields: list[str]) -> list[tuple[str, str]]:
    """Tell the second editor what is stored now, and let them save consciously."""
    data = form.data.copy()
    data["versie"] = str(current.versie)
    form.data = data
    rows = []
    for name in fields:
        if name in form.fields:
            value = getattr(current, name)
            if hasattr(current, f"get_{name}_display"):
                value = getattr(current, f"get_{name}_display")()
            rows.append((str(form.fields[name].label), "" if value is None else str(value)))
    form.add_error(
        None,
        "Iemand anders heeft deze gegevens intussen gewijzigd. Hieronder staan de huidige "
        "waarden; controleer uw wijziging en sla opnieuw op om die te overschrijven.",
    )
    return rows


# --- list and search ------------------------------------------------------------------------


KOLOMMEN = [
    ("Naam", "naam"),
    ("Adres", None),
    ("Postcode", "postcode"),
    ("Status", "status"),
    ("Casusregisseur", None),
    ("Aangemeld", "aangemeld"),
    ("Leefdomeinen", None),
]


def _kolommen(sortering: str) -> list[dict]:
    """Column headers: which one is sorted (aria-sort) and where a click takes you."""
    kolommen = []
    for label, key in KOLOMMEN:
        aria_sort = None
        if key and sortering == key:
            aria_sort, volgende = "ascending", f"-{key}"
        elif key and sortering == f"-{key}":
            aria_sort, volgende = "descending", key
        else:
            volgende = key
        kolommen.append({"label": label, "sorteer": volgende, "aria_sort": aria_sort})
    return kolommen


@require_GET
def lijst(request: HttpRequest) -> HttpResponse:
    zoekterm = clean_search_query(request.GET.get("q"))
    status = request.GET.get("status", "lopend")
    sortering = request.GET.get("sort", "naam")
    huishoudens, status, sortering = zoek_huishoudens(
        request.user, zoekterm=zoekterm, status=status, sortering=sortering
    )
    page = BegrensdePaginator(huishoudens, PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = list(page.object_list)
    volledigheid = volledigheid_per_huishouden([h.pk for h in rijen])
    log_access(
        request, actie=Actie.GEZOCHT, onderwerp="huishoudens", huishoudens=[h.pk for h in rijen]
    )
    context = {
        "page": page,
        "rijen": [(h, volledigheid[h.pk]) for h in rijen],
        "zoekterm": zoekterm,
        "te_kort": 0 < len(zoekterm) < 3,
        "status": status,
        "status_keuzes": [(key, label) for key, (label, _) in STATUS_FILTERS.items()],
        "sortering": sortering,
        "kolommen": _kolommen(sortering),
        "mag_aanmelden": bool(request.user.team_ids)
        and (request.user.is_professional or request.user.is_teamleider),
    }
    return _page(request, "huishoudens/lijst.html", "resultaten", context)


@GET_POST
def nieuw(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not (user.team_ids and (user.is_professional or user.is_teamleider)):
        raise PermissionDenied("Alleen professionals en teamleiders van een team melden aan.")
    data = request.POST if request.method == "POST" else None
    form = HuishoudenForm(data, user=user, nieuw=True, prefix="huishouden")
    lid_form = LidForm(data, user=user, huishouden=None, prefix="lid")
    for f in (form, lid_form):
        f.enable_inline_validation(reverse("huishoudens:nieuw"))
    if _validating(request):
        return _validate_field(request, form, lid_form)
    if data is not None and form.is_valid() and lid_form.is_valid():
        try:
            huishouden = services.create_huishouden(
                team=form.gekozen_team(),
                gegevens=form.cleaned_data,
                eerste_lid=lid_form.cleaned_data,
                door=user,
            )
        except ValidationError as error:
            _add_errors(lid_form, error)
        else:
            log_change(request, huishouden, onderwerp="huishouden", actie=Actie.AANGEMAAKT)
            return _done(request, huishouden.get_absolute_url(), "Het huishouden is aangemeld.")
    context = {"form": form, "lid_form": lid_form}
    return _page(request, "huishoudens/nieuw.html", "huishouden-formulier", context)


# --- the household page -----------------------------------------------------------------------


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = huishouden_for_view(
        request,
        pk,
        queryset=Huishouden.objects.select_related("team", "casusregisseur"),
        log=False,
    )
    matrix = domeinmatrix(huishouden)
    vertrokken = list(huishouden.leden.filter(einddatum__isnull=False).order_by("-einddatum"))
    # the access log names the members whose data this page shows
    leden = [lid.pk for lid in matrix.leden] + [lid.pk for lid in vertrokken]
    log_change(request, huishouden, onderwerp="huishouden", leden=leden, actie=Actie.BEKEKEN)
    context = {
        "huishouden": huishouden,
        "matrix": matrix,
        "volledigheid": matrix.volledigheid,
        "vertrokken": vertrokken,
        "activiteit": recente_activiteit(huishouden),
        "gedeeld": gedeeld_met(huishouden),
        "mag_wijzigen": kan_wijzigen(request.user, huishouden),
        "mag_delen": request.user.is_teamleider and huishouden.team_id in request.user.team_ids,
        "mag_dossier": mag_dossier(request.user, huishouden),
        "mag_log_zien": mag_log_zien(request.user, huishouden),
        "actueel_maanden": settings.LEEFDOMEIN_ACTUEEL_MAANDEN,
    }
    return _page(request, "huishoudens/detail.html", "domeinmatrix", context)


@GET_POST
def wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = huishouden_for_change(request, pk)
    _log_view(request, huishouden, "huishouden")
    url = reverse("huishoudens:wijzigen", args=[pk])
    data = request.POST if request.method == "POST" else None
    form = HuishoudenForm(data, instance=huishouden, user=request.user)
    form.enable_inline_validation(url)
    if _validating(request):
        return _validate_field(request, form)
    conflict = []
    if data is not None and form.is_valid():
        try:
            services.update_huishouden(
                huishouden=huishouden,
                versie=form.cleaned_data["versie"],
                gegevens=form.cleaned_data,
                door=request.user,
            )
        except VersionConflict as error:
            conflict = _conflict(form, error.current, services.HUISHOUDEN_VELDEN)
        else:
            log_change(request, huishouden, onderwerp="huishouden")
            return _done(request, huishouden.get_absolute_url(), "De gegevens zijn opgeslagen.")
    context = {"huishouden": huishouden, "form": form, "conflict": conflict}
    return _page(request, "huishoudens/wijzigen.html", "huishouden-formulier", context)


@GET_POST
def status(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = huishouden_for_change(request, pk)
    _log_view(request, huishouden, "status")
    naar = request.POST.get("naar") or request.GET.get("naar") or ""
    form = StatusForm(request.POST or None, huishouden=huishouden, naar=naar)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kwargs = {"huishouden": huishouden, "versie": data["versie"], "op": data["datum"]}
        try:
            if data["naar"] == Huishouden.Status.ACTIEF:
                services.activate_huishouden(**kwargs, door=request.user)
            else:
                services.close_huishouden(**kwargs, reden=data["reden"], door=request.user)
        except VersionConflict:
            form.add_error(None, "Iemand anders heeft de status intussen gewijzigd.")
        except ValidationError as error:
            _add_errors(form, error)
        else:
            log_change(request, huishouden, onderwerp="status")
            label = huishouden.get_status_display().lower()
            return _done(request, huishouden.get_absolute_url(), f"Het huishouden is {label}.")
    context = {"huishouden": huishouden, "form": form, "naar": form["naar"].value() or naar}
    return _page(request, "huishoudens/status.html", "status-formulier", context)


# --- members -------------------------------------------------------------------------------


@GET_POST
def lid_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = huishouden_for_change(request, pk, onderwerp="lid")
    data = request.POST if request.method == "POST" else None
    form = LidForm(data, user=request.user, huishouden=huishouden)
    form.enable_inline_validation(reverse("huishoudens:lid_nieuw", args=[pk]))
    if _validating(request):
        return _validate_field(request, form)
    if data is not None and form.is_valid():
        try:
            lid = services.add_lid(
                huishouden=huishouden, gegevens=form.cleaned_data, door=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            log_change(
                request,
                huishouden,
                onderwerp="lid",
                object_id=lid.pk,
                leden=[lid.pk],
                actie=Actie.AANGEMAAKT,
            )
            url = f"{huishouden.get_absolute_url()}#leefdomeinen"
            return _done(request, url, f"{lid.volledige_naam} is toegevoegd.")
    context = {"huishouden": huishouden, "form": form}
    return _page(request, "huishoudens/lid.html", "lid-formulier", context)


@GET_POST
def lid_wijzigen(request: HttpRequest, pk: int, lid_pk: int) -> HttpResponse:
    huishouden = huishouden_for_change(request, pk, onderwerp="lid", object_id=lid_pk)
    lid = _lid_of(huishouden, lid_pk)
    _log_view(request, huishouden, "lid", lid)
    data = request.POST if request.method == "POST" else None
    form = LidForm(data, instance=lid, user=request.user, huishouden=huishouden)
    form.enable_inline_validation(reverse("huishoudens:lid_wijzigen", args=[pk, lid_pk]))
    if _validating(request):
        return _validate_field(request, form)
    conflict = []
    if data is not None and form.is_valid():
        try:
            services.update_lid(
                lid=lid,
                versie=form.cleaned_data["versie"],
                gegevens=form.cleaned_data,
                door=request.user,
            )
        except VersionConflict as error:
            conflict = _conflict(form, error.current, services.LID_VELDEN)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            log_change(request, huishouden, onderwerp="lid", object_id=lid.pk, leden=[lid.pk])
            return _done(request, huishouden.get_absolute_url(), "De gegevens zijn opgeslagen.")
    context = {"huishouden": huishouden, "lid": lid, "form": form, "conflict": conflict}
    return _page(request, "huishoudens/lid.html", "lid-formulier", context)


@GET_POST
def lid_vertrek(request: HttpRequest, pk: int, lid_pk: int) -> HttpResponse:
    huishouden = huishouden_for_change(request, pk, onderwerp="lid", object_id=lid_pk)
    lid = _lid_of(huishouden, lid_pk, einddatum__isnull=True)
    _log_view(request, huishouden, "vertrek", lid)
    form = VertrekForm(request.POST or None, lid=lid)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.end_lid(
                lid=lid,
                versie=data["versie"],
                einddatum=data["einddatum"],
                reden=data["reden_vertrek"],
                door=request.user,
            )
        except VersionConflict:
            form.add_error(None, "Iemand anders heeft dit lid intussen gewijzigd.")
        except ValidationError as error:
            _add_errors(form, error)
        else:
            log_change(request, huishouden, onderwerp="vertrek", object_id=lid.pk, leden=[lid.pk])
            message = f"{lid.volledige_naam} is vertrokken; de geschiedenis blijft bewaard."
            return _done(request, huishouden.get_absolute_url(), message)
    context = {"huishouden": huishouden, "lid": lid, "form": form}
    return _page(request, "huishoudens/vertrek.html", "vertrek-formulier", context)


# --- assessing a life domain ------------------------------------------------------------------


@GET_POST
def beoordelen(request: HttpRequest, pk: int, lid_pk: int, domein: str) -> HttpResponse:
    if request.method == "POST":
        huishouden = huishouden_for_change(request, pk, onderwerp="beoordeling", object_id=lid_pk)
    else:
        huishouden = huishouden_for_view(
            request, pk, onderwerp="beoordeling", object_id=lid_pk, log=False
        )
    lid = _lid_of(huishouden, lid_pk)
    _log_view(request, huishouden, "beoordeling", lid)
    leefdomein = get_object_or_404(Leefdomein, code=domein, actief=True)
    geschiedenis = beoordelingen_van(lid, leefdomein)
    vorige = max((b.pk for b in geschiedenis), default=None)
    voorstel = _nvt_voorstel(lid, leefdomein) if not geschiedenis else ""
    form = BeoordelingForm(request.POST or None, nvt_reden_voorstel=voorstel, vorige=vorige)
    conflict, opgeslagen = None, None
    if request.method == "POST" and form.is_valid():
        try:
            opgeslagen = services.assess(
                lid=lid, leefdomein=leefdomein, door=request.user, **form.service_kwargs()
            )
        except services.BeoordelingConflict as error:
            conflict = error.current
            form = BeoordelingForm(request.POST.copy(), vorige=error.current.pk)
            form.data["vorige"] = str(error.current.pk)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            log_change(
                request,
                huishouden,
                onderwerp="beoordeling",
                object_id=opgeslagen.pk,
                leden=[lid.pk],
            )
            if not request.htmx:
                messages.success(request, f"{leefdomein.naam} van {lid.voornamen} is opgeslagen.")
                return redirect(f"{huishouden.get_absolute_url()}#cel-{lid.pk}-{leefdomein.pk}")
            return _assessment_saved(request, huishouden, lid, leefdomein, opgeslagen)
    context = {
        "huishouden": huishouden,
        "lid": lid,
        "leefdomein": leefdomein,
        "form": form,
        "geschiedenis": geschiedenis,
        "trend": trend(geschiedenis),
        "conflict": conflict,
        "nvt_voorstel": voorstel,
        "mag_wijzigen": lid.is_actief and kan_wijzigen(request.user, huishouden),
    }
    return _page(request, "huishoudens/beoordeling.html", "beoordeling-paneel", context)


def _nvt_voorstel(lid: Lid, leefdomein: Leefdomein) -> str:
    if leefdomein.nvt_voorgesteld_voor(lid):
        return f"Past niet bij de leeftijd ({lid.leeftijd()} jaar)."
    return ""


def _assessment_saved(request, huishouden, lid, leefdomein, opgeslagen) -> HttpResponse:
    """The panel with the new history, and out of band the matrix cell, the household
    cell of that domain and the completeness badge."""
    matrix = domeinmatrix(huishouden)
    geschiedenis = beoordelingen_van(lid, leefdomein)
    context = {
        "huishouden": huishouden,
        "lid": lid,
        "leefdomein": leefdomein,
        "geschiedenis": geschiedenis,
        "trend": trend(geschiedenis),
        "opgeslagen": opgeslagen,
        "mag_wijzigen": True,
        "form": None,
        "oob": True,
        "matrix": matrix,
        "volledigheid": matrix.volledigheid,
        "cel": matrix.cel(lid.pk, leefdomein.pk),
        "huishoudencel": matrix.huishoudencel(leefdomein.pk),
    }
    # Table cells cannot stand alone in HTML: htmx takes out-of-band <td>s from a <template>.
    cellen = "".join(
        render_to_string(f"huishoudens/detail.html#{name}", context, request)
        for name in ("cel", "huishoudencel")
    )
    parts = [
        render_to_string("huishoudens/beoordeling.html#beoordeling-paneel", context, request),
        f"<template>{cellen}</template>",
        render_to_string("huishoudens/detail.html#volledigheid", context, request),
    ]
    return HttpResponse("".join(parts))


# --- sharing with a colleague of another team ----------------------------------------------


def _for_sharing(request: HttpRequest, pk: int) -> Huishouden:
    huishouden = huishouden_for_change(request, pk, onderwerp="delen")
    if not (request.user.is_teamleider and huishouden.team_id in request.user.team_ids):
        raise PermissionDenied("Alleen de teamleider van het eigen team deelt een huishouden.")
    return huishouden


@GET_POST
def delen(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = _for_sharing(request, pk)
    _log_view(request, huishouden, "delen")
    form = DelenForm(request.POST or None, huishouden=huishouden)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.share_huishouden(
                huishouden=huishouden,
                gebruiker=data["gebruiker"],
                recht=data["recht"],
                geldig_tot=data["geldig_tot"],
                reden=data["reden"],
                door=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            log_change(
                request,
                huishouden,
                onderwerp="delen",
                object_id=data["gebruiker"].pk,
                actie=Actie.AANGEMAAKT,
            )
            url = reverse("huishoudens:delen", args=[pk])
            return _done(request, url, f"Gedeeld met {data['gebruiker'].weergavenaam}.")
    context = {"huishouden": huishouden, "form": form, "gedeeld": gedeeld_met(huishouden)}
    return _page(request, "huishoudens/delen.html", "delen-formulier", context)


@require_POST
def delen_intrekken(request: HttpRequest, pk: int, grant_pk: int) -> HttpResponse:
    huishouden = _for_sharing(request, pk)
    grant = get_object_or_404(
        HuishoudenUserObjectPermission.objects.select_related("user"),
        pk=grant_pk,
        content_object=huishouden,
    )
    services.revoke_share(grant=grant, door=request.user)
    log_change(request, huishouden, onderwerp="delen", object_id=grant.user_id)
    url = reverse("huishoudens:delen", args=[pk])
    return _done(request, url, f"De toegang van {grant.user.weergavenaam} is ingetrokken.")
