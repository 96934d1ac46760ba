"""Mijn plan (the member's pages, opened to the role Inwoner), the public activation page,
and the staff screens of this app (invite a member, answer a contribution or a request).

A member's page loads their own account (`selectors.account_van`: 403 for anyone else,
staff included) and writes the access log for what it shows; staff screens load the
household through `huishoudens.selectors` (team scoping, 404 for another team, 403 for
read-only users) and find the objects within it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from casussen.services import PlanGewijzigd
from huishoudens.selectors import huishouden_for_change, log_change
from inwoner import selectors, services
from inwoner.forms import (
    ActiverenForm,
    AkkoordForm,
    AvgAntwoordForm,
    AvgVerzoekForm,
    BesluitForm,
    InbrengForm,
    UitnodigenForm,
)
from inwoner.models import AvgVerzoek, Inbreng
from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie, log_access
from sociaaldomein.forms import apply_errors
from sociaaldomein.pdf import render_pdf
from sociaaldomein.roles import Rol, open_to
from sociaaldomein.tweedefactor import required as tweede_factor_verplicht

GET_POST = require_http_methods(["GET", "POST"])
BACKEND = "sociaaldomein.auth.RoleAwareModelBackend"


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(bytes(data), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "no-store"
    return response


def _log(request, account, onderwerp: str, actie: str = Actie.BEKEKEN, object_id="") -> None:
    """The member's own look at (or change of) their data is logged like any other."""
    log_access(
        request,
        actie=actie,
        onderwerp=onderwerp,
        huishoudens=[account.lid.huishouden_id],
        leden=[account.lid_id],
        object_id=object_id or account.lid_id,
    )


# --- the member's pages ------------------------------------------------------------------------


def _mijn_plan_context(account, **forms) -> dict:
    overzicht = selectors.mijn_plan(account)
    forms.setdefault("akkoord_form", AkkoordForm(initial={"gezien_tot": overzicht.gezien_tot}))
    forms.setdefault("inbreng_form", InbrengForm())
    return {"o": overzicht, **forms}


@open_to(Rol.INWONER)
@require_GET
def mijn_plan(request: HttpRequest) -> HttpResponse:
    account = selectors.account_van(request)
    context = _mijn_plan_context(account)
    _log(request, account, "mijn_plan")
    return render(request, "inwoner/mijn_plan.html", context)


@open_to(Rol.INWONER)
@require_POST
def akkoord(request: HttpRequest) -> HttpResponse:
    account = selectors.account_van(request)
    form = AkkoordForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            versie = services.agree(
                account=account,
                akkoord=data["keuze"] == "akkoord",
                zienswijze=data["zienswijze"],
                gezien_tot=data["gezien_tot"],
            )
        except PlanGewijzigd:
            messages.warning(request, "Het plan is net gewijzigd. Lees het opnieuw en kies dan.")
            return htmx.go_to(request, reverse("inwoner:mijn_plan"))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _log(request, account, "plan_akkoord", Actie.GEWIJZIGD, versie.pk)
            return htmx.go_to(request, reverse("inwoner:mijn_plan"), "Uw keuze is vastgelegd.")
    return render(request, "inwoner/mijn_plan.html", _mijn_plan_context(account, akkoord_form=form))


