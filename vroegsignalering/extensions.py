"""What vroegsignalering shows on pages of lower apps (see sociaaldomein.extensions): a
signal about a member of a household with an active plan shows on that plan as a
basic-needs signal (Financiën or Huisvesting) and in its casusregisseur's Mijn werk; and
the navigation item of the work queue."""

from __future__ import annotations

from sociaaldomein.extensions import Panel, nav_item, provides
from vroegsignalering.models import Vroegsignaalzaak
from vroegsignalering.selectors import mijn_signalen, op_plan


@provides("plan", order=30)
def signalen_op_plan(*, user, huishouden, plan, overzicht) -> Panel | None:
    zaken = op_plan(huishouden)
    if not zaken:
        return None
    return Panel("signalen", "vroegsignalering/_plan_signalen.html", zaken, (huishouden.pk,))


@provides("mijn_werk", order=15)
def signalen_in_mijn_werk(*, user) -> Panel | None:
    werk = mijn_signalen(user)
    if werk is None:
        return None
    shown = tuple(sorted({zaak.huishouden_id for zaak in werk.zaken}))
    return Panel("blok", "vroegsignalering/_mijn_werk.html", werk, shown)


nav_item(
    "Vroegsignalering",
    "vroegsignalering:start",
    order=45,
    visible=Vroegsignaalzaak.can_use,
    active=("vroegsignalering:",),
)
