"""A small, complete world for permission tests: two teams, every role, and case data of
team Noord at every level. Each feature adds the objects its URLs need (and the access
matrix in tests/toegang/matrix.py says who may reach them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Model
from django.utils import timezone

from archief.models import Vernietigingslijst, VernietigingsVerzoek
from inwoner.models import AvgVerzoek, Inbreng, Lidaccount
from sociaaldomein.models import Notificatie
from sociaaldomein.roles import Rol
from tests.casussen.factories import (
    ActieFactory,
    DoelFactory,
    PlanFactory,
    TermijnFactory,
    VeiligheidszorgFactory,
)
from tests.huishoudens.factories import (
    BeoordelingFactory,
    HuishoudenFactory,
    HuishoudenUserObjectPermissionFactory,
    LidFactory,
)
from tests.sociaaldomein.factories import TeamFactory, UserFactory
from tests.toetsing.factories import ingediend
from tests.verantwoording.factories import DossierExportFactory
from tests.wijk.factories import wijk_wereld
from toetsing.models import MaatwerkBudget, MaatwerkEscalatie
from toetsing.services import maatwerk, start_toets
from vroegsignalering.models import Aanlevering
from vroegsignalering.services import bewaar_signalen

PASSWORD = "correct-horse-battery"


@dataclass
class Wereld:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None

    def onthoud(self) -> None:
        """Remember the primary key of every model instance (see `herlaad`)."""
        self._pks = {
            (deel, key): value.pk
            for deel, values in (("users", self.users), ("objects", self.objects))
            for key, value in values.items()
            if isinstance(value, Model)
        }

    def herlaad(self) -> None:
        """Every model instance as the database holds it again: a test that shares the
        world (tests/gedeelde_wereld.py) starts from the rows, whatever the previous test
        did to its instances in memory (changed fields, cached relations, a delete)."""
        for (deel, key), pk in self._pks.items():
            instance = getattr(self, deel)[key]
            instance.pk = pk
            instance.refresh_from_db()


def maak_wereld() -> Wereld:
    noord = TeamFactory(naam="Wijkteam Noord", wijk="Noord")
    zuid = TeamFactory(naam="Wijkteam Zuid", wijk="Zuid")
    w = Wereld()
    w.users = {
        "professional": UserFactory(
            username="professional.noord", rol=Rol.PROFESSIONAL, teams=[noord]
        ),
        "teamleider": UserFactory(username="teamleider.noord", rol=Rol.TEAMLEIDER, teams=[noord]),
        "ander_team": UserFactory(username="professional.zuid", rol=Rol.PROFESSIONAL, teams=[zuid]),
        "ander_teamleider": UserFactory(
            username="teamleider.zuid", rol=Rol.TEAMLEIDER, teams=[zuid]
        ),
        "auditor": UserFactory(username="auditor", rol=Rol.AUDITOR),
        "beheerder": UserFactory(username="beheerder", rol=Rol.BEHEERDER, is_staff=True),
        # outside the staff: they reach only the pages opened to their role
        "inwoner": UserFactory(username="inwoner.demo", rol=Rol.INWONER),
        "aanbieder": UserFactory(username="aanbieder.demo", rol=Rol.AANBIEDER),
        "archivaris": UserFactory(username="archivaris", rol=Rol.ARCHIVARIS),
    }
    w.objects["team_noord"] = noord
    w.objects["team_zuid"] = zuid
    huishouden = HuishoudenFactory(team=noord, casusregisseur=w.users["professional"])
    w.objects["huishouden"] = huishouden
    lid = LidFactory(huishouden=huishouden)
    w.objects["lid"] = lid
    w.objects["beoordeling"] = BeoordelingFactory(lid=lid, beoordeeld_door=w.users["professional"])
    w.objects["melding"] = Notificatie.objects.create(
        ontvanger=w.users["teamleider"], tekst="Veiligheidszorg gemeld", url="/"
    )
    # A colleague of Zuid with whom team Noord's lead shared the household (the roles of
    # the matrix stay unaffected: ander_team has no grant).
    collega = UserFactory(username="collega.zuid", rol=Rol.PROFESSIONAL, teams=[zuid])
    w.objects["gedeeld"] = HuishoudenUserObjectPermissionFactory(
        content_object=huishouden, user=collega, verleend_door=w.users["teamleider"]
    )
    # Valid form bodies, so an allowed POST really exercises the write path.
    vandaag = timezone.localdate().isoformat()
    w.objects["post_nieuw_huishouden"] = {
        "huishouden-straat": "Dijkweg",
        "huishouden-huisnummer": "12",
        "huishouden-postcode": "7411 AB",
        "huishouden-woonplaats": "Voorbeeldstad",
        "huishouden-aangemeld_op": vandaag,
        "lid-voornamen": "Sanne",
        "lid-achternaam": "Visser",
        "lid-geboortedatum": "1990-04-01",
        "lid-relatie": "hoofdbewoner",
    }
    w.objects["post_huishouden"] = {
        "naam": huishouden.naam,
        "straat": "Kerkpad",
        "huisnummer": "3",
        "postcode": "7412 CD",
        "woonplaats": "Voorbeeldstad",
        "wijk": "Noord",
        "aangemeld_op": huishouden.aangemeld_op.isoformat(),
        "versie": huishouden.versie,
    }
    w.objects["post_afsluiten"] = {
        "naar": "afgesloten",
        "datum": vandaag,
        "reden": "Doelen bereikt",
        "versie": huishouden.versie,
    }
    w.objects["post_nieuw_lid"] = {
        "voornamen": "Noor",
        "achternaam": lid.achternaam,
        "geboortedatum": "2015-02-03",
        "relatie": "kind",
    }
    w.objects["post_lid"] = {
        "voornamen": lid.voornamen,
        "achternaam": lid.achternaam,
        "geboortedatum": lid.geboortedatum.isoformat(),
        "relatie": lid.relatie,
        "lid_sinds": lid.lid_sinds.isoformat(),
        "eigen_kracht": "Kan goed koken",
        "versie": lid.versie,
    }
    w.objects["post_vertrek"] = {
        "einddatum": vandaag,
        "reden_vertrek": "Verhuisd",
        "versie": lid.versie,
    }
    w.objects["post_beoordeling"] = {
        "uitkomst": "2",
        "toelichting": "Betalingsachterstand huur",
        "beoordeeld_op": vandaag,
        "vorige": w.beoordeling.pk,
    }
    w.objects["post_delen"] = {
        "gebruiker": w.users["ander_team"].pk,
        "recht": "view",
        "reden": "Gezamenlijke aanpak met Zuid",
    }
    # The plan (issue 4): a goal for the member, an action, an open deadline, a safety
    # concern; and an active household of the team without a plan yet.
    plan = PlanFactory(huishouden=huishouden)
    w.objects["plan"] = plan
    w.objects["doel"] = DoelFactory(plan=plan, leden=[lid])
    w.objects["actie"] = ActieFactory(doel=w.doel, lid=lid)
    w.objects["termijn"] = TermijnFactory(plan=plan)
    w.objects["veiligheidszorg"] = VeiligheidszorgFactory(
        plan=plan, gemeld_door=w.users["professional"]
    )
    w.objects["huishouden_zonder_plan"] = HuishoudenFactory(team=noord)
    # Omgekeerde toetsen (issue 5) on the world's action: a draft in step 1, one with step 2
    # open, and a submitted maatwerk toets (with its request to the team lead).
    from tests.toetsing.factories import naar_stap2

    def toets(vraag):
        return start_toets(
            huishouden=huishouden, door=w.users["professional"], actie=w.actie, vraag=vraag
        )

    # Maatwerk (issue 6): Noord's budget for this year, so a request of € 650 needs one lead.
    w.objects["budget"] = MaatwerkBudget.objects.create(
        team=noord,
        jaar=timezone.localdate().year,
        financiering="participatiewet",
        bedrag=Decimal("10000.00"),
    )
    w.objects["toets_concept"] = toets("Budgetcoaching inzetten")
    w.objects["toets_stap2"] = naar_stap2(toets("Schuld kwijtschelden"), w.users["professional"])
    w.objects["toets_ingediend"] = ingediend(toets("Huur betalen"), w.users["professional"])
    w.objects["verzoek"] = w.toets_ingediend.maatwerkverzoek
    # a decided request (a precedent in the register) and one waiting for an answer
    besloten = ingediend(toets("Energieschuld betalen"), w.users["professional"])
    w.objects["precedent"] = maatwerk.approve_maatwerk(
        verzoek=besloten.maatwerkverzoek,
        door=w.users["teamleider"],
        reden="Eenmalig en goedkoper dan een huisuitzetting.",
    )
    met_vraag = ingediend(toets("Verhuiskosten betalen"), w.users["professional"])
    w.objects["verzoek_vraag"] = maatwerk.ask_information(
        verzoek=met_vraag.maatwerkverzoek,
        door=w.users["teamleider"],
        vraag="Is de bijzondere bijstand al aangevraagd?",
    )
    # escalation beyond the team (issue 14): the request with a question is before the
    # municipality's escalation table; valid bodies to escalate and to record an answer
    w.objects["escalatie"] = MaatwerkEscalatie.objects.create(
        verzoek=w.verzoek_vraag,
        niveau="lokaal",
        grond="wetten_botsen",
        toelichting="De Jeugdwet en de Wmo wijzen naar elkaar.",
        voorgelegd_door=w.users["teamleider"],
    )
    w.objects["post_escalatie"] = {"grond": "wetten_botsen", "toelichting": "Pw en Wmo botsen."}
    w.objects["post_escalatie_antwoord"] = {
        "uitkomst": "nee",
        "antwoord": "Niet lokaal op te lossen.",
    }
    w.objects["post_besluit"] = {"actie": "goedkeuren", "reden": "Past binnen het beleid."}
    w.objects["post_antwoord"] = {"antwoord": "Ja, die is afgewezen op 1 maart."}
    # Accountability (issue 7): a finished dossier export of the household, a submitted
    # toets with its decision letter, and valid bodies for the forms.
    w.objects["dossier"] = DossierExportFactory(
        huishouden=huishouden, aangevraagd_door=w.users["auditor"]
    )
    toets = start_toets(
        huishouden=huishouden, door=w.users["professional"], actie=w.actie, vraag=w.actie.wat
    )
    w.objects["toets"] = ingediend(toets, w.users["professional"], maatwerk=False)
    w.objects["post_dossier"] = {"doel": "verantwoording", "toelichting": "Jaarcontrole"}
    w.objects["post_doorbraak"] = {
        "reden": "Crisisdienst: de politie belt vannacht over dit gezin.",
        "kenmerk": huishouden.referentie,
    }
    w.objects["post_controle"] = {"vingerafdruk": w.dossier.vingerafdruk}
    # Vroegsignalering (issue 17): a signal in team Noord's queue (no household), one on
    # the plan of the world's household (its member's BSN), and a checked upload.
    from tests.vroegsignalering.factories import KOP, PartnerFactory, csv_regel, rij

    partner = PartnerFactory(naam="Woonstichting Wereld")
    w.objects["partner"] = partner
    wachtrij = bewaar_signalen(
        partner=partner, rijen=[rij("W-1", postcode="7411 AB")], standaard_team_id=noord.pk
    )
    w.objects["vroegsignaalzaak"] = wachtrij.zaken[0]
    op_plan = bewaar_signalen(partner=partner, rijen=[rij("W-2", bsn=lid.bsn)])
    w.objects["vroegsignaalzaak_plan"] = op_plan.zaken[0]
    w.objects["aanlevering"] = Aanlevering.objects.create(
        partner=partner,
        team=noord,
        bestandsnaam="signalen.csv",
        inhoud=KOP + "\n" + csv_regel("W-3", huisnummer="7"),
        rijen=1,
        door=w.users["professional"],
    )
    w.objects["post_contactpoging"] = {
        "soort": "telefoon",
        "datum": vandaag,
        "dagdeel": "ochtend",
        "bereikt": "on",
    }
    w.objects["post_vroeg_huishouden"] = {
        "voornamen": "Sanne",
        "achternaam": "Visser",
        "geboortedatum": "1990-04-01",
        "straat": "Dijkweg",
        "huisnummer": "12",
        "postcode": "7411 AB",
        "woonplaats": "Voorbeeldstad",
    }
    # The wijk (issue 18): a story of the household, an offer and a need of Noord, and a
    # match between them waiting for both sides' consent.
    wijk_wereld(w)
    # Retention and destruction (issue 19): a new destruction list of team Noord.
    w.objects["vernietigingslijst"] = Vernietigingslijst.objects.create(
        naam="Noord 2026", team=noord, auteur=w.users["beheerder"]
    )
    # Issue 19b: an open Jeugdwet request for early destruction of the world's household,
    # recorded by the professional (so the team lead may decide it).
    w.objects["vernietigingsverzoek"] = VernietigingsVerzoek.objects.create(
        huishouden=huishouden,
        huishouden_nummer=huishouden.pk,
        referentie_dossier=huishouden.referentie,
        team=noord,
        jeugdige=lid,
        verzoeker="ouder",
        ontvangen_op=timezone.localdate(),
        uiterlijk_op=VernietigingsVerzoek.termijn(timezone.localdate()),
        vastgelegd_door=w.users["professional"],
    )
    # Mijn plan (issue 15): the world's member has the account inwoner.demo, with an open
    # contribution to the plan and an open AVG request; an adult member to invite (in the
    # team's other household, so the world household's members stay as they are).
    inwoner = w.users["inwoner"]
    w.objects["lidaccount"] = Lidaccount.objects.create(user=inwoner, lid=lid)
    w.objects["inbreng"] = Inbreng.objects.create(
        plan=plan, lid=lid, soort="actie", tekst="Buurman helpt met de tuin", ingediend_door=inwoner
    )
    w.objects["avg_verzoek"] = AvgVerzoek.objects.create(
        huishouden=huishouden,
        lid=lid,
        soort="correctie",
        toelichting="Mijn telefoonnummer klopt niet.",
        ingediend_door=inwoner,
        uiterlijk_op=AvgVerzoek.termijn(timezone.localdate()),
    )
    # an erasure request too, so the answer's legal ground (AvgVerzoek.grond) is swept
    w.objects["avg_wissen"] = AvgVerzoek.objects.create(
        huishouden=huishouden,
        lid=lid,
        soort="wissen",
        toelichting="Wis de aantekeningen over mijn schulden.",
        ingediend_door=inwoner,
        uiterlijk_op=AvgVerzoek.termijn(timezone.localdate()),
    )
    w.objects["uit_te_nodigen"] = LidFactory(huishouden=w.huishouden_zonder_plan)
    _verwijzingen(w)
    return w


def _verwijzingen(w: Wereld) -> None:
    """Issue 16: the sociale kaart, a provider with the aanbieder's account, and referrals."""
    from tests.socialekaart.factories import DienstFactory, OrganisatieFactory
    from verwijzingen import services

    horizon = OrganisatieFactory(naam="Jeugdhulp De Horizon")
    horizon.gebruikers.add(w.users["aanbieder"])
    w.objects["organisatie"] = horizon
    w.objects["dienst"] = DienstFactory(organisatie=horizon, naam="Ambulante gezinsbegeleiding")
    w.objects["dienst_ander"] = DienstFactory(naam="Budgetcursus")
    prof = w.users["professional"]

    def verwijzing(dienst=None, **kwargs):
        dienst = dienst or w.dienst
        toestemming = services.record_toestemming(
            lid=w.lid,
            organisatie=dienst.organisatie,
            gegevens=["naam", "geboortedatum", "actie", "contactpersoon"],
            gegeven_door="Het lid zelf",
            gegeven_op=timezone.localdate(),
            door=prof,
        )
        return services.create_verwijzing(
            actie=w.actie, dienst=dienst, lid=w.lid, door=prof, toestemming=toestemming, **kwargs
        )

    w.objects["verwijzing_concept"] = verwijzing()
    w.objects["toestemming"] = w.verwijzing_concept.toestemming
    w.objects["verwijzing"] = services.send_verwijzing(verwijzing=verwijzing(), door=prof)
    geaccepteerd = services.send_verwijzing(verwijzing=verwijzing(), door=prof)
    w.objects["verwijzing_geaccepteerd"] = services.answer_verwijzing(
        verwijzing=geaccepteerd, door=w.users["aanbieder"], accepteren=True
    )
    w.objects["verwijzing_ander"] = services.send_verwijzing(
        verwijzing=verwijzing(w.dienst_ander), door=prof
    )
    w.objects["verwijzing_toewijzing"] = services.send_verwijzing(
        door=prof,
        verwijzing=verwijzing(
            toewijzing={
                "toewijzingnummer": "T0000001",
                "productcategorie": "45",
                "productcode": "45A01",
                "volume": 4,
                "eenheid": "04",
                "frequentie": "2",
                "toewijzingsdatum": timezone.localdate(),
                "ingangsdatum": timezone.localdate(),
            }
        ),
    )
    w.objects["post_verwijzing"] = {
        "dienst": w.dienst.pk,
        "lid": w.lid.pk,
        "basis": "toestemming",
        "gegeven_door": "Het lid zelf",
        "gegeven_op": timezone.localdate().isoformat(),
        "gegevens": ["naam", "actie"],
        "actie": "verzenden",
    }
