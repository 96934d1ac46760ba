"""The household's AVG requests and their answers as a chapter of the PDF case dossier
(verantwoording asks the slot "dossier"; it does not know this app)."""

from __future__ import annotations

from django.utils import timezone

from huishoudens.models import Huishouden
from inwoner.models import AvgVerzoek
from verantwoording.dossier import Gegeven, Hoofdstuk, Onderdeel
from verantwoording.dossier.inhoud import datum, moment, wie

KOP = "Verzoeken onder de AVG"
INLEIDING = (
    "Verzoeken van leden om gegevens te verbeteren (AVG artikel 16), te wissen (artikel 17) "
    "of de verwerking te beperken (artikel 18), met het antwoord, de reden en bij wissen en "
    "beperken de wettelijke grond. Antwoordtermijn: één maand (artikel 12 lid 3)."
)


def _onderdeel(verzoek: AvgVerzoek) -> Onderdeel:
    gegevens = [
        Gegeven("Lid", verzoek.lid.volledige_naam),
        Gegeven("Ingediend", f"{moment(verzoek.ingediend_op)} door {wie(verzoek.ingediend_door)}"),
        Gegeven("Toelichting van het lid", verzoek.toelichting),
        Gegeven("Uiterlijk beantwoorden", datum(verzoek.uiterlijk_op)),
        Gegeven("Besluit", verzoek.get_status_display()),
    ]
    if verzoek.status != AvgVerzoek.Status.OPEN:
        gegevens.append(Gegeven("Antwoord met reden", verzoek.antwoord))
        if verzoek.grond:
            gegevens.append(Gegeven("Wettelijke grond", verzoek.get_grond_display()))
        beantwoord = f"{moment(verzoek.beantwoord_op)} door {wie(verzoek.beantwoord_door)}"
        gegevens.append(Gegeven("Beantwoord", beantwoord))
    return Onderdeel(
        f"{verzoek.get_soort_display()}, {datum(timezone.localdate(verzoek.ingediend_op))}",
        gegevens,
    )


def avg_hoofdstuk(huishouden: Huishouden) -> Hoofdstuk | None:
    """Every request of the household's members, oldest first (one query); None when
    there are none, so such a dossier keeps its chapters and fingerprint."""
    verzoeken = (
        AvgVerzoek.objects.filter(huishouden=huishouden)
        .select_related("lid", "ingediend_door", "beantwoord_door")
        .order_by("ingediend_op", "id")
    )
    onderdelen = [_onderdeel(verzoek) for verzoek in verzoeken]
    return Hoofdstuk(KOP, INLEIDING, onderdelen) if onderdelen else None
