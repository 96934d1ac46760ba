"""Step 1 (questions 1–4): start a toets, save its draft, conclude it (step 2 opens, or
the toets ends with its reason), or reopen it from step 2."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from casussen.models import Actie, Doel
from huishoudens.models import Beoordeling, Huishouden, Leefdomein, Lid
from sociaaldomein.models import User
from toetsing.models import (
    Artikel,
    Effect,
    Grondwaarde,
    Toets,
    ToetsArtikel,
    ToetsGrondwaarde,
)
from toetsing.motivering import (
    schrijf_motivering,
)
from toetsing.services.basis import (
    EFFECTEN_MET_ZORGEN_TOT,
    MAX_EFFECTEN_BIJ_START,
    STAP1_VELDEN,
    NieuwEffect,
    clean_fields_of,
    gegevens_van,
    lock_toets,
    onderdelen,
    save_toets,
    set_fields,
)
from toetsing.services.correcties import replace_previous


@transaction.atomic
def start_toets(
    *,
    huishouden: Huishouden,
    door: User,
    vraag: str,
    doel: Doel | None = None,
    actie: Actie | None = None,
) -> Toets:
    """A new toets for one goal or one action of this household's plan.

    Prefilled from the plan: the cost and funding stream of the action, and one effect
    row per member and life domain the goal is about (principle 1: every member)."""
    huishouden.check_open()
    if (doel is None) == (actie is None):
        raise ValidationError("Een toets hoort bij één doel of één actie.")
    plan_doel = actie.doel if actie is not None else doel
    if plan_doel.plan.huishouden_id != huishouden.pk:
        raise ValidationError("Dit doel of deze actie hoort niet bij dit huishouden.")
    if not plan_doel.is_actief or (actie is not None and not actie.is_actief):
        raise ValidationError(
            f"Dit {'actie' if actie else 'doel'} is afgesloten; een toets gaat over wat nog "
            "besloten moet worden."
        )
    toets = Toets(
        huishouden=huishouden,
        doel=doel if actie is None else None,
        actie=actie,
        vraag=" ".join((vraag or "").split()),
        aangemaakt_door=door,
        gewijzigd_door=door,
    )
    if actie is not None:
        toets.financiering = actie.wet
        if actie.kosten:
            toets.kosten_oplossing = actie.kosten
    if not toets.vraag:
        raise ValidationError({"vraag": "Beschrijf de beslisvraag."})
    toets.full_clean()
    toets.save()
    if actie is not None and actie.lid_id:
        leden = [actie.lid]
    elif plan_doel.heel_huishouden:
        leden = list(huishouden.leden.filter(einddatum__isnull=True).order_by("geboortedatum"))
    else:
        leden = list(plan_doel.leden.filter(einddatum__isnull=True).order_by("geboortedatum"))
    domeinen = list(plan_doel.leefdomeinen.filter(actief=True).order_by("volgorde"))
    Effect.objects.bulk_create(
        [
            Effect(toets=toets, lid=lid, leefdomein=domein)
            for lid, domein in _effect_cellen(leden, domeinen)
        ][:MAX_EFFECTEN_BIJ_START]
    )
    return toets


def _effect_cellen(leden: list[Lid], domeinen: list[Leefdomein]) -> list[tuple[Lid, Leefdomein]]:
    """Effect rows only where they mean something: each member on the goal's domains, then
    (while the step stays short) on the domains where a member has a concern (a current 1
    or 2); never on a domain assessed as not applicable to that member."""
    actueel = {
        (b.lid_id, b.leefdomein_id): b
        for b in Beoordeling.objects.filter(lid__in=leden).select_related("leefdomein").current()
    }
    doel_ids = {domein.pk for domein in domeinen}
    van_toepassing = [
        (lid, domein)
        for lid in leden
        for domein in domeinen
        if not getattr(actueel.get((lid.pk, domein.pk)), "niet_van_toepassing", False)
    ]
    zorgen = sorted(
        (
            (b.lid_id, b.leefdomein.volgorde, b.leefdomein)
            for (_, domein_id), b in actueel.items()
            if domein_id not in doel_ids and b.score is not None and b.score <= 2
        ),
        key=lambda rij: rij[:2],
    )
    per_pk = {lid.pk: lid for lid in leden}
    ruimte = max(0, EFFECTEN_MET_ZORGEN_TOT - len(van_toepassing))
    return van_toepassing + [(per_pk[lid_id], domein) for lid_id, _, domein in zorgen][:ruimte]


def save_stap1(
    *,
    toets: Toets,
    door: User,
    versie: int,
    velden: dict,
    grondwaarden: dict[int, str],
    effecten: dict[int, tuple[str, str]],
    nieuw_effect: NieuwEffect | None = None,
    verwijder_effect: int | None = None,
    afronden: bool = False,
) -> tuple[Toets, bool]:
    """Save the draft of step 1 as it stands (incomplete is fine; wrong is not), and with
    `afronden` conclude it in the same transaction.

    `grondwaarden`: the ticked core values (id → explanation); `effecten`: the effect rows
    (id → (expectation, note)). Returns the toets and whether anything changed; an
    unchanged draft keeps its version. When step 1 cannot be concluded yet, the draft is
    still saved (committed) and a ValidationError names what is missing."""
    with transaction.atomic():
        locked = lock_toets(toets, stap=1, versie=versie)
        changed = _apply_stap1(
            locked, velden, grondwaarden, effecten, nieuw_effect, verwijder_effect
        )
        if changed:
            save_toets(locked, door=door, versie=versie, fields=changed[1])
        problemen = _conclude_stap1(locked, door=door) if afronden else {}
    if problemen:
        raise ValidationError(problemen)
    return locked, bool(changed)


def _apply_stap1(
    locked: Toets,
    velden: dict,
    grondwaarden: dict[int, str],
    effecten: dict[int, tuple[str, str]],
    nieuw_effect: NieuwEffect | None,
    verwijder_effect: int | None,
) -> tuple[bool, list[str]] | None:
    """Write the draft's values and rows; (True, changed toets fields) or None."""
    changed = set_fields(locked, velden, STAP1_VELDEN)
    clean_fields_of(locked, changed)
    parts_changed = False

    huidig = {keuze.grondwaarde_id: keuze for keuze in locked.grondwaarden.all()}
    weg = [keuze.pk for gw_id, keuze in huidig.items() if gw_id not in grondwaarden]
    if weg:
        ToetsGrondwaarde.objects.filter(pk__in=weg).delete()
        parts_changed = True
    nieuw_ids = [gw_id for gw_id in grondwaarden if gw_id not in huidig]
    nieuw = []
    if nieuw_ids:
        for grondwaarde in Grondwaarde.objects.filter(
            pk__in=nieuw_ids, actief=True, wet__actief=True
        ).select_related("wet"):
            keuze = ToetsGrondwaarde(
                toets=locked,
                grondwaarde=grondwaarde,
                wet=grondwaarde.wet,
                naam=grondwaarde.naam,
                wet_afkorting=grondwaarde.wet.afkorting,
                toelichting=grondwaarden[grondwaarde.pk],
            )
            keuze.clean_fields()
            nieuw.append(keuze)
        if len(nieuw) != len(nieuw_ids):
            raise ValidationError({"grondwaarden": "Kies alleen grondwaarden uit de lijst."})
        ToetsGrondwaarde.objects.bulk_create(nieuw)
        parts_changed = True
    gewijzigd = []
    for gw_id, keuze in huidig.items():
        if gw_id in grondwaarden and keuze.toelichting != grondwaarden[gw_id]:
            keuze.toelichting = grondwaarden[gw_id]
            keuze.clean_fields()
            gewijzigd.append(keuze)
    if gewijzigd:
        ToetsGrondwaarde.objects.bulk_update(gewijzigd, ["toelichting"])
        parts_changed = True

    rijen = {effect.pk: effect for effect in locked.effecten.all()}
    gewijzigd = []
    for pk, (verwachting, toelichting) in effecten.items():
        effect = rijen.get(pk)
        if effect is None or pk == verwijder_effect:
            continue
        if (effect.verwachting, effect.toelichting) != (verwachting, toelichting):
            effect.verwachting, effect.toelichting = verwachting, toelichting
            effect.clean_fields()
            gewijzigd.append(effect)
    if gewijzigd:
        Effect.objects.bulk_update(gewijzigd, ["verwachting", "toelichting"])
        parts_changed = True
    if verwijder_effect is not None and verwijder_effect in rijen:
        Effect.objects.filter(pk=verwijder_effect).delete()
        parts_changed = True
    if nieuw_effect is not None:
        _add_effect(locked, nieuw_effect, rijen.values())
        parts_changed = True
    return (True, changed) if (changed or parts_changed) else None


