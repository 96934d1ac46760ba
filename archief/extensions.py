"""What the archive shows elsewhere: its navigation item, and the archivist's start page."""

from archief.models import Vernietigingslijst
from sociaaldomein.extensions import home, nav_item
from sociaaldomein.roles import Rol

nav_item(
    "Archief",
    "archief:overzicht",
    order=60,
    visible=Vernietigingslijst.can_see,
    active=("archief:overzicht", "archief:lijst"),
)
home(Rol.ARCHIVARIS, "archief:overzicht")
