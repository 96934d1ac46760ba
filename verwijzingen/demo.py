"""Demo referrals: `aanbieder.demo` works for Zorgcoöperatie Samen Thuis and has referrals
in every status (and one Wmo allocation), from actions of Wijkteam Noord's demo plans.
Idempotent: nothing is added when the organisation already has referrals."""

from __future__ import annotations

import datetime

from casussen.models import Actie
from sociaaldomein.demo import DemoContext
from socialekaart.models import Dienst, Organisatie
from verwijzingen import services
from verwijzingen.models import Verwijzing

AANBIEDER = "Zorgcoöperatie Samen Thuis"
# status to reach, and the result where it ends
STAPPEN = [
    ("concept", None),
    ("verzonden", None),
    ("geaccepteerd", None),
    ("afgewezen", None),
    ("gestart", None),
    ("gestopt", "client_onbereikbaar"),
    ("afgerond", "geslaagd"),
    ("toewijzing", None),
]


def _volwassene(actie: Actie):
    leden = [lid for lid in actie.betrokken_leden() if lid.geboortedatum.year < 2006]
    return leden[0] if leden else None


def _naar(verwijzing: Verwijzing, status: str, resultaat, aanbieder, door, vandaag) -> None:
    if status == "concept":
        return
    verwijzing = services.send_verwijzing(verwijzing=verwijzing, door=door)
    if status in ("verzonden", "toewijzing"):
        return
    verwijzing = services.answer_verwijzing(
        verwijzing=verwijzing,
        door=aanbieder,
        accepteren=status != "afgewezen",
        reden="Geen plek binnen zes weken; probeer de locatie Zuid.",
    )
    if status in ("geaccepteerd", "afgewezen"):
        return
    verwijzing = services.register_start(
        verwijzing=verwijzing, door=aanbieder, datum=vandaag - datetime.timedelta(days=20)
    )
    services.add_voortgang(
        verwijzing=verwijzing, door=aanbieder, tekst="Kennismaking gehad; afspraken gemaakt."
    )
    if resultaat:
        services.register_stop(
            verwijzing=verwijzing, door=aanbieder, datum=vandaag, resultaat=resultaat
        )


def seed(ctx: DemoContext) -> None:
    organisatie = Organisatie.objects.filter(naam=AANBIEDER).first()
    aanbieder = ctx.users.get("aanbieder.demo")
    door = ctx.users.get("professional.noord")
    if organisatie is None or aanbieder is None or door is None:
        return
    organisatie.gebruikers.add(aanbieder)
    if Verwijzing.objects.filter(dienst__organisatie=organisatie).exists():
        ctx.counts["verwijzingen"] = Verwijzing.objects.count()
        return
    begeleiding = Dienst.objects.get(organisatie=organisatie, naam="Individuele begeleiding")
    acties = (
        Actie.objects.filter(
            doel__plan__huishouden__team__wijk="Noord",
            status__in=Actie.ACTIEF,
            doel__status="open",
        )
        .select_related("doel__plan__huishouden", "lid")
        .order_by("id")
    )
    stappen = iter(STAPPEN)
    stap = next(stappen)
    for actie in acties[:400]:
        lid = _volwassene(actie)
        if lid is None:
            continue
        status, resultaat = stap
        toestemming = services.record_toestemming(
            lid=lid,
            organisatie=organisatie,
            gegevens=["naam", "geboortedatum", "actie", "contactpersoon"],
            gegeven_door=f"{lid.voornamen} zelf",
            gegeven_op=ctx.today - datetime.timedelta(days=30),
            door=door,
        )
        toewijzing = None
        if status == "toewijzing":
            toewijzing = {
                "toewijzingnummer": "W0000001",
                "productcategorie": "02",
                "productcode": "02A01",
                "volume": 3,
                "eenheid": "04",
                "frequentie": "2",
                "toewijzingsdatum": ctx.today,
                "ingangsdatum": ctx.today,
                "einddatum": ctx.today + datetime.timedelta(days=180),
            }
        verwijzing = services.create_verwijzing(
            actie=actie,
            dienst=begeleiding,
            lid=lid,
            door=door,
            toestemming=toestemming,
            toelichting="Hulp bij structuur in de dag en de post.",
            toewijzing=toewijzing,
        )
        _naar(verwijzing, status, resultaat, aanbieder, door, ctx.today)
        stap = next(stappen, None)
        if stap is None:
            break
    ctx.counts["verwijzingen"] = Verwijzing.objects.count()
