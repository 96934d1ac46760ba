"""Permission-scoped reads of households, with the access log written on the way.

Every view that shows or changes personal data of a household loads it here, so team
scoping (`Huishouden.objects.visible_to`) and access logging cannot be forgotten:
- not visible: 404 (a user of another team learns nothing) and a 'geweigerd' log entry;
- visible but not editable (auditor, or a read-only grant): 403 for changes;
- visible through a cross-team grant (break the glass): logged as exceptional access.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from huishoudens.models import Huishouden, HuishoudenUserObjectPermission
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
