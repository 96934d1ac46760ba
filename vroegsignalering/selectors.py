"""Reads of vroegsignalering: the queue, a zaak, the panels on the plan and Mijn werk, the
monitor. Each in a fixed number of queries, whatever the number of signals."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import TruncMonth
from django.http import Http404

from huishoudens.models import Huishouden
from sociaaldomein.accesslog import log_denied
from sociaaldomein.models import Team
from vroegsignalering.models import (
    Aanlevering,
    Eindresultaat,
    Partnersoort,
    Vroegsignaal,
    Vroegsignaalzaak,
)

PER_PAGINA = 25
MAX_GETELD = 1000


class BeperktePaginator(Paginator):
    """Counts at most MAX_GETELD + 1 rows: a queue of 50 000 costs what one of 1 000 does
    (the page says "meer dan 1.000"); the queue is worked from the top."""

    @cached_property
    def count(self) -> int:
        return self.object_list[: MAX_GETELD + 1].count()

    @property
    def meer_dan_max(self) -> bool:
        return self.count > MAX_GETELD


SIGNAAL_VELDEN = ("id", "zaak_id", "partnersoort", "bedrag", "signaaldatum", "crisis", "referentie")


def _met_signalen(qs):
    return qs.prefetch_related(
        Prefetch(
            "signalen",
            queryset=Vroegsignaal.objects.only(*SIGNAAL_VELDEN).order_by("-signaaldatum", "id"),
        )
    )


def team_for_queue(request, team_pk: int) -> Team:
    """The team whose queue this user may see, or 404 (logged): another team's queue
    does not exist for them."""
    if not Vroegsignaalzaak.can_view_queue(request.user, team_pk):
        log_denied(request, onderwerp="vroegsignalering", object_id=f"team {team_pk}")
        raise Http404("Geen wachtrij van uw team")
    team = Team.objects.filter(pk=team_pk).first()
    if team is None:
        raise Http404("Team niet gevonden")
    return team


def wachtrij(team: Team, pagina) -> object:
    """The open zaken of the team that no plan takes up: crisis signals on top, then by
    first-contact deadline (the partial index `vszaak_wachtrij_team` answers it in order)."""
    zaken = _met_signalen(
        Vroegsignaalzaak.objects.open()
        .filter(team=team, via_plan=False)
        .order_by("-crisis", "uiterlijk_contact_op", "id")
    )
    return BeperktePaginator(zaken, PER_PAGINA).get_page(pagina)


def zaak_for_view(request, pk: int, *, werk: bool = False) -> Vroegsignaalzaak:
    """A zaak the user may see (404 otherwise, logged); with `werk`, one they may work on
    (an auditor sees it but gets 403 from the caller)."""
    zaak = (
        Vroegsignaalzaak.objects.visible_to(request.user)
        .select_related("team", "huishouden")
        .filter(pk=pk)
        .first()
    )
    if zaak is None:
        log_denied(request, onderwerp="vroegsignaal", object_id=pk)
        raise Http404("Zaak niet gevonden")
    return zaak


def zaak_details(zaak: Vroegsignaalzaak) -> dict:
    return {
        "signalen": list(zaak.signalen.select_related("partner").order_by("-signaaldatum", "id")),
        "pogingen": list(zaak.contactpogingen.select_related("door")),
    }


def zaak_for_plan(request, pk: int) -> Vroegsignaalzaak:
    """A zaak on the plan of a household this user may change, or 404 (logged)."""
    zaak = (
        Vroegsignaalzaak.objects.filter(
            pk=pk, via_plan=True, huishouden__in=Huishouden.objects.editable_by(request.user)
        )
        .select_related("huishouden")
        .first()
    )
    if zaak is None:
        log_denied(request, onderwerp="vroegsignaal", object_id=pk)
        raise Http404("Signaal niet gevonden")
    return zaak


def op_plan(huishouden: Huishouden) -> list[Vroegsignaalzaak]:
    """The open zaken of this household that its casusregisseur works on the plan."""
    return list(
        _met_signalen(
            Vroegsignaalzaak.objects.open().filter(huishouden=huishouden, via_plan=True)
        ).order_by("-crisis", "uiterlijk_contact_op", "id")
    )


@dataclass
class MijnSignalen:
    zaken: list[Vroegsignaalzaak]
    in_wachtrij: int


def mijn_signalen(user) -> MijnSignalen | None:
    """Mijn werk: the open signals on the plans this user directs, and how many wait in
    the team's queue (two queries)."""
    if not user.is_caseworker:
        return None
    zaken = list(
        Vroegsignaalzaak.objects.open()
        .filter(via_plan=True, huishouden__casusregisseur=user)
        .select_related("huishouden")
        .order_by("-crisis", "uiterlijk_contact_op", "id")[:20]
    )
    in_wachtrij = (
        Vroegsignaalzaak.objects.open().filter(team_id__in=user.team_ids, via_plan=False).count()
    )
    return MijnSignalen(zaken, in_wachtrij)


