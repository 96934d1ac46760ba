"""Reads for the pages: referrals per plan, the provider's list, the data-sharing log."""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from verwijzingen.models import Gegevensdeling, Verwijzing, Voortgang


def _met_alles(qs: QuerySet[Verwijzing]) -> QuerySet[Verwijzing]:
    return qs.select_related(
        "dienst__organisatie", "lid", "actie", "contactpersoon", "toestemming"
    ).prefetch_related(Prefetch("voortgang", queryset=Voortgang.objects.order_by("op", "id")))


def _alleen_aanbieder(user) -> None:
    """The provider's screens are for provider accounts (staff work on the plan)."""
    if not user.is_aanbieder:
        raise PermissionDenied("Alleen voor aanbieders.")


def verwijzingen_van_plan(plan) -> dict[int, list[Verwijzing]]:
    """The referrals of a plan by action id (two queries)."""
    per_actie: dict[int, list[Verwijzing]] = defaultdict(list)
    qs = _met_alles(Verwijzing.objects.filter(actie__doel__plan=plan)).order_by(
        "aangemaakt_op", "id"
    )
    for verwijzing in qs:
        per_actie[verwijzing.actie_id].append(verwijzing)
    return dict(per_actie)


def voor_aanbieder(user) -> list[Verwijzing]:
    """The provider's start page: only its organisations' referrals (two queries)."""
    _alleen_aanbieder(user)
    qs = _met_alles(Verwijzing.objects.voor_aanbieder(user))
    return list(qs.order_by("status", "-verzonden_op", "-id"))


def verwijzing_voor_aanbieder(user, pk: int) -> Verwijzing:
    """One referral of the provider's organisation, or 404 (another organisation's
    referral does not exist for this account)."""
    _alleen_aanbieder(user)
    gevonden = _met_alles(Verwijzing.objects.voor_aanbieder(user)).filter(pk=pk).first()
    if gevonden is None:
        raise Http404("Verwijzing niet gevonden")
    return gevonden


def delingen_van_huishouden(huishouden_id: int, *, limiet: int = 50) -> list[Gegevensdeling]:
    return list(
        Gegevensdeling.objects.filter(huishouden_id=huishouden_id)
        .select_related("lid", "door")
        .order_by("-tijdstip", "-id")[:limiet]
    )
