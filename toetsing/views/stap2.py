"""Step 2: the guided form, its autosave, and the article search as you type."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from sociaaldomein import htmx
from sociaaldomein.concurrency import VersionConflict
from sociaaldomein.forms import apply_errors
from toetsing import services
from toetsing.forms import Stap2Form, ToevoegenForm
from toetsing.models import Toets
from toetsing.selectors.maatwerk import precedenten_voor_toets
from toetsing.selectors.toetsen import zoek_artikelen
from toetsing.services import StapGesloten, ToetsAfgesloten, gerelateerde_wetten, onderdelen
from toetsing.views import basis
from toetsing.weergave import kosten_cijfers


def _stap2_context(huishouden, toets, data=None, *, zoek: str = "", **extra) -> dict:
    gekozen, effecten, artikelen = onderdelen(toets)
    gerelateerd = gerelateerde_wetten(gekozen)
    # Equal cases equally (issue 6): the most similar earlier decisions, while drafting.
    precedenten = precedenten_voor_toets(toets, effecten=effecten, artikelen=artikelen)
    form = Stap2Form(
        data, toets=toets, artikelen=artikelen, gerelateerd=gerelateerd, precedenten=precedenten
    )
    resultaten = zoek_artikelen(
        zoek,
        uitsluiten={k.artikel_id for k in artikelen},
        gerelateerd=gerelateerd,
        financiering=toets.financiering,
        leefdomeinen={effect.leefdomein.code for effect in effecten},
    )
    return {
        "huishouden": huishouden,
        "toets": toets,
        "form": form,
        "grondwaarden": gekozen,
        "zoek": zoek,
        "resultaten": resultaten,
        "precedenten": precedenten,
        "kosten": kosten_cijfers(toets),
        **extra,
    }


def _gesloten(request: HttpRequest, toets: Toets) -> HttpResponse | None:
    """Step 2 opens after a positive step 1 and closes when the toets is final."""
    if toets.stap2_open:
        return None
    if request.method == "GET" and toets.is_afgesloten:
        return redirect(toets)
    return basis.refused(request, _gesloten_fout(toets))


def _gesloten_fout(toets: Toets) -> Exception:
    return ToetsAfgesloten(toets) if toets.is_afgesloten else StapGesloten(toets, 2)


@basis.GET_POST
def stap2(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = basis.load_for_change(request, huishouden_pk, toets_pk)
    if (gesloten := _gesloten(request, toets)) is not None:
        return gesloten
    context = _stap2_context(
        huishouden, toets, basis.form_data(request), zoek=basis.zoekterm(request.GET)
    )
    form = context["form"]
    if request.method == "POST" and form.is_valid():
        toevoegen = _toevoegen(request, form)
        if form.is_valid():
            result = _save_stap2(request, huishouden, toets, context, toevoegen)
            if isinstance(result, HttpResponse):
                return result
            context = result
    return htmx.page(request, "toetsing/stap2.html", "toets-formulier", context)


def _toevoegen(request: HttpRequest, form) -> tuple | None:
    """The article to add with its reason, if one was chosen (an error on the form if
    the choice is not valid)."""
    if "toevoegen" not in request.POST:
        return None
    extra = ToevoegenForm(request.POST)
    if not extra.is_valid():
        form.add_error(None, "Kies een artikel uit de lijst.")
        return None
    return extra.cleaned_data["toevoegen"], extra.cleaned_data["reden"]


def _save_stap2(request, huishouden, toets, context: dict, toevoegen):
    """Save (and maybe submit) step 2: the response after success, else the context to
    show the form again with what went wrong."""
    form, actie = context["form"], request.POST.get("actie", "opslaan")
    stappen = {
        "toevoegen": toevoegen,
        "verwijderen": basis.as_int(request.POST.get("verwijderen")),
        "indienen": actie == "indienen",
    }
    try:
        toets, changed = basis.save_step(request, toets, form, services.save_stap2, **stappen)
    except ValidationError as error:
        apply_errors(form, error, form.mapping())
        if actie == "indienen" and not _toevoeg_fout(error):
            context.update(basis.saved_but_incomplete(huishouden, toets, form, "niet_ingediend"))
        return {**context, "toevoeg_fout": _toevoeg_fout(error)}
    except VersionConflict as conflict:
        rows = basis.toets_conflict(form, conflict.current)
        return _stap2_context(huishouden, conflict.current, conflict=rows)
    except (ToetsAfgesloten, StapGesloten) as error:
        return basis.refused(request, error)
    basis.log_write(request, huishouden, toets, changed or actie == "indienen")
    if actie == "indienen":
        return _ingediend(request, toets)
    return _stap2_opgeslagen(request, huishouden, toets, actie)


def _toevoeg_fout(error: ValidationError) -> dict[str, list[str]]:
    if not hasattr(error, "error_dict"):
        return {}
    return {
        key: [m for e in messages for m in e.messages]
        for key, messages in error.error_dict.items()
        if key.startswith("reden-") or key == "toevoegen"
    }


def _stap2_opgeslagen(request, huishouden, toets, actie: str) -> HttpResponse:
    url = reverse("toetsing:stap2", args=[huishouden.pk, toets.pk])
    if not request.htmx:
        if actie == "zoeken":
            zoek = (request.POST.get("zoek") or "")[:100]
            return redirect(f"{url}?{urlencode({'zoek': zoek})}#artikel-zoeken")
        messages.success(request, "Het concept is opgeslagen.")
        return redirect(
            url
            + ("#artikelen" if "toevoegen" in request.POST or "verwijderen" in request.POST else "")
        )
    zoek = basis.zoekterm(request.POST) if actie == "zoeken" else ""
    context = _stap2_context(huishouden, toets, opgeslagen=True, zoek=zoek)
    return render(request, "toetsing/stap2.html#toets-formulier", context)


def _ingediend(request, toets: Toets) -> HttpResponse:
    if toets.is_maatwerk:
        messages.success(
            request, "De toets is ingediend. Het maatwerkverzoek staat bij de teamleider."
        )
    else:
        messages.success(request, "De toets is ingediend. De motivering staat hieronder.")
    return htmx.go_to(request, toets.get_absolute_url())


@require_POST
def stap2_opslaan(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    """Autosave of step 2 (htmx, on every change): answers with the save status."""
    huishouden, toets = basis.load_for_change(request, huishouden_pk, toets_pk)
    if not toets.stap2_open:
        return basis.refused(request, _gesloten_fout(toets))
    form = _stap2_context(huishouden, toets, request.POST)["form"]
    return basis.autosave(request, huishouden, toets, form, services.save_stap2, stap=2)


@require_GET
def artikelen(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    """Search-as-you-type for articles (htmx partial; without htmx: the step-2 page)."""
    huishouden, toets = basis.load_for_change(request, huishouden_pk, toets_pk)
    zoek = basis.zoekterm(request.GET)
    url = reverse("toetsing:stap2", args=[huishouden.pk, toets.pk])
    if not request.htmx or not toets.stap2_open:
        return redirect(f"{url}?{urlencode({'zoek': zoek})}#artikel-zoeken")
    gekozen, effecten, gekozen_artikelen = onderdelen(toets)
    context = {
        "huishouden": huishouden,
        "toets": toets,
        "zoek": zoek,
        "resultaten": zoek_artikelen(
            zoek,
            uitsluiten={k.artikel_id for k in gekozen_artikelen},
            gerelateerd=gerelateerde_wetten(gekozen),
            financiering=toets.financiering,
            leefdomeinen={effect.leefdomein.code for effect in effecten},
        ),
    }
    return render(request, "toetsing/stap2.html#artikel-resultaten", context)
