"""The signal partners and what the municipality sets up around them: the partner
organisations (with their token for the endpoint), the first-contact deadlines per team,
the wijk of each postcode area, the uploads, the endpoint's log and the destruction log."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.db.models import Q
from django.urls import reverse

from sociaaldomein.models import user_ref


class Partnersoort(models.TextChoices):
    """Soort signaalpartner (DDAS). The four of the Besluit gemeentelijke
    schuldhulpverlening first; then the later partner types (see README)."""

    WONINGCORPORATIE = "woningcorporatie", "Woningcorporatie of verhuurder"
    ENERGIE = "energie", "Energieleverancier"
    WATER = "water", "Drinkwaterbedrijf"
    ZORGVERZEKERAAR = "zorgverzekeraar", "Zorgverzekeraar"
    TELECOM = "telecom", "Telecomaanbieder"
    HYPOTHEEK = "hypotheekverstrekker", "Hypotheekverstrekker"
    GEMEENTE = "gemeentelijke_belastingen", "Gemeentelijke belastingen"
    OVERIG = "overig", "Overige signaalpartner"


# On the plan the signal is a basic-needs signal on Huisvesting (rent, mortgage) or
# Financiën (everything else): codes of huishoudens.Leefdomein.
LEEFDOMEIN_VAN = {
    Partnersoort.WONINGCORPORATIE: "huisvesting",
    Partnersoort.HYPOTHEEK: "huisvesting",
}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Partnerorganisatie(models.Model):
    """A signal partner under a covenant with the municipality."""

    naam = models.CharField("naam", max_length=120, unique=True)
    soort = models.CharField("soort partner", max_length=30, choices=Partnersoort.choices)
    actief = models.BooleanField("actief", default=True)
    # Only the SHA-256 of the token is stored; the token itself is shown once.
    token_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = "partnerorganisatie"
        verbose_name_plural = "partnerorganisaties"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["token_hash"], condition=~Q(token_hash=""), name="partner_token_uniek"
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def nieuw_token(self) -> str:
        """A new token for the partner endpoint (the old one stops working); returns it."""
        token = secrets.token_urlsafe(32)
        self.token_hash = token_hash(token)
        self.save(update_fields=["token_hash"])
        return token

    @property
    def leefdomein_code(self) -> str:
        return LEEFDOMEIN_VAN.get(self.soort, "financien")


class Teaminstelling(models.Model):
    """The first-contact deadline of a team, in working days."""

    team = models.OneToOneField(
        "sociaaldomein.Team", on_delete=models.CASCADE, related_name="vroegsignalering"
    )
    crisis_werkdagen = models.PositiveSmallIntegerField(
        "eerste contact bij een crisissignaal (werkdagen)", default=3
    )
    overig_werkdagen = models.PositiveSmallIntegerField(
        "eerste contact bij een ander signaal (werkdagen)", default=10
    )

    class Meta:
        verbose_name = "instelling vroegsignalering"
        verbose_name_plural = "instellingen vroegsignalering"

    def __str__(self) -> str:
        return f"Vroegsignalering {self.team}"


class Wijkindeling(models.Model):
    """Which team's wijk a postcode area (the four digits) belongs to: a signal about a
    resident without a household goes to that team's queue."""

    postcodecijfers = models.CharField("postcodegebied", max_length=4, unique=True)
    team = models.ForeignKey(
        "sociaaldomein.Team", on_delete=models.CASCADE, related_name="+", verbose_name="team"
    )

    class Meta:
        verbose_name = "wijkindeling"
        verbose_name_plural = "wijkindeling"
        ordering = ["postcodecijfers"]
        constraints = [
            models.CheckConstraint(
                condition=Q(postcodecijfers__regex=r"^[1-9][0-9]{3}$"),
                name="wijkindeling_postcode_formaat",
            )
        ]

    def __str__(self) -> str:
        return f"{self.postcodecijfers} → {self.team_id}"


class Aanlevering(models.Model):
    """One uploaded CSV file of a partner: checked first, imported when the user chooses.
    The file's content is dropped once it is imported."""

    partner = models.ForeignKey(
        Partnerorganisatie, on_delete=models.PROTECT, related_name="+", verbose_name="partner"
    )
    team = models.ForeignKey(
        "sociaaldomein.Team", on_delete=models.PROTECT, related_name="+", verbose_name="team"
    )
    bestandsnaam = models.CharField("bestand", max_length=200)
    inhoud = models.TextField(blank=True)
    rijen = models.PositiveIntegerField("rijen", default=0)
    fouten = models.PositiveIntegerField("rijen met fouten", default=0)
    waarschuwingen = models.PositiveIntegerField("rijen met waarschuwingen", default=0)
    geimporteerd = models.PositiveIntegerField("geïmporteerd", null=True, blank=True)
    door = user_ref("geüpload door")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    geimporteerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "aanlevering"
        verbose_name_plural = "aanleveringen"
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self) -> str:
        return self.bestandsnaam

    def get_absolute_url(self) -> str:
        return reverse("vroegsignalering:aanlevering", args=[self.pk])


class Aanleverlog(models.Model):
    """Every call of the partner endpoint, accepted or refused."""

    partner = models.ForeignKey(
        Partnerorganisatie, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    tijdstip = models.DateTimeField(auto_now_add=True)
    adres = models.GenericIPAddressField(null=True, blank=True)
    status = models.PositiveSmallIntegerField()
    ontvangen = models.PositiveIntegerField(default=0)
    nieuw = models.PositiveIntegerField(default=0)
    melding = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "aanroep partnerkoppeling"
        verbose_name_plural = "aanroepen partnerkoppeling"
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.status}"


class Vernietigingsronde(models.Model):
    """One run of the destruction of signals that led to no contact: what was destroyed
    (counts only: nothing that identifies a resident)."""

    tijdstip = models.DateTimeField(auto_now_add=True)
    grens = models.DateField("afgerond voor")
    zaken = models.PositiveIntegerField(default=0)
    signalen = models.PositiveIntegerField(default=0)
    per_partnersoort = models.JSONField(default=dict)

    class Meta:
        verbose_name = "vernietigingsronde"
        verbose_name_plural = "vernietigingsrondes"
        ordering = ["-tijdstip"]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y}: {self.zaken} zaken"
