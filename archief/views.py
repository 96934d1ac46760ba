"""The archive's pages: the lists with the proposals, one list with the step its reader
may take, and the verklaring van vernietiging. The archivist reaches these (open_to) and
nothing else; no page here shows a household's case data, only the minimal record."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from archief import services, verzoeken
from archief.forms import BesluitForm, VerzoekForm
from archief.models import Vernietigingslijst, VernietigingsVerzoek
from archief.selectors import lijsten_voor, voorstellen_per_team
from huishoudens.selectors import huishouden_for_change, huishouden_for_view, log_change
from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie, log_denied
from sociaaldomein.forms import apply_errors
from sociaaldomein.models import Team
from sociaaldomein.roles import Rol, open_to

GET_POST = require_http_methods(["GET", "POST"])


def _zichtbaar(request: HttpRequest) -> None:
    if not Vernietigingslijst.can_see(request.user):
        raise PermissionDenied("Alleen beheerder, archivaris, teamleiders en auditors.")


@open_to(Rol.ARCHIVARIS)
@GET_POST
def overzicht(request: HttpRequest) -> HttpResponse:
    _zichtbaar(request)
    if request.method == "POST":
        team = get_object_or_404(Team, pk=request.POST.get("team") or 0)
        try:
            lijst = services.create_list(team=team, door=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect("archief:overzicht")
        return redirect("archief:lijst", pk=lijst.pk)
    voorstellen = voorstellen_per_team() if Vernietigingslijst.can_author(request.user) else []
    context = {"lijsten": lijsten_voor(request.user), "voorstellen": voorstellen}
    return render(request, "archief/overzicht.html", context)


STAPPEN = {
    "indienen": lambda lijst, user, post: services.submit(lijst=lijst, door=user),
    "akkoord": lambda lijst, user, post: services.review(
        lijst=lijst,
        door=user,
        akkoord=True,
        toelichting=post.get("toelichting", ""),
        uitzonderen=[int(pk) for pk in post.getlist("uitzonderen") if pk.isdigit()],
    ),
    "wijzigingen": lambda lijst, user, post: services.review(
        lijst=lijst, door=user, akkoord=False, toelichting=post.get("toelichting", "")
    ),
    "naar_archivaris": lambda lijst, user, post: services.send_to_archivist(lijst=lijst, door=user),
    "archivaris": lambda lijst, user, post: services.archive(
        lijst=lijst, door=user, toelichting=post.get("toelichting", "")
    ),
}


@open_to(Rol.ARCHIVARIS)
@GET_POST
def lijst(request: HttpRequest, pk: int) -> HttpResponse:
    _zichtbaar(request)
    item = get_object_or_404(lijsten_voor(request.user), pk=pk)
    if request.method == "POST":
        stap = STAPPEN.get(request.POST.get("stap", ""))
        if stap is None:
            raise PermissionDenied("Onbekende stap.")
        try:
            stap(item, request.user, request.POST)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        return redirect("archief:lijst", pk=pk)
    items = list(item.items.select_related("verzoek"))
    context = {"lijst": item, "items": items, "stappen": list(item.stappen.all())}
    return render(request, "archief/lijst.html", context)


@open_to(Rol.ARCHIVARIS)
@require_GET
def verklaring(request: HttpRequest, pk: int) -> HttpResponse:
    _zichtbaar(request)
    item = get_object_or_404(lijsten_voor(request.user), pk=pk, verklaring__isnull=False)
    if item.status != Vernietigingslijst.Status.VERNIETIGD:
        raise Http404("Nog geen verklaring")
    data = bytes(item.verklaring)
    response = HttpResponse(data, content_type="application/pdf")
    naam = f"verklaring-van-vernietiging-{item.pk}.pdf"
    response["Content-Disposition"] = content_disposition_header(True, naam)
    return response


# --- the Jeugdwet request for early destruction (art. 7.3.9) -------------------------------


@GET_POST
def verzoek_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    """A caseworker of the team records a request of the youth or a parent."""
    huishouden = huishouden_for_change(request, pk, onderwerp="vernietigingsverzoek")
    if request.method == "GET":
        log_change(request, huishouden, onderwerp="vernietigingsverzoek", actie=Actie.BEKEKEN)
    form = VerzoekForm(request.POST or None, huishouden=huishouden)
    if form.is_valid():
        try:
            verzoek = verzoeken.record_request(
                huishouden=huishouden, door=request.user, **form.cleaned_data
            )
        except ValidationError as fout:
            apply_errors(form, fout)
        else:
            leden = [verzoek.jeugdige_id]
            kwargs = {"object_id": verzoek.pk, "leden": leden, "actie": Actie.AANGEMAAKT}
            log_change(request, huishouden, onderwerp="vernietigingsverzoek", **kwargs)
            tekst = f"Het verzoek is vastgelegd: uiterlijk {verzoek.uiterlijk_op:%d-%m-%Y}."
            return htmx.go_to(request, huishouden.get_absolute_url(), tekst)
    context = {"huishouden": huishouden, "form": form}
    return render(request, "archief/verzoek_nieuw.html", context)


def _verzoek_voor(request: HttpRequest, pk: int) -> VernietigingsVerzoek:
    """The request for a caseworker of its team (404 for anyone else, logged); opening it
    is a look at the household's data while the file exists."""
    verzoek = VernietigingsVerzoek.objects.select_related("team").filter(pk=pk).first()
    if verzoek is None or not verzoek.can_see(request.user):
        log_denied(request, onderwerp="vernietigingsverzoek", object_id=str(pk)[:40])
        raise Http404("Verzoek niet gevonden")
    if verzoek.huishouden_id:
        leden = [verzoek.jeugdige_id] if verzoek.jeugdige_id else []
        kwargs = {"onderwerp": "vernietigingsverzoek", "object_id": pk, "leden": leden}
        verzoek.huishouden = huishouden_for_view(request, verzoek.huishouden_id, **kwargs)
    return verzoek


@GET_POST
def verzoek(request: HttpRequest, pk: int) -> HttpResponse:
    """The team lead grants or refuses (with a legal ground); the team reads it."""
    item = _verzoek_voor(request, pk)
    form = BesluitForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not item.can_review(request.user):
        raise PermissionDenied("Alleen een andere teamleider van het team beoordeelt dit.")
    if form.is_valid():
        besluit = dict(form.cleaned_data)
        toewijzen = besluit.pop("besluit") == "toewijzen"
        try:
            verzoeken.decide_request(
                verzoek=item, door=request.user, toewijzen=toewijzen, **besluit
            )
        except ValidationError as fout:
            apply_errors(form, fout)
        else:
            if item.huishouden_id:
                log_change(request, item.huishouden, onderwerp="vernietigingsverzoek", object_id=pk)
            return htmx.go_to(
                request, reverse("archief:verzoek", args=[pk]), "Het besluit is vastgelegd."
            )
    return render(request, "archief/verzoek.html", {"verzoek": item, "form": form})
