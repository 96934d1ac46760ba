"""What Mijn plan contributes to pages of lower apps (see sociaaldomein.extensions): the
member's start page and navigation, the invite button and the AVG requests on the
household page, the household's contributions and digital agreement on the plan page,
on the casusregisseur's Mijn werk what their households told them, the DigiD button on
the login page and the AVG requests as a chapter of the case dossier."""

from __future__ import annotations

from inwoner import digid
from inwoner.dossier import avg_hoofdstuk
from inwoner.models import AvgVerzoek, Inbreng, Uitnodiging
from inwoner.selectors import avg_verzoeken_van, inbreng_op_plan, reacties_voor
from sociaaldomein.extensions import Panel, home, nav_item, provides
from sociaaldomein.roles import Rol

home(Rol.INWONER, "inwoner:mijn_plan")
nav_item("Mijn plan", "inwoner:mijn_plan", order=11, visible=lambda user: user.is_inwoner)
nav_item(
    "Wie heeft mijn gegevens bekeken",
    "inwoner:bekeken",
    order=12,
    visible=lambda user: user.is_inwoner,
)
nav_item("Mijn rechten", "inwoner:rechten", order=13, visible=lambda user: user.is_inwoner)


@provides("mijn_werk", order=20)
def reacties_blok(*, user) -> Panel | None:
    reacties = reacties_voor(user)
    if not reacties:
        return None
    return Panel("blok", "inwoner/_mijn_werk.html", reacties, reacties.huishouden_ids)


@provides("huishouden", order=60)
def op_huishouden(*, user, huishouden, matrix) -> list[Panel]:
    result = []
    if Uitnodiging.can_invite(user, huishouden):
        result.append(Panel("knoppen", "inwoner/_uitnodigen_knop.html"))
    verzoeken = avg_verzoeken_van(huishouden)
    if verzoeken:
        mag = AvgVerzoek.can_answer(user, huishouden)
        result.append(
            Panel("hoofd", "inwoner/_huishouden.html", {"verzoeken": verzoeken, "mag": mag})
        )
    return result


@provides("plan", order=5)
def op_plan(*, user, huishouden, plan, overzicht) -> Panel:
    data = {"inbreng": inbreng_op_plan(plan), "mag": Inbreng.can_decide(user, huishouden)}
    return Panel("zijkant", "inwoner/_plan.html", data)


@provides("inloggen", order=10)
def digid_knop() -> Panel | None:
    """ "Inloggen met DigiD" for residents, only where the municipality set up its broker."""
    return Panel("onder", "inwoner/_digid_knop.html") if digid.enabled() else None


@provides("dossier", order=10)
def avg_in_dossier(*, huishouden) -> Panel | None:
    """The members' AVG requests and their answers, kept in the case dossier."""
    hoofdstuk = avg_hoofdstuk(huishouden)
    return Panel("hoofdstuk", "pdf/_hoofdstuk.html", hoofdstuk) if hoofdstuk else None
