"""The archive's pages: the lists with the proposals, one list with the step its reader
may take, and the verklaring van vernietiging. The archivist reaches these (open_to) and
nothing else; no page here shows a household's case data, only the minimal record."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from archief import services
from archief.models import Vernietigingslijst
from archief.selectors import lijsten_voor, voorstellen_per_team
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
    context = {"lijst": item, "items": list(item.items.all()), "stappen": list(item.stappen.all())}
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
