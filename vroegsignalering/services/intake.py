"""The upload of a partner's CSV file: checked and kept until the user imports it; its
content is dropped once imported (the signals hold what is needed)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sociaaldomein.models import Team, User
from vroegsignalering.intake import decode, lees_bestand
from vroegsignalering.models import Aanlevering, Partnerorganisatie
from vroegsignalering.services.koppelen import Resultaat, bewaar_signalen


def check_upload(*, partner: Partnerorganisatie, team: Team, bestand, door: User) -> Aanlevering:
    if not door.works_in(team.pk):
        raise ValidationError({"team": "U werkt niet in dit team."})
    inhoud = decode(bestand.read())
    rapport = lees_bestand(inhoud, vandaag=timezone.localdate())
    return Aanlevering.objects.create(
        partner=partner,
        team=team,
        bestandsnaam=(bestand.name or "bestand.csv")[:200],
        inhoud=inhoud,
        rijen=rapport.totaal,
        fouten=len(rapport.foutregels) if not rapport.bestandsfout else rapport.totaal,
        waarschuwingen=len(rapport.waarschuwingsregels),
        door=door,
    )


@transaction.atomic
def import_upload(*, aanlevering: Aanlevering, door: User, alleen_geldig: bool) -> Resultaat:
    """Import the rows of a checked upload; a second import of it adds nothing."""
    locked = Aanlevering.objects.select_for_update().get(pk=aanlevering.pk)
    if locked.geimporteerd is not None:
        resultaat = Resultaat(al_bekend=locked.geimporteerd)
        resultaat.samenvatting = "Dit bestand is al geïmporteerd; er is niets toegevoegd."
        return resultaat
    rapport = lees_bestand(locked.inhoud, vandaag=timezone.localdate())
    resultaat = bewaar_signalen(
        partner=locked.partner,
        rijen=rapport.te_importeren(alleen_geldig=alleen_geldig),
        standaard_team_id=locked.team_id,
        aanlevering=locked,
    )
    locked.geimporteerd = resultaat.nieuw
    locked.geimporteerd_op = timezone.now()
    locked.inhoud = ""
    locked.save(update_fields=["geimporteerd", "geimporteerd_op", "inhoud"])
    resultaat.samenvatting = (
        f"{resultaat.nieuw} signalen geïmporteerd"
        + (f", {resultaat.al_bekend} waren al eerder aangeleverd" if resultaat.al_bekend else "")
        + "."
    )
    return resultaat
