"""The Wijkbeeld screens. Aggregate figures only: no household is shown, so nothing is
read through the household gate; who may see which wijk is `Wijkcijfer.can_view`."""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from sociaaldomein import htmx
from sociaaldomein.accesslog import log_denied
from wijk.forms import WijkbeeldForm
from wijk.models import Wijkcijfer
from wijk.selectors import wijkbeeld as lees_wijkbeeld


def kies_wijk(request: HttpRequest) -> tuple[WijkbeeldForm, str, str]:
    """The picker and the chosen wijk and period; a wijk the user may not see: 403."""
    wijken = Wijkcijfer.wijken_voor(request.user)
    gevraagd = request.GET.get("wijk")
    if not wijken or (gevraagd and gevraagd not in wijken):
        log_denied(request, onderwerp="wijkbeeld", object_id=(gevraagd or "")[:40])
        raise PermissionDenied("U mag het wijkbeeld van deze wijk niet zien.")
    form = WijkbeeldForm(request.GET or None, wijken=wijken)
    return form, *form.keuze()


@require_GET
def wijkbeeld(request: HttpRequest) -> HttpResponse:
    """The dashboard of a wijk over a period: figures, charts with their tables."""
    form, wijk, periode = kies_wijk(request)
    context = {"form": form, "beeld": lees_wijkbeeld(wijk, periode)}
    return htmx.page(request, "wijk/wijkbeeld.html", "wijkbeeld-inhoud", context)


@require_GET
def wijkbeeld_csv(request: HttpRequest) -> HttpResponse:
    """The same figures as the page, as CSV (small numbers read "< 10" here too)."""
    _form, wijk, periode = kies_wijk(request)
    beeld = lees_wijkbeeld(wijk, periode)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        True, f"wijkbeeld-{wijk}-{periode}.csv".replace(" ", "-").lower()
    )
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["Wijk", "Periode", "Onderdeel", "Rij", "Reeks", "Waarde"])
    for rij in beeld.csv_rijen:
        writer.writerow([wijk, periode, *rij])
    return response
