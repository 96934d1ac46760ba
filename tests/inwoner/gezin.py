"""A household with a perpetrator-and-victim risk: the member with an account (ik), a
partner, a child; goals and actions for each, a safety concern with a dwangkader, an
assessment of each adult and the professional's analysis. Everything the member must
never see carries the marker GEHEIM."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from casussen.models import Veiligheidszorg
from huishoudens.models import Leefdomein
from inwoner.models import Lidaccount
from sociaaldomein.roles import Rol
from tests.casussen.factories import ActieFactory, DoelFactory, PlanFactory, VeiligheidszorgFactory
from tests.huishoudens.factories import BeoordelingFactory, HuishoudenFactory, LidFactory
from tests.sociaaldomein.factories import UserFactory


@dataclass
class Gezin:
    huishouden: object
    plan: object
    ik: object
    partner: object
    kind: object
    account: object
    user: object
    professional: object


def maak_gezin(professional, team_noord, *, account: bool = True) -> Gezin:
    huishouden = HuishoudenFactory(team=team_noord, casusregisseur=professional)
    ik = LidFactory(huishouden=huishouden, voornamen="Iris", achternaam="Jansen", bsn="111222333")
    partner = LidFactory(
        huishouden=huishouden,
        voornamen="Geheimpartner",
        achternaam="Jansen",
        relatie="partner",
        bsn="123456782",
        geboortedatum=datetime.date(1983, 2, 2),
    )
    kind = LidFactory(
        huishouden=huishouden,
        voornamen="Kees",
        relatie="kind",
        geboortedatum=datetime.date(2015, 1, 1),
    )
    plan = PlanFactory(
        huishouden=huishouden,
        hulpvraag="Wij willen rust in huis.",
        analyse="GEHEIM-ANALYSE van de professional",
    )
    huis = DoelFactory(plan=plan, omschrijving="Wij betalen de huur weer op tijd")
    ActieFactory(doel=huis, wat="Budgetcoaching voor het huishouden")
    ActieFactory(doel=huis, lid=partner, wat="GEHEIM-ACTIE alleen voor de partner")
    mijn = DoelFactory(
        plan=plan, omschrijving="Ik heb weer werk", heel_huishouden=False, leden=[ik]
    )
    ActieFactory(doel=mijn, lid=ik, wat="Sollicitatietraining", wet="geen")
    DoelFactory(
        plan=plan, omschrijving="GEHEIM-DOEL van de partner", heel_huishouden=False, leden=[partner]
    )
    VeiligheidszorgFactory(
        plan=plan,
        omschrijving="GEHEIM-VEILIGHEID: geweld in huis",
        inschatting="GEHEIM-INSCHATTING",
        dwangkader=Veiligheidszorg.Dwangkader.HUISVERBOD,
        dwangkader_toelichting="GEHEIM-DWANGKADER",
        gemeld_door=professional,
    )
    domein = Leefdomein.objects.get(code="financien")
    BeoordelingFactory(
        lid=ik, leefdomein=domein, toelichting="MIJN-BEOORDELING", beoordeeld_door=professional
    )
    BeoordelingFactory(
        lid=partner,
        leefdomein=domein,
        toelichting="GEHEIM-BEOORDELING partner",
        beoordeeld_door=professional,
    )
    if not account:
        return Gezin(huishouden, plan, ik, partner, kind, None, None, professional)
    user = UserFactory(username="iris", rol=Rol.INWONER, first_name="Iris", last_name="Jansen")
    lidaccount = Lidaccount.objects.create(user=user, lid=ik)
    return Gezin(huishouden, plan, ik, partner, kind, lidaccount, user, professional)