def aanlevering_for_view(request, pk: int) -> Aanlevering:
    aanlevering = Aanlevering.objects.select_related("partner", "team").filter(pk=pk).first()
    if aanlevering is None or not request.user.works_in(aanlevering.team_id):
        log_denied(request, onderwerp="aanlevering", object_id=pk)
        raise Http404("Aanlevering niet gevonden")
    return aanlevering


# --- the monitor -------------------------------------------------------------------------


def scoped_signalen(user):
    """Signals of the user's teams; the auditor sees every team."""
    qs = Vroegsignaal.objects.all()
    return qs if user.is_auditor else qs.filter(zaak__team_id__in=user.team_ids)


@dataclass
class Monitor:
    van: datetime.date
    tot: datetime.date
    soorten: list[tuple[str, str]]
    resultaten: list[tuple[str, str]]
    tabel: dict[str, dict[str, int]] = field(default_factory=dict)  # soort → resultaat → n
    maanden: list[datetime.date] = field(default_factory=list)
    per_maand: dict[str, list[int]] = field(default_factory=dict)  # soort label → counts

    def rij(self, soort: str) -> list[int]:
        cellen = self.tabel.get(soort, {})
        return [cellen.get(code, 0) for code, _ in self.resultaten]

    @property
    def rijen(self) -> list[tuple[str, list[int], int]]:
        return [
            (label, self.rij(code), sum(self.rij(code)))
            for code, label in self.soorten
            if code in self.tabel
        ]


def monitor(user, van: datetime.date, tot: datetime.date) -> Monitor:
    """Counts per partner type and outcome ('open' while the zaak runs), and per month,
    of the signals dated in the period (two queries)."""
    signalen = scoped_signalen(user).filter(signaaldatum__gte=van, signaaldatum__lte=tot)
    uitkomst = Monitor(
        van,
        tot,
        list(Partnersoort.choices),
        [*Eindresultaat.choices, ("", "Nog open")],
    )
    for soort, resultaat, n in signalen.values_list("partnersoort", "zaak__eindresultaat").annotate(
        n=Count("id")
    ):
        uitkomst.tabel.setdefault(soort, {})[resultaat] = n
    per_maand: dict[tuple, int] = defaultdict(int)
    for maand, soort, n in (
        signalen.annotate(maand=TruncMonth("signaaldatum"))
        .values_list("maand", "partnersoort")
        .annotate(n=Count("id"))
    ):
        per_maand[(maand, soort)] = n
    uitkomst.maanden = sorted({maand for maand, _ in per_maand})
    labels = dict(Partnersoort.choices)
    for soort in sorted({soort for _, soort in per_maand}):
        uitkomst.per_maand[labels[soort]] = [per_maand[(m, soort)] for m in uitkomst.maanden]
    return uitkomst


def monitor_rijen(user, van: datetime.date, tot: datetime.date):
    """The rows of the monitor export: no name, BSN or address; the postcode area only."""
    return (
        scoped_signalen(user)
        .filter(signaaldatum__gte=van, signaaldatum__lte=tot)
        .select_related("zaak", "zaak__team")
        .annotate(
            pogingen=Count("zaak__contactpogingen", distinct=True),
            bereikt=Count("zaak__contactpogingen", filter=Q(zaak__contactpogingen__bereikt=True)),
        )
        .order_by("signaaldatum", "id")
    )


def terugmelding(user, partner_id: int):
    """What the partner may know per signal: its reference and whether it was picked up."""
    return (
        scoped_signalen(user)
        .filter(partner_id=partner_id)
        .values_list("referentie", "signaaldatum", "zaak__opgepakt_op")
        .order_by("signaaldatum", "referentie")
    )
