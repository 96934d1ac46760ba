"""Pages of the omgekeerde toets: start, the two steps (each a full page, autosaved with
htmx on every change), the read-only toets page, corrections and the household's list.

Each view loads the household through `huishoudens.selectors` (team scoping and access
log: 404 for other teams, 403 for read-only users on writes), finds the toets within that
household, binds a form and calls `toetsing.services`. Step order and immutability are
enforced there (and in PostgreSQL); a request for a closed step or a final toets is
answered with a redirect and a clear message, never a change.
"""

from toetsing.views.paginas import corrigeren, lijst, starten, toets
from toetsing.views.stap1 import heropenen, stap1, stap1_opslaan
from toetsing.views.stap2 import artikelen, stap2, stap2_opslaan

__all__ = [
    "artikelen",
    "corrigeren",
    "heropenen",
    "lijst",
    "stap1",
    "stap1_opslaan",
    "stap2",
    "stap2_opslaan",
    "starten",
    "toets",
]
