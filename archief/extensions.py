"""What the archive shows elsewhere: its navigation item, the archivist's start page, the
button to record a Jeugdwet request for early destruction on the household page, and the
open requests in a team lead's Mijn werk."""

from django.utils import timezone

from archief.models import Vernietigingslijst, VernietigingsVerzoek
from archief.selectors import open_verzoeken_voor
from sociaaldomein.extensions import Panel, home, nav_item, provides
from sociaaldomein.roles import Rol

nav_item(
    "Archief",
    "archief:overzicht",
    order=60,
    visible=Vernietigingslijst.can_see,
    active=("archief:overzicht", "archief:lijst"),
)
home(Rol.ARCHIVARIS, "archief:overzicht")


@provides("huishouden", order=80)
def verzoek_knop(*, user, huishouden, matrix) -> Panel | None:
    """No query: who may record is decided from what the backend loaded."""
    if not VernietigingsVerzoek.can_record(user, huishouden):
        return None
    return Panel("knoppen", "archief/_verzoek_knop.html")


@provides("mijn_werk", order=40)
def verzoeken_in_mijn_werk(*, user) -> Panel | None:
    verzoeken = open_verzoeken_voor(user)
    if not verzoeken:
        return None
    shown = tuple(sorted({v.huishouden_id for v in verzoeken if v.huishouden_id}))
    data = {"verzoeken": verzoeken, "vandaag": timezone.localdate()}
    return Panel("blok", "archief/_mijn_werk.html", data, shown)