def _add_effect(toets: Toets, nieuw: NieuwEffect, bestaand: Iterable[Effect]) -> Effect:
    if nieuw.lid is not None and (
        nieuw.lid.huishouden_id != toets.huishouden_id or not nieuw.lid.is_actief
    ):
        raise ValidationError({"nieuw_lid": "Kies een lid van dit huishouden."})
    if any(
        e.lid_id == (nieuw.lid.pk if nieuw.lid else None) and e.leefdomein_id == nieuw.leefdomein.pk
        for e in bestaand
    ):
        raise ValidationError(
            {"nieuw_leefdomein": "Voor dit lid en dit leefdomein staat er al een effect."}
        )
    effect = Effect(
        toets=toets,
        lid=nieuw.lid,
        leefdomein=nieuw.leefdomein,
        verwachting=nieuw.verwachting,
        toelichting=nieuw.toelichting,
    )
    effect.clean_fields()
    effect.save()
    return effect


@transaction.atomic
def conclude_stap1(*, toets: Toets, door: User, versie: int) -> Toets:
    """Conclude step 1. Positive (needed, fits the core values, ethically justifiable):
    step 2 opens, with proportionality and motivation (Awb 3:4 lid 2, 3:46) added.
    Negative: the toets ends with its recorded reason, and a motivation of the refusal."""
    locked = lock_toets(toets, stap=1, versie=versie)
    problemen = _conclude_stap1(locked, door=door)
    if problemen:
        raise ValidationError(problemen)
    return locked


