"""The omgekeerde toets: reference data (laws, core values, articles), the toets itself
with its parts, and the maatwerk request it may lead to."""

from toetsing.models.delen import Effect, ToetsArtikel, ToetsGrondwaarde
from toetsing.models.escalatie import MaatwerkEscalatie
from toetsing.models.maatwerk import (
    MaatwerkBesluit,
    MaatwerkBudget,
    MaatwerkMandaat,
    MaatwerkVerzoek,
)
from toetsing.models.referentie import (
    Artikel,
    ArtikelQuerySet,
    Beleidsregel,
    Grondwaarde,
    Wet,
    WetQuerySet,
)
from toetsing.models.toets import Toets, ToetsQuerySet

__all__ = [
    "Artikel",
    "ArtikelQuerySet",
    "Beleidsregel",
    "Effect",
    "Grondwaarde",
    "MaatwerkBesluit",
    "MaatwerkBudget",
    "MaatwerkEscalatie",
    "MaatwerkMandaat",
    "MaatwerkVerzoek",
    "Toets",
    "ToetsArtikel",
    "ToetsGrondwaarde",
    "ToetsQuerySet",
    "Wet",
    "WetQuerySet",
]
