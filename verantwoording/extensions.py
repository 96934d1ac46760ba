"""What accountability contributes to pages of lower apps (see sociaaldomein.extensions):
the links to the dossier and the access log on the household page, break-the-glass
access to the team's households on a lead's Mijn werk, and its navigation items."""

from __future__ import annotations

from sociaaldomein.extensions import Panel, nav_item, provides
from sociaaldomein.models import Toegangslog
from verantwoording.models import DossierExport
from verantwoording.selectors import doorbraken_op_team


@provides("mijn_werk", order=90)
def doorbraken_blok(*, user) -> Panel | None:
    grants = doorbraken_op_team(user)
    return Panel("blok", "verantwoording/_mijn_werk.html", grants) if grants else None


@provides("huishouden", order=50)
def verantwoording_links(*, user, huishouden, matrix) -> Panel | None:
    mag = {
        "dossier": DossierExport.can_open(user, huishouden),
        "log": Toegangslog.can_read(user, team_id=huishouden.team_id),
    }
    return Panel("hoofd", "verantwoording/_huishouden.html", mag) if any(mag.values()) else None


nav_item(
    "Toegangslog",
    "verantwoording:toegangslog",
    order=30,
    visible=lambda user: Toegangslog.can_read(user),
)
nav_item(
    "Dossier controleren",
    "verantwoording:dossier_controleren",
    order=40,
    visible=lambda user: user.is_auditor,
)
