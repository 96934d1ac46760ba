"""What the wijk contributes to pages of lower apps (see sociaaldomein.extensions): its
navigation item."""

from __future__ import annotations

from sociaaldomein.extensions import nav_item
from wijk.models import Wijkcijfer

nav_item("Wijkbeeld", "wijk:wijkbeeld", order=70, visible=Wijkcijfer.may_open, active=("wijk:",))
