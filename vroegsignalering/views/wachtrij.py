"""The work queue "Vroegsignalering": the team's open zaken, a zaak with its signals,
contact attempts and outcome, taking a signal up in the plan, and a household from a
signal in one step. Another team's queue or zaak does not exist (404, logged)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie, log_access
from sociaaldomein.forms import apply_errors
from vroegsignalering import selectors, services
from vroegsignalering.forms import ContactpogingForm, EindresultaatForm, HuishoudenForm
from vroegsignalering.models import Vroegsignaalzaak


def _log(request, zaak: Vroegsignaalzaak, actie: str) -> None:
    hh = [zaak.huishouden_id] if zaak.huishouden_id else []
    log_access(request, actie=actie, onderwerp="vroegsignaal", huishoudens=hh, object_id=zaak.pk)


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """The navigation item: the queue of the user's (first) team; the auditor's monitor."""
    if not Vroegsignaalzaak.can_use(request.user):
        raise PermissionDenied("Vroegsignalering is voor de wijkteams.")
    if request.user.team_ids:
        return redirect("vroegsignalering:wachtrij", team_pk=request.user.team_ids[0])
    return redirect("vroegsignalering:monitor")


@require_GET
def wachtrij(request: HttpRequest, team_pk: int) -> HttpResponse:
    team = selectors.team_for_queue(request, team_pk)
    page = selectors.wachtrij(team, request.GET.get("pagina"))
    huishoudens = sorted({z.huishouden_id for z in page if z.huishouden_id})
    log_access(request, actie=Actie.GEZOCHT, onderwerp="vroegsignalering", huishoudens=huishoudens)
    context = {
        "team": team,
        "page": page,
        "zaken": page.object_list,
        "vandaag": timezone.localdate(),
        "kan_aanleveren": request.user.works_in(team.pk),
        "max_geteld": selectors.MAX_GETELD,
    }
    return htmx.page(request, "vroegsignalering/wachtrij.html", "wachtrij-lijst", context)


def _zaak_page(request, zaak, *, poging=None, resultaat=None) -> HttpResponse:
    context = {
        "zaak": zaak,
        **selectors.zaak_details(zaak),
        "kan_werken": zaak.can_work(request.user),
        "vandaag": timezone.localdate(),
        "poging_form": poging or ContactpogingForm(),
        "resultaat_form": resultaat or EindresultaatForm(),
    }
    return htmx.page(request, "vroegsignalering/zaak.html", "zaak-werk", context)


@require_GET
def zaak(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = selectors.zaak_for_view(request, pk)
    _log(request, gevonden, Actie.BEKEKEN)
    return _zaak_page(request, gevonden)


def _werkbaar(request, pk: int) -> Vroegsignaalzaak:
    gevonden = selectors.zaak_for_view(request, pk)
    if not gevonden.can_work(request.user):
        raise PermissionDenied("Alleen het team van deze zaak werkt eraan.")
    return gevonden


@require_POST
def contactpoging(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = _werkbaar(request, pk)
    form = ContactpogingForm(request.POST)
    if form.is_valid():
        try:
            services.register_contactpoging(zaak=gevonden, door=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _log(request, gevonden, Actie.GEWIJZIGD)
            return htmx.go_to(request, gevonden.get_absolute_url(), "Contactpoging vastgelegd.")
    return _zaak_page(request, gevonden, poging=form)


@require_POST
def eindresultaat(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = _werkbaar(request, pk)
    form = EindresultaatForm(request.POST)
    if form.is_valid():
        try:
            services.record_eindresultaat(
                zaak=gevonden, door=request.user, eindresultaat=form.cleaned_data["eindresultaat"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _log(request, gevonden, Actie.GEWIJZIGD)
            return htmx.go_to(request, gevonden.get_absolute_url(), "Eindresultaat vastgelegd.")
    return _zaak_page(request, gevonden, resultaat=form)


@require_http_methods(["GET", "POST"])
def huishouden(request: HttpRequest, pk: int) -> HttpResponse:
    """A household with a plan from this signal, in one step (the form is prefilled)."""
    gevonden = _werkbaar(request, pk)
    form = HuishoudenForm(request.POST or None, initial=HuishoudenForm.initial_from(gevonden))
    if request.method == "POST" and form.is_valid():
        adres, lid = form.gegevens()
        try:
            nieuw = services.create_huishouden_from_zaak(
                zaak=gevonden, door=request.user, gegevens=adres, eerste_lid=lid
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _log(request, gevonden, Actie.AANGEMAAKT)
            url = reverse("casussen:plan", kwargs={"huishouden_pk": nieuw.pk})
            return htmx.go_to(request, url, "Huishouden en plan aangemaakt vanuit het signaal.")
    _log(request, gevonden, Actie.BEKEKEN)  # the form shows the signal's personal data
    context = {"zaak": gevonden, "form": form}
    return htmx.page(request, "vroegsignalering/huishouden.html", "formulier", context)


@require_POST
def oppakken(request: HttpRequest, pk: int) -> HttpResponse:
    """Take the signal up in the household's plan (the casusregisseur, on the plan)."""
    gevonden = selectors.zaak_for_plan(request, pk)
    try:
        services.take_up_in_plan(zaak=gevonden, door=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _log(request, gevonden, Actie.GEWIJZIGD)
        messages.success(request, "Signaal opgepakt in het plan.")
    return redirect("casussen:plan", huishouden_pk=gevonden.huishouden_id)
