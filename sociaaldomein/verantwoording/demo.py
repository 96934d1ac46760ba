"""Demo data for the dossier: one heavy household of Wijkteam Noord with three years of
casework (see zwaar.py), so an auditor can try the dossier on something realistic.

Only in a demo of realistic size (the default of 40 households or more): a small seed
(`--households 5`, used by tests and quick checks) holds exactly what it asked for."""

from __future__ import annotations

from sociaaldomein.demo import DemoContext
from sociaaldomein.verantwoording.zwaar import seed_zwaar_huishouden

ZWAAR_VANAF = 40


def seed(ctx: DemoContext) -> None:
    if ctx.households < ZWAAR_VANAF:
        return
    huishouden = seed_zwaar_huishouden(
        team=ctx.teams["Wijkteam Noord"],
        professional=ctx.users["professional.noord"],
        teamleider=ctx.users["teamleider.noord"],
        auditor=ctx.users["auditor"],
        vandaag=ctx.today,
    )
    ctx.counts["toetsen (zwaar dossier)"] = huishouden.toetsen.count()
