"""Demo data of Mijn plan: the account inwoner.demo (created with the organisation, see
sociaaldomein/demo.py USERS) is an adult member of a demo household of Wijkteam Noord
with an agreed plan, a safety concern (invisible to her) and access-log entries.
Built through the services, idempotent: nothing happens when her account is linked."""

from __future__ import annotations

import datetime

from django.utils import timezone

from casussen import services as plan_services
from huishoudens import services as huishouden_services
from huishoudens.models import Huishouden, Leefdomein
from inwoner.models import Inbreng, Lidaccount
from sociaaldomein.demo import DemoContext
from sociaaldomein.models import Toegangslog
from socialekaart.models import Dienst

USERNAME = "inwoner.demo"


def seed(ctx: DemoContext) -> None:
    user = ctx.users.get(USERNAME)
    door = ctx.users.get("professional.noord")
    lead = ctx.users.get("teamleider.noord")
    if user is None or door is None or Lidaccount.objects.filter(user=user).exists():
        return
    if not Leefdomein.objects.filter(code="financien").exists():
        return  # no reference data (a flushed test database)
    huishouden, marieke, peter = _huishouden(ctx, door)
    plan = _plan(huishouden, marieke, peter, door)
    plan_services.report_safety_concern(
        plan=plan,
        door=door,
        omschrijving="Buren melden ruzie en geschreeuw in de avond; Marieke had een blauwe plek.",
        inschatting="Zorgelijk, niet acuut. Peter slaapt tijdelijk bij zijn broer.",
        dwangkader="huisverbod",
    )
    Lidaccount.objects.create(user=user, lid=marieke)
    Inbreng.objects.create(
        plan=plan,
        lid=marieke,
        soort=Inbreng.Soort.OPMERKING,
        tekst="Kunnen de gesprekken op dinsdagochtend? Dan is Sem op school.",
        ingediend_door=user,
    )
    _toegangslog(huishouden, marieke, door, lead, ctx.users.get("professional.zuid"))
    ctx.counts["Mijn plan (inwoner.demo)"] = 1


def _huishouden(ctx: DemoContext, door):
    team = ctx.teams["Wijkteam Noord"]
    huishouden = huishouden_services.create_huishouden(
        team=team,
        gegevens={
            "naam": "Huishouden De Boer (Mijn plan)",
            "straat": "Lindelaan",
            "huisnummer": "7",
            "postcode": "7411 MP",
            "woonplaats": "Voorbeeldstad",
            "casusregisseur": door,
            "aangemeld_op": ctx.today - datetime.timedelta(days=60),
        },
        eerste_lid={
            "voornamen": "Marieke",
            "achternaam": "de Boer",
            "geboortedatum": datetime.date(1988, 3, 14),
            "relatie": "hoofdbewoner",
            "telefoon": "06 12345678",
            "eigen_kracht": "Goed in plannen; haar zus helpt graag.",
        },
        door=door,
    )
    huishouden = Huishouden.objects.get(pk=huishouden.pk)
    marieke = huishouden.leden.get()
    peter = huishouden_services.add_lid(
        huishouden=huishouden,
        gegevens={
            "voornamen": "Peter",
            "achternaam": "de Boer",
            "geboortedatum": datetime.date(1985, 9, 2),
            "relatie": "partner",
        },
        door=door,
    )
    huishouden_services.add_lid(
        huishouden=huishouden,
        gegevens={
            "voornamen": "Sem",
            "achternaam": "de Boer",
            "geboortedatum": datetime.date(2016, 5, 20),
            "relatie": "kind",
        },
        door=door,
    )
    huishouden.refresh_from_db()
    plan_services.activate_huishouden(
        huishouden=huishouden,
        versie=huishouden.versie,
        op=ctx.today - datetime.timedelta(days=50),
        door=door,
    )
    return huishouden, marieke, peter


