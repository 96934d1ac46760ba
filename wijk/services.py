"""Writes of the wijk app: keyword-only, atomic. Who may do it is asked of the models
(`Verhaal.can_write / can_select`, `Match.can_broker`), the same rule the views use."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from wijk import cijfers
from wijk.anonimiseren import Bekend, anonimiseer
from wijk.models import Aanbod, Behoefte, Match, Verhaal, Wijkverversing


def ververs_wijkbeeld() -> Wijkverversing:
    """Recompute every figure of the Wijkbeeld (atomic inside `cijfers.bereken`)."""
    return cijfers.bereken()


# --- stories ---------------------------------------------------------------------------------


@transaction.atomic
def schrijf_verhaal(*, user, huishouden, **velden) -> Verhaal:
    """Record a story with the household's consent; its anonymised text is made at once
    from what the product knows of the household plus the patterns of `anonimiseren`."""
    if not Verhaal.can_write(user, huishouden):
        raise PermissionDenied
    verhaal = Verhaal(huishouden=huishouden, geschreven_door=user, **velden)
    verhaal.full_clean(exclude=["geanonimiseerd", "geschreven_door"])
    verhaal.geanonimiseerd = anonimiseer(
        verhaal.tekst, Bekend.van(huishouden, huishouden.leden.all())
    )
    verhaal.save()
    return verhaal


@transaction.atomic
def selecteer_verhaal(*, user, verhaal: Verhaal, selecteren: bool) -> Verhaal:
    """The lead selects (or drops) a story for the council report."""
    if not Verhaal.can_select(user, verhaal.huishouden.team_id):
        raise PermissionDenied
    verhaal.geselecteerd_op = timezone.now() if selecteren else None
    verhaal.geselecteerd_door = user if selecteren else None
    verhaal.save(update_fields=["geselecteerd_op", "geselecteerd_door"])
    return verhaal


# --- the sociale makelaar --------------------------------------------------------------------


@transaction.atomic
def nieuw_aanbod(*, user, team, **velden) -> Aanbod:
    if not Match.can_broker(user, team.pk):
        raise PermissionDenied
    aanbod = Aanbod(team=team, vastgelegd_door=user, **velden)
    aanbod.full_clean(exclude=["vastgelegd_door"])
    aanbod.save()
    return aanbod


@transaction.atomic
def nieuwe_behoefte(*, user, huishouden, **velden) -> Behoefte:
    if not Match.can_broker(user, huishouden.team_id):
        raise PermissionDenied
    behoefte = Behoefte(huishouden=huishouden, vastgelegd_door=user, **velden)
    behoefte.full_clean(exclude=["vastgelegd_door"])
    behoefte.save()
    return behoefte


@transaction.atomic
def stel_match_voor(*, user, aanbod: Aanbod, behoefte: Behoefte) -> Match:
    """Propose a match within one wijk: nobody is contacted yet."""
    if not (
        Match.can_broker(user, aanbod.team_id)
        and Match.can_broker(user, behoefte.huishouden.team_id)
    ):
        raise PermissionDenied
    if aanbod.team.wijk != behoefte.huishouden.team.wijk:
        raise ValidationError("Aanbod en behoefte horen in dezelfde wijk.")
    if Match.objects.filter(aanbod=aanbod, behoefte=behoefte, status__in=Match.OPEN).exists():
        raise ValidationError("Deze match is al voorgesteld.")
    return Match.objects.create(aanbod=aanbod, behoefte=behoefte, voorgesteld_door=user)


@transaction.atomic
def zet_match_stap(*, user, match: Match, stap: str) -> Match:
    """Record a consent, start the match after both consents, or end it."""
    match = Match.objects.select_for_update().select_related("aanbod").get(pk=match.pk)
    if not Match.can_broker(user, match.aanbod.team_id):
        raise PermissionDenied
    match.zet(stap)
    match.save()
    return match
