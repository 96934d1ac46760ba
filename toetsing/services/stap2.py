"""Step 2 (question 5): the cited articles and the outcome, and the submission that makes
the toets immutable (maatwerk goes to the team lead)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from sociaaldomein.models import User
from toetsing.models import (
    Artikel,
    Toets,
    ToetsArtikel,
)
from toetsing.motivering import (
    schrijf_motivering,
)
from toetsing.services.basis import (
    STAP2_VELDEN,
    clean_fields_of,
    gegevens_van,
    gerelateerde_wetten,
    lock_toets,
    onderdelen,
    save_toets,
    set_fields,
)
from toetsing.services.correcties import replace_previous
from toetsing.services.maatwerk import create_request, submit_problems


def save_stap2(
    *,
    toets: Toets,
    door: User,
    versie: int,
    velden: dict,
    artikelen: dict[int, tuple[str, str]],
    toevoegen: tuple[int, str] | None = None,
    verwijderen: int | None = None,
    indienen: bool = False,
) -> tuple[Toets, bool]:
    """Save the draft of step 2: the cited articles with their motivation, and the outcome;
    with `indienen` submit it in the same transaction (when incomplete, the draft is still
    saved and a ValidationError names what is missing).

    An article of a law unrelated to the core values of step 1 is never saved without a
    reason (`artikelen`: artikel id → (motivation, reason for another law))."""
    with transaction.atomic():
        locked = lock_toets(toets, stap=2, versie=versie)
        changed = set_fields(locked, velden, STAP2_VELDEN)
        clean_fields_of(locked, changed)
        parts_changed = _apply_artikelen(locked, artikelen, toevoegen, verwijderen)
        if changed or parts_changed:
            save_toets(locked, door=door, versie=versie, fields=changed)
        problemen = _submit(locked, door=door) if indienen else {}
    if problemen:
        raise ValidationError(problemen)
    return locked, bool(changed or parts_changed)


def _apply_artikelen(
    locked: Toets,
    artikelen: dict[int, tuple[str, str]],
    toevoegen: tuple[int, str] | None,
    verwijderen: int | None,
) -> bool:
    gerelateerd = gerelateerde_wetten(locked.grondwaarden.all())
    rijen = {keuze.artikel_id: keuze for keuze in locked.artikelen.all()}
    fouten: dict[str, str] = {}
    gewijzigd = []
    for artikel_id, (motivering, reden) in artikelen.items():
        keuze = rijen.get(artikel_id)
        if keuze is None or artikel_id == verwijderen:
            continue
        if keuze.wet_id not in gerelateerd and not reden.strip():
            fouten[f"artikel-{artikel_id}-reden"] = (
                f"De {keuze.wet_afkorting} hoort niet bij de grondwaarden uit stap 1: geef een "
                "reden om dit artikel toch te gebruiken, of verwijder het."
            )
            continue
        if (keuze.motivering, keuze.reden_andere_wet) != (motivering, reden):
            keuze.motivering, keuze.reden_andere_wet = motivering, reden
            keuze.clean_fields()
            gewijzigd.append(keuze)
    if fouten:
        raise ValidationError(fouten)
    if gewijzigd:
        ToetsArtikel.objects.bulk_update(gewijzigd, ["motivering", "reden_andere_wet"])
    changed = bool(gewijzigd)
    if verwijderen is not None:
        keuze = rijen.get(verwijderen)
        if keuze is not None and keuze.automatisch:
            raise ValidationError(
                {"artikelen": f"{keuze.verwijzing_kort} hoort bij elke toets en blijft staan."}
            )
        if keuze is not None:
            ToetsArtikel.objects.filter(pk=keuze.pk).delete()
            changed = True
    if toevoegen is not None:
        _add_article(locked, *toevoegen, bestaand=rijen, gerelateerd=gerelateerd)
        changed = True
    return changed


def _add_article(
    toets: Toets, artikel_id: int, reden: str, *, bestaand: dict, gerelateerd: set[int]
) -> ToetsArtikel:
    artikel = (
        Artikel.objects.geldig()
        .filter(pk=artikel_id, wet__actief=True)
        .select_related("wet")
        .first()
    )
    if artikel is None:
        raise ValidationError({"toevoegen": "Dit artikel bestaat niet of is ingetrokken."})
    if artikel.pk in bestaand:
        raise ValidationError(
            {"toevoegen": f"{artikel.wet.afkorting} art. {artikel.nummer} staat er al."}
        )
    if artikel.wet_id not in gerelateerd and not reden.strip():
        raise ValidationError(
            {
                f"reden-{artikel.pk}": f"De {artikel.wet.afkorting} hoort niet bij de "
                "grondwaarden die u in stap 1 koos. Geef een reden om dit artikel toch te "
                "gebruiken."
            }
        )
    volgorde = toets.artikelen.aggregate(hoogste=Max("volgorde"))["hoogste"] or 0
    keuze = ToetsArtikel(
        toets=toets,
        reden_andere_wet="" if artikel.wet_id in gerelateerd else reden.strip(),
        volgorde=volgorde + 1,
    )
    keuze.neem_tekst_over(artikel)
    keuze.clean_fields()
    keuze.save()
    return keuze


@transaction.atomic
def submit_toets(*, toets: Toets, door: User, versie: int) -> Toets:
    """Submit: check step 2, take the final snapshot of every cited article, write the
    motivation, and make the toets immutable. Maatwerk goes to the team lead(s)."""
    locked = lock_toets(toets, stap=2, versie=versie)
    problemen = _submit(locked, door=door)
    if problemen:
        raise ValidationError(problemen)
    return locked


def _submit(locked: Toets, *, door: User) -> dict[str, str]:
    """Submit a locked toets; returns what is missing instead (and changes nothing)."""
    grondwaarden, effecten, artikelen = onderdelen(locked)
    actueel = {
        artikel.pk: artikel
        for artikel in Artikel.objects.filter(
            pk__in=[keuze.artikel_id for keuze in artikelen]
        ).select_related("wet")
    }
    vandaag = timezone.localdate()
    geldig = {pk for pk, artikel in actueel.items() if artikel.is_geldig(vandaag)}
    verplicht = set(
        Artikel.objects.geldig(vandaag)
        .filter(altijd_toetsen=True, wet__actief=True)
        .values_list("pk", flat=True)
    )
    problemen = locked.stap2_problemen(
        artikelen,
        gerelateerde_wetten=gerelateerde_wetten(grondwaarden),
        geldige_artikelen=geldig,
        verplichte_artikelen=verplicht,
    )
    if locked.is_maatwerk:
        problemen.update(submit_problems(locked, effecten=effecten, artikelen=artikelen))
    if problemen:
        return problemen
    for keuze in artikelen:  # the text as cited on the day of submission
        keuze.neem_tekst_over(actueel[keuze.artikel_id])
    ToetsArtikel.objects.bulk_update(
        artikelen, ["wet_afkorting", "nummer", "titel", "betekenis", "afwijkingsgrond"]
    )
    now = timezone.now()
    locked.status, locked.ingediend_op, locked.ingediend_door = Toets.Status.INGEDIEND, now, door
    if not locked.is_maatwerk:
        locked.afwijking_regel = locked.bijzondere_omstandigheden = ""
        locked.evenredigheid_afwijking = locked.voorliggend_overwogen = ""
        locked.samenvatting_deelbaar = locked.precedent_afwijking = ""
        locked.precedent = None
    locked.motivering = schrijf_motivering(
        gegevens_van(locked, grondwaarden, effecten, artikelen, door=door, datum=now)
    )
    save_toets(
        locked,
        door=door,
        versie=locked.versie,
        fields=[
            "status",
            "ingediend_op",
            "ingediend_door",
            "motivering",
            "afwijking_regel",
            "bijzondere_omstandigheden",
            "evenredigheid_afwijking",
            "voorliggend_overwogen",
            "samenvatting_deelbaar",
            "precedent",
            "precedent_afwijking",
        ],
    )
    if locked.is_maatwerk:
        create_request(toets=locked, door=door, effecten=effecten, artikelen=artikelen)
    replace_previous(locked, door=door)
    return {}
