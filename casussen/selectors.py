"""Reads of plans: the plan page in a constant number of queries, its signals, and the
caseload on Mijn werk (one query per block, whatever the number of households).

Households are always loaded through `huishoudens.selectors` (team scoping, access log);
the caseload filters through `Huishouden.objects.visible_to(user)` in the same query.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import (
    Case,
    Exists,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone

from casussen.models import Actie, Doel, Plan, Planversie, Planwijziging, Termijn, Veiligheidszorg
from huishoudens.models import Huishouden, Lid, Score
from huishoudens.selectors import Domeinmatrix, domeinmatrix


def plan_van(huishouden: Huishouden) -> Plan | None:
    """The plan of a household loaded with `select_related("plan")`, or None."""
    try:
        return huishouden.plan
    except Plan.DoesNotExist:
        return None


# --- signals ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signaal:
    soort: str  # matrix, basisbehoefte, veiligheid, termijn, evaluatie
    titel: str
    tekst: str
    ernstig: bool = False


def signalen(
    *,
    matrix: Domeinmatrix,
    doelen: list[Doel],
    termijnen: list[Termijn],
    veiligheidszorg: Veiligheidszorg | None,
    vandaag: datetime.date,
) -> list[Signaal]:
    """What needs attention in this plan, most serious first. Pure: no queries."""
    result: list[Signaal] = []
    if veiligheidszorg is not None:
        kader = (
            f" Dwangkader: {veiligheidszorg.get_dwangkader_display()}."
            if veiligheidszorg.dwangkader
            else ""
        )
        result.append(
            Signaal(
                "veiligheid",
                "Veiligheidszorg",
                f"Gemeld op {timezone.localtime(veiligheidszorg.gemeld_op):%d-%m-%Y}.{kader} "
                "De teamleider is op de hoogte gebracht.",
                ernstig=True,
            )
        )
    for termijn in termijnen:
        if termijn.voldaan_op is None and termijn.is_te_laat(vandaag):
            result.append(
                Signaal(
                    "termijn",
                    "Wettelijke termijn verstreken",
                    f"{termijn.omschrijving}: uiterlijk {termijn.uiterlijk_op:%d-%m-%Y} "
                    f"({termijn.wet}).",
                    ernstig=True,
                )
            )
    # Principle 7: basic needs first. A low score on a basic-needs domain (Financiën,
    # Huisvesting) without an open goal on that domain is a signal.
    met_doel = {
        domein.pk for doel in doelen if doel.is_actief for domein in doel.leefdomeinen.all()
    }
    for domein in matrix.leefdomeinen:
        if not domein.basisbehoefte or domein.pk in met_doel:
            continue
        laag = [(lid, score) for lid, score in matrix.actuele_score(domein.code) if score <= 2]
        if laag:
            wie = ", ".join(
                f"{lid.voornamen.split()[0]} ({score}, {Score(score).label.lower()})"
                for lid, score in laag
            )
            result.append(
                Signaal(
                    "basisbehoefte",
                    f"Basisbehoefte eerst: {domein.naam}",
                    f"{domein.naam} scoort laag bij {wie}, en er is geen open doel op "
                    f"{domein.naam}. Begin bij het begin: inkomen en wonen.",
                    ernstig=True,
                )
            )
    if not matrix.is_compleet:
        ontbrekend = len(matrix.ontbrekend)
        result.append(
            Signaal(
                "matrix",
                "Domeinmatrix niet compleet",
                f"{ontbrekend} van de {matrix.totaal} beoordelingen ontbreken of zijn "
                "verouderd. Vaststellen kan pas met een complete matrix, of met een reden.",
            )
        )
    te_laat = [
        actie
        for doel in doelen
        if doel.is_actief
        for actie in doel.acties.all()
        if actie.evaluatie_te_laat(vandaag)
    ]
    if te_laat:
        result.append(
            Signaal(
                "evaluatie",
                "Evaluatie verlopen",
                f"{len(te_laat)} "
                f"{'actie had' if len(te_laat) == 1 else 'acties hadden'} al geëvalueerd "
                f"moeten zijn (oudste: {min(a.evaluatiedatum for a in te_laat):%d-%m-%Y}).",
            )
        )
    return result


# --- the plan page ---------------------------------------------------------------------------


@dataclass
class Versieregel:
    versie: Planversie
    wijzigingen: list[Planwijziging]


@dataclass
class PlanOverzicht:
    huishouden: Huishouden
    plan: Plan
    matrix: Domeinmatrix
    doelen: list[Doel]
    termijnen: list[Termijn]
    veiligheidszorg: Veiligheidszorg | None
    geschiedenis: list[Versieregel]
    overige_wijzigingen: list[Planwijziging]
    signalen: list[Signaal]
    laatste_wijziging: int
    vandaag: datetime.date
    kosten_per_wet: list[tuple[str, Decimal]] = field(default_factory=list)

    @property
    def huidige_versie(self) -> Planversie | None:
        return self.geschiedenis[0].versie if self.geschiedenis else None

    @property
    def laatst_vastgesteld(self) -> Planversie | None:
        return next(
            (
                regel.versie
                for regel in self.geschiedenis
                if regel.versie.status != Plan.Status.CONCEPT
            ),
            None,
        )

    @property
    def volgende_evaluatie(self) -> datetime.date | None:
        datums = [
            actie.evaluatiedatum
            for doel in self.doelen
            if doel.is_actief
            for actie in doel.acties.all()
            if actie.is_actief
        ]
        return min(datums) if datums else None

    @property
    def actieve_doelen(self) -> int:
        return sum(doel.is_actief for doel in self.doelen)


def doelen_van(plan: Plan) -> list[Doel]:
    """Goals with their domains, members and actions: four queries, whatever the count."""
    return list(
        plan.doelen.prefetch_related(
            "leefdomeinen",
            Prefetch("leden", queryset=_leden_qs()),
            Prefetch(
                "acties",
                queryset=Actie.objects.select_related("lid", "dienst__organisatie").order_by(
                    "startdatum", "id"
                ),
            ),
        ).order_by("id")
    )


def _leden_qs():
    return Lid.objects.order_by("geboortedatum", "id")


def plan_overzicht(
    huishouden: Huishouden, plan: Plan, *, vandaag: datetime.date | None = None
) -> PlanOverzicht:
    """Everything the plan page shows, in a constant number of queries (see the tests)."""
    vandaag = vandaag or timezone.localdate()
    matrix = domeinmatrix(huishouden, peildatum=vandaag)
    doelen = doelen_van(plan)
    termijnen = list(plan.termijnen.order_by("voldaan_op", "uiterlijk_op", "id"))
    zorg = (
        plan.veiligheidszorgen.filter(opgeheven_op__isnull=True)
        .select_related("gemeld_door")
        .first()
    )
    versies = list(
        plan.versies.select_related("vastgesteld_door", "akkoord_lid").order_by("-nummer")
    )
    wijzigingen = list(plan.wijzigingen.select_related("gebruiker").order_by("-id"))
    per_versie: dict[int, list[Planwijziging]] = defaultdict(list)
    overige = []
    for wijziging in wijzigingen:
        if wijziging.soort in (Planwijziging.Soort.INHOUD, Planwijziging.Soort.VASTSTELLING):
            per_versie[wijziging.versienummer].append(wijziging)
        else:
            overige.append(wijziging)
    for termijn in termijnen:  # for the template, which cannot pass `vandaag`
        termijn.te_laat = termijn.is_te_laat(vandaag)
        termijn.resterend = termijn.dagen_over(vandaag)
    kosten: dict[str, Decimal] = defaultdict(Decimal)
    for doel in doelen:
        for actie in doel.acties.all():
            actie.evaluatie_verlopen = doel.is_actief and actie.evaluatie_te_laat(vandaag)
            if actie.status != Actie.Status.GESTOPT and actie.kosten:
                kosten[actie.get_wet_display()] += actie.kosten
    laatste = max((w.pk for w in wijzigingen if w.soort == Planwijziging.Soort.INHOUD), default=0)
    return PlanOverzicht(
        huishouden=huishouden,
        plan=plan,
        matrix=matrix,
        doelen=doelen,
        termijnen=termijnen,
        veiligheidszorg=zorg,
        geschiedenis=[Versieregel(versie, per_versie.get(versie.nummer, [])) for versie in versies],
        overige_wijzigingen=overige,
        signalen=signalen(
            matrix=matrix, doelen=doelen, termijnen=termijnen, veiligheidszorg=zorg, vandaag=vandaag
        ),
        laatste_wijziging=laatste,
        vandaag=vandaag,
        kosten_per_wet=sorted(kosten.items()),
    )


# --- the household page's summary ------------------------------------------------------------


@dataclass
class PlanSamenvatting:
    plan: Plan | None
    actieve_doelen: int = 0
    volgende_evaluatie: datetime.date | None = None
    signalen: list[Signaal] = field(default_factory=list)


def plan_samenvatting(
    huishouden: Huishouden, *, matrix: Domeinmatrix | None = None
) -> PlanSamenvatting:
    """For `casussen/_plan_samenvatting.html` on the household page: status, counts and
    signals. Reuses the page's domain matrix when given (no extra queries for it)."""
    vandaag = timezone.localdate()
    plan = Plan.objects.filter(huishouden=huishouden).first()
    if plan is None:
        return PlanSamenvatting(plan=None)
    matrix = matrix or domeinmatrix(huishouden, peildatum=vandaag)
    doelen = doelen_van(plan)
    termijnen = list(plan.termijnen.filter(voldaan_op__isnull=True))
    zorg = plan.veiligheidszorgen.filter(opgeheven_op__isnull=True).first()
    datums = [
        a.evaluatiedatum for d in doelen if d.is_actief for a in d.acties.all() if a.is_actief
    ]
    return PlanSamenvatting(
        plan=plan,
        actieve_doelen=sum(d.is_actief for d in doelen),
        volgende_evaluatie=min(datums) if datums else None,
        signalen=signalen(
            matrix=matrix, doelen=doelen, termijnen=termijnen, veiligheidszorg=zorg, vandaag=vandaag
        ),
    )


