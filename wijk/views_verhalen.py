"""Stories for the council: written by the team's professional with the household's
consent (`Verhaal.can_write`), selected by the lead (`Verhaal.can_select`) only in their
anonymised form, and the council report (PDF) for a wijk and period."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from huishoudens.selectors import huishouden_for_change, log_change
from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie, log_access, log_denied
from sociaaldomein.forms import apply_errors
from sociaaldomein.pdf import render_pdf
from wijk import services
from wijk.forms import VerhaalForm
from wijk.models import Verhaal
from wijk.selectors import raadsrapport as lees_raadsrapport
from wijk.views import kies_wijk


@require_http_methods(["GET", "POST"])
def verhaal_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    """Write a household's story (with its consent); anonymised when saved."""
    huishouden = huishouden_for_change(request, pk, onderwerp="verhaal")
    form = VerhaalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            verhaal = services.schrijf_verhaal(
                user=request.user, huishouden=huishouden, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            log_change(
                request,
                huishouden,
                onderwerp="verhaal",
                object_id=verhaal.pk,
                actie=Actie.AANGEMAAKT,
            )
            url = reverse("huishoudens:detail", args=[huishouden.pk])
            return htmx.go_to(request, url, "Het verhaal is vastgelegd en geanonimiseerd.")
    log_change(request, huishouden, onderwerp="verhaal", actie=Actie.BEKEKEN)
    return render(request, "wijk/verhaal_nieuw.html", {"huishouden": huishouden, "form": form})


def _verhalen_van_lead(request: HttpRequest):
    if not (request.user.is_teamleider and request.user.team_ids):
        log_denied(request, onderwerp="verhalen")
        raise PermissionDenied("Alleen de teamleider selecteert verhalen voor de raad.")
    return Verhaal.objects.filter(huishouden__team__in=request.user.team_ids).select_related(
        "huishouden__team"
    )


@require_GET
def verhalen(request: HttpRequest) -> HttpResponse:
    """The team's stories, anonymised only, to select for the council report."""
    lijst = list(_verhalen_van_lead(request))
    log_access(
        request,
        actie=Actie.GEZOCHT,
        onderwerp="verhalen",
        huishoudens=sorted({v.huishouden_id for v in lijst}),
    )
    return render(request, "wijk/verhalen.html", {"verhalen": lijst})


@require_POST
def verhaal_selecteren(request: HttpRequest, pk: int) -> HttpResponse:
    verhaal = get_object_or_404(_verhalen_van_lead(request), pk=pk)
    selecteren = request.POST.get("selecteren") == "ja"
    services.selecteer_verhaal(user=request.user, verhaal=verhaal, selecteren=selecteren)
    melding = "Geselecteerd voor de raad." if selecteren else "Niet meer geselecteerd."
    return htmx.go_to(request, reverse("wijk:verhalen"), melding)


@require_GET
def raadsrapport(request: HttpRequest) -> HttpResponse:
    """The council report of a wijk and period: figures, charts and selected stories."""
    _form, wijk, periode = kies_wijk(request)
    pdf = render_pdf("wijk/raadsrapport.html", {"rapport": lees_raadsrapport(wijk, periode)})
    response = HttpResponse(bytes(pdf), content_type="application/pdf")
    naam = f"raadsrapport-{wijk}-{periode}.pdf".replace(" ", "-").lower()
    response["Content-Disposition"] = content_disposition_header(True, naam)
    response["Cache-Control"] = "no-store"
    return response
