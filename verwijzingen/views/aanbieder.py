"""The provider's own screens (role Aanbieder, `open_to`): its referrals, nothing else.

Each referral loads through `selectors.verwijzing_voor_aanbieder` (its organisation only,
404 otherwise); reading one is logged in the access log and the data-sharing log."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie, log_access
from sociaaldomein.forms import apply_errors
from sociaaldomein.roles import Rol, open_to
from verwijzingen import selectors, services
from verwijzingen.forms import AntwoordForm, StartForm, StopForm, VoortgangForm


@open_to(Rol.AANBIEDER)
@require_GET
def lijst(request: HttpRequest) -> HttpResponse:
    verwijzingen = selectors.voor_aanbieder(request.user)
    huishoudens = sorted({v.lid.huishouden_id for v in verwijzingen})
    if huishoudens:
        log_access(request, actie=Actie.GEZOCHT, onderwerp="verwijzingen", huishoudens=huishoudens)
    return render(request, "verwijzingen/aanbieder_lijst.html", {"verwijzingen": verwijzingen})


def _context(verwijzing, **forms) -> dict:
    return {
        "verwijzing": verwijzing,
        "gedeeld": services.gedeelde_gegevens(verwijzing),
        "antwoord_form": forms.get("antwoord") or AntwoordForm(),
        "start_form": forms.get("start") or StartForm(),
        "stop_form": forms.get("stop") or StopForm(),
        "voortgang_form": forms.get("voortgang") or VoortgangForm(),
    }


@open_to(Rol.AANBIEDER)
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    verwijzing = selectors.verwijzing_voor_aanbieder(request.user, pk)
    services.log_inzage(verwijzing=verwijzing, door=request.user)
    log_access(
        request,
        actie=Actie.BEKEKEN,
        onderwerp="verwijzing",
        object_id=pk,
        huishoudens=[verwijzing.lid.huishouden_id],
        leden=[verwijzing.lid_id],
    )
    return render(request, "verwijzingen/aanbieder_detail.html", _context(verwijzing))


def _handle(request, pk: int, naam: str, form_class, write) -> HttpResponse:
    """The four provider forms: validate, write through the service, back to the page;
    a refused write shows its Dutch message next to the field."""
    verwijzing = selectors.verwijzing_voor_aanbieder(request.user, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            write(verwijzing, form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            log_access(
                request,
                actie=Actie.GEWIJZIGD,
                onderwerp=f"verwijzing: {naam}",
                object_id=pk,
                huishoudens=[verwijzing.lid.huishouden_id],
                leden=[verwijzing.lid_id],
            )
            url = reverse("verwijzingen:aanbieder_verwijzing", args=[pk])
            return htmx.go_to(request, url, "Opgeslagen.")
    context = _context(verwijzing, **{naam: form})
    return render(request, "verwijzingen/aanbieder_detail.html", context)


@open_to(Rol.AANBIEDER)
@require_POST
def antwoord(request: HttpRequest, pk: int) -> HttpResponse:
    return _handle(
        request,
        pk,
        "antwoord",
        AntwoordForm,
        lambda v, d: services.answer_verwijzing(
            verwijzing=v,
            door=request.user,
            accepteren=d["antwoord"] == "accepteren",
            reden=d["reden"],
        ),
    )


@open_to(Rol.AANBIEDER)
@require_POST
def start(request: HttpRequest, pk: int) -> HttpResponse:
    return _handle(
        request,
        pk,
        "start",
        StartForm,
        lambda v, d: services.register_start(verwijzing=v, door=request.user, datum=d["datum"]),
    )


@open_to(Rol.AANBIEDER)
@require_POST
def stop(request: HttpRequest, pk: int) -> HttpResponse:
    return _handle(
        request,
        pk,
        "stop",
        StopForm,
        lambda v, d: services.register_stop(verwijzing=v, door=request.user, **d),
    )


@open_to(Rol.AANBIEDER)
@require_POST
def voortgang(request: HttpRequest, pk: int) -> HttpResponse:
    return _handle(
        request,
        pk,
        "voortgang",
        VoortgangForm,
        lambda v, d: services.add_voortgang(verwijzing=v, door=request.user, tekst=d["tekst"]),
    )
