"""Starting a toets, the read-only toets page, the household's list and corrections."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from casussen.models import Actie, Doel
from casussen.selectors import plan_van
from huishoudens.selectors import huishouden_for_change, huishouden_for_view, log_change
from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie as LogActie
from sociaaldomein.forms import apply_errors
from toetsing import services
from toetsing.forms import CorrectieForm, StartForm
from toetsing.selectors.toetsen import toetsen_van_huishouden
from toetsing.views.basis import (
    GET_POST,
    ONDERWERP,
    form_data,
    households,
    load_for_change,
    load_for_view,
    log_write,
)
from toetsing.weergave import toets_overzicht


def _onderdeel(request: HttpRequest, huishouden_pk: int, doel_pk, actie_pk):
    """The household (editable), and the goal or action of its plan the toets is about."""
    huishouden = huishouden_for_change(
        request, huishouden_pk, onderwerp=ONDERWERP, queryset=households().select_related("plan")
    )
    plan = plan_van(huishouden)
    if plan is None:
        raise Http404("Dit huishouden heeft nog geen plan")
    if actie_pk is not None:
        actie = Actie.objects.select_related("doel", "lid")
        return huishouden, None, get_object_or_404(actie, pk=actie_pk, doel__plan=plan)
    return huishouden, get_object_or_404(Doel, pk=doel_pk, plan=plan), None


@GET_POST
def starten(
    request: HttpRequest,
    huishouden_pk: int,
    doel_pk: int | None = None,
    actie_pk: int | None = None,
) -> HttpResponse:
    huishouden, doel, actie = _onderdeel(request, huishouden_pk, doel_pk, actie_pk)
    onderdeel = actie or doel
    form = StartForm(form_data(request), initial={"vraag": str(onderdeel)})
    if request.method == "GET":
        log_change(request, huishouden, onderwerp=ONDERWERP, actie=LogActie.BEKEKEN)
    elif form.is_valid():
        try:
            kwargs = {"huishouden": huishouden, "door": request.user, "doel": doel, "actie": actie}
            toets = services.start_toets(**kwargs, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            log_write(request, huishouden, toets, True, LogActie.AANGEMAAKT)
            messages.success(request, "De toets is gestart. Begin bij wat nodig is.")
            return redirect("toetsing:stap1", huishouden.pk, toets.pk)
    context = {"huishouden": huishouden, "form": form, "actie": actie, "doel": doel}
    return render(request, "toetsing/starten.html", {**context, "bestaand": _bestaand(onderdeel)})


def _bestaand(onderdeel) -> list:
    """The toetsen this goal or action already has (a new one may repeat one by mistake)."""
    return list(
        onderdeel.toetsen.order_by("-aangemaakt_op").only("id", "vraag", "status", "huishouden_id")
    )


@require_GET
def toets(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = load_for_view(request, huishouden_pk, toets_pk)
    kan_wijzigen = huishouden.can_edit(request.user)
    context = {"huishouden": huishouden, "o": toets_overzicht(toets), "kan_wijzigen": kan_wijzigen}
    return htmx.page(request, "toetsing/toets.html", "toets", context)


@require_GET
def lijst(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    huishouden = huishouden_for_view(
        request, huishouden_pk, onderwerp="toetsen", actie=LogActie.GEZOCHT, queryset=households()
    )
    context = {"huishouden": huishouden, "toetsen": toetsen_van_huishouden(huishouden)}
    return htmx.page(request, "toetsing/lijst.html", "toetsen", context)


@GET_POST
def corrigeren(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = load_for_change(request, huishouden_pk, toets_pk)
    form = CorrectieForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = services.correct_toets(toets=toets, door=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            log_write(request, huishouden, nieuw, True, LogActie.AANGEMAAKT)
            messages.success(
                request,
                "De correctie is gestart met de antwoorden van de oude toets. Pas aan wat "
                "niet klopte.",
            )
            return redirect("toetsing:stap1", huishouden.pk, nieuw.pk)
    context = {"huishouden": huishouden, "toets": toets, "form": form}
    return htmx.page(request, "toetsing/corrigeren.html", "correctie", context)
