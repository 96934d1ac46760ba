"""What the wijk contributes to pages of lower apps (see sociaaldomein.extensions): its
navigation items, and on the household page the link to write the household's story."""

from __future__ import annotations

from sociaaldomein.extensions import Panel, nav_item, provides
from wijk.models import Verhaal, Wijkcijfer


@provides("huishouden", order=60)
def verhaal_link(*, user, huishouden, matrix) -> Panel | None:
    if not Verhaal.can_write(user, huishouden):
        return None
    return Panel("hoofd", "wijk/_huishouden.html")


nav_item("Wijkbeeld", "wijk:wijkbeeld", order=70, visible=Wijkcijfer.may_open)
nav_item(
    "Sociale makelaar",
    "wijk:makelaar",
    order=75,
    visible=lambda user: user.is_team_caseworker,
    active=("wijk:makelaar", "wijk:aanbod", "wijk:behoefte", "wijk:match"),
)
nav_item(
    "Verhalen",
    "wijk:verhalen",
    order=80,
    visible=lambda user: user.is_teamleider and bool(user.team_ids),
    active=("wijk:verhal",),
)
