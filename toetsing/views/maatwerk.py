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
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from huishoudens.selectors import log_change
from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie, Doel, log_access
from sociaaldomein.forms import apply_errors
from sociaaldomein.middleware import background
from sociaaldomein.tweedefactor import requires_recent_second_factor
from toetsing.forms import maatwerk as forms
from toetsing.models import MaatwerkEscalatie, MaatwerkVerzoek
from toetsing.selectors.maatwerk import (
    aantal_open_maatwerk,
    budget_overzicht,
    inbox_professionals,
    maatwerk_inbox,
    met_laatste_escalatie,
    precedenten_voor,
    raad_overzicht,
    register_zoeken,
)
from toetsing.services import escalatie
from toetsing.services import maatwerk as services
from toetsing.weergave import raad_grafieken

ONDERWERP = "maatwerk"
PER_PAGINA = 20
BESLOTEN = "maatwerk-besloten"  # the header's counter reloads on this event
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
    # through the household's logger: a look under break the glass is logged as such
    log_change(
        request,
        verzoek.toets.huishouden,
        onderwerp=ONDERWERP,
        object_id=verzoek.pk,
        actie=actie,
        doel=Doel.VERANTWOORDING if request.user.is_auditor else Doel.BESLUITVORMING,
    )


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """Open requests of my team as a compact table, newest first, filtered and sorted,
    a page at a time (leads; auditors read all); htmx gets the table alone. Details
    (alternative, decisions, similar decisions) load when a row's details are opened
    (`details`), so a row costs little and a page the same whatever the register holds."""
    if not MaatwerkVerzoek.can_use_inbox(request.user):
        raise PermissionDenied("Alleen voor teamleiders en auditors")
    filters = forms.InboxFilterForm(request.GET, professionals=inbox_professionals(request.user))
    inbox_qs = maatwerk_inbox(request.user, **filters.filters())
    page = Paginator(inbox_qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    verzoeken = met_laatste_escalatie(list(page.object_list))
    if verzoeken:
        log_access(
            request,
            actie=Actie.GEZOCHT,
            onderwerp="maatwerk_inbox",
            huishoudens=sorted({v.toets.huishouden_id for v in verzoeken}),
            doel=Doel.VERANTWOORDING if request.user.is_auditor else Doel.BESLUITVORMING,
        )
    context = {
        "page": page,
        "verzoeken": verzoeken,
        "filters": filters,
        "query": _zonder_pagina(request),
    }
    return htmx.page(request, "maatwerk/inbox.html", "inbox-lijst", context)


@require_GET
def details(request: HttpRequest, pk: int) -> HttpResponse:
    """A row's details in the inbox: the alternative, the level, the decisions so far and
    the similar earlier decisions (anonymised), loaded when the row opens (htmx), or a
    page of its own; for whoever may read the request, and logged as its page is."""
    verzoek = _load(request, pk)
    _log(request, verzoek)
    context = {
        "verzoek": verzoek,
        "besluiten": verzoek.besluiten.select_related("door").order_by("op", "id"),
        "precedenten": precedenten_voor([verzoek])[verzoek.pk],
    }
    return htmx.page(request, "maatwerk/details.html", "details", context)


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
        "besluit_form": forms.BesluitForm(),
        "antwoord_form": forms.AntwoordForm(),
        "markeer_form": forms.MarkeerForm(initial={"register": verzoek.register}),
        **_escalatie_context(request, verzoek),
    }
    context.update(extra)
    return context


def _escalatie_context(request, verzoek: MaatwerkVerzoek) -> dict:
    """The escalations beyond the team, and what this lead may do with them now."""
    escalaties = list(verzoek.escalaties.select_related("voorgelegd_door", "beantwoord_door"))
    mag = verzoek.is_open and verzoek.can_escalate(request.user)
    return {
        "escalaties": escalaties,
        "volgend_niveau": escalatie.volgende_escalatie(verzoek, escalaties) if mag else None,
        "open_escalatie": next((e for e in escalaties if e.is_open), None) if mag else None,
        "escalatie_form": forms.EscalatieForm(),
        "escalatie_antwoord_form": forms.EscalatieAntwoordForm(),
    }


@require_GET
def verzoek(request: HttpRequest, pk: int) -> HttpResponse:
    verzoek = _load(request, pk)
    _log(request, verzoek)
    return render(request, "maatwerk/verzoek.html", _verzoek_context(request, verzoek))


