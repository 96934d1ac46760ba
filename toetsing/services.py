"""Writes of the omgekeerde toets: keyword-only, one transaction each.

Every write locks the toets row and states the version it was read at, so two people
editing one draft never overwrite each other (VersionConflict); a toets that is no longer
editable refuses every write (ToetsAfgesloten), and a step that is not open refuses its
writes (StapGesloten) — whatever the request looks like. PostgreSQL backs both with
constraints and triggers (migrations 0003, 0004). Notifications are explicit calls here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from casussen.models import Actie, Doel
from huishoudens.models import Huishouden, Leefdomein, Lid
from sociaaldomein.concurrency import VersionConflict, save_versioned
from sociaaldomein.models import Notificatie, User
from sociaaldomein.roles import Rol
from toetsing.models import (
    Artikel,
    Effect,
    Grondwaarde,
    MaatwerkVerzoek,
    Toets,
    ToetsArtikel,
    ToetsGrondwaarde,
    Wet,
)
from toetsing.motivering import (
    ArtikelRegel,
    EffectRegel,
    Gegevens,
    GrondwaardeRegel,
    euro,
    schrijf_motivering,
)

STAP1_VELDEN = [
    "behoefte",
    "analyse",
    "effect_kort",
    "effect_lang",
    "effect_omgeving",
    "kosten_oplossing",
    "alternatief",
    "kosten_alternatief",
    "horizon_maanden",
    "ethisch_verantwoord",
    "ethiek_gelijkheid",
    "ethiek_autonomie",
    "ethiek_evenredigheid",
    "ethiek_precedent",
    "is_nodig",
    "past_bij_grondwaarden",
    "conclusie_toelichting",
    "reden_beeindiging",
]
STAP2_VELDEN = [
    "uitkomst",
    "financiering",
    "afwijking_regel",
    "bijzondere_omstandigheden",
    "evenredigheid_afwijking",
]
ETHIEK = [
    ("Gelijke behandeling", "ethiek_gelijkheid"),
    ("Autonomie", "ethiek_autonomie"),
    ("Evenredigheid", "ethiek_evenredigheid"),
    ("Precedent", "ethiek_precedent"),
]
MAX_EFFECTEN_BIJ_START = 40


class ToetsAfgesloten(Exception):
    """The toets is submitted, ended or replaced: it can only be corrected."""

    def __init__(self, toets: Toets):
        super().__init__(f"Toets {toets.pk} is {toets.get_status_display().lower()}")
        self.toets = toets


class StapGesloten(Exception):
    """The step this write belongs to is not open (step order is server-enforced)."""

    def __init__(self, toets: Toets, stap: int):
        super().__init__(f"Stap {stap} van toets {toets.pk} is niet open")
        self.toets = toets
        self.stap = stap


@dataclass(frozen=True)
class NieuwEffect:
    lid: Lid | None
    leefdomein: Leefdomein
    verwachting: str = ""
    toelichting: str = ""


# --- helpers ---------------------------------------------------------------------------------


def _lock(toets: Toets, *, stap: int | None, versie: int | None) -> Toets:
    locked = Toets.objects.select_for_update().select_related("huishouden").get(pk=toets.pk)
    if locked.is_afgesloten:
        raise ToetsAfgesloten(locked)
    if stap == 1 and locked.status != Toets.Status.CONCEPT:
        raise StapGesloten(locked, 1)
    if stap == 2 and locked.status != Toets.Status.STAP2:
        raise StapGesloten(locked, 2)
    if versie is not None and locked.versie != versie:
        raise VersionConflict(locked)
    return locked


def _set(obj, values: dict, names: Iterable[str]) -> list[str]:
    """Set the given fields from `values`; return the names that changed."""
    changed = []
    for name in names:
        if name in values and getattr(obj, name) != values[name]:
            setattr(obj, name, values[name])
            changed.append(name)
    return changed


def _clean_fields(obj, names: Iterable[str]) -> None:
    """Field-level checks (lengths, choices, digits) of the fields a write touches."""
    names = set(names)
    exclude = [f.name for f in obj._meta.fields if f.name not in names]
    obj.clean_fields(exclude=exclude)


def _save(locked: Toets, *, door: User, versie: int, fields: list[str]) -> None:
    locked.gewijzigd_door = door
    save_versioned(locked, expected=versie, fields=[*fields, "gewijzigd_door"])


def _teamleiders(huishouden: Huishouden) -> list[User]:
    return list(
        User.objects.filter(
            teams=huishouden.team_id, groups__name=Rol.TEAMLEIDER.value, is_active=True
        ).distinct()
    )


def _notify_leads(huishouden: Huishouden, *, tekst: str, url: str) -> None:
    # The text names the file number, not the family: it may show on a shared screen.
    Notificatie.objects.bulk_create(
        Notificatie(ontvanger=lead, soort=Notificatie.Soort.MAATWERK, tekst=tekst[:300], url=url)
        for lead in _teamleiders(huishouden)
    )


def gerelateerde_wetten(grondwaarden: Iterable[ToetsGrondwaarde]) -> set[int]:
    """Laws whose articles fit step 1: those of the chosen core values, plus general laws
    (the Awb) that apply to every decision."""
    algemeen = set(Wet.objects.filter(algemeen=True).values_list("pk", flat=True))
    return {keuze.wet_id for keuze in grondwaarden} | algemeen


def onderdelen(toets: Toets) -> tuple[list[ToetsGrondwaarde], list[Effect], list[ToetsArtikel]]:
    """The parts of a toets in three queries, whatever their number."""
    return (
        list(toets.grondwaarden.order_by("wet__volgorde", "grondwaarde__volgorde", "id")),
        list(toets.effecten.select_related("lid", "leefdomein").order_by("id")),
        list(toets.artikelen.order_by("volgorde", "id")),
    )


# --- starting ------------------------------------------------------------------------------


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
        [Effect(toets=toets, lid=lid, leefdomein=domein) for lid in leden for domein in domeinen][
            :MAX_EFFECTEN_BIJ_START
        ]
    )
    return toets


# --- step 1 ----------------------------------------------------------------------------------


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
        locked = _lock(toets, stap=1, versie=versie)
        changed = _apply_stap1(
            locked, velden, grondwaarden, effecten, nieuw_effect, verwijder_effect
        )
        if changed:
            _save(locked, door=door, versie=versie, fields=changed[1])
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
    changed = _set(locked, velden, STAP1_VELDEN)
    _clean_fields(locked, changed)
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
    locked = _lock(toets, stap=1, versie=versie)
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
        _save(locked, door=door, versie=locked.versie, fields=["status", "stap2_op"])
        return {}
    locked.status = Toets.Status.BEEINDIGD
    locked.beeindigd_op, locked.beeindigd_door = now, door
    locked.motivering = schrijf_motivering(
        gegevens_van(locked, grondwaarden, effecten, [], door=door, datum=now)
    )
    _save(
        locked,
        door=door,
        versie=locked.versie,
        fields=["status", "beeindigd_op", "beeindigd_door", "motivering"],
    )
    _replace_previous(locked, door=door)
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
    locked = _lock(toets, stap=2, versie=versie)
    locked.status, locked.stap2_op = Toets.Status.CONCEPT, None
    _save(locked, door=door, versie=versie, fields=["status", "stap2_op"])
    return locked


# --- step 2 ----------------------------------------------------------------------------------


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
        locked = _lock(toets, stap=2, versie=versie)
        changed = _set(locked, velden, STAP2_VELDEN)
        _clean_fields(locked, changed)
        parts_changed = _apply_artikelen(locked, artikelen, toevoegen, verwijderen)
        if changed or parts_changed:
            _save(locked, door=door, versie=versie, fields=changed)
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
    locked = _lock(toets, stap=2, versie=versie)
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
        locked.evenredigheid_afwijking = ""
    locked.motivering = schrijf_motivering(
        gegevens_van(locked, grondwaarden, effecten, artikelen, door=door, datum=now)
    )
    _save(
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
        ],
    )
    if locked.is_maatwerk:
        verzoek = MaatwerkVerzoek(
            toets=locked,
            bedrag=locked.kosten_oplossing,
            financiering=locked.financiering,
            aangevraagd_door=door,
        )
        verzoek.full_clean()
        verzoek.save()
        _notify_leads(
            locked.huishouden,
            tekst=f"Maatwerkverzoek van {euro(verzoek.bedrag)} "
            f"({verzoek.get_financiering_display()}) voor huishouden "
            f"{locked.huishouden.referentie} door {door.weergavenaam}.",
            url=locked.get_absolute_url(),
        )
    _replace_previous(locked, door=door)
    return {}


# --- corrections ---------------------------------------------------------------------------


def _replace_previous(toets: Toets, *, door: User) -> None:
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
        toets=vorige, status=MaatwerkVerzoek.Status.INGEDIEND
    ).update(status=MaatwerkVerzoek.Status.INGETROKKEN)
    if ingetrokken:
        _notify_leads(
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


# --- the motivation's input ------------------------------------------------------------------


def onderdeel_tekst(toets: Toets) -> str:
    if toets.actie_id:
        return f"de actie ‘{toets.actie.wat}’ bij het doel ‘{toets.actie.doel.omschrijving}’"
    return f"het doel ‘{toets.doel.omschrijving}’"


def gegevens_van(
    toets: Toets,
    grondwaarden: list[ToetsGrondwaarde],
    effecten: list[Effect],
    artikelen: list[ToetsArtikel],
    *,
    door: User,
    datum,
) -> Gegevens:
    """The recorded answers of a toets, as input for `schrijf_motivering`."""
    vorige = toets.vorige
    return Gegevens(
        vraag=toets.vraag,
        onderdeel=onderdeel_tekst(toets),
        referentie=toets.huishouden.referentie,
        behoefte=toets.behoefte,
        analyse=toets.analyse,
        effect_kort=toets.effect_kort,
        effect_lang=toets.effect_lang,
        effecten=[
            EffectRegel(
                wie=e.lid.volledige_naam if e.lid_id else "het hele huishouden",
                domein=e.leefdomein.naam,
                verwachting=e.verwachting,
                toelichting=e.toelichting,
            )
            for e in effecten
            if e.verwachting
        ],
        effect_omgeving=toets.effect_omgeving,
        kosten_oplossing=toets.kosten_oplossing,
        alternatief=toets.alternatief,
        kosten_alternatief=toets.kosten_alternatief,
        horizon_maanden=toets.horizon_maanden,
        grondwaarden=[
            GrondwaardeRegel(k.wet_afkorting, k.naam, k.toelichting) for k in grondwaarden
        ],
        ethisch_verantwoord=toets.ethisch_verantwoord,
        ethiek=[(label, getattr(toets, name)) for label, name in ETHIEK],
        is_nodig=toets.is_nodig,
        past_bij_grondwaarden=toets.past_bij_grondwaarden,
        conclusie_toelichting=toets.conclusie_toelichting,
        reden_beeindiging=toets.reden_beeindiging,
        artikelen=[
            ArtikelRegel(k.verwijzing, k.titel, k.motivering, k.reden_andere_wet) for k in artikelen
        ],
        uitkomst=toets.uitkomst,
        afwijking_regel=toets.afwijking_regel,
        bijzondere_omstandigheden=toets.bijzondere_omstandigheden,
        evenredigheid_afwijking=toets.evenredigheid_afwijking,
        financiering=toets.get_financiering_display() if toets.financiering else "",
        door=door.weergavenaam,
        datum=timezone.localdate(datum) if hasattr(datum, "tzinfo") else datum,
        correctie_van=(
            timezone.localdate(vorige.ingediend_op or vorige.beeindigd_op) if vorige else None
        ),
        reden_correctie=toets.reden_correctie,
    )