def _plan(huishouden, marieke, peter, door):
    plan = huishouden.plan
    plan = plan_services.save_eigen_woorden(
        plan=plan,
        door=door,
        versie=plan.versie,
        hulpvraag="Wij willen weer rust in huis en grip op de rekeningen.",
        probleem="De schulden lopen op en we hebben veel ruzie.",
        oplossing="Hulp bij de post, en iemand om mee te praten.",
        perspectief="Over een jaar hebben we geen achterstanden en gaat Sem graag naar school.",
    )
    financien = Leefdomein.objects.get(code="financien")
    vandaag = timezone.localdate()
    samen = plan_services.add_doel(
        plan=plan,
        door=door,
        omschrijving="Wij betalen de huur en de energie weer op tijd",
        leefdomeinen=[financien],
        heel_huishouden=True,
    )
    plan_services.add_actie(
        doel=samen,
        door=door,
        wat="Budgetcoaching: samen de post en de rekeningen doorlopen",
        uitvoerder="wijkteam",
        wet="wgs",
        startdatum=vandaag - datetime.timedelta(days=30),
        einddatum=vandaag + datetime.timedelta(days=150),
        evaluatiedatum=vandaag + datetime.timedelta(days=30),
    )
    eigen = plan_services.add_doel(
        plan=plan,
        door=door,
        omschrijving="Ik heb weer een baan voor drie dagen in de week",
        leefdomeinen=[Leefdomein.objects.filter(actief=True).exclude(pk=financien.pk).first()],
        leden=[marieke],
    )
    plan_services.add_actie(
        doel=eigen,
        door=door,
        wat="Sollicitatietraining bij het werkplein",
        lid=marieke,
        uitvoerder="voorliggend",
        uitvoerder_naam="Werkplein Voorbeeldstad",
        # a service of the demo sociale kaart (issue 16): Mijn plan names it
        dienst=Dienst.objects.actief().filter(naam="Re-integratietraject").first(),
        wet="geen",
        startdatum=vandaag - datetime.timedelta(days=10),
        einddatum=vandaag + datetime.timedelta(days=80),
        evaluatiedatum=vandaag + datetime.timedelta(days=40),
    )
    plan_services.add_doel(
        plan=plan,
        door=door,
        omschrijving="Peter leert zijn boosheid te hanteren",
        leefdomeinen=[financien],
        leden=[peter],
    )
    plan.refresh_from_db()
    plan_services.record_agreement(
        plan=plan,
        door=door,
        akkoord=True,
        akkoord_datum=vandaag - datetime.timedelta(days=5),
        wijze="in_persoon",
        akkoord_lid=marieke,
        reden_onvolledig="Eerst de veiligheid en de huur; de matrix volgt in het volgende gesprek.",
        gezien_tot=plan_services.laatste_inhoudswijziging(plan),
    )
    return plan


def _toegangslog(huishouden, marieke, door, lead, zuid) -> None:
    """Looks at her file: her casusregisseur, the team lead, and break the glass at night."""
    nu = timezone.now()
    rows = [
        (door, "Professional", "Wijkteam Noord", "bekeken", "casusregie", False, "", 6),
        (door, "Professional", "Wijkteam Noord", "gewijzigd", "casusregie", False, "", 5),
        (lead, "Teamleider", "Wijkteam Noord", "bekeken", "casusregie", False, "", 3),
        (
            zuid,
            "Professional",
            "Wijkteam Zuid",
            "bekeken",
            "uitzondering",
            True,
            "Crisisdienst: de politie belde 's nachts over dit adres.",
            2,
        ),
    ]
    for gebruiker, rol, team, actie, doel, uitzonderlijk, reden, dagen in rows:
        Toegangslog.objects.create(
            tijdstip=nu - datetime.timedelta(days=dagen),
            gebruiker=gebruiker,
            gebruikersnaam=gebruiker.username if gebruiker else "",
            rol=rol,
            team=team,
            huishoudens=[huishouden.pk],
            leden=[marieke.pk] if actie == "gewijzigd" else [],
            onderwerp="plan",
            object_id=str(huishouden.pk),
            actie=actie,
            doel=doel,
            reden=reden,
            uitzonderlijk=uitzonderlijk,
            pad=f"/huishoudens/{huishouden.pk}/plan/",
            methode="GET",
        )
