"""Step 1: the guided form (full page and htmx partial), its autosave, and reopening."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from huishoudens.models import Huishouden
from sociaaldomein import htmx
from sociaaldomein.concurrency import VersionConflict
from sociaaldomein.forms import apply_errors
from toetsing import services
from toetsing.forms import Stap1Form
from toetsing.models import Toets
from toetsing.selectors.toetsen import actieve_leefdomeinen, grondwaarden_per_wet
from toetsing.services import StapGesloten, ToetsAfgesloten, stap1_onderdelen
from toetsing.views.basis import (
    GET_POST,
    as_int,
    autosave,
    form_data,
    load_for_change,
    log_write,
    refused,
    save_step,
    saved_but_incomplete,
    toets_conflict,
)
from toetsing.weergave import kosten_cijfers, toets_overzicht


def _stap1_context(huishouden: Huishouden, toets: Toets, data=None, **extra) -> dict:
    gekozen, effecten = stap1_onderdelen(toets)
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
        if request.method == "POST":
            return refused(request, ToetsAfgesloten(toets))
        return redirect(toets)
    if request.method == "GET" and toets.status == Toets.Status.STAP2:
        context = {"huishouden": huishouden, "toets": toets, "o": toets_overzicht(toets)}
        return render(request, "toetsing/stap1.html", {**context, "alleen_lezen": True})
    context = _stap1_context(huishouden, toets, form_data(request))
    if request.method == "POST" and context["form"].is_valid():
        actie = request.POST.get("actie", "opslaan")
        nieuw = context["form"].nieuw_effect() if actie == "effect_toevoegen" else None
        if actie != "effect_toevoegen" or nieuw is not None:
            result = _save_stap1(request, huishouden, toets, context, actie, nieuw)
            if isinstance(result, HttpResponse):
                return result
            context = result
    return htmx.page(request, "toetsing/stap1.html", "toets-formulier", context)


def _save_stap1(request, huishouden, toets, context: dict, actie: str, nieuw):
    """Save (and maybe conclude) step 1: the response after success, else the context
    to show the form again with what went wrong."""
    form = context["form"]
    stappen = {
        "nieuw_effect": nieuw,
        "verwijder_effect": as_int(request.POST.get("verwijder_effect")),
        "afronden": actie == "afronden",
    }
    try:
        toets, changed = save_step(request, toets, form, services.save_stap1, **stappen)
    except ValidationError as error:
        apply_errors(form, error, form.mapping())
        if actie == "afronden":  # the draft itself was saved
            return saved_but_incomplete(huishouden, toets, form, "niet_afgerond")
        return context
    except VersionConflict as conflict:
        rows = toets_conflict(form, conflict.current)
        return _stap1_context(huishouden, conflict.current, conflict=rows)
    except (ToetsAfgesloten, StapGesloten) as error:
        return refused(request, error)
    log_write(request, huishouden, toets, changed or actie == "afronden")
    if actie == "afronden":
        return _afgerond(request, toets)
    return _stap1_opgeslagen(request, huishouden, toets, actie)


def _afgerond(request, toets: Toets) -> HttpResponse:
    if toets.status == Toets.Status.STAP2:
        messages.success(
            request,
            "Stap 1 is afgerond: dit is nodig en past bij de grondwaarden. Nu de juridische toets.",
        )
        return htmx.go_to(request, reverse("toetsing:stap2", args=[toets.huishouden_id, toets.pk]))
    messages.success(request, "De toets is na stap 1 beëindigd; de reden is vastgelegd.")
    return htmx.go_to(request, toets.get_absolute_url())


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
    return autosave(request, huishouden, toets, form, services.save_stap1, stap=1)


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
    except ValidationError as error:  # a closed household is read-only
        messages.error(request, " ".join(error.messages))
    except (ToetsAfgesloten, StapGesloten) as error:
        return refused(request, error)
    else:
        log_write(request, huishouden, toets, True)
        messages.info(
            request,
            "Stap 1 is weer open. Stap 2 blijft bewaard, maar is gesloten tot u stap 1 "
            "opnieuw afrondt.",
        )
    return htmx.go_to(request, reverse("toetsing:stap1", args=[huishouden.pk, toets.pk]))
