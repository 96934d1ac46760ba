"""What the omgekeerde toets and maatwerk contribute to pages of lower apps (see
sociaaldomein.extensions): the toetsen at every goal and action of the plan, the drafts
on Mijn werk, the lead's counter in the header, and the navigation items."""

from __future__ import annotations

from sociaaldomein.extensions import Panel, nav_item, provides
from toetsing.models import MaatwerkVerzoek
from toetsing.selectors.toetsen import (
    stel_actief_maken_voor,
    toetsen_in_bewerking,
    toetsen_van_plan,
)


@provides("plan", order=10)
def toetsen_op_plan(*, user, huishouden, plan, overzicht) -> list[Panel]:
    toetsen = toetsen_van_plan(plan)
    return [
        Panel("doel", "toetsing/_plan_doel.html", toetsen),
        Panel("actie", "toetsing/_plan_actie.html", toetsen),
    ]


def _volgende_stap(user, huishouden, plek: str) -> Panel | None:
    if huishouden.can_change(user) and stel_actief_maken_voor(huishouden):
        return Panel(plek, "toetsing/_volgende_stap.html")
    return None


@provides("huishouden", order=20)
def volgende_stap_op_huishouden(*, user, huishouden, matrix) -> Panel | None:
    """'Actief maken' suggested once the plan has an approved decision."""
    return _volgende_stap(user, huishouden, "hoofd")


@provides("plan", order=20)
def volgende_stap_op_plan(*, user, huishouden, plan, overzicht) -> Panel | None:
    return _volgende_stap(user, huishouden, "signalen")


@provides("mijn_werk", order=20)
def toetsen_in_bewerking_blok(*, user) -> Panel | None:
    bewerking = toetsen_in_bewerking(user)
    if bewerking is None:
        return None
    shown = tuple(sorted({toets.huishouden_id for toets in bewerking.items}))
    return Panel("blok", "toetsing/_mijn_werk.html", bewerking, shown)


@provides("kop", order=10)
def maatwerk_teller(*, user) -> Panel | None:
    """Loaded by htmx after the page: no query on every page."""
    return Panel("kop", "maatwerk/_teller.html") if user.is_teamleider else None


nav_item(
    "Maatwerk",
    "maatwerk:inbox",
    order=50,
    visible=MaatwerkVerzoek.can_use_inbox,
    active=("maatwerk:inbox", "maatwerk:verzoek"),
)
nav_item("Precedenten", "maatwerk:register", order=60, visible=lambda user: user.is_medewerker)
# Issue 14: the council overview and the budget in the navigation of the leads
nav_item(
    "Raad en budget",
    "maatwerk:raad",
    order=65,
    visible=lambda user: user.is_teamleider or user.is_auditor,
    active=("maatwerk:raad", "maatwerk:budget"),
)
