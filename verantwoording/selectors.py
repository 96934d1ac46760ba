"""Permission-scoped reads of the accountability screens.

The rules themselves live with their aggregates: `DossierExport.can_open` (the dossier
and the letters: auditors and the caseworkers of the owning team) and `Toegangslog.can_read`
(a household's log: auditors and the team's leads; the whole log: auditors). A user of
another team gets a 404 (the household is not visible); a user who sees the household
only through a grant (shared, or break the glass) gets a 403. Every refusal is written to
the access log as well.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone

from huishoudens.models import Huishouden, HuishoudenUserObjectPermission
from huishoudens.selectors import huishouden_for_view, log_change
from sociaaldomein.accesslog import log_denied
from sociaaldomein.models import Toegangslog, User
from verantwoording.models import DossierExport

PER_PAGINA = 50
TEL_GRENS = 10_000


def _scoped(request, pk: int, *, onderwerp: str, regel, log: bool, doel=None) -> Huishouden:
    huishouden = huishouden_for_view(
        request,
        pk,
        onderwerp=onderwerp,
        queryset=Huishouden.objects.select_related("team", "casusregisseur"),
        log=False,
    )
    if not regel(request.user, huishouden):
        log_denied(request, onderwerp=onderwerp, huishouden_id=huishouden.pk)
        raise PermissionDenied("Geen toegang tot dit onderdeel van het huishouden.")
    if log:
        log_change(request, huishouden, onderwerp=onderwerp, actie=Toegangslog.Actie.BEKEKEN)
    return huishouden


def huishouden_voor_dossier(request, pk: int, *, onderwerp: str = "dossier", log: bool = True):
    return _scoped(request, pk, onderwerp=onderwerp, regel=DossierExport.can_open, log=log)


def huishouden_voor_log(request, pk: int) -> Huishouden:
    def regel(user, huishouden: Huishouden) -> bool:
        return Toegangslog.can_read(user, team_id=huishouden.team_id)

    return _scoped(request, pk, onderwerp="toegangslog", regel=regel, log=False)


def exports_van(huishouden: Huishouden) -> list[DossierExport]:
    """The household's dossier exports, newest first, without their PDF bytes."""
    return list(
        DossierExport.objects.zonder_pdf()
        .filter(huishouden=huishouden)
        .select_related("aangevraagd_door")
        .order_by("-aangevraagd_op", "-id")[:20]
    )


def export_van(huishouden: Huishouden, pk: int, *, met_pdf: bool = False) -> DossierExport:
    """One export looked up within the household (never by bare pk)."""
    qs = DossierExport.objects.select_related("aangevraagd_door", "huishouden")
    if not met_pdf:
        qs = qs.zonder_pdf()
    return qs.get(pk=pk, huishouden=huishouden)


def doorbraken_op_team(user: User, *, dagen: int = 30) -> list[HuishoudenUserObjectPermission]:
    """Break-the-glass grants on households of the lead's team(s), recent first."""
    if not (user.is_teamleider and user.team_ids):
        return []
    grens = timezone.now() - datetime.timedelta(days=dagen)
    return list(
        HuishoudenUserObjectPermission.objects.filter(
            soort=HuishoudenUserObjectPermission.Soort.DOORBRAAK,
            content_object__team_id__in=user.team_ids,
            verleend_op__gte=grens,
        )
        .select_related("user", "content_object")
        .order_by("-verleend_op")[:10]
    )


# --- the log, page by page ---------------------------------------------------------------


@dataclass
class LogPagina:
    regels: list[Toegangslog]
    oudere: int | None  # continue with ?voor=<n>
    nieuwere: int | None  # go back with ?na=<n>
    aantal: int
    begrensd: bool


def _getal(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def log_pagina(qs: QuerySet, *, voor=None, na=None, per: int = PER_PAGINA) -> LogPagina:
    """A page of the log, newest first, by entry number (keyset: the same cost on page 1
    and on page 10 000), with a count that stops at TEL_GRENS. Two queries."""
    voor, na = _getal(voor), _getal(na)
    aantal = qs.order_by()[: TEL_GRENS + 1].count()
    page_qs = qs.select_related("gebruiker")
    if na is not None and voor is None:
        rows = list(page_qs.filter(volgnummer__gt=na).order_by("volgnummer")[: per + 1])
        regels = list(reversed(rows[:per]))
        nieuwere = regels[0].volgnummer if len(rows) > per else None
        oudere = regels[-1].volgnummer if regels else None
    else:
        if voor is not None:
            page_qs = page_qs.filter(volgnummer__lt=voor)
        rows = list(page_qs.order_by("-volgnummer")[: per + 1])
        regels = rows[:per]
        oudere = regels[-1].volgnummer if len(rows) > per else None
        nieuwere = regels[0].volgnummer if voor is not None and regels else None
    return LogPagina(regels, oudere, nieuwere, min(aantal, TEL_GRENS), aantal > TEL_GRENS)


def benoem(
    pagina: LogPagina, *, namen: dict[int, str] | None = None, met_referenties: bool
) -> None:
    """Give every row its member names and household references for display (at most one
    query: the references of the households on this page)."""
    refs: dict[int, str] = {}
    if met_referenties:
        ids = {pk for regel in pagina.regels for pk in regel.huishoudens[:5]}
        refs = dict(Huishouden.objects.filter(pk__in=ids).values_list("pk", "referentie"))
    for regel in pagina.regels:
        regel.refs = [refs[pk] for pk in regel.huishoudens[:5] if pk in refs]
        regel.refs_meer = max(0, len(regel.huishoudens) - 5) if met_referenties else 0
        regel.leden_namen = [namen[pk] for pk in regel.leden if pk in namen] if namen else []


def log_van_huishouden(huishouden: Huishouden, *, actie: str = "", uitzonderlijk: bool = False):
    qs = Toegangslog.objects.filter(huishoudens__contains=[huishouden.pk])
    if actie:
        qs = qs.filter(actie=actie)
    if uitzonderlijk:
        qs = qs.filter(uitzonderlijk=True)
    return qs


def log_gefilterd(
    *,
    gebruiker: User | None = None,
    huishouden: Huishouden | None = None,
    van: datetime.date | None = None,
    tot: datetime.date | None = None,
    actie: str = "",
    uitzonderlijk: bool = False,
) -> QuerySet:
    """The whole log filtered by user, household and local date range (all optional);
    each filter has its index (gebruiker/volgnummer, GIN on households, tijdstip)."""
    qs = Toegangslog.objects.all()
    if gebruiker is not None:
        qs = qs.filter(gebruiker=gebruiker)
    if huishouden is not None:
        qs = qs.filter(huishoudens__contains=[huishouden.pk])
    if van is not None:
        qs = qs.filter(tijdstip__gte=_begin_van(van))
    if tot is not None:
        qs = qs.filter(tijdstip__lt=_begin_van(tot + datetime.timedelta(days=1)))
    if actie:
        qs = qs.filter(actie=actie)
    if uitzonderlijk:
        qs = qs.filter(uitzonderlijk=True)
    return qs


def _begin_van(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
