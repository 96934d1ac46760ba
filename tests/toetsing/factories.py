"""Toetsen in every state, built through the services (as a professional would)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from casussen.models import Financiering
from casussen.services import ensure_plan
from huishoudens.models import Leefdomein
from tests.casussen.factories import ActieFactory, DoelFactory
from tests.huishoudens.factories import HuishoudenFactory, LidFactory
from toetsing import services
from toetsing.models import Artikel, Grondwaarde, Toets


def maak_gezin(team, professional):
    """A household of the team: a mother and a son, a plan with a goal for both of them on
    Financiën and Huisvesting, and an action (one month's rent, Participatiewet)."""
    vandaag = timezone.localdate()
    huishouden = HuishoudenFactory(team=team, casusregisseur=professional, naam="Gezin Yılmaz")
    moeder = LidFactory(
        huishouden=huishouden,
        voornamen="Ayşe",
        achternaam="Yılmaz",
        geboortedatum=vandaag.replace(year=vandaag.year - 38) - datetime.timedelta(days=40),
    )
    zoon = LidFactory(
        huishouden=huishouden,
        voornamen="Emre",
        achternaam="Yılmaz",
        relatie="kind",
        geboortedatum=vandaag.replace(year=vandaag.year - 9) - datetime.timedelta(days=40),
    )
    plan = ensure_plan(huishouden, door=professional)
    doel = DoelFactory(
        plan=plan,
        omschrijving="Wij blijven in ons huis wonen",
        leden=[moeder, zoon],
        leefdomeinen=list(Leefdomein.objects.filter(code__in=["financien", "huisvesting"])),
    )
    actie = ActieFactory(
        doel=doel,
        wat="Een maand huur betalen om huisuitzetting te voorkomen",
        wet=Financiering.PARTICIPATIEWET,
        kosten="650.00",
    )
    return huishouden, moeder, zoon, doel, actie


def grondwaarde(wet_code: str, naam: str) -> Grondwaarde:
    return Grondwaarde.objects.get(wet__code=wet_code, naam=naam)


def artikel(wet_code: str, nummer: str) -> Artikel:
    return Artikel.objects.get(wet__code=wet_code, nummer=nummer)


def domein(code: str) -> Leefdomein:
    return Leefdomein.objects.get(code=code)


STAP1 = {
    "behoefte": "We kunnen de huur van maart niet betalen en de verhuurder dreigt met ontruiming.",
    "analyse": "Eenmalige inkomensval door ziekte; de schuldhulp loopt, het eerste gesprek "
    "is gepland.",
    "effect_kort": "het gezin blijft in de woning en de ontruiming wordt ingetrokken",
    "effect_lang": "rust in huis, de kinderen blijven op hun school, de schulden worden opgelost",
    "effect_omgeving": "de verhuurder krijgt zijn huur; de school ziet de kinderen gewoon terug",
    "kosten_oplossing": Decimal("650.00"),
    "alternatief": "huisuitzetting met opvang en een nieuwe woning",
    "kosten_alternatief": Decimal("7000.00"),
    "horizon_maanden": 24,
    "ethisch_verantwoord": True,
    "ethiek_gelijkheid": "Elk gezin met een eenmalige huurachterstand door ziekte krijgt dit.",
    "ethiek_autonomie": "Moeder vroeg er zelf om en houdt de regie over haar geld.",
    "ethiek_evenredigheid": "Eén maand huur tegenover het verlies van de woning.",
    "ethiek_precedent": "Geen vrijbrief: alleen bij een eenmalige oorzaak en lopende schuldhulp.",
    "is_nodig": True,
    "past_bij_grondwaarden": True,
    "conclusie_toelichting": "Zonder deze betaling verliest het gezin de woning.",
    "reden_beeindiging": "",
}


def vul_stap1(toets: Toets, door, **wijzigingen) -> Toets:
    """Fill step 1 completely and positively: two core values, every effect 'beter'."""
    velden = {**STAP1, **wijzigingen}
    gekozen = {
        grondwaarde("participatiewet", "bestaanszekerheid (vangnet)").pk: "De huur is het vangnet.",
        grondwaarde(
            "wgs", "aandacht voor kinderen in het gezin"
        ).pk: "De kinderen houden hun huis.",
    }
    effecten = {e.pk: ("beter", "minder stress") for e in toets.effecten.all()}
    toets, _ = services.save_stap1(
        toets=toets,
        door=door,
        versie=toets.versie,
        velden=velden,
        grondwaarden=gekozen,
        effecten=effecten,
    )
    return toets


def naar_stap2(toets: Toets, door) -> Toets:
    toets = vul_stap1(toets, door)
    return services.conclude_stap1(toets=toets, door=door, versie=toets.versie)


UITLEG = "Eerdere besluiten gingen niet over een huurachterstand door ziekte."


def vul_stap2(toets: Toets, door, *, maatwerk: bool = True, uitleg: str = UITLEG) -> Toets:
    """Step 2 filled; maatwerk explains why earlier decisions do not apply (`uitleg`:
    follow or explain), unless told otherwise."""
    toets, _ = services.save_stap2(
        toets=toets,
        door=door,
        versie=toets.versie,
        velden={},
        artikelen={},
        toevoegen=(artikel("participatiewet", "35").pk, ""),
    )
    toets, _ = services.save_stap2(
        toets=toets,
        door=door,
        versie=toets.versie,
        velden={},
        artikelen={},
        toevoegen=(artikel("awb", "4:84").pk, ""),
    )
    motivaties = {
        k.artikel_id: (f"Realiseert bestaanszekerheid via {k.verwijzing_kort}.", "")
        for k in toets.artikelen.all()
    }
    velden = {"uitkomst": "binnen_regels", "financiering": "participatiewet"}
    if maatwerk:
        velden.update(
            uitkomst="maatwerk",
            afwijking_regel="de beleidsregel bijzondere bijstand: geen vergoeding van huurschulden",
            bijzondere_omstandigheden="eenmalige inkomensval door ziekte, kinderen in huis",
            evenredigheid_afwijking="de regel zou hier leiden tot huisuitzetting, wat de regel "
            "niet beoogt",
            voorliggend_overwogen="bijzondere bijstand en een betalingsregeling met de "
            "verhuurder zijn overwogen; de verhuurder weigerde",
            samenvatting_deelbaar="Alleenstaande ouder met huurachterstand na ziekte; "
            "dreigende huisuitzetting.",
            precedent_afwijking=uitleg,
        )
    toets, _ = services.save_stap2(
        toets=toets, door=door, versie=toets.versie, velden=velden, artikelen=motivaties
    )
    return toets


def ingediend(toets: Toets, door, *, maatwerk: bool = True) -> Toets:
    toets = vul_stap2(naar_stap2(toets, door), door, maatwerk=maatwerk)
    return services.submit_toets(toets=toets, door=door, versie=toets.versie)


def beeindigd(toets: Toets, door) -> Toets:
    toets = vul_stap1(
        toets,
        door,
        is_nodig=False,
        conclusie_toelichting="Het netwerk betaalt de huur al.",
        reden_beeindiging="De zus van moeder springt bij; geen besluit van de gemeente nodig.",
    )
    return services.conclude_stap1(toets=toets, door=door, versie=toets.versie)
