"""Corrections: a final toets is never changed; a new toets references it and replaces
it once the correction is final."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sociaaldomein.models import User
from toetsing.models import (
    Artikel,
    Effect,
    MaatwerkVerzoek,
    Toets,
    ToetsArtikel,
    ToetsGrondwaarde,
)
from toetsing.services.basis import STAP1_VELDEN, STAP2_VELDEN, notify_leads, onderdelen


def replace_previous(toets: Toets, *, door: User) -> None:
    """A final correction replaces the toets it corrects (the only change the database
    allows on a final toets); a pending maatwerk request of the old one is withdrawn."""
    if toets.vorige_id is None:
        return
    vorige = Toets.objects.select_for_update().get(pk=toets.vorige_id)
    if vorige.status not in (Toets.Status.INGEDIEND, Toets.Status.BEEINDIGD):
        return
    Toets.objects.filter(pk=vorige.pk).update(
        status=Toets.Status.VERVANGEN, vervangen_op=timezone.now()
    )
    ingetrokken = MaatwerkVerzoek.objects.filter(
        toets=vorige, status__in=MaatwerkVerzoek.OPEN
    ).update(status=MaatwerkVerzoek.Status.INGETROKKEN)
    if ingetrokken:
        notify_leads(
            toets.huishouden,
            tekst=f"Maatwerkverzoek ingetrokken voor huishouden {toets.huishouden.referentie}: "
            f"de toets is gecorrigeerd door {door.weergavenaam}.",
            url=toets.get_absolute_url(),
        )


@transaction.atomic
def correct_toets(*, toets: Toets, door: User, reden: str) -> Toets:
    """Start a correction: a new draft with the answers of the old toets, which it
    references. The old one stays as it is until the correction is submitted or ended."""
    oud = Toets.objects.select_for_update().get(pk=toets.pk)
    if oud.status not in (Toets.Status.INGEDIEND, Toets.Status.BEEINDIGD):
        raise ValidationError(
            "Alleen een ingediende of beëindigde toets kan worden gecorrigeerd."
            if oud.is_bewerkbaar
            else "Deze toets is al vervangen; corrigeer de nieuwste versie."
        )
    if Toets.objects.filter(vorige=oud).exists():
        raise ValidationError("Er is al een correctie van deze toets.")
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": "Geef aan wat er gecorrigeerd moet worden, en waarom."})
    nieuw = Toets(
        huishouden_id=oud.huishouden_id,
        doel_id=oud.doel_id,
        actie_id=oud.actie_id,
        vraag=oud.vraag,
        vorige=oud,
        reden_correctie=reden,
        aangemaakt_door=door,
        gewijzigd_door=door,
        **{name: getattr(oud, name) for name in [*STAP1_VELDEN, *STAP2_VELDEN]},
    )
    nieuw.full_clean()
    nieuw.save()
    grondwaarden, effecten, artikelen = onderdelen(oud)
    ToetsGrondwaarde.objects.bulk_create(
        ToetsGrondwaarde(
            toets=nieuw,
            grondwaarde_id=k.grondwaarde_id,
            wet_id=k.wet_id,
            naam=k.naam,
            wet_afkorting=k.wet_afkorting,
            toelichting=k.toelichting,
        )
        for k in grondwaarden
    )
    Effect.objects.bulk_create(
        Effect(
            toets=nieuw,
            lid_id=e.lid_id,
            leefdomein_id=e.leefdomein_id,
            verwachting=e.verwachting,
            toelichting=e.toelichting,
        )
        for e in effecten
    )
    actueel = Artikel.objects.select_related("wet").in_bulk([k.artikel_id for k in artikelen])
    kopieen = []
    for k in artikelen:
        kopie = ToetsArtikel(
            toets=nieuw,
            automatisch=k.automatisch,
            motivering=k.motivering,
            reden_andere_wet=k.reden_andere_wet,
            volgorde=k.volgorde,
        )
        kopie.neem_tekst_over(actueel[k.artikel_id])
        kopieen.append(kopie)
    ToetsArtikel.objects.bulk_create(kopieen)
    return nieuw
