import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from huishoudens.models import Leefdomein
from socialekaart.models import Dienst, Locatie, Organisatie


class OrganisatieFactory(DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Aanbieder {n}")


class LocatieFactory(DjangoModelFactory):
    class Meta:
        model = Locatie

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = "Hoofdlocatie"
    wijk = "Noord"


class DienstFactory(DjangoModelFactory):
    """A service; pass domeinen=["financien"] for its life domains."""

    class Meta:
        model = Dienst
        skip_postgeneration_save = True

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = factory.Sequence(lambda n: f"Dienst {n}")
    beschrijving = "Hulp in de wijk."
    locatie = factory.SubFactory(LocatieFactory, organisatie=factory.SelfAttribute("..organisatie"))
    wetten = factory.LazyFunction(lambda: ["geen"])
    gecontroleerd_op = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def domeinen(self, create, extracted, **kwargs):
        if create:
            self.leefdomeinen.set(Leefdomein.objects.filter(code__in=extracted or ["financien"]))
