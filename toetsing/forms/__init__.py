"""Forms of the omgekeerde toets (toets.py) and of the maatwerk decisions (maatwerk.py)."""

from toetsing.forms.maatwerk import (
    AntwoordForm,
    BesluitForm,
    EscalatieAntwoordForm,
    EscalatieForm,
    InboxFilterForm,
    MarkeerForm,
    RegisterZoekForm,
)
from toetsing.forms.toets import (
    CorrectieForm,
    JaNeeField,
    Stap1Form,
    Stap2Form,
    StartForm,
    ToetsForm,
    ToevoegenForm,
)

__all__ = [
    "AntwoordForm",
    "BesluitForm",
    "CorrectieForm",
    "EscalatieAntwoordForm",
    "EscalatieForm",
    "InboxFilterForm",
    "JaNeeField",
    "MarkeerForm",
    "RegisterZoekForm",
    "Stap1Form",
    "Stap2Form",
    "StartForm",
    "ToetsForm",
    "ToevoegenForm",
]
