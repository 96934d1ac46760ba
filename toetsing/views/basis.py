"""Shared parts of the toets views: loading the household and the toets within it (team
scope, access log), answers to refused writes, and the autosave of both steps."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from huishoudens.models import Huishouden
from huishoudens.selectors import huishouden_for_change, huishouden_for_view, log_change
from sociaaldomein.accesslog import Actie as LogActie
from sociaaldomein.accesslog import Doel as LogDoel
from sociaaldomein.concurrency import VersionConflict
from sociaaldomein.forms import apply_errors, conflict_rows
from sociaaldomein.htmx import go_to
from toetsing.models import Toets
from toetsing.selectors.toetsen import toets_in
from toetsing.services import STAP1_VELDEN, STAP2_VELDEN, StapGesloten, ToetsAfgesloten
from toetsing.weergave import fout_lijst, kosten_cijfers

GET_POST = require_http_methods(["GET", "POST"])

ONDERWERP = "toets"


def form_data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def households():
    return Huishouden.objects.select_related("team")


def load_for_view(
    request: HttpRequest, huishouden_pk: int, toets_pk: int
) -> tuple[Huishouden, Toets]:
    huishouden = huishouden_for_view(
        request,
        huishouden_pk,
        onderwerp=ONDERWERP,
        object_id=toets_pk,
        doel=None if request.user.is_auditor else LogDoel.BESLUITVORMING,
        queryset=households(),
    )
    return huishouden, toets_in(huishouden, toets_pk)


def load_for_change(
    request: HttpRequest, huishouden_pk: int, toets_pk: int
) -> tuple[Huishouden, Toets]:
    huishouden = huishouden_for_change(
        request, huishouden_pk, onderwerp=ONDERWERP, object_id=toets_pk, queryset=households()
    )
    toets = toets_in(huishouden, toets_pk)
    if request.method == "GET":
        log_change(
            request, huishouden, onderwerp=ONDERWERP, object_id=toets.pk, actie=LogActie.BEKEKEN
        )
    return huishouden, toets


def toets_conflict(form, current: Toets) -> list[tuple[str, str, str]]:
    """The answers of both steps that differ from what another user stored meanwhile."""
    return conflict_rows(form, current, [*STAP1_VELDEN, *STAP2_VELDEN])


def zoekterm(data) -> str:
    """The article search as typed: at most 100 characters, no NUL."""
    return (data.get("zoek") or "")[:100].replace("\x00", "")


def refused(request: HttpRequest, error: Exception) -> HttpResponse:
    """A write on a final toets or a closed step: nothing changed, say why, go where the
    user can continue."""
    toets = error.toets
    if isinstance(error, ToetsAfgesloten):
        messages.warning(
            request,
            f"Deze toets is {toets.get_status_display().lower()} en kan niet meer worden "
            "gewijzigd. Een correctie maakt een nieuwe toets die naar deze verwijst.",
        )
        return go_to(request, toets.get_absolute_url())
    if error.stap == 2 and toets.status == Toets.Status.CONCEPT:
        messages.warning(
            request,
            "Stap 2 is nog gesloten: rond eerst stap 1 af met de conclusie dat dit nodig is "
            "en past bij de grondwaarden.",
        )
        return go_to(request, reverse("toetsing:stap1", args=[toets.huishouden_id, toets.pk]))
    messages.info(
        request, "Stap 1 is afgerond. Kies ‘Stap 1 wijzigen’ om er iets in te veranderen."
    )
    return go_to(request, reverse("toetsing:stap1", args=[toets.huishouden_id, toets.pk]))


def log_write(request, huishouden, toets, changed: bool, actie=LogActie.GEWIJZIGD) -> None:
    if changed:
        log_change(request, huishouden, onderwerp=ONDERWERP, object_id=toets.pk, actie=actie)


def saved_but_incomplete(huishouden: Huishouden, toets: Toets, form, vlag: str) -> dict:
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


def save_step(request, toets: Toets, form, save, **stappen) -> tuple[Toets, bool]:
    """Save a step's draft, and what the user chose to do with it (`stappen`: add or
    remove a row, conclude or submit), through the step's service `save`."""
    return save(toets=toets, door=request.user, **form.concept(), **stappen)


def autosave(request, huishouden, toets, form, save, *, stap: int) -> HttpResponse:
    """Save a draft on every change (htmx) with the step's service `save`: the answer is
    the save status only. Without htmx (a form posted to the autosave URL) the step page
    again, with a message."""
    context = {"huishouden": huishouden, "toets": toets, "versie_oob": True}
    context["kosten"] = kosten_cijfers(toets)
    if not form.is_valid():
        context["fouten"] = fout_lijst(form)
    else:
        try:
            toets, changed = save_step(request, toets, form, save)
        except VersionConflict as conflict:
            context.update(conflict=toets_conflict(form, conflict.current), versie_oob=False)
            context["toets"] = conflict.current
        except ValidationError as error:
            apply_errors(form, error, form.mapping())
            context["fouten"] = fout_lijst(form)
        except (ToetsAfgesloten, StapGesloten) as error:
            return refused(request, error)
        else:
            log_write(request, huishouden, toets, changed)
            context.update(toets=toets, opgeslagen=True, kosten=kosten_cijfers(toets))
    if request.htmx:
        return render(request, f"toetsing/stap{stap}.html#opslaan-status", context)
    if context.get("opgeslagen"):
        messages.success(request, "Het concept is opgeslagen.")
    else:
        messages.error(request, "Het concept is niet opgeslagen; controleer uw invoer.")
    return redirect(f"toetsing:stap{stap}", huishouden.pk, toets.pk)


def as_int(value, default: int | None = None) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if 0 <= number < 2**63 else default
