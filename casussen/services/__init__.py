"""Writes of the plan: keyword-only, one transaction each, `full_clean()` before save.

Every write locks the plan row, so version transitions are serialised: the first change
after the household's agreement opens the next plan version (principle 3: they agree to
what is in it), and every change is written to the append-only history with a readable
diff (who, when, which field, old → new). Notifications and history entries are explicit
calls here, not signals.
"""

from casussen.services.doelen import add_actie, add_doel, change_actie, change_doel
from casussen.services.plan import (
    PlanGewijzigd,
    activate_huishouden,
    close_huishouden,
    ensure_plan,
    laatste_inhoudswijziging,
    record_agreement,
    save_eigen_woorden,
    start_plan,
)
from casussen.services.veiligheid import (
    add_termijn,
    clear_safety_concern,
    meet_termijn,
    report_safety_concern,
)
from casussen.services.weergave import (
    ACTIE_VELDEN,
    DOEL_VELDEN,
    EIGEN_WOORDEN,
    actie_weergave,
    doel_weergave,
    plan_inhoud,
    verschil,
    weergave,
)

__all__ = [
    "ACTIE_VELDEN",
    "DOEL_VELDEN",
    "EIGEN_WOORDEN",
    "PlanGewijzigd",
    "actie_weergave",
    "activate_huishouden",
    "add_actie",
    "add_doel",
    "add_termijn",
    "change_actie",
    "change_doel",
    "clear_safety_concern",
    "close_huishouden",
    "doel_weergave",
    "ensure_plan",
    "laatste_inhoudswijziging",
    "meet_termijn",
    "plan_inhoud",
    "record_agreement",
    "report_safety_concern",
    "save_eigen_woorden",
    "start_plan",
    "verschil",
    "weergave",
]
