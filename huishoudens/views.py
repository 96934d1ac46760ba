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
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from huishoudens import services
from huishoudens.forms import (
    BeoordelingForm,
    DelenForm,
    HuishoudenForm,
    LidForm,
    RijBeoordelingForm,
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
    log_change,
    log_lijst,
    recente_activiteit,
    volledigheid_per_huishouden,
    zoek_huishoudens,
)
from huishoudens.trend import trend
from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie
from sociaaldomein.concurrency import VersionConflict
from sociaaldomein.extensions import panels
from sociaaldomein.forms import apply_errors, conflict_rows

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


def _save_versioned(form, write) -> tuple[bool, list | None]:
    """Call `write` with the version the form started from: (saved, conflict rows)."""
    try:
        write(form.cleaned_data["versie"])
    except VersionConflict as error:
        return False, _conflict(form, error.current)
    except ValidationError as error:
        apply_errors(form, error)
        return False, None
    return True, None


def _conflict(form, current) -> list[tuple[str, str, str]]:
    """Someone else saved first: show what is stored now next to the user's input, and
    let a second save overwrite it consciously (the form now carries the new version)."""
    form.data = form.data.copy()
    form.data["versie"] = str(current.versie)
    return conflict_rows(form, current)


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
    log_lijst(request, rijen, onderwerp="huishoudens")
    context = {
        "page": page,
        "rijen": [(h, volledigheid[h.pk]) for h in rijen],
        "zoekterm": zoekterm,
        "te_kort": 0 < len(zoekterm) < 3,
        "status": status,
        "status_keuzes": [(key, label) for key, (label, _) in STATUS_FILTERS.items()],
        "sortering": sortering,
        "kolommen": _kolommen(sortering),
        "mag_aanmelden": request.user.is_team_caseworker,
    }
    return htmx.page(request, "huishoudens/lijst.html", "resultaten", context)


@GET_POST
def nieuw(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_team_caseworker:
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
            apply_errors(lid_form, error)
        else:
            log_change(request, huishouden, onderwerp="huishouden", actie=Actie.AANGEMAAKT)
            return htmx.go_to(
                request, huishouden.get_absolute_url(), "Het huishouden is aangemeld."
            )
    context = {"form": form, "lid_form": lid_form}
    return htmx.page(request, "huishoudens/nieuw.html", "huishouden-formulier", context)


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
        "mag_wijzigen": huishouden.can_edit(request.user),
        "mag_delen": huishouden.can_share(request.user),
        "actueel_maanden": settings.LEEFDOMEIN_ACTUEEL_MAANDEN,
        "panels": panels("huishouden", user=request.user, huishouden=huishouden, matrix=matrix),
    }
    return htmx.page(request, "huishoudens/detail.html", "domeinmatrix", context)


@GET_POST
def wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    huishouden = huishouden_for_change(request, pk)
    _log_view(request, huishouden, "huishouden")
    data = request.POST if request.method == "POST" else None
    form = HuishoudenForm(data, instance=huishouden, user=request.user)
    form.enable_inline_validation(reverse("huishoudens:wijzigen", args=[pk]))
    if _validating(request):
        return _validate_field(request, form)

    def write(versie: int) -> None:
        gegevens, door = form.cleaned_data, request.user
        services.update_huishouden(
            huishouden=huishouden, versie=versie, gegevens=gegevens, door=door
        )

    page = ("huishoudens/wijzigen.html", "huishouden-formulier")
    return _edit(request, huishouden, form, write, log={"onderwerp": "huishouden"}, page=page)


def _edit(request, huishouden, form, write, *, log: dict, page: tuple, **context) -> HttpResponse:
    """A versioned edit: saved, logged and back to the household; or the form again, with
    both values when someone else saved first."""
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = _save_versioned(form, write)
        if saved:
            log_change(request, huishouden, **log)
            url = huishouden.get_absolute_url()
            return htmx.go_to(request, url, "De gegevens zijn opgeslagen.")
    context.update(huishouden=huishouden, form=form, conflict=conflict)
    return htmx.page(request, *page, context)


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
                huishouden=huishouden,
                gegevens=form.cleaned_data,
                door=request.user,
                dubbel_bevestigd=form.cleaned_data.get("dubbel_bevestigd", False),
            )
        except ValidationError as error:
            if "dubbel_bevestigd" in getattr(error, "error_dict", {}):
                form.ask_confirmation()
            apply_errors(form, error)
        else:
            nieuw = {"object_id": lid.pk, "leden": [lid.pk], "actie": Actie.AANGEMAAKT}
            log_change(request, huishouden, onderwerp="lid", **nieuw)
            url = f"{huishouden.get_absolute_url()}#leefdomeinen"
            return htmx.go_to(request, url, f"{lid.volledige_naam} is toegevoegd.")
    context = {"huishouden": huishouden, "form": form}
    return htmx.page(request, "huishoudens/lid.html", "lid-formulier", context)


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

    def write(versie: int) -> None:
        services.update_lid(lid=lid, versie=versie, gegevens=form.cleaned_data, door=request.user)

    log = {"onderwerp": "lid", "object_id": lid.pk, "leden": [lid.pk]}
    page = ("huishoudens/lid.html", "lid-formulier")
    return _edit(request, huishouden, form, write, log=log, page=page, lid=lid)


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
            apply_errors(form, error)
        else:
            log_change(request, huishouden, onderwerp="vertrek", object_id=lid.pk, leden=[lid.pk])
            message = f"{lid.volledige_naam} is vertrokken; de geschiedenis blijft bewaard."
            return htmx.go_to(request, huishouden.get_absolute_url(), message)
    context = {"huishouden": huishouden, "lid": lid, "form": form}
    return htmx.page(request, "huishoudens/vertrek.html", "vertrek-formulier", context)