def _respond(
    request, verzoek, form_key: str, form, partial: str, *, besloten: bool = False
) -> HttpResponse:
    """htmx: the partial with the form (errors next to the field), and after a decision
    the event `maatwerk-besloten`, on which the header's counter reloads. Without htmx:
    the whole page again when the input was wrong, so nothing typed is lost, else back to
    the request (post/redirect/get), where the counter is fresh anyway."""
    if request.htmx or form.errors:
        context = _verzoek_context(request, verzoek, **{form_key: form})
        template = f"maatwerk/verzoek.html#{partial}" if request.htmx else "maatwerk/verzoek.html"
        response = render(request, template, context)
        return trigger_client_event(response, BESLOTEN) if besloten else response
    return redirect(verzoek)


@require_POST
@requires_recent_second_factor(
    when=lambda request: request.POST.get("actie") == "goedkeuren",
    back=lambda request, pk: reverse("maatwerk:verzoek", args=[pk]),
)
def besluiten(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve, reject or ask: only a lead of the team who did not ask for it."""
    verzoek = _load(request, pk)
    if not verzoek.can_decide(request.user):
        raise PermissionDenied("Alleen een andere teamleider van het team beslist (vier ogen)")
    form, besloten = forms.BesluitForm(request.POST), False
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
            form, besloten = forms.BesluitForm(), True
    return _respond(request, verzoek, "besluit_form", form, "besluit", besloten=besloten)


@require_POST
def beantwoorden(request: HttpRequest, pk: int) -> HttpResponse:
    """The professional answers the lead's question."""
    verzoek = _load(request, pk)
    if not verzoek.can_answer(request.user):
        raise PermissionDenied("Alleen wie het verzoek indiende, beantwoordt de vraag")
    form = forms.AntwoordForm(request.POST)
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
            form = forms.AntwoordForm()
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
    form = forms.RegisterZoekForm(request.GET or None)
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
    form = forms.MarkeerForm(request.POST)
    if form.is_valid():
        register = form.cleaned_data["register"]
        services.mark_precedent(verzoek=verzoek, door=request.user, register=register)
        _log(request, verzoek, Actie.GEWIJZIGD)
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


# --- escalation beyond the team (issue 14) -----------------------------------------------------


def _na_escalatie(request, verzoek, form_key: str, form, write, gelukt: str) -> HttpResponse:
    """The shared flow of both escalation forms: write, log, back to the request; or the
    request page again with the errors next to the fields."""
    if not verzoek.can_escalate(request.user):
        raise PermissionDenied("Alleen een teamleider van het team escaleert dit verzoek")
    if form.is_valid():
        try:
            write(form.cleaned_data)
        except services.AlBesloten:
            messages.warning(request, "Dit verzoek is al besloten.")
            return redirect(verzoek)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _log(request, verzoek, Actie.GEWIJZIGD)
            return htmx.go_to(request, verzoek.get_absolute_url(), gelukt)
    context = _verzoek_context(request, verzoek, **{form_key: form})
    return render(request, "maatwerk/verzoek.html", context)


@require_POST
def escaleren(request: HttpRequest, pk: int) -> HttpResponse:
    """Put the request before the next level: lokaal → regio → landelijk."""
    verzoek = _load(request, pk)

    def write(data: dict):
        return escalatie.escalate_maatwerk(verzoek=verzoek, door=request.user, **data)

    form = forms.EscalatieForm(request.POST)
    gelukt = "Het verzoek is voorgelegd aan het volgende niveau."
    return _na_escalatie(request, verzoek, "escalatie_form", form, write, gelukt)


@require_POST
def escalatie_antwoord(request: HttpRequest, pk: int, escalatie_pk: int) -> HttpResponse:
    """Record the answer of the level the request was put before."""
    verzoek = _load(request, pk)
    gevonden = get_object_or_404(MaatwerkEscalatie, pk=escalatie_pk, verzoek=verzoek)

    def write(data: dict):
        return escalatie.record_escalation_answer(
            escalatie=gevonden,
            door=request.user,
            opgelost=data["uitkomst"],
            antwoord=data["antwoord"],
        )

    form = forms.EscalatieAntwoordForm(request.POST)
    gelukt = "Het antwoord is vastgelegd."
    return _na_escalatie(request, verzoek, "escalatie_antwoord_form", form, write, gelukt)
