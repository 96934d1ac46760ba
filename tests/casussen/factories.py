import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from casussen.models import Actie, Doel, Financiering, Plan, Planversie, Termijn, Veiligheidszorg
from huishoudens.models import Leefdomein
from tests.huishoudens.factories import HuishoudenFactory
from tests.sociaaldomein.factories import UserFactory


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan
        skip_postgeneration_save = True

    huishouden = factory.SubFactory(HuishoudenFactory)
    hulpvraag = "We willen weer rust in huis en grip op ons geld."

    @factory.post_generation
    def eerste_versie(self, create, extracted, **kwargs):
        if create:
            Planversie.objects.create(plan=self, nummer=1)


class DoelFactory(DjangoModelFactory):
    """A goal; pass leden=[...] for members, default: the household as a whole."""

    class Meta:
        model = Doel
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    omschrijving = "Wij hebben weer overzicht over onze rekeningen."
    heel_huishouden = True

    @factory.post_generation
    def leefdomeinen(self, create, extracted, **kwargs):
        if create:
            self.leefdomeinen.set(extracted or [Leefdomein.objects.get(code="financien")])

    @factory.post_generation
    def leden(self, create, extracted, **kwargs):
        if create and extracted:
            self.leden.set(extracted)
            if self.heel_huishouden:
                Doel.objects.filter(pk=self.pk).update(heel_huishouden=False)
                self.heel_huishouden = False


def _vandaag():
    return timezone.localdate()


class ActieFactory(DjangoModelFactory):
    class Meta:
        model = Actie

    doel = factory.SubFactory(DoelFactory)
    wat = "Budgetcoaching: samen de post en de rekeningen doorlopen"
    uitvoerder = Actie.Uitvoerder.WIJKTEAM
    wet = Financiering.WGS
    startdatum = factory.LazyFunction(lambda: _vandaag() - datetime.timedelta(days=10))
    einddatum = factory.LazyFunction(lambda: _vandaag() + datetime.timedelta(days=80))
    evaluatiedatum = factory.LazyFunction(lambda: _vandaag() + datetime.timedelta(days=30))
    kosten = Decimal("0.00")
    status = Actie.Status.LOPEND


class TermijnFactory(DjangoModelFactory):
    class Meta:
        model = Termijn

    plan = factory.SubFactory(PlanFactory)
    soort = Termijn.Soort.WMO_ONDERZOEK
    gemeld_op = factory.LazyFunction(lambda: _vandaag() - datetime.timedelta(days=7))


class VeiligheidszorgFactory(DjangoModelFactory):
    class Meta:
        model = Veiligheidszorg

    plan = factory.SubFactory(PlanFactory)
    omschrijving = "Buren hoorden vannacht geschreeuw; de oudste zoon had een blauwe plek."
    inschatting = "Zorgelijk, niet acuut: vader is vertrokken naar zijn broer."
    gemeld_door = factory.SubFactory(UserFactory)
