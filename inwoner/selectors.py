"""Reads for the member's own pages, and for the staff panels of this app.

Privacy inside the household is decided here, once: a member sees the goals for them or
for the household as a whole, of those the actions for them or for the whole goal, the
plan's versions, and their own contributions and requests. Safety concerns (and their
dwangkader), assessments of other members and the professional's history of the plan's
content are never read for a member: this module asks only for what may be shown
(a whitelist), so a new kind of record stays hidden until someone decides to show it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from casussen.models import Actie, Doel, Plan, Planversie
from casussen.services import laatste_inhoudswijziging
from huishoudens.models import Beoordeling, Huishouden
from inwoner.models import AvgVerzoek, Inbreng, Lidaccount
from sociaaldomein.models import Toegangslog, User
from toetsing.models import Toets


def account_van(request) -> Lidaccount:
    """The member's own account (with their member and household), or 403: staff and
    members who left the household have no Mijn plan."""
    account = (
        Lidaccount.objects.select_related("lid__huishouden__team", "user")
        .filter(user_id=request.user.pk)
        .first()
    )
    if account is None or not request.user.is_inwoner or not account.is_geldig:
        raise PermissionDenied("Mijn plan is er alleen voor leden van een huishouden.")
    return account


def plan_van(huishouden: Huishouden) -> Plan | None:
    return Plan.objects.filter(huishouden=huishouden).first()


def zichtbare_doelen(account: Lidaccount, plan: Plan) -> QuerySet[Doel]:
    """Goals for this member or the household as a whole, with the actions for this
    member or for the whole goal (never an action for another member)."""
    lid = account.lid
    acties = (
        Actie.objects.filter(Q(lid__isnull=True) | Q(lid=lid))
        .select_related("dienst__organisatie")
        .order_by("startdatum", "id")
    )
    return (
        plan.doelen.filter(Q(heel_huishouden=True) | Q(leden=lid))
        .distinct()
        .prefetch_related("leefdomeinen", Prefetch("acties", queryset=acties))
        .order_by("id")
    )


@dataclass
class MijnPlan:
    account: Lidaccount
    plan: Plan | None
    doelen: list[Doel] = field(default_factory=list)
    versies: list[Planversie] = field(default_factory=list)
    inbreng: list[Inbreng] = field(default_factory=list)
    gezien_tot: int = 0

    @property
    def lid(self):
        return self.account.lid

    @property
    def huishouden(self):
        return self.account.lid.huishouden

    @property
    def huidige_versie(self) -> Planversie | None:
        return self.versies[0] if self.versies else None

    @property
    def kan_akkoord_geven(self) -> bool:
        return self.plan is not None and self.plan.status != Plan.Status.VASTGESTELD

    @property
    def akkoord_versie(self) -> Planversie | None:
        """The latest version the household agreed to."""
        return next((v for v in self.versies if v.status == Plan.Status.VASTGESTELD), None)


def mijn_plan(account: Lidaccount) -> MijnPlan:
    """Everything the Mijn plan page shows, in a constant number of queries."""
    plan = plan_van(account.lid.huishouden)
    if plan is None:
        return MijnPlan(account=account, plan=None)
    return MijnPlan(
        account=account,
        plan=plan,
        doelen=list(zichtbare_doelen(account, plan)),
        versies=list(plan.versies.select_related("akkoord_lid").order_by("-nummer")),
        inbreng=list(Inbreng.objects.filter(plan=plan, lid=account.lid)),
        gezien_tot=laatste_inhoudswijziging(plan),
    )


# --- who looked at my data ----------------------------------------------------------------


@dataclass(frozen=True)
class Inzage:
    tijdstip: datetime.datetime
    organisatie: str
    rol: str
    actie: str
    doel: str
    doorbraak: bool
    reden: str
    naam: str  # empty unless settings.INWONER_NAMEN_IN_LOG


def _log_van(account: Lidaccount) -> QuerySet[Toegangslog]:
    """Entries about this member or about the household as a whole (not the ones about
    another member only), but for the member's own looks and refused attempts."""
    return (
        Toegangslog.objects.filter(huishoudens__contains=[account.lid.huishouden_id])
        .filter(Q(leden__len=0) | Q(leden__contains=[account.lid_id]))
        .exclude(gebruiker_id=account.user_id)
        .exclude(actie=Toegangslog.Actie.GEWEIGERD)
        .order_by("-volgnummer")
    )