@open_to(Rol.INWONER)
@GET_POST
def inbreng(request: HttpRequest) -> HttpResponse:
    account = selectors.account_van(request)
    form = InbrengForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            nieuw = services.add_inbreng(account=account, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _log(request, account, "inbreng", Actie.AANGEMAAKT, nieuw.pk)
            bericht = "Dank u. Uw contactpersoon reageert op uw inbreng."
            return htmx.go_to(request, reverse("inwoner:mijn_plan"), bericht)
    return render(request, "inwoner/inbreng.html", {"form": form})


@open_to(Rol.INWONER)
@require_GET
def bekeken(request: HttpRequest) -> HttpResponse:
    account = selectors.account_van(request)
    inzages = selectors.wie_bekeek(account)
    _log(request, account, "wie_bekeek")
    return render(request, "inwoner/bekeken.html", {"account": account, "inzages": inzages})


@open_to(Rol.INWONER)
@GET_POST
def rechten(request: HttpRequest) -> HttpResponse:
    account = selectors.account_van(request)
    form = AvgVerzoekForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            verzoek = services.request_avg(account=account, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _log(request, account, "avg_verzoek", Actie.AANGEMAAKT, verzoek.pk)
            bericht = (
                f"Verzoek ontvangen. U krijgt uiterlijk {verzoek.uiterlijk_op:%d-%m-%Y} antwoord."
            )
            return htmx.go_to(request, reverse("inwoner:rechten"), bericht)
    verzoeken = list(AvgVerzoek.objects.filter(lid=account.lid))
    _log(request, account, "mijn_rechten")
    return render(request, "inwoner/rechten.html", {"form": form, "verzoeken": verzoeken})


@open_to(Rol.INWONER)
@require_GET
def inzage(request: HttpRequest) -> HttpResponse:
    """AVG art. 15: every piece of data about this member, as a PDF."""
    account = selectors.account_van(request)
    pakket = selectors.inzagepakket(account)
    pdf = render_pdf("pdf/inzage.html", {"p": pakket})
    _log(request, account, "inzage", Actie.GEDOWNLOAD)
    return _pdf(pdf, f"inzage-{timezone.localdate():%Y-%m-%d}.pdf")


@login_not_required
@open_to(*Rol)
@GET_POST
def activeren(request: HttpRequest) -> HttpResponse:
    """Public: the member turns the code of their letter into an account: a password, then
    (with TWEEDE_FACTOR_VERPLICHT, as for staff) the authenticator app and recovery codes."""
    form = ActiverenForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            account = services.activate(
                code=data["code"],
                username=data["username"],
                password=data["password1"],
                bron=request.META.get("REMOTE_ADDR", ""),
            )
        except ValidationError as error:
            apply_errors(form, error, {"password": "password1"})
        else:
            login(request, account.user, backend=BACKEND)
            if tweede_factor_verplicht():
                messages.info(request, "Uw wachtwoord is ingesteld. Stel nu uw tweede factor in.")
                volgende = urlencode({"next": reverse("inwoner:mijn_plan")})
                return redirect(f"{reverse('tweede_factor_instellen')}?{volgende}")
            messages.success(request, "Welkom. Uw account is klaar; dit is uw plan.")
            return redirect("inwoner:mijn_plan")
    context = {"form": form, "tweede_factor": tweede_factor_verplicht()}
    return render(request, "inwoner/activeren.html", context)


@login_not_required
@open_to(*Rol)
@require_GET
def digid_geweigerd(request: HttpRequest) -> HttpResponse:
    """Public: DigiD said who the resident is, but there is no Mijn plan account for them."""
    return render(request, "inwoner/digid_geweigerd.html", status=403)


# --- staff screens -----------------------------------------------------------------------------


def _team_huishouden(request, pk: int, onderwerp: str, object_id="", leden=None):
    """The household for a caseworker who may change it (404 / 403 otherwise); opening a
    screen is a look at personal data, logged."""
    huishouden = huishouden_for_change(request, pk, onderwerp=onderwerp, object_id=object_id)
    if request.method == "GET":
        kwargs = {"object_id": object_id, "leden": leden, "actie": Actie.BEKEKEN}
        log_change(request, huishouden, onderwerp=onderwerp, **kwargs)
    return huishouden


def _log_antwoord(request, huishouden, onderwerp: str, item) -> None:
    """The team's answer to what a member brought in (`item`: an Inbreng, an AvgVerzoek),
    logged as a change about that member."""
    log_change(request, huishouden, onderwerp=onderwerp, object_id=item.pk, leden=[item.lid_id])


@GET_POST
def uitnodigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Invite an adult member: the answer to the POST is the letter (PDF) with the code."""
    huishouden = _team_huishouden(request, pk, "uitnodiging")
    form = UitnodigenForm(request.POST or None, huishouden=huishouden)
    if form.is_valid():
        lid = form.cleaned_data["lid"]
        try:
            uitnodiging, code = services.invite(lid=lid, door=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            kwargs = {"object_id": uitnodiging.pk, "leden": [lid.pk], "actie": Actie.AANGEMAAKT}
            log_change(request, huishouden, onderwerp="uitnodiging", **kwargs)
            context = {"u": uitnodiging, "code": code, "huishouden": huishouden, "lid": lid}
            pdf = render_pdf("pdf/uitnodiging.html", context, request=request)
            return _pdf(pdf, f"uitnodiging-{huishouden.referentie}-{lid.pk}.pdf")
    return render(request, "inwoner/uitnodigen.html", {"huishouden": huishouden, "form": form})


@GET_POST
def inbreng_besluit(request: HttpRequest, pk: int, inbreng_pk: int) -> HttpResponse:
    huishouden = _team_huishouden(request, pk, "inbreng", inbreng_pk)
    item = get_object_or_404(
        Inbreng.objects.select_related("lid"), pk=inbreng_pk, plan__huishouden=huishouden
    )
    form = BesluitForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        aanvaard = form.cleaned_data["besluit"] == "aanvaard"
        try:
            services.decide_inbreng(
                inbreng=item, door=request.user, aanvaard=aanvaard, reden=form.cleaned_data["reden"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _log_antwoord(request, huishouden, "inbreng", item)
            return htmx.go_to(
                request, reverse("casussen:plan", args=[pk]), "Uw reactie is vastgelegd."
            )
    context = {"huishouden": huishouden, "inbreng": item, "form": form}
    return render(request, "inwoner/inbreng_besluit.html", context)


@GET_POST
def avg_antwoord(request: HttpRequest, pk: int, verzoek_pk: int) -> HttpResponse:
    huishouden = _team_huishouden(request, pk, "avg_verzoek", verzoek_pk)
    verzoek = get_object_or_404(
        AvgVerzoek.objects.select_related("lid"), pk=verzoek_pk, huishouden=huishouden
    )
    form = AvgAntwoordForm(request.POST if request.method == "POST" else None, verzoek=verzoek)
    if form.is_valid():
        try:
            services.answer_avg(verzoek=verzoek, door=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _log_antwoord(request, huishouden, "avg_verzoek", verzoek)
            return htmx.go_to(request, huishouden.get_absolute_url(), "Het antwoord is vastgelegd.")
    context = {"huishouden": huishouden, "verzoek": verzoek, "form": form}
    return render(request, "inwoner/avg_antwoord.html", context)
