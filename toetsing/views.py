"""Pages of the omgekeerde toets: start, the two steps (each a full page, autosaved with
htmx on every change), the read-only toets page, corrections and the household's list.

Each view loads the household through `huishoudens.selectors` (team scoping and access
log: 404 for other teams, 403 for read-only users on writes), finds the toets within that
household, binds a form and calls `toetsing.services`. Step order and immutability are
enforced there (and in PostgreSQL); a request for a closed step or a final toets is
answered with a redirect and a clear message, never a change.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from casussen.models import Actie, Doel
from casussen.selectors import plan_van
from huishoudens.models import Huishouden
from huishoudens.selectors import huishouden_for_change, huishouden_for_view, log_change
from sociaaldomein.accesslog import Actie as LogActie
from sociaaldomein.accesslog import Doel as LogDoel
from sociaaldomein.concurrency import VersionConflict
from toetsing import services
from toetsing.forms import (
    CorrectieForm,
    Stap1Form,
    Stap2Form,
    StartForm,
    ToevoegenForm,
    apply_errors,
)
from toetsing.models import Toets
from toetsing.selectors import (
    actieve_leefdomeinen,
    grondwaarden_per_wet,
    toets_in,
    toetsen_van_huishouden,
    zoek_artikelen,
)
from toetsing.services import StapGesloten, ToetsAfgesloten, gerelateerde_wetten, onderdelen
from toetsing.weergave import conflict_rijen, fout_lijst, kosten_cijfers, toets_overzicht

GET_POST = require_http_methods(["GET", "POST"])
ONDERWERP = "toets"


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _households():
    return Huishouden.objects.select_related("team")


def _lezen(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> tuple[Huishouden, Toets]:
    huishouden = huishouden_for_view(
        request,
        huishouden_pk,
        onderwerp=ONDERWERP,
        object_id=toets_pk,
        doel=None if request.user.is_auditor else LogDoel.BESLUITVORMING,
        queryset=_households(),
    )
    return huishouden, toets_in(huishouden, toets_pk)


def _wijzigen(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> tuple[Huishouden, Toets]:
    huishouden = huishouden_for_change(
        request, huishouden_pk, onderwerp=ONDERWERP, object_id=toets_pk, queryset=_households()
    )
    toets = toets_in(huishouden, toets_pk)
    if request.method == "GET":
        log_change(
            request, huishouden, onderwerp=ONDERWERP, object_id=toets.pk, actie=LogActie.BEKEKEN
        )
    return huishouden, toets


def _naar(request: HttpRequest, url: str) -> HttpResponse:
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _geweigerd(request: HttpRequest, error: Exception) -> HttpResponse:
    """A write on a final toets or a closed step: nothing changed, say why, go where the
    user can continue."""
    toets = error.toets
    if isinstance(error, ToetsAfgesloten):
        messages.warning(
            request,
            f"Deze toets is {toets.get_status_display().lower()} en kan niet meer worden "
            "gewijzigd. Een correctie maakt een nieuwe toets die naar deze verwijst.",
        )
        return _naar(request, toets.get_absolute_url())
    if error.stap == 2 and toets.status == Toets.Status.CONCEPT:
        messages.warning(
            request,
            "Stap 2 is nog gesloten: rond eerst stap 1 af met de conclusie dat dit nodig is "
            "en past bij de grondwaarden.",
        )
        return _naar(request, reverse("toetsing:stap1", args=[toets.huishouden_id, toets.pk]))
    messages.info(
        request, "Stap 1 is afgerond. Kies ‘Stap 1 wijzigen’ om er iets in te veranderen."
    )
    return _naar(request, reverse("toetsing:stap1", args=[toets.huishouden_id, toets.pk]))


def _logged(request, huishouden, toets, changed: bool, actie=LogActie.GEWIJZIGD) -> None:
    if changed:
        log_change(request, huishouden, onderwerp=ONDERWERP, object_id=toets.pk, actie=actie)


# --- start and read ----------------------------------------------------------------------------


@GET_POST
def starten(
    request: HttpRequest,
    huishouden_pk: int,
    doel_pk: int | None = None,
    actie_pk: int | None = None,
) -> HttpResponse:
    huishouden = huishouden_for_change(
        request, huishouden_pk, onderwerp=ONDERWERP, queryset=_households().select_related("plan")
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
    form = StartForm(_data(request), initial={"vraag": str(onderdeel)})
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
            _logged(request, huishouden, toets, True, LogActie.AANGEMAAKT)
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
    huishouden, toets = _lezen(request, huishouden_pk, toets_pk)
    kan_wijzigen = Huishouden.objects.editable_by(request.user).filter(pk=huishouden.pk).exists()
    context = {"huishouden": huishouden, "o": toets_overzicht(toets), "kan_wijzigen": kan_wijzigen}
    template = "toetsing/toets.html#toets" if request.htmx else "toetsing/toets.html"
    return render(request, template, context)


@require_GET
def lijst(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    huishouden = huishouden_for_view(
        request, huishouden_pk, onderwerp="toetsen", actie=LogActie.GEZOCHT, queryset=_households()
    )
    context = {"huishouden": huishouden, "toetsen": toetsen_van_huishouden(huishouden)}
    template = "toetsing/lijst.html#toetsen" if request.htmx else "toetsing/lijst.html"
    return render(request, template, context)


# --- step 1 ----------------------------------------------------------------------------------


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
    huishouden, toets = _wijzigen(request, huishouden_pk, toets_pk)
    if toets.is_afgesloten:
        return (
            _geweigerd(request, ToetsAfgesloten(toets))
            if request.method == "POST"
            else redirect(toets)
        )
    if request.method == "GET" and toets.status == Toets.Status.STAP2:
        context = {"huishouden": huishouden, "toets": toets, "o": toets_overzicht(toets)}
        context["alleen_lezen"] = True
        return render(request, "toetsing/stap1.html", context)
    context = _stap1_context(huishouden, toets, _data(request))
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
                    verwijder_effect=_int(request.POST.get("verwijder_effect")),
                    afronden=actie == "afronden",
                )
            except ValidationError as error:
                apply_errors(form, error, form.mapping())
                if actie == "afronden":  # the draft itself was saved
                    context = _niet_af(huishouden, toets, form, "niet_afgerond")
            except VersionConflict as conflict:
                context = _stap1_context(
                    huishouden, conflict.current, conflict=conflict_rijen(form, conflict.current)
                )
            except (ToetsAfgesloten, StapGesloten) as error:
                return _geweigerd(request, error)
            else:
                _logged(request, huishouden, toets, changed or actie == "afronden")
                if actie == "afronden":
                    return _afgerond(request, toets)
                return _stap1_opgeslagen(request, huishouden, toets, actie)
    template = "toetsing/stap1.html#toets-formulier" if request.htmx else "toetsing/stap1.html"
    return render(request, template, context)


def _niet_af(huishouden: Huishouden, toets: Toets, form, vlag: str) -> dict:
    """Re-show a form whose draft was saved but whose step could not be completed: with
    the errors, and the version now stored."""
    toets.versie = Toets.objects.filter(pk=toets.pk).values_list("versie", flat=True).first()
    form.data = form.data.copy()
    form.data["versie"] = str(toets.versie)
    return {
        "huishouden": huishouden,
        "toets": toets,
        "form": form,
        "kosten": kosten_cijfers(toets),
        vlag: True,
    }


def _afgerond(request, toets: Toets) -> HttpResponse:
    if toets.status == Toets.Status.STAP2:
        messages.success(
            request,
            "Stap 1 is afgerond: dit is nodig en past bij de grondwaarden. Nu de juridische toets.",
        )
        return _naar(request, reverse("toetsing:stap2", args=[toets.huishouden_id, toets.pk]))
    messages.success(request, "De toets is na stap 1 beëindigd; de reden is vastgelegd.")
    return _naar(request, toets.get_absolute_url())


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
    huishouden, toets = _wijzigen(request, huishouden_pk, toets_pk)
    form = _stap1_context(huishouden, toets, request.POST)["form"]
    return _autosave(
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


def _autosave(request, huishouden, toets, form, write, *, stap: int) -> HttpResponse:
    context = {
        "huishouden": huishouden,
        "toets": toets,
        "versie_oob": True,
        "kosten": kosten_cijfers(toets),
    }
    if not form.is_valid():
        context["fouten"] = fout_lijst(form)
    else:
        try:
            toets, changed = write(form.cleaned_data["versie"])
        except VersionConflict as conflict:
            context["conflict"] = conflict_rijen(form, conflict.current)
            context["toets"] = conflict.current
            context["versie_oob"] = False
        except ValidationError as error:
            apply_errors(form, error, form.mapping())
            context["fouten"] = fout_lijst(form)
        except (ToetsAfgesloten, StapGesloten) as error:
            return _geweigerd(request, error)
        else:
            _logged(request, huishouden, toets, changed)
            context.update(toets=toets, opgeslagen=True, kosten=kosten_cijfers(toets))
    if not request.htmx:
        if context.get("opgeslagen"):
            messages.success(request, "Het concept is opgeslagen.")
        else:
            messages.error(request, "Het concept is niet opgeslagen; controleer uw invoer.")
        return redirect(f"toetsing:stap{stap}", huishouden.pk, toets.pk)
    return render(request, f"toetsing/stap{stap}.html#opslaan-status", context)


@require_POST
def heropenen(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = _wijzigen(request, huishouden_pk, toets_pk)
    try:
        toets = services.reopen_stap1(
            toets=toets, door=request.user, versie=_int(request.POST.get("versie"), -1)
        )
    except VersionConflict:
        messages.error(
            request, "Iemand anders heeft deze toets intussen gewijzigd; bekijk de huidige stand."
        )
    except (ToetsAfgesloten, StapGesloten) as error:
        return _geweigerd(request, error)
    else:
        _logged(request, huishouden, toets, True)
        messages.info(
            request,
            "Stap 1 is weer open. Stap 2 blijft bewaard, maar is gesloten tot u stap 1 "
            "opnieuw afrondt.",
        )
    return _naar(request, reverse("toetsing:stap1", args=[huishouden.pk, toets.pk]))


# --- step 2 ----------------------------------------------------------------------------------


def _stap2_context(huishouden, toets, data=None, *, zoek: str = "", **extra) -> dict:
    gekozen, _, artikelen = onderdelen(toets)  # effects: one cheap query, kept for symmetry
    gerelateerd = gerelateerde_wetten(gekozen)
    form = Stap2Form(data, toets=toets, artikelen=artikelen, gerelateerd=gerelateerd)
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
        "kosten": kosten_cijfers(toets),
        **extra,
    }


@GET_POST
def stap2(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = _wijzigen(request, huishouden_pk, toets_pk)
    if not toets.stap2_open:
        if request.method == "GET" and toets.is_afgesloten:
            return redirect(toets)
        error = ToetsAfgesloten(toets) if toets.is_afgesloten else StapGesloten(toets, 2)
        return _geweigerd(request, error)
    zoek = (request.GET.get("zoek") or "")[:100].replace("\x00", "")
    context = _stap2_context(huishouden, toets, _data(request), zoek=zoek)
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
                    verwijderen=_int(request.POST.get("verwijderen")),
                    indienen=actie == "indienen",
                )
            except ValidationError as error:
                apply_errors(form, error, form.mapping())
                if actie == "indienen" and not _toevoeg_fout(error):
                    context.update(_niet_af(huishouden, toets, form, "niet_ingediend"))
                context["toevoeg_fout"] = _toevoeg_fout(error)
            except VersionConflict as conflict:
                context = _stap2_context(
                    huishouden, conflict.current, conflict=conflict_rijen(form, conflict.current)
                )
            except (ToetsAfgesloten, StapGesloten) as error:
                return _geweigerd(request, error)
            else:
                _logged(request, huishouden, toets, changed or actie == "indienen")
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
    return _naar(request, toets.get_absolute_url())


@require_POST
def stap2_opslaan(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    """Autosave of step 2 (htmx, on every change): answers with the save status."""
    huishouden, toets = _wijzigen(request, huishouden_pk, toets_pk)
    if not toets.stap2_open:
        error = ToetsAfgesloten(toets) if toets.is_afgesloten else StapGesloten(toets, 2)
        return _geweigerd(request, error)
    form = _stap2_context(huishouden, toets, request.POST)["form"]
    return _autosave(
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
    huishouden, toets = _wijzigen(request, huishouden_pk, toets_pk)
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


# --- corrections -----------------------------------------------------------------------------


@GET_POST
def corrigeren(request: HttpRequest, huishouden_pk: int, toets_pk: int) -> HttpResponse:
    huishouden, toets = _wijzigen(request, huishouden_pk, toets_pk)
    form = CorrectieForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = services.correct_toets(toets=toets, door=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error, {})
        else:
            _logged(request, huishouden, nieuw, True, LogActie.AANGEMAAKT)
            messages.success(
                request,
                "De correctie is gestart met de antwoorden van de oude toets. Pas aan wat "
                "niet klopte.",
            )
            return redirect("toetsing:stap1", huishouden.pk, nieuw.pk)
    context = {"huishouden": huishouden, "toets": toets, "form": form}
    template = "toetsing/corrigeren.html#correctie" if request.htmx else "toetsing/corrigeren.html"
    return render(request, template, context)


def _int(value, default: int | None = None) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if 0 <= number < 2**63 else default
