"""Permission-scoped reads of households, with the access log written on the way.

Every view that shows or changes personal data of a household loads it here, so team
scoping (`Huishouden.objects.visible_to`) and access logging cannot be forgotten:
- not visible: 404 (a user of another team learns nothing) and a 'geweigerd' log entry;
- visible but not editable (auditor, or a read-only grant): 403 for changes;
- visible through a cross-team grant (break the glass): logged as exceptional access.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from huishoudens.models import (
    Beoordeling,
    Huishouden,
    HuishoudenUserObjectPermission,
    Leefdomein,
    Lid,
    months_ago,
)
from sociaaldomein.accesslog import Actie, Doel, log_access, log_denied


def _exceptional_grant(user, huishouden: Huishouden) -> HuishoudenUserObjectPermission | None:
    """The grant through which a user outside the owning team sees this household."""
    if user.is_auditor or huishouden.team_id in user.team_ids:
        return None
    return (
        HuishoudenUserObjectPermission.objects.filter(user=user, content_object=huishouden)
        .order_by("-verleend_op")
        .first()
    )


def huishouden_for_view(
    request,
    pk: int,
    *,
    onderwerp: str = "huishouden",
    object_id: str | int = "",
    leden: list[int] | None = None,
    actie: str = Actie.BEKEKEN,
    doel: str | None = None,
    queryset: QuerySet | None = None,
    log: bool = True,
) -> Huishouden:
    """Load a household the user may read, or raise Http404 (logged)."""
    qs = queryset if queryset is not None else Huishouden.objects.all()
    try:
        huishouden = qs.visible_to(request.user).get(pk=pk)
    except Huishouden.DoesNotExist:
        log_denied(request, onderwerp=onderwerp, huishouden_id=pk, object_id=object_id)
        raise Http404("Huishouden niet gevonden") from None
    if log:
        _log(request, huishouden, onderwerp, object_id, leden, actie, doel)
    return huishouden


def huishouden_for_change(
    request,
    pk: int,
    *,
    onderwerp: str = "huishouden",
    object_id: str | int = "",
    queryset: QuerySet | None = None,
) -> Huishouden:
    """Load a household the user may change: 404 when not visible, 403 when read-only.

    Does not log the change itself: the view logs it after the domain function succeeded
    (`log_change`), so a rejected form leaves no 'gewijzigd' entry.
    """
    qs = queryset if queryset is not None else Huishouden.objects.all()
    huishouden = qs.editable_by(request.user).filter(pk=pk).first()
    if huishouden is None:
        log_denied(request, onderwerp=onderwerp, huishouden_id=pk, object_id=object_id)
        if Huishouden.objects.visible_to(request.user).filter(pk=pk).exists():
            raise PermissionDenied("Alleen-lezen toegang")
        raise Http404("Huishouden niet gevonden")
    return huishouden


def log_change(
    request,
    huishouden: Huishouden,
    *,
    onderwerp: str,
    object_id: str | int = "",
    leden: list[int] | None = None,
    actie: str = Actie.GEWIJZIGD,
) -> None:
    _log(request, huishouden, onderwerp, object_id, leden, actie, None)


def _log(request, huishouden, onderwerp, object_id, leden, actie, doel) -> None:
    user = request.user
    grant = _exceptional_grant(user, huishouden)
    if doel is None:
        doel = Doel.VERANTWOORDING if user.is_auditor and not user.team_ids else Doel.CASUSREGIE
    log_access(
        request,
        actie=actie,
        onderwerp=onderwerp,
        huishoudens=[huishouden.pk],
        leden=leden or [],
        object_id=object_id or huishouden.pk,
        doel=Doel.UITZONDERING if grant and grant.geldig_tot else doel,
        reden=grant.reden if grant else "",
        uitzonderlijk=bool(grant and grant.geldig_tot),
    )


# --- the domain matrix: every member × every life domain (principle 1) ------------------


@dataclass(frozen=True)
class Cel:
    lid: Lid
    leefdomein: Leefdomein
    beoordeling: Beoordeling | None
    actueel: bool
    nvt_voorgesteld: bool

    @property
    def compleet(self) -> bool:
        return self.beoordeling is not None and self.actueel


@dataclass(frozen=True)
class HuishoudenCel:
    """The household row of the matrix: the lowest current score among the members."""

    leefdomein: Leefdomein
    laagste_score: int | None
    aantal_zorgen: int  # members scoring 1 or 2


@dataclass
class Domeinmatrix:
    huishouden: Huishouden
    leden: list[Lid]
    leefdomeinen: list[Leefdomein]
    rijen: list[tuple[Lid, list[Cel]]]
    huishoudenrij: list[HuishoudenCel]
    peildatum: datetime.date

    @property
    def totaal(self) -> int:
        return len(self.leden) * len(self.leefdomeinen)

    @property
    def aantal_compleet(self) -> int:
        return sum(cel.compleet for _, cellen in self.rijen for cel in cellen)

    @property
    def is_compleet(self) -> bool:
        return self.totaal > 0 and self.aantal_compleet == self.totaal

    @property
    def ontbrekend(self) -> list[Cel]:
        return [cel for _, cellen in self.rijen for cel in cellen if not cel.compleet]

    def actuele_score(self, domein_code: str) -> list[tuple[Lid, int]]:
        """(member, score) of the current numeric scores on one domain."""
        return [
            (cel.lid, cel.beoordeling.score)
            for _, cellen in self.rijen
            for cel in cellen
            if cel.leefdomein.code == domein_code and cel.beoordeling and cel.beoordeling.score
        ]


def domeinmatrix(huishouden: Huishouden, *, peildatum: datetime.date | None = None) -> Domeinmatrix:
    """The matrix of a household in three queries, whatever its size: active members,
    active domains, and the latest assessment per member and domain (DISTINCT ON)."""
    peildatum = peildatum or timezone.localdate()
    grens = months_ago(peildatum, settings.LEEFDOMEIN_ACTUEEL_MAANDEN)
    leden = list(huishouden.leden.filter(einddatum__isnull=True).order_by("geboortedatum", "id"))
    leefdomeinen = list(Leefdomein.objects.filter(actief=True).order_by("volgorde"))
    actueel = {
        (b.lid_id, b.leefdomein_id): b
        for b in Beoordeling.objects.filter(lid__in=[lid.pk for lid in leden])
        .select_related("beoordeeld_door")
        .current()
    }
    rijen = []
    for lid in leden:
        cellen = []
        for domein in leefdomeinen:
            beoordeling = actueel.get((lid.pk, domein.pk))
            cellen.append(
                Cel(
                    lid=lid,
                    leefdomein=domein,
                    beoordeling=beoordeling,
                    actueel=beoordeling is not None and beoordeling.beoordeeld_op >= grens,
                    nvt_voorgesteld=domein.nvt_voorgesteld_voor(lid, peildatum),
                )
            )
        rijen.append((lid, cellen))
    huishoudenrij = []
    for index, domein in enumerate(leefdomeinen):
        scores = [
            cellen[index].beoordeling.score
            for _, cellen in rijen
            if cellen[index].beoordeling and cellen[index].beoordeling.score
        ]
        huishoudenrij.append(
            HuishoudenCel(
                leefdomein=domein,
                laagste_score=min(scores) if scores else None,
                aantal_zorgen=sum(score <= 2 for score in scores),
            )
        )
    return Domeinmatrix(huishouden, leden, leefdomeinen, rijen, huishoudenrij, peildatum)
