"""Households, their members and the assessment of every life domain.

Principle 1 of seed 000: "er wordt altijd gekeken naar alle leefdomeinen en andere leden
van het huishouden". Every active member is assessed on every active domain (or marked
not applicable with a reason); assessments are dated snapshots that are never
overwritten, so the trend per domain stays visible.
"""

from huishoudens.models.huishouden import (
    MIN_OUDERVERSCHIL,
    OUDERFIGUREN,
    Huishouden,
    HuishoudenGroupObjectPermission,
    HuishoudenQuerySet,
    HuishoudenUserObjectPermission,
    Lid,
    build_zoektekst,
    granted_household_ids,
    huishouden_ref,
)
from huishoudens.models.leefdomeinen import Beoordeling, BeoordelingQuerySet, Leefdomein, Score
from huishoudens.models.tekst import (
    POSTCODE_ZOEK,
    ZOEK_MAX,
    age_on,
    clean_search_query,
    months_ago,
    normalise,
)

__all__ = [
    "MIN_OUDERVERSCHIL",
    "OUDERFIGUREN",
    "POSTCODE_ZOEK",
    "ZOEK_MAX",
    "Beoordeling",
    "BeoordelingQuerySet",
    "Huishouden",
    "HuishoudenGroupObjectPermission",
    "HuishoudenQuerySet",
    "HuishoudenUserObjectPermission",
    "Leefdomein",
    "Lid",
    "Score",
    "age_on",
    "build_zoektekst",
    "clean_search_query",
    "granted_household_ids",
    "huishouden_ref",
    "months_ago",
    "normalise",
]
