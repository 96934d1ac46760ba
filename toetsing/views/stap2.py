"""Step 2: the guided form, its autosave, and the article search as you type."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from sociaaldomein.concurrency import VersionConflict
from toetsing import services
from toetsing.forms import (
    Stap2Form,
    ToevoegenForm,
    apply_errors,
)
from toetsing.models import Toets
from toetsing.selectors import (
    vergelijkbare_precedenten,
    zoek_artikelen,
)
from toetsing.services import StapGesloten, ToetsAfgesloten, gerelateerde_wetten, onderdelen
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
from toetsing.weergave import conflict_rijen, kosten_cijfers


def _stap2_context(huishouden, toets, data=None, *, zoek: str = "", **extra) -> dict:
    gekozen, effecten, artikelen = onderdelen(toets)
    gerelateerd = gerelateerde_wetten(gekozen)
    # Equal cases equally (issue 6): the most similar earlier decisions, while drafting.
    precedenten = vergelijkbare_precedenten(
        wetten=sorted({keuze.wet_afkorting for keuze in artikelen}),
        artikelen=[keuze.verwijzing_kort for keuze in artikelen],
        leefdomeinen=sorted({effect.leefdomein.naam for effect in effecten}),
        tekst=toets.samenvatting_deelbaar or toets.afwijking_regel,
    )
    form = Stap2Form(
        data, toets=toets, artikelen=artikelen, gerelateerd=gerelateerd, precedenten=precedenten
    )
    resultaten = zoek_artikelen(
        zoek, uitsluiten={k.artikel_id for k in artikelen}, gerelateerd=gerelateerd
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


@GET_POST
def stap2(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = load_for_change(request, huishouden_pk, toets_pk)
    if not toets.stap2_open:
        if request.method == "GET" and toets.is_afgesloten:
            return redirect(toets)
        error = ToetsAfgesloten(toets) if toets.is_afgesloten else StapGesloten(toets, 2)
        return refused(request, error)
    zoek = (request.GET.get("zoek") or "")[:100].replace("\x00", "")
    context = _stap2_context(huishouden, toets, form_data(request), zoek=zoek)
    form = context["form"]
    if request.method == "POST" and form.is_valid():
        actie = request.POST.get("actie", "opslaan")
        toevoegen = None
        if "toevoegen" in request.POST:
            extra = ToevoegenForm(request.POST)
            if not extra.is_valid():
                form.add_error(None, "Kies een artikel uit de lijst.")
            else:
                toevoegen = (extra.cleaned_data["toevoegen"], extra.cleaned_data["reden"])
        if form.is_valid():
            try:
                toets, changed = services.save_stap2(
                    toets=toets,
                    door=request.user,
                    versie=form.cleaned_data["versie"],
                    velden=form.velden(),
                    artikelen=form.artikel_waarden(),
                    toevoegen=toevoegen,
                    verwijderen=as_int(request.POST.get("verwijderen")),
                    indienen=actie == "indienen",
                )
            except ValidationError as error:
                apply_errors(form, error, form.mapping())
                if actie == "indienen" and not _toevoeg_fout(error):
                    context.update(saved_but_incomplete(huishouden, toets, form, "niet_ingediend"))
                context["toevoeg_fout"] = _toevoeg_fout(error)
            except VersionConflict as conflict:
                context = _stap2_context(
                    huishouden, conflict.current, conflict=conflict_rijen(form, conflict.current)
                )
            except (ToetsAfgesloten, StapGesloten) as error:
                return refused(request, error)
            else:
                log_write(request, huishouden, toets, changed or actie == "indienen")
                if actie == "indienen":
                    return _ingediend(request, toets)
                return _stap2_opgeslagen(request, huishouden, toets, actie)
    template = "toetsing/stap2.html#toets-formulier" if request.htmx else "toetsing/stap2.html"
    return render(request, template, context)


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
    zoek = (request.POST.get("zoek") or "")[:100].replace("\x00", "") if actie == "zoeken" else ""
    context = _stap2_context(huishouden, toets, opgeslagen=True, zoek=zoek)
    return render(request, "toetsing/stap2.html#toets-formulier", context)


def _ingediend(request, toets: Toets) -> HttpResponse:
    if toets.is_maatwerk:
        messages.success(
            request, "De toets is ingediend. Het maatwerkverzoek staat bij de teamleider."
        )
    else:
        messages.success(request, "De toets is ingediend. De motivering staat hieronder.")
    return go_to(request, toets.get_absolute_url())


@require_POST
def stap2_opslaan(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    """Autosave of step 2 (htmx, on every change): answers with the save status."""
    huishouden, toets = load_for_change(request, huishouden_pk, toets_pk)
    if not toets.stap2_open:
        error = ToetsAfgesloten(toets) if toets.is_afgesloten else StapGesloten(toets, 2)
        return refused(request, error)
    form = _stap2_context(huishouden, toets, request.POST)["form"]
    return autosave(
        request,
        huishouden,
        toets,
        form,
        lambda versie: services.save_stap2(
            toets=toets,
            door=request.user,
            versie=versie,
            velden=form.velden(),
            artikelen=form.artikel_waarden(),
        ),
        stap=2,
    )


@require_GET
def artikelen(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    """Search-as-you-type for articles (htmx partial; without htmx: the step-2 page)."""
    huishouden, toets = load_for_change(request, huishouden_pk, toets_pk)
    zoek = (request.GET.get("zoek") or "")[:100].replace("\x00", "")
    url = reverse("toetsing:stap2", args=[huishouden.pk, toets.pk])
    if not request.htmx or not toets.stap2_open:
        return redirect(f"{url}?{urlencode({'zoek': zoek})}#artikel-zoeken")
    gekozen, _, gekozen_artikelen = onderdelen(toets)
    gerelateerd = gerelateerde_wetten(gekozen)
    context = {
        "huishouden": huishouden,
        "toets": toets,
        "zoek": zoek,
        "resultaten": zoek_artikelen(
            zoek, uitsluiten={k.artikel_id for k in gekozen_artikelen}, gerelateerd=gerelateerd
        ),
    }
    return render(request, "toetsing/stap2.html#artikel-resultaten", context)
