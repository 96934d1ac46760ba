"""Writes of the omgekeerde toets: keyword-only, one transaction each.

Every write locks the toets row and states the version it was read at, so two people
editing one draft never overwrite each other (VersionConflict); a toets that is no longer
editable refuses every write (ToetsAfgesloten), and a step that is not open refuses its
writes (StapGesloten) — whatever the request looks like. PostgreSQL backs both with
constraints and triggers (migrations 0003, 0004). Notifications are explicit calls here.
"""

from toetsing.services.basis import (
    ETHIEK,
    MAX_EFFECTEN_BIJ_START,
    STAP1_VELDEN,
    STAP2_VELDEN,
    NieuwEffect,
    StapGesloten,
    ToetsAfgesloten,
    gegevens_van,
    gerelateerde_wetten,
    onderdeel_tekst,
    onderdelen,
    stap1_onderdelen,
)
from toetsing.services.correcties import correct_toets
from toetsing.services.stap1 import conclude_stap1, reopen_stap1, save_stap1, start_toets
from toetsing.services.stap2 import save_stap2, submit_toets

__all__ = [
    "ETHIEK",
    "MAX_EFFECTEN_BIJ_START",
    "STAP1_VELDEN",
    "STAP2_VELDEN",
    "NieuwEffect",
    "StapGesloten",
    "ToetsAfgesloten",
    "conclude_stap1",
    "correct_toets",
    "gegevens_van",
    "gerelateerde_wetten",
    "onderdeel_tekst",
    "onderdelen",
    "reopen_stap1",
    "save_stap1",
    "save_stap2",
    "stap1_onderdelen",
    "start_toets",
    "submit_toets",
]
