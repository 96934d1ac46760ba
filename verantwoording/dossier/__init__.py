"""The content of a household's case dossier, read in a constant number of queries.

`dossier_inhoud` turns the household's data into plain, already formatted values (the
text the PDF prints). The SHA-256 fingerprint on the cover is computed over exactly
those values, so the same data always gives the same fingerprint and any change to what
the dossier says gives another one. Values that move by themselves (ages, "current"
markers, the date of printing) are left out of it; the access log is covered by its own
hash chain instead (the cover names the last entry included), so an auditor can check
today whether the case data still matches a dossier made months ago.

Maatwerk requests have one selector (`maatwerk_voor_dossier`) and one template section
(`pdf/_maatwerk.html`): the approvals of issue 6 are added there, in one place.
"""

from verantwoording.dossier.inhoud import (
    DossierInhoud,
    DossierMeta,
    Gegeven,
    Hoofdstuk,
    LogBlok,
    Onderdeel,
    render_dossier_html,
)
from verantwoording.dossier.lezen import (
    dossier_inhoud,
    gegevensdeling_regels,
    maatwerk_voor_dossier,
    toegangslog_blok,
)

__all__ = [
    "DossierInhoud",
    "DossierMeta",
    "Gegeven",
    "Hoofdstuk",
    "LogBlok",
    "Onderdeel",
    "dossier_inhoud",
    "gegevensdeling_regels",
    "maatwerk_voor_dossier",
    "render_dossier_html",
    "toegangslog_blok",
]
