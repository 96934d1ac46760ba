"""What verwijzingen shows on pages of lower apps (sociaaldomein.extensions): the
referrals at every action of the plan and their results at the goal's evaluation, a
'refer' link at each suggestion of the sociale kaart on the action form, the
data-sharing log on the household page, and the provider's start page."""

from __future__ import annotations

from sociaaldomein.extensions import Panel, home, nav_item, provides
from sociaaldomein.roles import Rol
from verwijzingen.selectors import delingen_van_huishouden, verwijzingen_van_plan


@provides("plan", order=20)
def verwijzingen_op_plan(*, user, huishouden, plan, overzicht) -> list[Panel]:
    per_actie = verwijzingen_van_plan(plan)
    return [
        Panel("actie", "verwijzingen/_plan_actie.html", per_actie),
        Panel("doel", "verwijzingen/_plan_doel.html", per_actie),
    ]


@provides("actie_formulier", order=20)
def verwijzen_vanuit_suggestie(*, user, huishouden, actie) -> Panel | None:
    """'Verwijzen' at every suggestion on the form of an existing, running action."""
    if actie is None or not actie.is_actief:
        return None
    return Panel("suggestie", "verwijzingen/_suggestie_verwijzen.html")


@provides("huishouden", order=40)
def gegevensdeling_op_huishouden(*, user, huishouden, matrix) -> Panel:
    return Panel(
        "hoofd",
        "verwijzingen/_gegevensdeling.html",
        delingen_van_huishouden(huishouden.pk),
        (huishouden.pk,),
    )


home(Rol.AANBIEDER, "verwijzingen:aanbieder")
nav_item(
    "Verwijzingen",
    "verwijzingen:aanbieder",
    order=12,
    visible=lambda user: user.is_aanbieder,
    active=("verwijzingen:aanbieder", "verwijzingen:antwoord", "verwijzingen:start"),
)
