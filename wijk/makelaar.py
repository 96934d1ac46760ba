"""Reads for the sociale makelaar's page: the offers of the user's wijken, the needs of
the team's households, the matches, and suggestions (same wijk, life domain and kind of
help, not yet matched). A constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from huishoudens.models import Huishouden
from sociaaldomein.models import Team
from wijk.models import Aanbod, Behoefte, Match


@dataclass
class Makelaarsbeeld:
    wijken: list[str]
    aanbod: list[Aanbod]
    behoeften: list[Behoefte]
    matches: list[Match]
    suggesties: list[tuple[Behoefte, Aanbod]]

    @property
    def huishoudens(self) -> list[int]:
        """The households this page shows (for the access log)."""
        return sorted({b.huishouden_id for b in self.behoeften})


def makelaarsbeeld(user) -> Makelaarsbeeld:
    teams = Team.objects.filter(pk__in=user.team_ids)
    wijken = sorted({team.wijk for team in teams})
    aanbod = list(
        Aanbod.objects.filter(team__wijk__in=wijken, actief=True).select_related(
            "team", "leefdomein"
        )
    )
    behoeften = list(
        Behoefte.objects.filter(
            huishouden__in=Huishouden.objects.editable_by(user).filter(team__in=user.team_ids)
        ).select_related("huishouden__team", "leefdomein")
    )
    matches = list(
        Match.objects.filter(behoefte__in=[b.pk for b in behoeften]).select_related(
            "aanbod", "behoefte__huishouden"
        )
    )
    bezet = {(m.aanbod_id, m.behoefte_id) for m in matches if m.status in Match.OPEN}
    suggesties = [
        (behoefte, a)
        for behoefte in behoeften
        for a in aanbod
        if a.team.wijk == behoefte.huishouden.team.wijk
        and a.leefdomein_id == behoefte.leefdomein_id
        and a.hulpsoort == behoefte.hulpsoort
        and (a.pk, behoefte.pk) not in bezet
    ]
    return Makelaarsbeeld(wijken, aanbod, behoeften, matches, suggesties)