# --- Mijn werk: the caseload -----------------------------------------------------------------


@dataclass
class Blok:
    items: list
    totaal: int
    te_laat: int = 0


@dataclass
class Caseload:
    scope: str  # what "mine" means for this user, in Dutch
    huishoudens: Blok
    evaluaties: Blok
    eindigend: Blok
    veiligheid: Blok
    akkoord: Blok
    termijnen: Blok
    vandaag: datetime.date
    einde_week: datetime.date
    veiligheid_scope: str = ""  # "uw team" for a team lead

    @property
    def huishouden_ids(self) -> list[int]:
        """The households the blocks name (all loaded already: no query)."""
        ids = {h.pk for h in self.huishoudens.items}
        ids.update(
            a.doel.plan.huishouden_id for b in (self.evaluaties, self.eindigend) for a in b.items
        )
        ids.update(z.plan.huishouden_id for z in self.veiligheid.items)
        ids.update(p.huishouden_id for p in self.akkoord.items)
        ids.update(t.plan.huishouden_id for t in self.termijnen.items)
        return sorted(ids)


LIJST = 10


def _scoped_households(user) -> tuple[QuerySet, str]:
    """Mijn werk is the work of the user: the households they coordinate (casusregisseur).

    A team lead also coordinates households of their own; the team as a whole reaches
    them through the safety block (team-wide for a lead, principle 5) and notifications,
    not through a caseload of tens of thousands of rows."""
    zichtbaar = Huishouden.objects.visible_to(user).exclude(status=Huishouden.Status.AFGESLOTEN)
    return zichtbaar.filter(casusregisseur=user), "de huishoudens waarvan u casusregisseur bent"


