"""Shared parts of the toets services: field lists, exceptions, locking and versions,
notifications, and the input of the motivation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from huishoudens.models import Huishouden, Leefdomein, Lid
from sociaaldomein.concurrency import VersionConflict, save_versioned
from sociaaldomein.models import Notificatie, User
from toetsing.models import (
    Effect,
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
    "voorliggend_overwogen",
    "samenvatting_deelbaar",
    "precedent_id",
    "precedent_afwijking",
]

ETHIEK = [
    ("Gelijke behandeling", "ethiek_gelijkheid"),
    ("Autonomie", "ethiek_autonomie"),
    ("Evenredigheid", "ethiek_evenredigheid"),
    ("Precedent", "ethiek_precedent"),
]

MAX_EFFECTEN_BIJ_START = 40
# rows for concerns outside the goal are added only up to this many rows in all
EFFECTEN_MET_ZORGEN_TOT = 12


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


def lock_toets(toets: Toets, *, stap: int | None, versie: int | None) -> Toets:
    locked = Toets.objects.select_for_update().select_related("huishouden").get(pk=toets.pk)
    if locked.is_afgesloten:
        raise ToetsAfgesloten(locked)
    locked.huishouden.check_open()
    if stap == 1 and locked.status != Toets.Status.CONCEPT:
        raise StapGesloten(locked, 1)
    if stap == 2 and locked.status != Toets.Status.STAP2:
        raise StapGesloten(locked, 2)
    if versie is not None and locked.versie != versie:
        raise VersionConflict(locked)
    return locked


def set_fields(obj, values: dict, names: Iterable[str]) -> list[str]:
    """Set the given fields from `values`; return the names that changed."""
    changed = []
    for name in names:
        if name in values and getattr(obj, name) != values[name]:
            setattr(obj, name, values[name])
            changed.append(name)
    return changed


def clean_fields_of(obj, names: Iterable[str]) -> None:
    """Field-level checks (lengths, choices, digits) of the fields a write touches."""
    names = set(names)
    exclude = [f.name for f in obj._meta.fields if f.name not in names]
    obj.clean_fields(exclude=exclude)


def save_toets(locked: Toets, *, door: User, versie: int, fields: list[str]) -> None:
    locked.gewijzigd_door = door
    save_versioned(locked, expected=versie, fields=[*fields, "gewijzigd_door"])


def notify_leads(huishouden: Huishouden, *, tekst: str, url: str) -> None:
    Notificatie.notify_leads(
        huishouden.team_id, soort=Notificatie.Soort.MAATWERK, tekst=tekst, url=url
    )


def gerelateerde_wetten(grondwaarden: Iterable[ToetsGrondwaarde]) -> set[int]:
    """Laws whose articles fit step 1: those of the chosen core values, plus general laws
    (the Awb) that apply to every decision."""
    algemeen = set(Wet.objects.filter(algemeen=True).values_list("pk", flat=True))
    return {keuze.wet_id for keuze in grondwaarden} | algemeen


def onderdelen(toets: Toets) -> tuple[list[ToetsGrondwaarde], list[Effect], list[ToetsArtikel]]:
    """The parts of a toets in three queries, whatever their number."""
    return (*stap1_onderdelen(toets), list(toets.artikelen.order_by("volgorde", "id")))


def stap1_onderdelen(toets: Toets) -> tuple[list[ToetsGrondwaarde], list[Effect]]:
    """The parts step 1 shows and saves (core values and effects), in two queries."""
    return (
        list(toets.grondwaarden.order_by("wet__volgorde", "grondwaarde__volgorde", "id")),
        list(toets.effecten.select_related("lid", "leefdomein").order_by("id")),
    )


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
