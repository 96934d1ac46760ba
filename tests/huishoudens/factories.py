import datetime
import itertools

import factory
from django.contrib.auth.models import Permission
from django.utils import timezone
from factory.django import DjangoModelFactory

from huishoudens.models import (
    Beoordeling,
    Huishouden,
    HuishoudenUserObjectPermission,
    Leefdomein,
    Lid,
)
from huishoudens.validators import is_valid_bsn
from tests.sociaaldomein.factories import TeamFactory, UserFactory

_bsn_numbers = itertools.count(100_000_000)


def next_bsn() -> str:
    """A fresh valid BSN (elfproef) from a range the demo data does not use."""
    while True:
        candidate = f"{next(_bsn_numbers):09d}"
        if is_valid_bsn(candidate):
            return candidate


class HuishoudenFactory(DjangoModelFactory):
    class Meta:
        model = Huishouden
        skip_postgeneration_save = True

    referentie = factory.Sequence(lambda n: f"HH-{n:06d}")
    naam = factory.LazyAttribute(lambda o: f"Huishouden {o.familienaam}")
    straat = factory.Faker("street_name", locale="nl_NL")
    huisnummer = factory.Sequence(lambda n: str(n % 200 + 1))
    postcode = factory.Sequence(lambda n: f"{1011 + n % 8000} AB")
    woonplaats = "Voorbeeldstad"
    wijk = factory.LazyAttribute(lambda o: o.team.wijk)
    team = factory.SubFactory(TeamFactory)
    status = Huishouden.Status.ACTIEF
    aangemeld_op = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    actief_sinds = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=20))

    class Params:
        familienaam = factory.Faker("last_name", locale="nl_NL")

    @factory.post_generation
    def zoektekst(self, create, extracted, **kwargs):
        self.zoektekst = self.build_zoektekst()
        if create:
            Huishouden.objects.filter(pk=self.pk).update(zoektekst=self.zoektekst)


class LidFactory(DjangoModelFactory):
    class Meta:
        model = Lid
        skip_postgeneration_save = True

    huishouden = factory.SubFactory(HuishoudenFactory)
    voornamen = factory.Faker("first_name", locale="nl_NL")
    achternaam = factory.Faker("last_name", locale="nl_NL")
    geboortedatum = datetime.date(1985, 6, 15)
    relatie = Lid.Relatie.HOOFDBEWONER
    bsn = factory.LazyFunction(next_bsn)
    lid_sinds = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))

    @factory.post_generation
    def zoektekst(self, create, extracted, **kwargs):
        """Keep the household findable by member names, as the services do."""
        if create:
            huishouden = self.huishouden
            Huishouden.objects.filter(pk=huishouden.pk).update(
                zoektekst=huishouden.build_zoektekst()
            )


class BeoordelingFactory(DjangoModelFactory):
    class Meta:
        model = Beoordeling

    lid = factory.SubFactory(LidFactory)
    leefdomein = factory.LazyFunction(lambda: Leefdomein.objects.order_by("volgorde").first())
    score = 3
    toelichting = "Lukt deels, met hulp van de zus."
    eigen_visie = "Het gaat wel."
    beoordeeld_op = factory.LazyFunction(timezone.localdate)
    beoordeeld_door = factory.SubFactory(UserFactory)


class HuishoudenUserObjectPermissionFactory(DjangoModelFactory):
    """A household shared with one user (django-guardian direct foreign key grant)."""

    class Meta:
        model = HuishoudenUserObjectPermission

    content_object = factory.SubFactory(HuishoudenFactory)
    user = factory.SubFactory(UserFactory)
    permission = factory.LazyFunction(
        lambda: Permission.objects.get(
            content_type__app_label="huishoudens", codename="view_huishouden"
        )
    )
    reden = "Gezamenlijke aanpak"

    class Params:
        wijzigen = factory.Trait(
            permission=factory.LazyFunction(
                lambda: Permission.objects.get(
                    content_type__app_label="huishoudens", codename="change_huishouden"
                )
            )
        )
