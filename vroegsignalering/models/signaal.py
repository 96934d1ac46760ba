"""Vroegsignaal, Vroegsignaalzaak and Contactpoging: the core of the DDAS model."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from casussen import termijnen
from huishoudens.models import huishouden_ref
from sociaaldomein.models import CaseDataQuerySet, own_teams, user_ref
from vroegsignalering.models.partner import (
    LEEFDOMEIN_VAN,
    Aanlevering,
    Partnerorganisatie,
    Partnersoort,
)


class Eindresultaat(models.TextChoices):
    """Resultaat van een vroegsignaalzaak (the list of the national monitor)."""

    AL_BEKEND_SHV = "al_bekend_shv", "Inwoner is al bekend bij schuldhulpverlening"
    ANDER_TRAJECT = "ander_lopend_traject", "Inwoner heeft al een ander lopend traject"
    NIET_BEREIKT = "niet_bereikt", "Inwoner niet bereikt"
    GEEN_HULP = "geen_hulp_gewenst", "Inwoner wil geen hulp"
    BETAALD = "betaald_of_geregeld", "Achterstand betaald of regeling getroffen"
    ADVIES = "advies_quick_fix", "Informatie en advies of quick fix"
    VERVOLGHULP = "vervolghulp", "Vervolghulp ingezet"
    ZONDER_CONTACT = "doorverwezen_zonder_contact", "Doorverwezen zonder contact"
    GEEN_INWONER = "geen_inwoner", "Geen inwoner van de gemeente"


# Outcomes without contact with the resident: destroyed after the retention period.
ZONDER_CONTACT = (
    Eindresultaat.NIET_BEREIKT,
    Eindresultaat.ZONDER_CONTACT,
    Eindresultaat.GEEN_INWONER,
)


class Contactsoort(models.TextChoices):
    BRIEF = "brief", "Brief"
    TELEFOON = "telefoon", "Telefoon"
    HUISBEZOEK = "huisbezoek", "Huisbezoek"
    MAIL = "mail", "E-mail"
    SMS = "sms_whatsapp", "Sms of WhatsApp"
    KAARTJE = "kaartje", "Kaartje in de bus"
    OVERIG = "overig", "Overig"


class Dagdeel(models.TextChoices):
    OCHTEND = "ochtend", "Ochtend"
    MIDDAG = "middag", "Middag"
    AVOND = "avond", "Avond"


class Persoonsgegevens(models.Model):
    """The resident as the partner delivered them: BSN, name, date of birth, address
    (each may be empty; a signal carries a BSN or a postcode with house number)."""

    bsn = models.CharField("BSN", max_length=9, blank=True)
    geslachtsnaam = models.CharField("geslachtsnaam", max_length=120, blank=True)
    voorletters = models.CharField("voorletters", max_length=20, blank=True)
    geboortedatum = models.DateField("geboortedatum", null=True, blank=True)
    straat = models.CharField("straat", max_length=120, blank=True)
    huisnummer = models.CharField("huisnummer", max_length=12, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True)
    woonplaats = models.CharField("woonplaats", max_length=80, blank=True)

    class Meta:
        abstract = True

    @staticmethod
    def uit(bron) -> dict:
        """These fields taken from `bron` (a `Signaalrij`, or anything with attributes of
        the same names), to pass on to a model that has them."""
        return {veld.name: getattr(bron, veld.name) for veld in Persoonsgegevens._meta.fields}


class ZaakQuerySet(CaseDataQuerySet):
    def visible_to(self, user) -> ZaakQuerySet:
        """The zaken of the user's teams (caseworkers), all of them for auditors. A zaak
        about a resident without a household is seen by the team of its wijk only."""
        return self.readable_by(user, own_teams)

    def open(self) -> ZaakQuerySet:
        return self.filter(status=Vroegsignaalzaak.Status.OPEN)


class Vroegsignaalzaak(Persoonsgegevens):
    """The signals about one resident within the koppeltermijn, worked as one."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        AFGEROND = "afgerond", "Afgerond"

    team = models.ForeignKey(
        "sociaaldomein.Team", on_delete=models.PROTECT, related_name="+", verbose_name="team"
    )
    # BSN, or 'A:<postcode><huisnummer>' when the partner gave none.
    sleutel = models.CharField(max_length=40)
    huishouden = huishouden_ref()
    # Matched to a household with an active plan: its casusregisseur works it there.
    via_plan = models.BooleanField("bij het plan van het huishouden", default=False)
    crisis = models.BooleanField("crisissignaal", default=False)
    ontvangen_op = models.DateField("ontvangen op")
    uiterlijk_contact_op = models.DateField("eerste contact uiterlijk")
    status = models.CharField("status", max_length=10, choices=Status.choices, default="open")
    eindresultaat = models.CharField(
        "eindresultaat", max_length=30, choices=Eindresultaat.choices, blank=True
    )
    opgepakt_op = models.DateTimeField("opgepakt op", null=True, blank=True)
    afgerond_op = models.DateField("afgerond op", null=True, blank=True)
    afgerond_door = user_ref("afgerond door", optional=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = ZaakQuerySet.as_manager()

    class Meta:
        verbose_name = "vroegsignaalzaak"
        verbose_name_plural = "vroegsignaalzaken"
        indexes = [
            # The queue: open zaken of a team not worked on a plan, crisis first, then by
            # deadline.
            models.Index(
                "team",
                F("crisis").desc(),
                "uiterlijk_contact_op",
                "id",
                name="vszaak_wachtrij_team",
                condition=Q(status="open", via_plan=False),
            ),
            models.Index(fields=["sleutel", "status"], name="vszaak_sleutel"),
            models.Index(fields=["huishouden", "status"], name="vszaak_huishouden"),
            models.Index(fields=["afgerond_op"], name="vszaak_afgerond"),
            models.Index(fields=["ontvangen_op"], name="vszaak_ontvangen"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", eindresultaat="", afgerond_op__isnull=True)
                | (Q(status="afgerond", afgerond_op__isnull=False) & ~Q(eindresultaat="")),
                name="vszaak_afgerond_met_resultaat",
            ),
            models.CheckConstraint(
                condition=Q(uiterlijk_contact_op__gte=F("ontvangen_op")),
                name="vszaak_termijn_na_ontvangst",
            ),
        ]

    def __str__(self) -> str:
        return f"Vroegsignaalzaak {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("vroegsignalering:zaak", args=[self.pk])

    @property
    def naam(self) -> str:
        return f"{self.voorletters} {self.geslachtsnaam}".strip() or "(naam onbekend)"

    @property
    def adres(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.woonplaats}".strip(", ")

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def is_te_laat(self, vandaag: datetime.date) -> bool:
        return self.is_open and self.opgepakt_op is None and vandaag > self.uiterlijk_contact_op

    @staticmethod
    def bereken_termijn(
        ontvangen: datetime.date, *, crisis: bool, instelling=None
    ) -> datetime.date:
        """The first-contact deadline: the team's number of working days (default 3 for a
        crisis signal, 10 otherwise) after the day the signal came in."""
        if instelling is None:
            dagen = 3 if crisis else 10
        else:
            dagen = instelling.crisis_werkdagen if crisis else instelling.overig_werkdagen
        return termijnen.werkdagen_na(ontvangen, dagen)

    # --- who may do what ---------------------------------------------------------------

    @staticmethod
    def can_view_queue(user, team_id: int | None) -> bool:
        """A team's queue: its caseworkers, and auditors (read only)."""
        return user.works_in(team_id) or user.is_auditor

    def can_view(self, user) -> bool:
        return self.can_view_queue(user, self.team_id)

    def can_work(self, user) -> bool:
        """Register contact attempts and the outcome: the caseworkers of the team."""
        return user.works_in(self.team_id)

    @staticmethod
    def can_use(user) -> bool:
        """The navigation item: caseworkers of a team and auditors."""
        return user.is_team_caseworker or user.is_auditor


class Vroegsignaal(Persoonsgegevens):
    """One signal of payment arrears from a partner."""

    class Status(models.TextChoices):
        ONTVANGEN = "ontvangen", "Ontvangen"
        IN_BEHANDELING = "in_behandeling", "In behandeling"
        AFGEHANDELD = "afgehandeld", "Afgehandeld"

    class Bron(models.TextChoices):
        BESTAND = "bestand", "Bestand (CSV)"
        KOPPELING = "koppeling", "Partnerkoppeling"

    partner = models.ForeignKey(
        Partnerorganisatie, on_delete=models.PROTECT, related_name="+", verbose_name="partner"
    )
    partnersoort = models.CharField("soort partner", max_length=30, choices=Partnersoort.choices)
    referentie = models.CharField("referentie van de partner", max_length=60)
    zaak = models.ForeignKey(
        Vroegsignaalzaak, on_delete=models.CASCADE, related_name="signalen", verbose_name="zaak"
    )
    bedrag = models.DecimalField("achterstand", max_digits=10, decimal_places=2)
    achterstand_sinds = models.DateField("achterstand ontstaan op")
    signaaldatum = models.DateField("signaaldatum")
    crisis = models.BooleanField("crisissignaal", default=False)
    warme_overdracht = models.BooleanField("warme overdracht", default=False)
    status = models.CharField(
        "status", max_length=16, choices=Status.choices, default=Status.ONTVANGEN
    )
    bron = models.CharField("bron", max_length=10, choices=Bron.choices, default=Bron.BESTAND)
    aanlevering = models.ForeignKey(
        Aanlevering, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ontvangen_op = models.DateTimeField("ontvangen op")

    class Meta:
        verbose_name = "vroegsignaal"
        verbose_name_plural = "vroegsignalen"
        ordering = ["-signaaldatum", "-id"]
        indexes = [
            models.Index(fields=["signaaldatum"], name="vroegsignaal_datum"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "referentie"],
                name="vroegsignaal_partner_referentie_uniek",
                violation_error_message="Deze partner leverde dit signaal al eerder aan.",
            ),
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="vroegsignaal_bedrag"),
            models.CheckConstraint(
                condition=Q(achterstand_sinds__lte=F("signaaldatum")),
                name="vroegsignaal_achterstand_voor_signaal",
            ),
            models.CheckConstraint(
                condition=Q(bsn="") | Q(bsn__regex=r"^[0-9]{9}$"), name="vroegsignaal_bsn"
            ),
            models.CheckConstraint(
                condition=~Q(bsn="") | (~Q(postcode="") & ~Q(huisnummer="")),
                name="vroegsignaal_bsn_of_adres",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_partnersoort_display()} {self.referentie}"

    @property
    def leefdomein_naam(self) -> str:
        """The basic-needs domain the signal is about on the plan."""
        return "Huisvesting" if self.partnersoort in LEEFDOMEIN_VAN else "Financiën"


class Contactpoging(models.Model):
    zaak = models.ForeignKey(
        Vroegsignaalzaak, on_delete=models.CASCADE, related_name="contactpogingen"
    )
    soort = models.CharField("soort", max_length=14, choices=Contactsoort.choices)
    datum = models.DateField("datum")
    dagdeel = models.CharField("dagdeel", max_length=8, choices=Dagdeel.choices)
    bereikt = models.BooleanField("inwoner bereikt", default=False)
    toelichting = models.CharField("toelichting", max_length=300, blank=True)
    door = user_ref("geregistreerd door")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "contactpoging"
        verbose_name_plural = "contactpogingen"
        ordering = ["datum", "id"]
        indexes = [models.Index(fields=["zaak", "datum"], name="contactpoging_zaak")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"


def koppeltermijn() -> datetime.timedelta:
    """Signals about one resident within this period form one zaak."""
    return datetime.timedelta(days=getattr(settings, "VROEGSIGNAAL_KOPPELTERMIJN_DAGEN", 92))
