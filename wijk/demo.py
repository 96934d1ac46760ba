"""Demo data of the wijk: offers, needs and matches of the sociale makelaar spread over
the last quarters, stories (some selected for the council), and then the Wijkbeeld's
summary table computed, so every chart shows a trend. Idempotent: a team that already
has demo offers is skipped. The assessments over the quarters come from huishoudens.demo.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from huishoudens.demo import PREFIX
from huishoudens.models import Huishouden, Leefdomein
from sociaaldomein.demo import DemoContext
from wijk.anonimiseren import Bekend, anonimiseer
from wijk.cijfers import bereken
from wijk.models import Aanbod, Behoefte, Match, Verhaal

# (soort, naam, omschrijving, domein, hulpsoort)
AANBOD = [
    ("talent", "Ali", "Klust graag in huis en tuin", "huisvesting", "klussen"),
    (
        "talent",
        "Marja",
        "Was boekhouder, helpt met post en formulieren",
        "financien",
        "administratie",
    ),
    ("vrijwilliger", "Henk", "Doet boodschappen voor buren", "instrumentele-adl", "boodschappen"),
    ("vrijwilliger", "Noor", "Leest voor en helpt met huiswerk", "werk-opleiding", "taal"),
    (
        "initiatief",
        "Buurthuis De Linde",
        "Koffieochtend en samen eten",
        "sociaal-netwerk",
        "gezelschap",
    ),
    ("initiatief", "Repair Café Noord", "Meelopen en leren repareren", "werk-opleiding", "werk"),
    (
        "vrijwilliger",
        "Kees",
        "Rijdt naar het ziekenhuis en de markt",
        "lichamelijke-gezondheid",
        "vervoer",
    ),
    ("talent", "Samira", "Past op en kookt mee", "huiselijke-relaties", "opvoeding"),
]
BEHOEFTE = {
    "klussen": "Iemand die de tuin opknapt",
    "administratie": "Hulp bij het openen en ordenen van de post",
    "boodschappen": "Iemand die boodschappen doet",
    "taal": "Huiswerkbegeleiding voor de oudste",
    "gezelschap": "Weer onder de mensen komen",
    "werk": "Een plek om werkervaring op te doen",
    "vervoer": "Vervoer naar de fysiotherapeut",
    "opvoeding": "Af en toe een oppas",
}
VERHALEN = [
    (
        "Weer grip op de post",
        "Toen ik {naam} voor het eerst sprak op de {adres}, lag er een stapel ongeopende "
        "brieven op tafel. Samen met een vrijwilliger uit de buurt is alles geordend; er is "
        "een betalingsregeling en {voornaam} opent de post nu zelf. Over een jaar willen ze "
        "schuldenvrij zijn.",
    ),
    (
        "Van thuiszitten naar meedoen",
        "{voornaam} (geboren {geboren}) zat twee jaar thuis. Via het Repair Café kwam hij "
        "in contact met een werkgever in {postcode}; hij werkt nu drie dagen per week.",
    ),
    (
        "Een tuin en een buurman",
        "Mevrouw {achternaam} kon de tuin niet meer bijhouden. Ali uit de straat knapte hem "
        "op; in ruil helpt zij hem met zijn formulieren. Ze drinken nu elke week koffie.",
    ),
]


def _op(vandaag: datetime.date, dagen: int) -> datetime.datetime:
    moment = datetime.datetime.combine(vandaag - datetime.timedelta(days=dagen), datetime.time(10))
    return timezone.make_aware(moment)


@transaction.atomic
def _seed_team(team, prof, lead, vandaag, rng) -> int:
    domeinen = {d.code: d for d in Leefdomein.objects.all()}
    aanbod = [
        Aanbod.objects.create(
            team=team,
            soort=soort,
            naam=naam if i < len(AANBOD) else f"{naam} ({i // len(AANBOD) + 1})",
            omschrijving=omschrijving,
            leefdomein=domeinen[domein],
            hulpsoort=hulpsoort,
            vastgelegd_door=prof,
        )
        for i, (soort, naam, omschrijving, domein, hulpsoort) in enumerate(AANBOD * 4)
    ]
    huishoudens = list(
        Huishouden.objects.filter(
            team=team, referentie__startswith=PREFIX, status=Huishouden.Status.ACTIEF
        ).order_by("id")[:60]
    )
    matches = 0
    for index, huishouden in enumerate(huishoudens):
        a = aanbod[index % len(aanbod)]
        behoefte = Behoefte.objects.create(
            huishouden=huishouden,
            omschrijving=BEHOEFTE[a.hulpsoort],
            leefdomein=a.leefdomein,
            hulpsoort=a.hulpsoort,
            vastgelegd_door=prof,
        )
        if index % 5 == 4:
            continue  # a need still waiting for a match
        dagen = rng.randint(5, 520)
        stap = index % 4  # 0 proposed, 1 accepted, 2 active, 3 ended
        match = Match(aanbod=a, behoefte=behoefte, voorgesteld_door=prof)
        match.voorgesteld_op = _op(vandaag, dagen)
        if stap >= 1 or index % 3 == 0:
            match.toestemming_aanbieder_op = _op(vandaag, dagen - 2)
            match.toestemming_huishouden_op = _op(vandaag, dagen - 3)
            match.status = Match.Status.GEACCEPTEERD
        if stap >= 2 or index % 3 == 0:
            match.status, match.actief_op = Match.Status.ACTIEF, _op(vandaag, max(dagen - 10, 1))
        if stap == 3 and dagen > 120:
            match.status, match.beeindigd_op = Match.Status.BEEINDIGD, _op(vandaag, dagen - 100)
        match.save()
        matches += 1
    for index, huishouden in enumerate(huishoudens[:3]):
        lid = huishouden.leden.order_by("id").first()
        if lid is None:
            continue
        titel, sjabloon = VERHALEN[index]
        tekst = sjabloon.format(
            naam=lid.volledige_naam,
            voornaam=lid.voornamen.split()[0],
            achternaam=lid.achternaam,
            geboren=lid.geboortedatum.strftime("%d-%m-%Y"),
            adres=f"{huishouden.straat} {huishouden.huisnummer}",
            postcode=huishouden.postcode,
        )
        Verhaal.objects.create(
            huishouden=huishouden,
            titel=titel,
            tekst=tekst,
            geanonimiseerd=anonimiseer(tekst, Bekend.van(huishouden, huishouden.leden.all())),
            toestemming_op=vandaag - datetime.timedelta(days=30 + index),
            toestemming_van=lid.volledige_naam,
            geschreven_door=prof,
            geselecteerd_op=timezone.now() if index < 2 else None,
            geselecteerd_door=lead if index < 2 else None,
        )
    return matches


def seed(ctx: DemoContext) -> None:
    rng = random.Random(18)
    matches = 0
    for team in sorted(ctx.teams.values(), key=lambda t: t.naam):
        if Aanbod.objects.filter(team=team).exists():
            continue
        leden = ctx.professionals_of(team)
        prof = leden[0]
        lead = next((u for u in ctx.users.values() if u.leads(team.pk)), prof)
        matches += _seed_team(team, prof, lead, ctx.today, rng)
    ctx.counts["matches"] = matches
    ctx.counts["wijkcijfers"] = bereken().rijen
