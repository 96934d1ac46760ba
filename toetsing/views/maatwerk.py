"""Maatwerk decisions (issue 6): the team lead's inbox and decision, the professional's
answer, the budget, the precedent register and the council's overview.

A request is read through `MaatwerkVerzoek.objects.visible_to` (the own teams, auditors
all, and holders of a grant on the household: anyone else gets 404); the inbox lists the
own teams' requests (`van_teams`). Every page that shows case data logs it. The
register and the council overview show only anonymised columns and are open to every
user of the municipality."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie, Doel, log_access
from sociaaldomein.middleware import background
from toetsing.forms import (
    AntwoordForm,
    BesluitForm,
    InboxFilterForm,
    MarkeerForm,
    RegisterZoekForm,
)
from toetsing.models import MaatwerkVerzoek
from toetsing.selectors.maatwerk import (
    aantal_open_maatwerk,
    budget_overzicht,
    inbox_professionals,
    maatwerk_inbox,
    precedenten_voor,
    raad_overzicht,
    register_zoeken,
)
from toetsing.services import maatwerk as services
from toetsing.weergave import raad_grafieken

ONDERWERP = "maatwerk"
PER_PAGINA = 20
ACTIES = {
    "goedkeuren": services.approve_maatwerk,
    "afwijzen": services.reject_maatwerk,
}


def _jaar(request: HttpRequest) -> int:
    try:
        jaar = int(request.GET.get("jaar", ""))
    except ValueError:
        jaar = timezone.localdate().year
    return jaar if 2000 <= jaar <= 2100 else timezone.localdate().year


def _load(request: HttpRequest, pk: int) -> MaatwerkVerzoek:
    verzoek = (
        MaatwerkVerzoek.objects.visible_to(request.user)
        .select_related("toets__huishouden", "aangevraagd_door", "team")
        .filter(pk=pk)
        .first()
    )
    if verzoek is None:
        raise Http404("Maatwerkverzoek niet gevonden")
    return verzoek


def _log(request, verzoek: MaatwerkVerzoek, actie: str = Actie.BEKEKEN) -> None:
    log_access(
        request,
        actie=actie,
        onderwerp=ONDERWERP,
        huishoudens=[verzoek.toets.huishouden_id],
        object_id=verzoek.pk,
        doel=Doel.VERANTWOORDING if request.user.is_auditor else Doel.BESLUITVORMING,
    )


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """Open requests of my team as a compact table, newest first, filtered and sorted,
    a page at a time (leads; auditors read all); htmx gets the table alone. Details
    (alternative, decisions, precedents) open on demand."""
    if not MaatwerkVerzoek.can_use_inbox(request.user):
        raise PermissionDenied("Alleen voor teamleiders en auditors")
    filters = InboxFilterForm(request.GET, professionals=inbox_professionals(request.user))
    inbox_qs = maatwerk_inbox(request.user, **filters.filters())
    page = Paginator(inbox_qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    verzoeken = list(page.object_list)
    if verzoeken:
        log_access(
            request,
            actie=Actie.GEZOCHT,
            onderwerp="maatwerk_inbox",
            huishoudens=sorted({v.toets.huishouden_id for v in verzoeken}),
            doel=Doel.VERANTWOORDING if request.user.is_auditor else Doel.BESLUITVORMING,
        )
    precedenten = precedenten_voor(verzoeken)
    for v in verzoeken:
        v.precedenten = precedenten.get(v.pk, [])
        v.door_mij_goedgekeurd = v.goedgekeurd_door(request.user)
    context = {
        "page": page,
        "verzoeken": verzoeken,
        "filters": filters,
        "query": _zonder_pagina(request),
    }
    return htmx.page(request, "maatwerk/inbox.html", "inbox-lijst", context)


def _zonder_pagina(request: HttpRequest) -> str:
    """The filters of this request as a query string, for the pager and sort links."""
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


def _verzoek_context(request, verzoek, **extra) -> dict:
    besluiten = list(verzoek.besluiten.select_related("door").order_by("op", "id"))
    user = request.user
    context = {
        "verzoek": verzoek,
        "toets": verzoek.toets,
        "besluiten": besluiten,
        "precedenten": precedenten_voor([verzoek]).get(verzoek.pk, []),
        "mag_beslissen": verzoek.waits_for(user, besluiten),
        "mag_antwoorden": verzoek.can_answer(user)
        and verzoek.status == MaatwerkVerzoek.Status.MEER_INFORMATIE,
        "mag_markeren": verzoek.is_besloten and verzoek.can_mark(user),
        "besluit_form": BesluitForm(),
        "antwoord_form": AntwoordForm(),
        "markeer_form": MarkeerForm(initial={"register": verzoek.register}),
    }
    context.update(extra)
    return context


@require_GET
def verzoek(request: HttpRequest, pk: int) -> HttpResponse:
    verzoek = _load(request, pk)
    _log(request, verzoek)
    return render(request, "maatwerk/verzoek.html", _verzoek_context(request, verzoek))


def _respond(request, verzoek, form_key: str, form, partial: str) -> HttpResponse:
    """htmx: the partial with the form (errors next to the field). Without htmx: the
    whole page again when the input was wrong, so nothing typed is lost, else back to
    the request (post/redirect/get)."""
    if request.htmx or form.errors:
        context = _verzoek_context(request, verzoek, **{form_key: form})
        template = f"maatwerk/verzoek.html#{partial}" if request.htmx else "maatwerk/verzoek.html"
        return render(request, template, context)
    return redirect(verzoek)


@require_POST
def besluiten(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve, reject or ask: only a lead of the team who did not ask for it."""
    verzoek = _load(request, pk)
    if not verzoek.can_decide(request.user):
        raise PermissionDenied("Alleen een andere teamleider van het team beslist (vier ogen)")
    form = BesluitForm(request.POST)
    if form.is_valid():
        actie, reden = form.cleaned_data["actie"], form.cleaned_data["reden"]
        try:
            if actie == "vragen":
                verzoek = services.ask_information(verzoek=verzoek, door=request.user, vraag=reden)
            else:
                verzoek = ACTIES[actie](verzoek=verzoek, door=request.user, reden=reden)
        except services.AlBesloten as error:
            verzoek = error.verzoek
            messages.warning(request, f"Dit verzoek is al {verzoek.get_status_display().lower()}.")
        except ValidationError as error:
            for veld, fouten in error.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            _log(request, verzoek, Actie.GEWIJZIGD)
            messages.success(request, "Uw besluit is vastgelegd.")
            form = BesluitForm()
    return _respond(request, verzoek, "besluit_form", form, "besluit")


