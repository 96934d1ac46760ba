"""Step 1: the guided form (full page and htmx partial), its autosave, and reopening."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from huishoudens.models import Huishouden
from sociaaldomein.concurrency import VersionConflict
from toetsing import services
from toetsing.forms import (
    Stap1Form,
    apply_errors,
)
from toetsing.models import Toets
from toetsing.selectors import (
    actieve_leefdomeinen,
    grondwaarden_per_wet,
)
from toetsing.services import StapGesloten, ToetsAfgesloten, onderdelen
from toetsing.views.basis import (
    GET_POST,
    as_int,
    autosave,
    form_data,
    go_to,
    load_for_change,
    log_write,
    refused,
    saved_but_incomplete,
)
from toetsing.weergave import conflict_rijen, kosten_cijfers, toets_overzicht


def _stap1_context(huishouden: Huishouden, toets: Toets, data=None, **extra) -> dict:
    gekozen, effecten, _ = onderdelen(toets)
    form = Stap1Form(
        data,
        toets=toets,
        grondwaarden_per_wet=grondwaarden_per_wet(),
        gekozen=gekozen,
        effecten=effecten,
        leden=list(huishouden.leden.filter(einddatum__isnull=True).order_by("geboortedatum", "id")),
        leefdomeinen=actieve_leefdomeinen(),
    )
    return {
        "huishouden": huishouden,
        "toets": toets,
        "form": form,
        "kosten": kosten_cijfers(toets),
        **extra,
    }


@GET_POST
def stap1(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = load_for_change(request, huishouden_pk, toets_pk)
    if toets.is_afgesloten:
        return (
            refused(request, ToetsAfgesloten(toets))
            if request.method == "POST"
            else redirect(toets)
        )
    if request.method == "GET" and toets.status == Toets.Status.STAP2:
        context = {"huishouden": huishouden, "toets": toets, "o": toets_overzicht(toets)}
        context["alleen_lezen"] = True
        return render(request, "toetsing/stap1.html", context)
    context = _stap1_context(huishouden, toets, form_data(request))
    form = context["form"]
    if request.method == "POST" and form.is_valid():
        actie = request.POST.get("actie", "opslaan")
        nieuw = form.nieuw_effect() if actie == "effect_toevoegen" else None
        if actie != "effect_toevoegen" or nieuw is not None:
            try:
                toets, changed = services.save_stap1(
                    toets=toets,
                    door=request.user,
                    versie=form.cleaned_data["versie"],
                    velden=form.velden(),
                    grondwaarden=form.grondwaarden(),
                    effecten=form.effect_waarden(),
                    nieuw_effect=nieuw,
                    verwijder_effect=as_int(request.POST.get("verwijder_effect")),
                    afronden=actie == "afronden",
                )
            except ValidationError as error:
                apply_errors(form, error, form.mapping())
                if actie == "afronden":  # the draft itself was saved
                    context = saved_but_incomplete(huishouden, toets, form, "niet_afgerond")
            except VersionConflict as conflict:
                context = _stap1_context(
                    huishouden, conflict.current, conflict=conflict_rijen(form, conflict.current)
                )
            except (ToetsAfgesloten, StapGesloten) as error:
                return refused(request, error)
            else:
                log_write(request, huishouden, toets, changed or actie == "afronden")
                if actie == "afronden":
                    return _afgerond(request, toets)
                return _stap1_opgeslagen(request, huishouden, toets, actie)
    template = "toetsing/stap1.html#toets-formulier" if request.htmx else "toetsing/stap1.html"
    return render(request, template, context)


def _afgerond(request, toets: Toets) -> HttpResponse:
    if toets.status == Toets.Status.STAP2:
        messages.success(
            request,
            "Stap 1 is afgerond: dit is nodig en past bij de grondwaarden. Nu de juridische toets.",
        )
        return go_to(request, reverse("toetsing:stap2", args=[toets.huishouden_id, toets.pk]))
    messages.success(request, "De toets is na stap 1 beëindigd; de reden is vastgelegd.")
    return go_to(request, toets.get_absolute_url())


def _stap1_opgeslagen(request, huishouden, toets, actie: str) -> HttpResponse:
    anker = (
        "#effecten" if actie in {"effect_toevoegen"} or "verwijder_effect" in request.POST else ""
    )
    if not request.htmx:
        messages.success(request, "Het concept is opgeslagen.")
        return redirect(reverse("toetsing:stap1", args=[huishouden.pk, toets.pk]) + anker)
    context = _stap1_context(huishouden, toets, opgeslagen=True, focus=anker)
    return render(request, "toetsing/stap1.html#toets-formulier", context)


@require_POST
def stap1_opslaan(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    """Autosave of step 1 (htmx, on every change): answers with the save status."""
    huishouden, toets = load_for_change(request, huishouden_pk, toets_pk)
    form = _stap1_context(huishouden, toets, request.POST)["form"]
    return autosave(
        request,
        huishouden,
        toets,
        form,
        lambda versie: services.save_stap1(
            toets=toets,
            door=request.user,
            versie=versie,
            velden=form.velden(),
            grondwaarden=form.grondwaarden(),
            effecten=form.effect_waarden(),
        ),
        stap=1,
    )


@require_POST
def heropenen(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = load_for_change(request, huishouden_pk, toets_pk)
    try:
        toets = services.reopen_stap1(
            toets=toets, door=request.user, versie=as_int(request.POST.get("versie"), -1)
        )
    except VersionConflict:
        messages.error(
            request, "Iemand anders heeft deze toets intussen gewijzigd; bekijk de huidige stand."
        )
    except (ToetsAfgesloten, StapGesloten) as error:
        return refused(request, error)
    else:
        log_write(request, huishouden, toets, True)
        messages.info(
            request,
            "Stap 1 is weer open. Stap 2 blijft bewaard, maar is gesloten tot u stap 1 "
            "opnieuw afrondt.",
        )
    return go_to(request, reverse("toetsing:stap1", args=[huishouden.pk, toets.pk]))
