"""The catalogue after Open Referral HSDS 3: organization, service, location.

Field names are Dutch; `hsds.py` maps them one to one to the HSDS names."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

# An entry not checked for this long is flagged on the page and in the admin.
CONTROLE_TERMIJN = datetime.timedelta(days=365)


class Wet(models.TextChoices):
    """Laws and funding streams: of a service, and of an action (`casussen.Financiering`)."""

    WMO = "wmo", "Wmo 2015"
    JEUGDWET = "jeugdwet", "Jeugdwet"
    PARTICIPATIEWET = "participatiewet", "Participatiewet"
    WGS = "wgs", "Wgs (schuldhulp)"
    ZVW = "zvw", "Zvw"
    WLZ = "wlz", "Wlz"
    GEEN = "geen", "Geen / voorliggend"


class Organisatie(models.Model):
    """HSDS organization: a provider, a foundation, a department of the municipality."""

    naam = models.CharField("naam", max_length=200, unique=True)
    beschrijving = models.TextField("beschrijving", max_length=4000, blank=True)
    website = models.URLField("website", blank=True)
    email = models.EmailField("e-mail", blank=True)
    telefoon = models.CharField("telefoon", max_length=40, blank=True)
    # The provider's own accounts (role Aanbieder): they see the referrals to it.
    gebruikers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="organisaties",
        verbose_name="accounts van de aanbieder",
    )

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["naam"]
        constraints = [models.CheckConstraint(condition=~Q(naam=""), name="organisatie_naam")]

    def __str__(self) -> str:
        return self.naam


class Locatie(models.Model):
    """HSDS location (with its physical address), placed in a wijk."""

    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="locaties", verbose_name="organisatie"
    )
    naam = models.CharField("naam", max_length=200)
    adres = models.CharField("adres", max_length=200, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True)
    plaats = models.CharField("plaats", max_length=80, blank=True)
    wijk = models.CharField("wijk", max_length=80, db_index=True)

    class Meta:
        verbose_name = "locatie"
        verbose_name_plural = "locaties"
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.wijk})"


class DienstQuerySet(models.QuerySet):
    def actief(self) -> DienstQuerySet:
        return self.filter(status=Dienst.Status.ACTIEF)

    def verouderd(self, vandaag: datetime.date) -> DienstQuerySet:
        grens = vandaag - CONTROLE_TERMIJN
        return self.filter(Q(gecontroleerd_op__isnull=True) | Q(gecontroleerd_op__lt=grens))


class Dienst(models.Model):
    """HSDS service: what a household can go to, with who may use it and how."""

    class Status(models.TextChoices):
        ACTIEF = "actief", "Actief"
        INACTIEF = "inactief", "Niet actief"

    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="diensten", verbose_name="organisatie"
    )
    naam = models.CharField("naam", max_length=200)
    beschrijving = models.TextField("beschrijving", max_length=4000)
    voorwaarden = models.TextField(
        "voor wie (voorwaarden)", max_length=2000, blank=True, help_text="HSDS eligibility."
    )
    leeftijd_min = models.PositiveSmallIntegerField("vanaf leeftijd", null=True, blank=True)
    leeftijd_max = models.PositiveSmallIntegerField("tot en met leeftijd", null=True, blank=True)
    kosten = models.CharField(
        "kosten", max_length=300, blank=True, help_text="Bijvoorbeeld: gratis, eigen bijdrage."
    )
    aanmelden = models.TextField("hoe aanmelden", max_length=2000, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default="actief")
    contact_naam = models.CharField("contactpersoon", max_length=200, blank=True)
    telefoon = models.CharField("telefoon", max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="diensten",
        verbose_name="locatie",
    )
    upl_naam = models.CharField(
        "UPL-product",
        max_length=200,
        blank=True,
        help_text="De naam in de Uniforme Productnamenlijst, als die er is.",
    )
    leefdomeinen = models.ManyToManyField(
        "huishoudens.Leefdomein", related_name="diensten", verbose_name="leefdomeinen"
    )
    wetten = ArrayField(
        models.CharField(max_length=16, choices=Wet.choices),
        verbose_name="wetten en financiering",
        default=list,
        blank=True,
    )
    voorliggend = models.BooleanField(
        "voorliggend",
        default=False,
        help_text="Een algemene voorziening die vóór een maatwerkvoorziening gaat.",
    )
    gecontroleerd_op = models.DateField("laatst gecontroleerd op", null=True, blank=True)
    gecontroleerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gecontroleerd door",
    )
    # Dutch full text of name, UPL name, description and eligibility; kept by a trigger
    # (migration 0002), like toetsing's register.
    zoekvector = SearchVectorField(null=True, editable=False)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = DienstQuerySet.as_manager()

    class Meta:
        verbose_name = "dienst"
        verbose_name_plural = "diensten"
        ordering = ["-voorliggend", "naam", "id"]
        indexes = [
            GinIndex(fields=["zoekvector"], name="dienst_zoekvector"),
            GinIndex(OpClass("naam", name="gin_trgm_ops"), name="dienst_naam_trgm"),
            GinIndex(fields=["wetten"], name="dienst_wetten"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(naam=""), name="dienst_naam"),
            models.CheckConstraint(
                condition=Q(leeftijd_min__isnull=True)
                | Q(leeftijd_max__isnull=True)
                | Q(leeftijd_min__lte=models.F("leeftijd_max")),
                name="dienst_leeftijd_volgorde",
                violation_error_message="De minimumleeftijd ligt boven de maximumleeftijd.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie})" if self.organisatie_id else self.naam

    def clean(self) -> None:
        if (
            self.leeftijd_min is not None
            and self.leeftijd_max is not None
            and self.leeftijd_min > self.leeftijd_max
        ):
            raise ValidationError(
                {"leeftijd_max": "De maximumleeftijd moet gelijk aan of boven de minimum liggen."}
            )
        onbekend = set(self.wetten or []) - set(Wet.values)
        if onbekend:
            raise ValidationError({"wetten": f"Onbekende wet: {', '.join(sorted(onbekend))}."})

    def is_verouderd(self, vandaag: datetime.date) -> bool:
        """Not checked for 12 months (or never): flagged until the beheerder checks it."""
        return self.gecontroleerd_op is None or self.gecontroleerd_op < vandaag - CONTROLE_TERMIJN

    def past_bij_leeftijd(self, leeftijd: int) -> bool:
        return (self.leeftijd_min is None or leeftijd >= self.leeftijd_min) and (
            self.leeftijd_max is None or leeftijd <= self.leeftijd_max
        )

    @property
    def wetten_labels(self) -> list[str]:
        return [Wet(w).label for w in self.wetten if w in Wet.values]

    @property
    def leeftijd_tekst(self) -> str:
        if self.leeftijd_min is None and self.leeftijd_max is None:
            return "Alle leeftijden"
        if self.leeftijd_max is None:
            return f"Vanaf {self.leeftijd_min} jaar"
        if self.leeftijd_min is None:
            return f"Tot en met {self.leeftijd_max} jaar"
        return f"{self.leeftijd_min} tot en met {self.leeftijd_max} jaar"
