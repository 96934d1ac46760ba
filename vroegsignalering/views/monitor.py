"""The monitor: counts per partner type and outcome with a chart per month, the export for
the national monitor (no name, BSN or address), and the feedback to a partner (per signal
only whether it was picked up)."""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from sociaaldomein.accesslog import Actie, Doel, log_access
from sociaaldomein.charts import Grafiek
from vroegsignalering import selectors
from vroegsignalering.forms import PeriodeForm
from vroegsignalering.models import Partnerorganisatie, Vroegsignaalzaak

MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONITOR_KOLOMMEN = (
    "signaal_id", "zaak_id", "soort_partner", "signaaldatum", "achterstand_ontstaan",
    "bedrag", "crisissignaal", "warme_overdracht", "postcodegebied", "wijkteam",
    "ontvangen_op", "eerste_contact_uiterlijk", "opgepakt_op", "contactpogingen",
    "contact_bereikt", "eindresultaat", "afgerond_op",
)  # fmt: skip


def _mag(request) -> None:
    if not Vroegsignaalzaak.can_use(request.user):
        raise PermissionDenied("De monitor is voor de wijkteams en de auditor.")


def _csv(naam: str) -> tuple[HttpResponse, csv.writer]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, naam)
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=";")


@require_GET
def monitor(request: HttpRequest) -> HttpResponse:
    _mag(request)
    form = PeriodeForm(request.GET or None)
    van, tot = form.periode()
    cijfers = selectors.monitor(request.user, van, tot)
    labels = [f"{MAANDEN[m.month - 1]} {m:%Y}" for m in cijfers.maanden]
    grafiek = Grafiek("vroegsignalen", "Signalen per maand", labels, cijfers.per_maand, "gestapeld")
    partners = Partnerorganisatie.objects.all()
    context = {"form": form, "m": cijfers, "grafiek": grafiek, "partners": partners}
    return render(request, "vroegsignalering/monitor.html", context)


@require_GET
def monitor_csv(request: HttpRequest) -> HttpResponse:
    _mag(request)
    van, tot = PeriodeForm(request.GET or None).periode()
    response, writer = _csv(f"monitor-vroegsignalering-{van:%Y%m%d}-{tot:%Y%m%d}.csv")
    writer.writerow(MONITOR_KOLOMMEN)
    for s in selectors.monitor_rijen(request.user, van, tot).iterator(chunk_size=2000):
        z = s.zaak
        writer.writerow([
            s.pk, z.pk, s.partnersoort, s.signaaldatum, s.achterstand_sinds, s.bedrag,
            "ja" if s.crisis else "nee", "ja" if s.warme_overdracht else "nee",
            (s.postcode or "")[:4], z.team.naam, z.ontvangen_op, z.uiterlijk_contact_op,
            z.opgepakt_op.date() if z.opgepakt_op else "", s.pogingen,
            "ja" if s.bereikt else "nee", z.eindresultaat or "open", z.afgerond_op or "",
        ])  # fmt: skip
    log_access(request, actie=Actie.GEEXPORTEERD, onderwerp="monitor", doel=Doel.VERANTWOORDING)
    return response


@require_GET
def terugmelding(request: HttpRequest, partner_pk: int) -> HttpResponse:
    """Back to the partner: per signal only its reference and whether it was picked up."""
    _mag(request)
    partner = get_object_or_404(Partnerorganisatie, pk=partner_pk)
    response, writer = _csv(f"terugmelding-{partner.pk}.csv")
    writer.writerow(["referentie", "signaaldatum", "opgepakt"])
    for referentie, datum, opgepakt in selectors.terugmelding(request.user, partner.pk):
        writer.writerow([referentie, datum, "ja" if opgepakt else "nee"])
    log_access(request, actie=Actie.GEEXPORTEERD, onderwerp="terugmelding", object_id=partner.pk)
    return response
