from wijk.models.cijfers import ALLE_WIJKEN, Wijkcijfer, Wijkverversing
from wijk.models.makelaar import Aanbod, Behoefte, Hulpsoort, Match
from wijk.models.verhalen import Verhaal

__all__ = [
    "ALLE_WIJKEN",
    "Aanbod",
    "Behoefte",
    "Hulpsoort",
    "Match",
    "Verhaal",
    "Wijkcijfer",
    "Wijkverversing",
]
