"""The sociale makelaar's screens: a task of the team's caseworkers (`Match.can_broker`).
Needs belong to households, read only through `Huishouden.objects.editable_by`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from huishoudens.models import Huishouden
from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie, log_access, log_denied
from wijk import services
from wijk.forms import AanbodForm, BehoefteForm, MatchForm, StapForm
from wijk.makelaar import makelaarsbeeld
from wijk.models import Aanbod, Behoefte, Match

TERUG = "wijk:makelaar"


def _mag_makelen(request: HttpRequest) -> None:
    if not request.user.is_team_caseworker:
        log_denied(request, onderwerp="sociale makelaar")
        raise PermissionDenied("De sociale makelaar is een taak van de professionals.")


def _pagina(request, aanbod_form=None, behoefte_form=None) -> HttpResponse:
    beeld = makelaarsbeeld(request.user)
    log_access(
        request, actie=Actie.GEZOCHT, onderwerp="sociale makelaar", huishoudens=beeld.huishoudens
    )
    context = {
        "beeld": beeld,
        "aanbod_form": aanbod_form or AanbodForm(user=request.user),
        "behoefte_form": behoefte_form or BehoefteForm(user=request.user),
        "stappen": Match.STAPPEN,
    }
    return render(request, "wijk/makelaar.html", context)


def _log_match(request: HttpRequest, behoefte: Behoefte, actie: str) -> None:
    log_access(request, actie=actie, onderwerp="match", huishoudens=[behoefte.huishouden_id])


@require_GET
def makelaar(request: HttpRequest) -> HttpResponse:
    """Offers, needs, suggestions and matches of the user's wijk."""
    _mag_makelen(request)
    return _pagina(request)


@require_POST
def aanbod_nieuw(request: HttpRequest) -> HttpResponse:
    _mag_makelen(request)
    form = AanbodForm(request.POST, user=request.user)
    if not form.is_valid():
        return _pagina(request, aanbod_form=form)
    velden = {veld: form.cleaned_data[veld] for veld in AanbodForm.Meta.fields}
    aanbod = services.nieuw_aanbod(user=request.user, team=form.cleaned_data["team"], **velden)
    log_access(request, actie=Actie.AANGEMAAKT, onderwerp="aanbod", object_id=aanbod.pk)
    return htmx.go_to(request, reverse(TERUG), "Het aanbod is vastgelegd.")


@require_POST
def behoefte_nieuw(request: HttpRequest) -> HttpResponse:
    _mag_makelen(request)
    form = BehoefteForm(request.POST, user=request.user)
    if not form.is_valid():
        return _pagina(request, behoefte_form=form)
    velden = {veld: form.cleaned_data[veld] for veld in BehoefteForm.Meta.fields}
    behoefte = services.nieuwe_behoefte(user=request.user, **velden)
    log_access(
        request,
        actie=Actie.AANGEMAAKT,
        onderwerp="behoefte",
        huishoudens=[behoefte.huishouden_id],
        object_id=behoefte.pk,
    )
    return htmx.go_to(request, reverse(TERUG), "De behoefte is vastgelegd.")


@require_POST
def match_voorstellen(request: HttpRequest) -> HttpResponse:
    """Propose a suggested match; nobody is contacted before both sides consent."""
    _mag_makelen(request)
    form = MatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Kies een mogelijke match uit de lijst.")
        return htmx.go_to(request, reverse(TERUG))
    mijn = Huishouden.objects.editable_by(request.user)
    behoefte = get_object_or_404(Behoefte, pk=form.cleaned_data["behoefte"], huishouden__in=mijn)
    aanbod = get_object_or_404(Aanbod, pk=form.cleaned_data["aanbod"], actief=True)
    try:
        services.stel_match_voor(user=request.user, aanbod=aanbod, behoefte=behoefte)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return htmx.go_to(request, reverse(TERUG))
    _log_match(request, behoefte, Actie.AANGEMAAKT)
    return htmx.go_to(
        request, reverse(TERUG), "Match voorgesteld. Vraag nu beide kanten om toestemming."
    )


@require_POST
def match_stap(request: HttpRequest, pk: int) -> HttpResponse:
    """A consent, the start after both consents, or the end of a match."""
    _mag_makelen(request)
    mijn = Huishouden.objects.editable_by(request.user)
    match = get_object_or_404(Match, pk=pk, behoefte__huishouden__in=mijn)
    form = StapForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Kies een stap.")
        services.zet_match_stap(user=request.user, match=match, stap=form.cleaned_data["stap"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return htmx.go_to(request, reverse(TERUG))
    _log_match(request, match.behoefte, Actie.GEWIJZIGD)
    return htmx.go_to(
        request, reverse(TERUG), f"{Match.STAPPEN[form.cleaned_data['stap']]}: vastgelegd."
    )
