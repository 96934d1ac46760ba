"""What the plan contributes to pages of lower apps (see sociaaldomein.extensions):
the caseload on Mijn werk, and on the household page the plan summary and the status
buttons (activating a household starts its plan: `casussen.services.activate_huishouden`)."""

from __future__ import annotations

from casussen.selectors import caseload, plan_samenvatting
from sociaaldomein.extensions import Panel, provides


@provides("mijn_werk", order=10)
def caseload_blok(*, user) -> Panel | None:
    werk = caseload(user)
    if werk is None:
        return None
    return Panel("blok", "casussen/_mijn_werk.html", werk, tuple(werk.huishouden_ids))


@provides("huishouden", order=10)
def plan_op_huishouden(*, user, huishouden, matrix) -> list[Panel]:
    result = [
        Panel(
            "hoofd",
            "casussen/_plan_samenvatting.html",
            plan_samenvatting(huishouden, matrix=matrix),
        )
    ]
    if huishouden.can_change(user):
        result.append(Panel("knoppen", "casussen/_status_knoppen.html"))
    return result