def _telling(queryset: QuerySet) -> Subquery:
    """COUNT(*) of a queryset as a scalar subquery, so all counts share one query."""
    return Subquery(
        queryset.order_by().annotate(_n=Func(F("pk"), function="COUNT")).values("_n")[:1]
    )


def _urgent_en_nieuw(huishoudens: QuerySet, actief: Q, einde_week: datetime.date) -> QuerySet:
    """My households, the most urgent first, then the newest (issue 14: alphabetically a
    new case dropped out of sight): an open safety concern, then an evaluation due this
    week or overdue, then newly registered (aangemeld); within each, the most recently
    registered first. Each carries its next evaluation date (`eerste_evaluatie`)."""
    eerste_evaluatie = (
        Actie.objects.filter(actief, doel__plan__huishouden=OuterRef("pk"))
        .order_by("evaluatiedatum")
        .values("evaluatiedatum")[:1]
    )
    zorg = Veiligheidszorg.objects.filter(
        plan__huishouden=OuterRef("pk"), opgeheven_op__isnull=True
    )
    return huishoudens.annotate(
        eerste_evaluatie=Subquery(eerste_evaluatie),
        zorg_open=Exists(zorg),
        evaluatie_nu=Case(
            When(eerste_evaluatie__lte=einde_week, then=Value(True)),
            default=Value(False),
        ),
        nieuw=Case(
            When(status=Huishouden.Status.AANGEMELD, then=Value(True)), default=Value(False)
        ),
    ).order_by("-zorg_open", "-evaluatie_nu", "-nieuw", "-aangemeld_op", "-id")