def _conclude_stap1(locked: Toets, *, door: User) -> dict[str, str]:
    """Conclude a locked toets; returns what is missing instead (and changes nothing)."""
    grondwaarden, effecten, _ = onderdelen(locked)
    problemen = locked.stap1_problemen(grondwaarden, effecten)
    if problemen:
        return problemen
    now = timezone.now()
    if locked.conclusie_positief:
        _add_required_articles(locked, grondwaarden)
        locked.status, locked.stap2_op = Toets.Status.STAP2, now
        save_toets(locked, door=door, versie=locked.versie, fields=["status", "stap2_op"])
        return {}
    locked.status = Toets.Status.BEEINDIGD
    locked.beeindigd_op, locked.beeindigd_door = now, door
    locked.motivering = schrijf_motivering(
        gegevens_van(locked, grondwaarden, effecten, [], door=door, datum=now)
    )
    save_toets(
        locked,
        door=door,
        versie=locked.versie,
        fields=["status", "beeindigd_op", "beeindigd_door", "motivering"],
    )
    replace_previous(locked, door=door)
    return {}


def _add_required_articles(toets: Toets, grondwaarden) -> None:
    aanwezig = set(toets.artikelen.values_list("artikel_id", flat=True))
    volgorde = len(aanwezig)
    nieuw = []
    for artikel in (
        Artikel.objects.geldig()
        .filter(altijd_toetsen=True, wet__actief=True)
        .select_related("wet")
        .order_by("wet__volgorde", "volgorde")
    ):
        if artikel.pk in aanwezig:
            continue
        volgorde += 1
        keuze = ToetsArtikel(toets=toets, automatisch=True, volgorde=1000 + volgorde)
        keuze.neem_tekst_over(artikel)
        nieuw.append(keuze)
    ToetsArtikel.objects.bulk_create(nieuw)


@transaction.atomic
def reopen_stap1(*, toets: Toets, door: User, versie: int) -> Toets:
    """Back to step 1 from step 2: step 2 closes until step 1 is concluded again (its
    draft stays)."""
    locked = lock_toets(toets, stap=2, versie=versie)
    locked.status, locked.stap2_op = Toets.Status.CONCEPT, None
    save_toets(locked, door=door, versie=versie, fields=["status", "stap2_op"])
    return locked
