"""The team refers an action, sends a draft, revokes a consent, exports the 301 content.

Households load through huishoudens.selectors (team scoping, access log, 404/403);
actions and referrals are looked up within that household."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from casussen.models import Actie
from huishoudens.selectors import huishouden_for_change, huishouden_for_view, log_change
from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie as LogActie
from socialekaart.selectors import dienst as dienst_van_kaart
from socialekaart.selectors import suggesties
from verwijzingen import iwmo, services
from verwijzingen.forms import ProductcodeForm, VerlengForm, VerwijzingForm
from verwijzingen.models import Toestemming, Verwijzing


def _plan_url(huishouden) -> str:
    return reverse("casussen:plan", args=[huishouden.pk])


def _actie(huishouden, actie_pk: int) -> Actie:
    return get_object_or_404(
        Actie.objects.select_related("doel__plan__huishouden"),
        pk=actie_pk,
        doel__plan__huishouden=huishouden,
    )


def _write(request, form: VerwijzingForm, actie: Actie) -> Verwijzing:
    data = form.cleaned_data
    return services.refer(
        actie=actie,
        dienst=data["dienst"],
        lid=data["lid"],
        door=request.user,
        toestemming=form.toestemming_data(),
        grondslag=data.get("grondslag") or "",
        grondslag_reden=data.get("grondslag_reden") or "",
        toelichting=data.get("toelichting") or "",
        toewijzing=form.toewijzing_data(),
        verzenden=request.POST.get("actie") == "verzenden",
    )


@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest, huishouden_pk: int, actie_pk: int) -> HttpResponse:
    """Refer an action to a service of the sociale kaart, with toestemming."""
    huishouden = huishouden_for_change(request, huishouden_pk, onderwerp="verwijzing")
    actie = _actie(huishouden, actie_pk)
    # a suggestion's 'Verwijzen' names the service; else the action's own (issue 16)
    gekozen = (
        dienst_van_kaart(int(request.GET["dienst"]))
        if request.GET.get("dienst", "").isdigit()
        else actie.dienst_id
    )
    form = VerwijzingForm(request.POST or None, actie=actie, initial={"dienst": gekozen})
    if request.method == "POST" and form.is_valid():
        try:
            verwijzing = _write(request, form, actie)
        except ValidationError as error:
            form.apply(error)
        else:
            log_change(request, huishouden, onderwerp="verwijzing", object_id=verwijzing.pk)
            return htmx.go_to(
                request,
                _plan_url(huishouden),
                f"Verwijzing {verwijzing.get_status_display().lower()}.",
            )
    context = {"huishouden": huishouden, "actie": actie, "form": form}
    context["suggesties"] = suggesties(actie.doel.leefdomeinen.values("pk"), wijk=huishouden.wijk)
    log_change(request, huishouden, onderwerp="verwijzing", actie=LogActie.BEKEKEN)
    return render(request, "verwijzingen/nieuw.html", context)


@require_POST
def verzenden(request: HttpRequest, huishouden_pk: int, pk: int) -> HttpResponse:
    huishouden = huishouden_for_change(request, huishouden_pk, onderwerp="verwijzing", object_id=pk)
    verwijzing = get_object_or_404(Verwijzing, pk=pk, lid__huishouden=huishouden)
    try:
        services.send_verwijzing(verwijzing=verwijzing, door=request.user)
    except ValidationError as error:
        return htmx.go_to(request, _plan_url(huishouden), " ".join(error.messages))
    log_change(request, huishouden, onderwerp="verwijzing", object_id=pk)
    return htmx.go_to(request, _plan_url(huishouden), "De verwijzing is verzonden.")


@require_POST
def toestemming_intrekken(request: HttpRequest, huishouden_pk: int, pk: int) -> HttpResponse:
    huishouden = huishouden_for_change(
        request, huishouden_pk, onderwerp="toestemming", object_id=pk
    )
    toestemming = get_object_or_404(Toestemming, pk=pk, lid__huishouden=huishouden)
    try:
        services.revoke_toestemming(toestemming=toestemming, reden=request.POST.get("reden", ""))
    except ValidationError as error:
        return htmx.go_to(request, _plan_url(huishouden), " ".join(error.messages))
    log_change(request, huishouden, onderwerp="toestemming", object_id=pk)
    return htmx.go_to(request, _plan_url(huishouden), "De toestemming is ingetrokken.")


@require_POST
def verlengen(request: HttpRequest, huishouden_pk: int, pk: int) -> HttpResponse:
    """Extend an allocation to a later end date (reden wijziging: verlenging)."""
    huishouden = huishouden_for_change(request, huishouden_pk, onderwerp="toewijzing", object_id=pk)
    verwijzing = get_object_or_404(Verwijzing, pk=pk, lid__huishouden=huishouden)
    form = VerlengForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["einddatum"])
        services.extend_toewijzing(
            verwijzing=verwijzing, door=request.user, einddatum=form.cleaned_data["einddatum"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return htmx.go_to(request, _plan_url(huishouden))
    log_change(request, huishouden, onderwerp="toewijzing", object_id=pk)
    return htmx.go_to(request, _plan_url(huishouden), "De toewijzing is verlengd.")


@require_GET
def toewijzing(request: HttpRequest, huishouden_pk: int, pk: int) -> HttpResponse:
    """The allocation as the content of a 301 message (XML, see verwijzingen.iwmo)."""
    huishouden = huishouden_for_view(request, huishouden_pk, onderwerp="toewijzing", object_id=pk)
    verwijzing = get_object_or_404(
        Verwijzing.objects.select_related("dienst__organisatie", "lid"),
        pk=pk,
        lid__huishouden=huishouden,
        productcode__gt="",
    )
    response = HttpResponse(iwmo.bericht_301(verwijzing), content_type="application/xml")
    response["Content-Disposition"] = content_disposition_header(
        True, f"301-{verwijzing.kenmerk}.xml"
    )
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def productcodes(request: HttpRequest) -> HttpResponse:
    """The productcode select for the chosen category (the referral form's htmx partial;
    reference data, no person in it). An unknown category shows every code."""
    form = ProductcodeForm(
        categorie=request.GET.get("productcategorie", ""),
        productcode=request.GET.get("productcode", ""),
    )
    return render(request, "verwijzingen/_productcode.html", {"form": form})