# --- assessing a life domain ------------------------------------------------------------------


def _beoordeling_laden(request: HttpRequest, pk: int, lid_pk: int, domein: str):
    """Reading the panel needs the household visible; saving needs it editable."""
    if request.method == "POST":
        huishouden = huishouden_for_change(request, pk, onderwerp="beoordeling", object_id=lid_pk)
    else:
        huishouden = huishouden_for_view(
            request, pk, onderwerp="beoordeling", object_id=lid_pk, log=False
        )
    lid = _lid_of(huishouden, lid_pk)
    _log_view(request, huishouden, "beoordeling", lid)
    return huishouden, lid, get_object_or_404(Leefdomein, code=domein, actief=True)


@GET_POST
def beoordelen(request: HttpRequest, pk: int, lid_pk: int, domein: str) -> HttpResponse:
    huishouden, lid, leefdomein = _beoordeling_laden(request, pk, lid_pk, domein)
    geschiedenis = beoordelingen_van(lid, leefdomein)
    form = _beoordeling_form(request.POST or None, lid, leefdomein, geschiedenis)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            opgeslagen = services.assess(
                lid=lid, leefdomein=leefdomein, door=request.user, **form.service_kwargs()
            )
        except services.BeoordelingConflict as error:
            conflict, form = error.current, form.rebased_on(error.current)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return _assessment_saved(request, huishouden, lid, leefdomein, opgeslagen)
    context = {
        **_beoordeling_context(huishouden, lid, leefdomein, geschiedenis),
        "form": form,
        "conflict": conflict,
        "mag_wijzigen": lid.is_actief and huishouden.can_edit(request.user),
    }
    return htmx.page(request, "huishoudens/beoordeling.html", "beoordeling-paneel", context)


