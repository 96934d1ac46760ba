"""Starting a toets, the read-only toets page, the household's list and corrections."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from casussen.models import Actie, Doel
from casussen.selectors import plan_van
from huishoudens.models import Huishouden
from huishoudens.selectors import huishouden_for_change, huishouden_for_view, log_change
from sociaaldomein.accesslog import Actie as LogActie
from toetsing import services
from toetsing.forms import (
    CorrectieForm,
    StartForm,
    apply_errors,
)
from toetsing.selectors import (
    toetsen_van_huishouden,
)
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


@GET_POST
def starten(
    request: HttpRequest,
    huishouden_pk: int,
    doel_pk: int | None = None,
    actie_pk: int | None = None,
) -> HttpResponse:
    huishouden = huishouden_for_change(
        request, huishouden_pk, onderwerp=ONDERWERP, queryset=households().select_related("plan")
    )
    plan = plan_van(huishouden)
    if plan is None:
        raise Http404("Dit huishouden heeft nog geen plan")
    actie = doel = None
    if actie_pk is not None:
        actie = get_object_or_404(
            Actie.objects.select_related("doel", "lid"), pk=actie_pk, doel__plan=plan
        )
    else:
        doel = get_object_or_404(Doel, pk=doel_pk, plan=plan)
    onderdeel = actie or doel
    form = StartForm(form_data(request), initial={"vraag": str(onderdeel)})
    if request.method == "POST" and form.is_valid():
        try:
            toets = services.start_toets(
                huishouden=huishouden,
                door=request.user,
                doel=doel,
                actie=actie,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_errors(form, error, {})
        else:
            log_write(request, huishouden, toets, True, LogActie.AANGEMAAKT)
            messages.success(request, "De toets is gestart. Begin bij wat nodig is.")
            return redirect("toetsing:stap1", huishouden.pk, toets.pk)
    elif request.method == "GET":
        log_change(request, huishouden, onderwerp=ONDERWERP, actie=LogActie.BEKEKEN)
    bestaand = list(
        onderdeel.toetsen.order_by("-aangemaakt_op").only("id", "vraag", "status", "huishouden_id")
    )
    context = {
        "huishouden": huishouden,
        "form": form,
        "actie": actie,
        "doel": doel,
        "bestaand": bestaand,
    }
    return render(request, "toetsing/starten.html", context)


@require_GET
def toets(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = load_for_view(request, huishouden_pk, toets_pk)
    kan_wijzigen = Huishouden.objects.editable_by(request.user).filter(pk=huishouden.pk).exists()
    context = {"huishouden": huishouden, "o": toets_overzicht(toets), "kan_wijzigen": kan_wijzigen}
    template = "toetsing/toets.html#toets" if request.htmx else "toetsing/toets.html"
    return render(request, template, context)


@require_GET
def lijst(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    huishouden = huishouden_for_view(
        request, huishouden_pk, onderwerp="toetsen", actie=LogActie.GEZOCHT, queryset=households()
    )
    context = {"huishouden": huishouden, "toetsen": toetsen_van_huishouden(huishouden)}
    template = "toetsing/lijst.html#toetsen" if request.htmx else "toetsing/lijst.html"
    return render(request, template, context)


@GET_POST
def corrigeren(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = load_for_change(request, huishouden_pk, toets_pk)
    form = CorrectieForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = services.correct_toets(toets=toets, door=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error, {})
        else:
            log_write(request, huishouden, nieuw, True, LogActie.AANGEMAAKT)
            messages.success(
                request,
                "De correctie is gestart met de antwoorden van de oude toets. Pas aan wat "
                "niet klopte.",
            )
            return redirect("toetsing:stap1", huishouden.pk, nieuw.pk)
    context = {"huishouden": huishouden, "toets": toets, "form": form}
    template = "toetsing/corrigeren.html#correctie" if request.htmx else "toetsing/corrigeren.html"
    return render(request, template, context)
