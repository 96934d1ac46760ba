"""The plan page and its inline forms (HTMX, and every one also a full page).

Each view loads the household through `huishoudens.selectors` (team scoping, access log;
404 for other teams, 403 for read-only users on writes), finds the plan and its objects
within that household, binds a form and calls one function of `casussen.services`.
A plain POST redirects to the plan; an htmx POST from the plan page answers with the
re-rendered plan (retargeted to #plan), from the form's own page with `HX-Redirect` to the
plan (`htmx.swap_or_go_to`), or, when invalid, with the form and its errors (status 200).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from casussen import services
from casussen.forms import (
    ActieForm,
    AkkoordForm,
    DoelForm,
    EigenWoordenForm,
    OpheffenForm,
    TermijnForm,
    TermijnVoldaanForm,
    VeiligheidForm,
)
from casussen.models import Actie, Doel, Plan, Termijn, Veiligheidszorg
from casussen.selectors import plan_overzicht, plan_van
from huishoudens.forms import StatusForm
from huishoudens.models import Huishouden
from huishoudens.selectors import (
    domeinmatrix,
    huishouden_for_change,
    huishouden_for_view,
    log_change,
)
from sociaaldomein import htmx
from sociaaldomein.accesslog import Actie as LogActie
from sociaaldomein.concurrency import VersionConflict
from sociaaldomein.extensions import panels
from sociaaldomein.forms import apply_errors, conflict_rows
from socialekaart.selectors import actieve_dienst, suggesties

GET_POST = require_http_methods(["GET", "POST"])


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _households():
    return Huishouden.objects.select_related("plan", "team", "casusregisseur")


def _plan_context(request: HttpRequest, huishouden: Huishouden, **extra) -> dict:
    plan = plan_van(huishouden)
    kan_wijzigen = huishouden.can_edit(request.user)
    context = {"huishouden": huishouden, "plan": plan, "kan_wijzigen": kan_wijzigen, **extra}
    context["kan_opheffen"] = Veiligheidszorg.can_clear(request.user, team_id=huishouden.team_id)
    if plan is not None:
        overzicht = plan_overzicht(huishouden, plan)
        context["o"] = overzicht
        context["panels"] = panels(
            "plan", user=request.user, huishouden=huishouden, plan=plan, overzicht=overzicht
        )
    return context


@require_http_methods(["GET"])
def plan(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    huishouden = huishouden_for_view(
        request, huishouden_pk, onderwerp="plan", queryset=_households(), log=False
    )
    context = _plan_context(request, huishouden)
    # the access log names the members whose data the plan page shows
    leden = [lid.pk for lid in context["o"].matrix.leden] if "o" in context else []
    log_change(request, huishouden, onderwerp="plan", leden=leden, actie=LogActie.BEKEKEN)
    return htmx.page(request, "casussen/plan.html", "plan", context)


@require_POST
def starten(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    """'Plan starten': never on GET. Idempotent: an existing plan is left as it is."""
    huishouden = huishouden_for_change(
        request, huishouden_pk, onderwerp="plan", queryset=_households()
    )
    try:
        nieuw = services.start_plan(huishouden=huishouden, door=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        log_change(
            request, huishouden, onderwerp="plan", object_id=nieuw.pk, actie=LogActie.AANGEMAAKT
        )
    return redirect("casussen:plan", huishouden_pk=huishouden.pk)


# --- the shared form flow --------------------------------------------------------------------


def _load(request: HttpRequest, huishouden_pk: int, onderwerp: str) -> tuple[Huishouden, Plan]:
    """The household (editable by this user) and its plan; 404 without a plan."""
    huishouden = huishouden_for_change(
        request, huishouden_pk, onderwerp=onderwerp, queryset=_households()
    )
    plan = plan_van(huishouden)
    if plan is None:
        raise Http404("Dit huishouden heeft nog geen plan")
    return huishouden, plan


def _formulier(
    request: HttpRequest,
    *,
    huishouden: Huishouden,
    form,
    write: Callable[[dict], object],
    titel: str,
    form_id: str,
    onderwerp: str,
    gelukt: str,
    fresh_form: Callable[[object], object] | None = None,
    extra: dict | None = None,
    bij_formulier: Callable[[], dict] | None = None,
) -> HttpResponse:
    """The shared flow of every plan form: bind, call one service, answer (see below).
    `bij_formulier` adds what shows next to the form, only when the form is shown."""
    context = {"huishouden": huishouden, "form": form, "titel": titel, "form_id": form_id}
    context.update(knop="Vastleggen" if form_id in {"akkoord", "veiligheid"} else "Opslaan")
    context.update(extra or {})
    if request.method == "POST" and form.is_valid():
        obj = _write(context, form, write, fresh_form)
        if obj is not None:
            pk = getattr(obj, "pk", None)
            log_change(request, huishouden, onderwerp=onderwerp, object_id=pk or "")
            return _na_opslaan(request, huishouden, gelukt, focus=(onderwerp, pk))
    # the form page, also when a POST comes back with its errors: a look at the household
    context.update(bij_formulier() if bij_formulier else {})
    log_change(request, huishouden, onderwerp=onderwerp, actie=LogActie.BEKEKEN)
    return htmx.page(request, "casussen/formulier.html", "formulier", context)


def _write(context: dict, form, write, fresh_form):
    """Call the service; on a refusal put the reason in the context and return None."""
    try:
        return write(form.cleaned_data)
    except ValidationError as error:
        apply_errors(form, error)
    except VersionConflict as conflict:
        context["conflict"] = conflict_rows(form, conflict.current)
        context["form"] = fresh_form(conflict.current) if fresh_form else form
    except services.PlanGewijzigd:
        context["plan_gewijzigd"] = True
    return None


def _na_opslaan(
    request: HttpRequest, huishouden: Huishouden, gelukt: str, focus: tuple
) -> HttpResponse:
    """On the plan page the plan redrawn (with the message); from the form's own page, or
    without htmx, to the plan page."""

    def plan_bijgewerkt() -> HttpResponse:
        fresh = _households().get(pk=huishouden.pk)  # status and version may have moved
        context = _plan_context(request, fresh, melding=gelukt, focus=focus)
        return render(request, "casussen/plan.html#plan-bijgewerkt", context)

    url = reverse("casussen:plan", args=[huishouden.pk])
    return htmx.swap_or_go_to(
        request, url=url, target="#plan", part=plan_bijgewerkt, message=gelukt
    )


# --- own words -------------------------------------------------------------------------------


@GET_POST
def eigen_woorden(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    huishouden, plan = _load(request, huishouden_pk, "plan")
    form = EigenWoordenForm(_data(request), instance=plan)
    return _formulier(
        request,
        huishouden=huishouden,
        form=form,
        write=lambda data: services.save_eigen_woorden(plan=plan, door=request.user, **data),
        titel="In de eigen woorden van het huishouden",
        form_id="eigen-woorden",
        onderwerp="plan",
        gelukt="De eigen woorden zijn opgeslagen.",
        fresh_form=lambda current: EigenWoordenForm(instance=current),
    )


# --- goals -----------------------------------------------------------------------------------


@GET_POST
def doel_nieuw(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    huishouden, plan = _load(request, huishouden_pk, "doel")
    form = DoelForm(_data(request), instance=Doel(plan=plan), huishouden=huishouden, nieuw=True)
    return _formulier(
        request,
        huishouden=huishouden,
        form=form,
        write=lambda data: services.add_doel(plan=plan, door=request.user, **data),
        titel="Doel toevoegen",
        form_id="doel-nieuw",
        onderwerp="doel",
        gelukt="Het doel is toegevoegd.",
    )


@GET_POST
def doel_wijzigen(request: HttpRequest, huishouden_pk: int, doel_pk: int) -> HttpResponse:
    huishouden, plan = _load(request, huishouden_pk, "doel")
    doel = get_object_or_404(Doel, pk=doel_pk, plan=plan)
    form = DoelForm(_data(request), instance=doel, huishouden=huishouden, nieuw=False)
    return _formulier(
        request,
        huishouden=huishouden,
        form=form,
        write=lambda data: services.change_doel(doel=doel, door=request.user, **data),
        titel="Doel wijzigen",
        form_id=f"doel-{doel.pk}",
        onderwerp="doel",
        gelukt="Het doel is gewijzigd.",
        fresh_form=lambda current: DoelForm(instance=current, huishouden=huishouden, nieuw=False),
    )


# --- actions ---------------------------------------------------------------------------------

SUGGESTIES = 5


def _suggesties(request: HttpRequest, huishouden: Huishouden, doel: Doel, actie=None):
    """Below the action form: services of the sociale kaart for the goal's life domains,
    ranked (voorliggend, domains covered, the household's wijk); one query."""

    def context() -> dict:
        return {
            "actie": actie,
            "suggesties": suggesties(
                doel.leefdomeinen.values("pk"), wijk=huishouden.wijk, limiet=SUGGESTIES
            ),
            "panels": panels(
                "actie_formulier", user=request.user, huishouden=huishouden, actie=actie
            ),
        }

    return context


def _gekozen_dienst(request: HttpRequest, actie: Actie) -> dict:
    """'Kies deze dienst' without JavaScript: `?dienst=<id>` preselects an active service
    on the form (and a provider as who does it, when the action has no fitting one)."""
    dienst = actieve_dienst(request.GET.get("dienst", "")) if request.method == "GET" else None
    if dienst is None:
        return {}
    initial = {"dienst": dienst.pk}
    if actie.uitvoerder not in Actie.MET_DIENST:
        initial["uitvoerder"] = (
            Actie.Uitvoerder.VOORLIGGEND if dienst.voorliggend else Actie.Uitvoerder.AANBIEDER
        )
    return initial


@GET_POST
def actie_nieuw(request: HttpRequest, huishouden_pk: int, doel_pk: int) -> HttpResponse:
    huishouden, plan = _load(request, huishouden_pk, "actie")
    doel = get_object_or_404(Doel, pk=doel_pk, plan=plan)
    actie = Actie(doel=doel)
    form = ActieForm(
        _data(request),
        instance=actie,
        initial=_gekozen_dienst(request, actie),
        huishouden=huishouden,
        nieuw=True,
    )
    return _formulier(
        request,
        huishouden=huishouden,
        form=form,
        write=lambda data: services.add_actie(doel=doel, door=request.user, **data),
        titel=f"Actie toevoegen bij ‘{doel.omschrijving}’",
        form_id=f"actie-nieuw-{doel.pk}",
        onderwerp="actie",
        gelukt="De actie is toegevoegd.",
        bij_formulier=_suggesties(request, huishouden, doel),
    )


@GET_POST
def actie_wijzigen(request: HttpRequest, huishouden_pk: int, actie_pk: int) -> HttpResponse:
    huishouden, plan = _load(request, huishouden_pk, "actie")
    actie = get_object_or_404(
        Actie.objects.select_related("doel__plan"), pk=actie_pk, doel__plan=plan
    )
    form = ActieForm(
        _data(request),
        instance=actie,
        initial=_gekozen_dienst(request, actie),
        huishouden=huishouden,
        nieuw=False,
    )
    return _formulier(
        request,
        huishouden=huishouden,
        form=form,
        write=lambda data: services.change_actie(actie=actie, door=request.user, **data),
        titel="Actie wijzigen",
        form_id=f"actie-{actie.pk}",
        onderwerp="actie",
        gelukt="De actie is gewijzigd.",
        fresh_form=lambda current: ActieForm(instance=current, huishouden=huishouden, nieuw=False),
        bij_formulier=_suggesties(request, huishouden, actie.doel, actie),
    )


# --- agreement -------------------------------------------------------------------------------


@GET_POST
def akkoord(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    huishouden, plan = _load(request, huishouden_pk, "plan")
    matrix = domeinmatrix(huishouden)
    form = AkkoordForm(
        _data(request),
        initial={"gezien_tot": services.laatste_inhoudswijziging(plan)},
        huishouden=huishouden,
        matrix_compleet=matrix.is_compleet,
    )

    def write(data: dict):
        uitkomst = data.pop("uitkomst")
        return services.record_agreement(
            plan=plan, door=request.user, akkoord=uitkomst == "akkoord", **data
        )

    return _formulier(
        request,
        huishouden=huishouden,
        form=form,
        write=write,
        titel=f"Akkoord van het huishouden vastleggen (versie {plan.versienummer})",
        form_id="akkoord",
        onderwerp="plan",
        gelukt="Het akkoord van het huishouden is vastgelegd.",
        extra={"matrix": matrix},
    )


# --- safety ----------------------------------------------------------------------------------


@GET_POST
def veiligheid(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    huishouden, plan = _load(request, huishouden_pk, "veiligheid")
    form = VeiligheidForm(
        _data(request), instance=Veiligheidszorg(plan=plan, gemeld_door=request.user)
    )
    return _formulier(
        request,
        huishouden=huishouden,
        form=form,
        write=lambda data: services.report_safety_concern(plan=plan, door=request.user, **data),
        titel="Veiligheidszorg melden",
        form_id="veiligheid",
        onderwerp="veiligheid",
        gelukt="De veiligheidszorg is vastgelegd en de teamleider is op de hoogte gebracht.",
    )


@GET_POST
def veiligheid_opheffen(request: HttpRequest, huishouden_pk: int, zorg_pk: int) -> HttpResponse:
    huishouden, plan = _load(request, huishouden_pk, "veiligheid")
    if not Veiligheidszorg.can_clear(request.user, team_id=huishouden.team_id):
        raise PermissionDenied("Alleen het eigen team van het huishouden heft een zorg op.")
    zorg = get_object_or_404(Veiligheidszorg, pk=zorg_pk, plan=plan, opgeheven_op__isnull=True)
    return _formulier(
        request,
        huishouden=huishouden,
        form=OpheffenForm(_data(request)),
        write=lambda data: services.clear_safety_concern(zorg=zorg, door=request.user, **data),
        titel="Veiligheidszorg opheffen",
        form_id="veiligheid",
        onderwerp="veiligheid",
        gelukt="De veiligheidszorg is opgeheven.",
        extra={"zorg": zorg},
    )


# --- statutory deadlines ---------------------------------------------------------------------


@GET_POST
def termijn_nieuw(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    huishouden, plan = _load(request, huishouden_pk, "termijn")
    return _formulier(
        request,
        huishouden=huishouden,
        form=TermijnForm(_data(request)),
        write=lambda data: services.add_termijn(plan=plan, door=request.user, **data),
        titel="Wettelijke termijn toevoegen",
        form_id="termijn-nieuw",
        onderwerp="termijn",
        gelukt="De termijn is toegevoegd.",
    )


@GET_POST
def termijn_voldaan(request: HttpRequest, huishouden_pk: int, termijn_pk: int) -> HttpResponse:
    huishouden, plan = _load(request, huishouden_pk, "termijn")
    termijn = get_object_or_404(Termijn, pk=termijn_pk, plan=plan)
    return _formulier(
        request,
        huishouden=huishouden,
        form=TermijnVoldaanForm(_data(request)),
        write=lambda data: services.meet_termijn(termijn=termijn, door=request.user, **data),
        titel=f"Termijn voldaan: {termijn.omschrijving}",
        form_id=f"termijn-{termijn.pk}",
        onderwerp="termijn",
        gelukt="De termijn is als voldaan vastgelegd.",
        extra={"termijn": termijn},
    )


# --- the household's status: activating it starts its plan --------------------------------------


@GET_POST
def status(request: HttpRequest, huishouden_pk: int) -> HttpResponse:
    """aangemeld → actief (the plan starts), actief → afgesloten, and reopening."""
    huishouden = huishouden_for_change(request, huishouden_pk, onderwerp="status")
    naar = request.POST.get("naar") or request.GET.get("naar") or ""
    form = StatusForm(_data(request), huishouden=huishouden, naar=naar)
    if request.method == "GET":
        log_change(request, huishouden, onderwerp="status", actie=LogActie.BEKEKEN)
    elif form.is_valid():
        try:
            _change_status(huishouden, form.cleaned_data, door=request.user)
        except VersionConflict:
            form.add_error(None, "Iemand anders heeft de status intussen gewijzigd.")
        except ValidationError as error:
            apply_errors(form, error)
        else:
            log_change(request, huishouden, onderwerp="status")
            label = huishouden.get_status_display().lower()
            return htmx.go_to(request, huishouden.get_absolute_url(), f"Het huishouden is {label}.")
    context = {"huishouden": huishouden, "form": form, "naar": form["naar"].value() or naar}
    return htmx.page(request, "casussen/status.html", "status-formulier", context)


def _change_status(huishouden: Huishouden, data: dict, *, door) -> None:
    kwargs = {"huishouden": huishouden, "versie": data["versie"], "op": data["datum"], "door": door}
    if data["naar"] == Huishouden.Status.ACTIEF:
        services.activate_huishouden(**kwargs, reden=data.get("reden", ""))
    else:
        services.close_huishouden(**kwargs, reden=data["reden"])