def caseload(user, *, vandaag: datetime.date | None = None) -> Caseload | None:
    """Mijn werk for a professional or team lead, in eight queries whatever the numbers:
    the ids of my households, one for all counts, one list per block (the first rows, in
    index order; my households the most urgent and newest first, with their next
    evaluation date)."""
    if not (user.is_professional or user.is_teamleider):
        return None
    vandaag = vandaag or timezone.localdate()
    einde_week = vandaag + datetime.timedelta(days=6 - vandaag.weekday())
    huishoudens, scope = _scoped_households(user)
    # The ids of my households first (one small indexed query, a caseload is tens of
    # households); every block below reads them as one array parameter instead of
    # repeating the scoping subquery, which cost more to compile than to run (Mijn werk
    # at 100 000 households: 73 → 63 ms). An array, not a Python list: an empty list
    # would make Django skip the queries, and the page must cost the same queries for
    # every user.
    eigen_ids = list(huishoudens.values_list("pk", flat=True))
    scoped_ids = RawSQL("SELECT unnest(%s::bigint[])", [eigen_ids])
    actief = Q(doel__status__in=Doel.ACTIEF, status__in=Actie.ACTIEF)
    acties = Actie.objects.filter(actief, doel__plan__huishouden__in=scoped_ids)
    evaluaties = acties.filter(evaluatiedatum__lte=einde_week)
    eindigend = acties.filter(
        einddatum__gte=vandaag, einddatum__lte=vandaag + datetime.timedelta(days=30)
    )
    if user.is_teamleider:
        # the lead is notified of every safety concern of the team and watches them all
        zorgen = Veiligheidszorg.objects.filter(
            opgeheven_op__isnull=True,
            plan__huishouden__in=Huishouden.objects.visible_to(user)
            .filter(team_id__in=user.team_ids)
            .values("pk"),
        )
        veiligheid_scope = "uw team"
    else:
        zorgen = Veiligheidszorg.objects.filter(
            opgeheven_op__isnull=True, plan__huishouden__in=scoped_ids
        )
        veiligheid_scope = ""
    akkoord = Plan.objects.filter(status=Plan.Status.CONCEPT, huishouden__in=scoped_ids).filter(
        Exists(Doel.objects.filter(plan=OuterRef("pk"), status__in=Doel.ACTIEF))
    )
    open_termijnen = Termijn.objects.filter(
        voldaan_op__isnull=True, plan__huishouden__in=scoped_ids
    )
    tellingen = (
        get_user_model()
        ._default_manager.filter(pk=user.pk)
        .values(
            evaluaties=_telling(evaluaties),
            evaluaties_te_laat=_telling(evaluaties.filter(evaluatiedatum__lt=vandaag)),
            eindigend=_telling(eindigend),
            veiligheid=_telling(zorgen),
            akkoord=_telling(akkoord),
            termijnen=_telling(open_termijnen),
            termijnen_te_laat=_telling(open_termijnen.filter(uiterlijk_op__lt=vandaag)),
        )
        .get()
    )
    eigen = list(_urgent_en_nieuw(huishoudens, actief, einde_week)[:LIJST].select_related("plan"))
    for huishouden in eigen:
        huishouden.volgende_evaluatie = huishouden.eerste_evaluatie
    met_huishouden = ("doel__plan__huishouden", "lid")
    return Caseload(
        scope=scope,
        huishoudens=Blok(eigen, len(eigen_ids)),
        evaluaties=Blok(
            list(
                evaluaties.select_related(*met_huishouden).order_by("evaluatiedatum", "id")[:LIJST]
            ),
            tellingen["evaluaties"],
            tellingen["evaluaties_te_laat"],
        ),
        eindigend=Blok(
            list(eindigend.select_related(*met_huishouden).order_by("einddatum", "id")[:LIJST]),
            tellingen["eindigend"],
        ),
        veiligheid=Blok(
            list(
                zorgen.select_related("plan__huishouden", "gemeld_door").order_by(
                    "gemeld_op", "id"
                )[:LIJST]
            ),
            tellingen["veiligheid"],
        ),
        akkoord=Blok(
            list(akkoord.select_related("huishouden").order_by("gewijzigd_op", "id")[:LIJST]),
            tellingen["akkoord"],
        ),
        termijnen=Blok(
            list(
                open_termijnen.select_related("plan__huishouden").order_by("uiterlijk_op", "id")[
                    :LIJST
                ]
            ),
            tellingen["termijnen"],
            tellingen["termijnen_te_laat"],
        ),
        vandaag=vandaag,
        einde_week=einde_week,
        veiligheid_scope=veiligheid_scope,
    )
