from verwijzingen.models.gegevensdeling import Gegevensdeling
from verwijzingen.models.verwijzing import (
    Grondslag,
    Productcode,
    Resultaat,
    Toestemming,
    Verwijzing,
    Voortgang,
)

__all__ = [
    "Gegevensdeling",
    "Grondslag",
    "Productcode",
    "Resultaat",
    "Toestemming",
    "Verwijzing",
    "Voortgang",
]