def wie_bekeek(account: Lidaccount, *, limit: int = 200) -> list[Inzage]:
    namen = settings.INWONER_NAMEN_IN_LOG
    return [
        Inzage(
            tijdstip=entry.tijdstip,
            organisatie=entry.team or settings.GEMEENTE_NAAM,
            rol=entry.rol,
            actie=entry.get_actie_display(),
            doel=entry.get_doel_display(),
            doorbraak=entry.uitzonderlijk,
            reden=entry.reden if entry.uitzonderlijk else "",
            naam=entry.gebruikersnaam if namen else "",
        )
        for entry in _log_van(account)[:limit]
    ]


# --- the art. 15 package -----------------------------------------------------------------


@dataclass
class Inzagepakket:
    plan: MijnPlan
    beoordelingen: list[Beoordeling]
    besluiten: list[Toets]
    verzoeken: list[AvgVerzoek]
    log: list[Inzage]
    gemaakt_op: datetime.datetime

    @property
    def lid(self):
        return self.plan.lid

    @property
    def huishouden(self):
        return self.plan.huishouden


def inzagepakket(account: Lidaccount) -> Inzagepakket:
    """All data about this member (AVG art. 15), none about another member."""
    plan = mijn_plan(account)
    actie_ids = [actie.pk for doel in plan.doelen for actie in doel.acties.all()]
    return Inzagepakket(
        plan=plan,
        beoordelingen=list(
            Beoordeling.objects.filter(lid=account.lid)
            .select_related("leefdomein")
            .order_by("leefdomein__volgorde", "-beoordeeld_op", "-id")
        ),
        besluiten=list(
            Toets.objects.filter(actie_id__in=actie_ids, status=Toets.Status.INGEDIEND).order_by(
                "-ingediend_op"
            )
        ),
        verzoeken=list(AvgVerzoek.objects.filter(lid=account.lid)),
        log=wie_bekeek(account, limit=1000),
        gemaakt_op=timezone.now(),
    )


# --- staff panels ---------------------------------------------------------------------------


def inbreng_op_plan(plan: Plan) -> list[Inbreng]:
    return list(
        Inbreng.objects.filter(plan=plan)
        .select_related("lid", "besloten_door")
        .order_by("status", "-ingediend_op")[:20]
    )


def avg_verzoeken_van(huishouden: Huishouden) -> list[AvgVerzoek]:
    return list(AvgVerzoek.objects.filter(huishouden=huishouden).select_related("lid"))


@dataclass
class Reacties:
    """What households told their casusregisseur through Mijn plan: open contributions,
    open AVG requests (with their deadline) and recent digital agreements."""

    inbreng: list[Inbreng]
    verzoeken: list[AvgVerzoek]
    akkoorden: list[Planversie]
    vandaag: datetime.date = field(default_factory=timezone.localdate)

    @property
    def huishouden_ids(self) -> tuple[int, ...]:
        ids = {i.plan.huishouden_id for i in self.inbreng}
        ids |= {v.huishouden_id for v in self.verzoeken}
        ids |= {a.plan.huishouden_id for a in self.akkoorden}
        return tuple(sorted(ids))

    def __bool__(self) -> bool:
        return bool(self.inbreng or self.verzoeken or self.akkoorden)


def reacties_voor(user: User, *, dagen: int = 14) -> Reacties:
    """For the casusregisseur's Mijn werk: three queries, whatever the caseload."""
    if not user.is_caseworker:
        return Reacties([], [], [])
    eigen = Huishouden.objects.visible_to(user).filter(casusregisseur=user).values("pk")
    sinds = timezone.now() - datetime.timedelta(days=dagen)
    return Reacties(
        inbreng=list(
            Inbreng.objects.filter(status=Inbreng.Status.OPEN, plan__huishouden__in=eigen)
            .select_related("plan__huishouden", "lid")
            .order_by("ingediend_op")[:50]
        ),
        verzoeken=list(
            AvgVerzoek.objects.filter(status=AvgVerzoek.Status.OPEN, huishouden__in=eigen)
            .select_related("huishouden", "lid")
            .order_by("uiterlijk_op")[:50]
        ),
        akkoorden=list(
            Planversie.objects.filter(
                wijze=Planversie.Wijze.DIGITAAL,
                vastgesteld_op__gte=sinds,
                plan__huishouden__in=eigen,
            )
            .select_related("plan__huishouden", "akkoord_lid")
            .order_by("-vastgesteld_op")[:20]
        ),
    )
