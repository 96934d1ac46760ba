"""The sociale kaart for the municipality's staff: no personal data, so no team scoping
and no access log; roles outside the staff are refused by RoleAreaMiddleware."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sociaaldomein import htmx
from socialekaart import selectors
from socialekaart.forms import ZoekForm


@require_GET
def zoeken(request: HttpRequest) -> HttpResponse:
    """Page 'Sociale kaart': search and filters; htmx swaps only the results."""
    form = ZoekForm(request.GET or None, wijken=selectors.wijken())
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    context = {
        "form": form,
        "diensten": selectors.zoek_diensten(data),
        "vandaag": timezone.localdate(),
    }
    return htmx.page(request, "socialekaart/zoeken.html", "resultaten", context)


@require_GET
def dienst(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = selectors.dienst(pk)
    if gevonden is None:
        raise Http404("Dienst niet gevonden")
    context = {"dienst": gevonden, "vandaag": timezone.localdate()}
    return render(request, "socialekaart/dienst.html", context)