@GET_POST
def beoordelen_lid(request: HttpRequest, pk: int, lid_pk: int) -> HttpResponse:
    """A member's whole row of domains in one form (the quick way for a first matrix)."""
    huishouden = huishouden_for_change(request, pk, onderwerp="beoordeling", object_id=lid_pk)
    lid = _lid_of(huishouden, lid_pk, einddatum__isnull=True)
    _log_view(request, huishouden, "beoordeling", lid)
    cellen = domeinmatrix(huishouden).cellen_van(lid.pk)
    form = RijBeoordelingForm(request.POST or None, cellen=cellen)
    if request.method == "POST" and form.is_valid():
        try:
            opgeslagen = services.assess_row(
                lid=lid,
                door=request.user,
                uitkomsten=form.uitkomsten,
                beoordeeld_op=form.cleaned_data["beoordeeld_op"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            log_change(
                request, huishouden, onderwerp="beoordeling", object_id=lid.pk, leden=[lid.pk]
            )
            return _row_saved(request, huishouden, lid, opgeslagen)
    context = {"huishouden": huishouden, "lid": lid, "form": form}
    return htmx.page(request, "huishoudens/beoordeling_lid.html", "beoordeling-paneel", context)


def _row_saved(request, huishouden, lid, opgeslagen) -> HttpResponse:
    """Without htmx back to the matrix; with htmx the panel says what was saved and offers
    the next member with open cells, and the matrix and the badge are redrawn."""
    aantal = f"{len(opgeslagen)} leefdomein{'en' if len(opgeslagen) != 1 else ''}"
    melding = f"{aantal} van {lid.voornamen} opgeslagen."
    if not _op_huishoudpagina(request, huishouden):
        return htmx.go_to(request, f"{huishouden.get_absolute_url()}#leefdomeinen", melding)
    matrix = domeinmatrix(huishouden)
    open_cel = matrix.volgende_open(lid.pk, matrix.leefdomeinen[-1].pk)
    context = {
        "huishouden": huishouden,
        "lid": lid,
        "melding": melding,
        "volgende": open_cel.lid if open_cel else None,
        "matrix": matrix,
        "volledigheid": matrix.volledigheid,
        "mag_wijzigen": True,
    }
    parts = [
        render_to_string("huishoudens/beoordeling_lid.html#opgeslagen", context, request),
        render_to_string(
            "huishoudens/detail.html#domeinmatrix", {**context, "matrix_oob": True}, request
        ),
        render_to_string("huishoudens/detail.html#volledigheid", {**context, "oob": True}, request),
    ]
    return HttpResponse("".join(parts))


def _op_huishoudpagina(request: HttpRequest, huishouden: Huishouden) -> bool:
    """An htmx form inside the household page, where the matrix to redraw is. Opened as a
    page of its own (the browser is on the form's URL) it goes to the household page."""
    return bool(request.htmx) and request.htmx.current_url_abs_path != request.path


def _beoordeling_form(data, lid, leefdomein, geschiedenis) -> BeoordelingForm:
    huidig = max(geschiedenis, key=lambda b: b.pk, default=None)
    return BeoordelingForm(
        data,
        nvt_reden_voorstel=_nvt_voorstel(lid, leefdomein) if not geschiedenis else "",
        vorige=huidig.pk if huidig else None,
        huidig=huidig,
    )


def _beoordeling_context(huishouden, lid, leefdomein, geschiedenis) -> dict:
    return {
        "huishouden": huishouden,
        "lid": lid,
        "leefdomein": leefdomein,
        "geschiedenis": geschiedenis,
        "trend": trend(geschiedenis),
    }


def _nvt_voorstel(lid: Lid, leefdomein: Leefdomein) -> str:
    if leefdomein.nvt_voorgesteld_voor(lid):
        return f"Past niet bij de leeftijd ({lid.leeftijd()} jaar)."
    return ""


def _assessment_saved(request, huishouden, lid, leefdomein, opgeslagen) -> HttpResponse:
    """Logged; without htmx back to the matrix. With htmx the panel moves on to the next
    open cell (or shows the new history when none is left), and out of band the matrix
    cell, the household cell of that domain and the badge."""
    log_change(
        request, huishouden, onderwerp="beoordeling", object_id=opgeslagen.pk, leden=[lid.pk]
    )
    if not _op_huishoudpagina(request, huishouden):
        url = f"{huishouden.get_absolute_url()}#cel-{lid.pk}-{leefdomein.pk}"
        return htmx.go_to(request, url, f"{leefdomein.naam} van {lid.voornamen} is opgeslagen.")
    matrix = domeinmatrix(huishouden)
    volgende = matrix.volgende_open(lid.pk, leefdomein.pk)
    context = {
        "opgeslagen": opgeslagen,
        "mag_wijzigen": True,
        "form": None,
        "oob": True,
        "matrix": matrix,
        "volledigheid": matrix.volledigheid,
        "cel": matrix.cel(lid.pk, leefdomein.pk),
        "huishoudencel": matrix.huishoudencel(leefdomein.pk),
    }
    if volgende is None:
        paneel = _beoordeling_context(
            huishouden, lid, leefdomein, beoordelingen_van(lid, leefdomein)
        )
    else:
        geschiedenis = beoordelingen_van(volgende.lid, volgende.leefdomein)
        paneel = _beoordeling_context(huishouden, volgende.lid, volgende.leefdomein, geschiedenis)
        paneel["form"] = _beoordeling_form(None, volgende.lid, volgende.leefdomein, geschiedenis)
        paneel["form"].fields["uitkomst"].widget.attrs["autofocus"] = True
    return HttpResponse(_saved_parts({**context, **paneel}, request))


def _saved_parts(context: dict, request: HttpRequest) -> str:
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
    return "".join(parts)


# --- sharing with a colleague of another team ----------------------------------------------


def _for_sharing(request: HttpRequest, pk: int) -> Huishouden:
    huishouden = huishouden_for_change(request, pk, onderwerp="delen")
    if not huishouden.can_share(request.user):
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
            services.share_huishouden(huishouden=huishouden, door=request.user, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            gedeeld = {"object_id": data["gebruiker"].pk, "actie": Actie.AANGEMAAKT}
            log_change(request, huishouden, onderwerp="delen", **gedeeld)
            url = reverse("huishoudens:delen", args=[pk])
            return htmx.go_to(request, url, f"Gedeeld met {data['gebruiker'].weergavenaam}.")
    context = {"huishouden": huishouden, "form": form, "gedeeld": gedeeld_met(huishouden)}
    return htmx.page(request, "huishoudens/delen.html", "delen-formulier", context)


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
    return htmx.go_to(request, url, f"De toegang van {grant.user.weergavenaam} is ingetrokken.")
