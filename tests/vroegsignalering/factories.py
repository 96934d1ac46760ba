import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from vroegsignalering.intake import Signaalrij
from vroegsignalering.models import Partnerorganisatie, Partnersoort

KOP = (
    "referentie;bsn;geslachtsnaam;voorletters;geboortedatum;straat;huisnummer;postcode;"
    "woonplaats;bedrag;achterstand_sinds;signaaldatum;crisis;warme_overdracht"
)


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partnerorganisatie
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Woonstichting {n}")
    soort = Partnersoort.WONINGCORPORATIE


def rij(referentie="R1", **kwargs) -> Signaalrij:
    vandaag = timezone.localdate()
    waarden = {
        "regel": 2,
        "referentie": referentie,
        "bedrag": Decimal("850.00"),
        "achterstand_sinds": vandaag - datetime.timedelta(days=60),
        "signaaldatum": vandaag - datetime.timedelta(days=1),
        "postcode": "7411 AB",
        "huisnummer": "12",
        "straat": "Dijkweg",
        "woonplaats": "Voorbeeldstad",
        "geslachtsnaam": "Visser",
        "voorletters": "S.",
    }
    waarden.update(kwargs)
    return Signaalrij(**waarden)


def csv_regel(referentie, bsn="", postcode="7411 AB", huisnummer="12", bedrag="850,00",
              sinds="01-09-2026", signaal="01-11-2026", crisis="nee") -> str:  # fmt: skip
    return (
        f"{referentie};{bsn};Visser;S.;01-04-1990;Dijkweg;{huisnummer};{postcode};"
        f"Voorbeeldstad;{bedrag};{sinds};{signaal};{crisis};nee"
    )