@require_POST
def beantwoorden(request: HttpRequest, pk: int) -> HttpResponse:
    """The professional answers the lead's question."""
    verzoek = _load(request, pk)
    if not verzoek.can_answer(request.user):
        raise PermissionDenied("Alleen wie het verzoek indiende, beantwoordt de vraag")
    form = AntwoordForm(request.POST)
    if form.is_valid():
        try:
            verzoek = services.answer_information(
                verzoek=verzoek, door=request.user, antwoord=form.cleaned_data["antwoord"]
            )
        except services.AlBesloten as error:
            verzoek = error.verzoek
            messages.warning(request, "Er staat geen vraag open bij dit verzoek.")
        else:
            _log(request, verzoek, Actie.GEWIJZIGD)
            messages.success(request, "Uw antwoord is naar de teamleider gestuurd.")
            form = AntwoordForm()
    return _respond(request, verzoek, "antwoord_form", form, "besluit")


@background
@require_GET
def teller(request: HttpRequest) -> HttpResponse:
    """The header count of pending requests for leads, polled by htmx."""
    context = {"maatwerk_open": aantal_open_maatwerk(request.user)}
    return render(request, "maatwerk/_teller.html#maatwerk-teller", context)


@require_GET
def budget(request: HttpRequest) -> HttpResponse:
    jaar = _jaar(request)
    return render(
        request,
        "maatwerk/budget.html",
        {"jaar": jaar, "jaren": _jaren(jaar), "rijen": budget_overzicht(request.user, jaar)},
    )


def _jaren(jaar: int) -> list[int]:
    """The years of the picker: this year and the five before it (and a chosen other)."""
    nu = timezone.localdate().year
    return sorted({*range(nu - 5, nu + 1), jaar}, reverse=True)


@require_GET
def register(request: HttpRequest) -> HttpResponse:
    """The anonymised precedent register, for every user of the municipality."""
    form = RegisterZoekForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    context = {"form": form, "precedenten": register_zoeken(data)}
    return htmx.page(request, "maatwerk/register.html", "register-resultaten", context)


@require_POST
def markeren(request: HttpRequest, pk: int) -> HttpResponse:
    """A lead of the team or the beheerder marks a decided request in the register."""
    verzoek = MaatwerkVerzoek.objects.besloten().filter(pk=pk).first()
    if verzoek is None:
        raise Http404("Precedent niet gevonden")
    if not verzoek.can_mark(request.user):
        raise PermissionDenied("Alleen een teamleider van het team of de beheerder")
    form = MarkeerForm(request.POST)
    if form.is_valid():
        register = form.cleaned_data["register"]
        services.mark_precedent(verzoek=verzoek, door=request.user, register=register)
        messages.success(request, "Het precedent is gemarkeerd.")
    else:
        messages.error(request, "Kies hoe het precedent gemarkeerd wordt.")
    return redirect("maatwerk:register")


@require_GET
def raad(request: HttpRequest) -> HttpResponse:
    jaar = _jaar(request)
    overzicht = raad_overzicht(jaar)
    context = {
        "overzicht": overzicht,
        "grafieken": raad_grafieken(overzicht),
        "jaar": jaar,
        "jaren": _jaren(jaar),
    }
    return render(request, "maatwerk/raad.html", context)


@require_GET
def raad_csv(request: HttpRequest) -> HttpResponse:
    overzicht = raad_overzicht(_jaar(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="maatwerk-raad-{overzicht["jaar"]}.csv"'
    )
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["soort", "naam", "besluiten", "goedgekeurd", "bedrag", "vermeden kosten"])
    t = overzicht["totaal"]
    writer.writerow(["totaal", overzicht["jaar"], t["aantal"], t["goedgekeurd"], t["bedrag"],
                     t["vermeden"]])  # fmt: skip
    for soort, reeks in (("wet", overzicht["per_wet"]), ("team", overzicht["per_team"])):
        for r in reeks:
            writer.writerow(
                [soort, r["label"], r["aantal"], r["goedgekeurd"], r["bedrag"], r["vermeden"]]
            )
    for r in overzicht["regels"]:
        writer.writerow(["afgeweken regel", _csv_veilig(r["afwijking_regel"]), r["aantal"], "",
                         "", ""])  # fmt: skip
    return response


def _csv_veilig(tekst: str) -> str:
    """No formula injection when the council opens the file in a spreadsheet."""
    return "'" + tekst if tekst[:1] in ("=", "+", "-", "@", "\t", "\r") else tekst
