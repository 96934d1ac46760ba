"""Reads of the archive: the retention of a household file and the files due."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone

from archief.models import (
    Bewaartermijn,
    JuridischeBlokkade,
    LijstItem,
    Vernietigingslijst,
    VernietigingsVerzoek,
)
from huishoudens.models import Huishouden, Lid
from sociaaldomein.models import Team
from toetsing.models import ToetsArtikel, ToetsGrondwaarde


@dataclass(frozen=True)
class Bewaring:
    """The retention of one household file: the longest period of the laws involved,
    counted from the derivation date (brondatum) to the archiefactiedatum."""

    huishouden: Huishouden
    brondatum: datetime.date
    jaren: int
    wetten: tuple[str, ...]
    archiefactiedatum: datetime.date


def _plus_jaren(datum: datetime.date, jaren: int) -> datetime.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def _wetten_per_huishouden(ids: list[int]) -> dict[int, set[int]]:
    """The laws (Wet ids) the toetsen of each household used: two queries."""
    wetten: dict[int, set[int]] = defaultdict(set)
    for model in (ToetsArtikel, ToetsGrondwaarde):
        for huishouden_id, wet_id in model.objects.filter(toets__huishouden_id__in=ids).values_list(
            "toets__huishouden_id", "wet_id"
        ):
            wetten[huishouden_id].add(wet_id)
    return wetten


def _jeugd(ids: list[int]) -> set[int]:
    """Households with a member who was under 18 when the file closed: jeugdhulp may have
    been given, so the Jeugdwet period applies (the cautious reading)."""
    jeugd = set()
    for huishouden_id, geboren, afgesloten in Lid.objects.filter(huishouden_id__in=ids).values_list(
        "huishouden_id", "geboortedatum", "huishouden__afgesloten_op"
    ):
        if afgesloten and _plus_jaren(geboren, 18) > afgesloten:
            jeugd.add(huishouden_id)
    return jeugd


def bewaringen(huishoudens: list[Huishouden]) -> list[Bewaring]:
    """The retention of closed household files (a constant number of queries)."""
    gesloten = [h for h in huishoudens if h.afgesloten_op]
    ids = [h.pk for h in gesloten]
    termijnen = {t.wet_id: t for t in Bewaartermijn.objects.select_related("wet")}
    jeugdwet = next((t for t in termijnen.values() if t.wet_id and t.wet.code == "jeugdwet"), None)
    wetten = _wetten_per_huishouden(ids)
    jeugd = _jeugd(ids)
    algemeen = termijnen.get(None)
    uitkomst = []
    for h in gesloten:
        van_toepassing = [termijnen[w] for w in wetten.get(h.pk, ()) if w in termijnen]
        if h.pk in jeugd and jeugdwet is not None:
            van_toepassing.append(jeugdwet)
        if not van_toepassing and algemeen is not None:
            van_toepassing = [algemeen]
        if not van_toepassing:
            continue
        jaren = max(t.jaren for t in van_toepassing)
        namen = sorted({t.wet.afkorting if t.wet_id else "geen wet" for t in van_toepassing})
        uitkomst.append(
            Bewaring(h, h.afgesloten_op, jaren, tuple(namen), _plus_jaren(h.afgesloten_op, jaren))
        )
    return uitkomst


def te_vernietigen(*, team_id: int, op: datetime.date) -> list[Bewaring]:
    """The team's closed files whose archiefactiedatum has passed, without a current
    legal hold and not on a list yet: the proposals for a new destruction list."""
    blokkade = JuridischeBlokkade.objects.filter(
        JuridischeBlokkade.actief_op(op), huishouden=OuterRef("pk")
    )
    op_lijst = LijstItem.objects.filter(huishouden=OuterRef("pk"), uitgezonderd=False)
    kandidaten = list(
        Huishouden.objects.filter(
            team_id=team_id, status=Huishouden.Status.AFGESLOTEN, afgesloten_op__isnull=False
        )
        .exclude(Exists(blokkade))
        .exclude(Exists(op_lijst))
        .only("pk", "referentie", "aangemeld_op", "afgesloten_op", "team_id")
        .order_by("afgesloten_op", "pk")
    )
    return [b for b in bewaringen(kandidaten) if b.archiefactiedatum <= op]


def voorstellen_per_team() -> list[tuple[Team, int]]:
    """Per team, how many files a new list would hold today (the author's overview)."""
    vandaag = timezone.localdate()
    return [(team, len(te_vernietigen(team_id=team.pk, op=vandaag))) for team in Team.objects.all()]


def lijsten_voor(user):
    """The lists a user sees: all for the beheerder, archivist and auditor; a team lead
    those of the own teams."""
    lijsten = Vernietigingslijst.objects.select_related("team").defer("verklaring")
    if user.is_beheerder or user.is_archivaris or user.is_auditor:
        return lijsten
    return lijsten.filter(team_id__in=user.team_ids if user.is_teamleider else [])


def open_verzoeken_voor(user) -> list[VernietigingsVerzoek] | None:
    """The open Jeugdwet requests for early destruction of the teams a lead leads (their
    Mijn werk), soonest deadline first; None for anyone else (no query)."""
    if not user.is_teamleider:
        return None
    teams = [team_id for team_id in user.team_ids if user.leads(team_id)]
    if not teams:
        return None
    return list(
        VernietigingsVerzoek.objects.filter(
            status=VernietigingsVerzoek.Status.OPEN, team_id__in=teams
        )
    )
