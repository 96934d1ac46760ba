"""Consent, the referral with its iWmo/iJw allocation, progress reports, the code list."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

MAX_TEKST = 2000


class Gegeven(models.TextChoices):
    """What a provider may receive about the member (what the consent covers)."""

    NAAM = "naam", "Naam"
    GEBOORTEDATUM = "geboortedatum", "Geboortedatum"
    ACTIE = "actie", "De actie (wat er moet gebeuren)"
    CONTACTPERSOON = "contactpersoon", "Contactpersoon van het wijkteam"
    ADRES = "adres", "Adres"


class Grondslag(models.TextChoices):
    """A legal ground to refer without consent (an override, always with a reason)."""

    JEUGDBESCHERMING = (
        "jeugdbescherming",
        "Kinderbeschermingsmaatregel (BW 1:255; Jeugdwet art. 7.3.11)",
    )
    WVGGZ = "wvggz", "Verplichte ggz (Wvggz art. 5:1)"
    WZD = "wzd", "Wet zorg en dwang (art. 21)"
    MELDCODE = "meldcode", "Meldcode huiselijk geweld (Wmo 2015 art. 5.2.6)"


class Resultaat(models.TextChoices):
    GESLAAGD = "geslaagd", "Geslaagd"
    CLIENT_WEIGERT = "client_weigert", "Afgezegd door de cliënt"
    GEEN_CAPACITEIT = "geen_capaciteit", "Geen capaciteit"
    NIET_NODIG = "niet_nodig", "Niet meer nodig"
    CLIENT_ONBEREIKBAAR = "client_onbereikbaar", "Cliënt niet bereikbaar"
    AANBIEDER_ONBEREIKBAAR = "aanbieder_onbereikbaar", "Aanbieder niet bereikbaar"
    ANDERS = "anders", "Anders"


class Productcode(models.Model):
    """The iWmo/iJw code list (WMO001/JZ020 categories, WMO021/JZ21-shaped codes),
    seeded in migration 0002 and maintained by the beheerder."""

    class Wet(models.TextChoices):
        WMO = "wmo", "Wmo 2015"
        JEUGDWET = "jeugdwet", "Jeugdwet"

    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    categorie = models.CharField("productcategorie", max_length=2)
    categorie_naam = models.CharField("naam categorie", max_length=120)
    code = models.CharField("productcode", max_length=5)
    omschrijving = models.CharField("omschrijving", max_length=200)

    class Meta:
        verbose_name = "productcode"
        verbose_name_plural = "productcodes"
        ordering = ["wet", "categorie", "code"]
        constraints = [
            models.UniqueConstraint(fields=["wet", "categorie", "code"], name="productcode_uniek"),
            models.CheckConstraint(
                condition=Q(categorie__regex=r"^[0-9]{2}$"), name="productcode_categorie"
            ),
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9A-Z]{5}$"), name="productcode_code"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.categorie} {self.code} {self.omschrijving}"


class Toestemming(models.Model):
    """The member's (or legal representative's) consent to share named data with one
    organisation. Revocable: a revoked consent no longer carries a new referral."""

    lid = models.ForeignKey(
        "huishoudens.Lid",
        on_delete=models.PROTECT,
        related_name="toestemmingen",
        verbose_name="lid",
    )
    organisatie = models.ForeignKey(
        "socialekaart.Organisatie",
        on_delete=models.PROTECT,
        related_name="toestemmingen",
        verbose_name="aan welke organisatie",
    )
    gegevens = ArrayField(
        models.CharField(max_length=20, choices=Gegeven.choices), verbose_name="welke gegevens"
    )
    gegeven_door = models.CharField(
        "gegeven door", max_length=200, help_text="Het lid zelf, of de wettelijk vertegenwoordiger."
    )
    vertegenwoordiger = models.BooleanField("door wettelijk vertegenwoordiger", default=False)
    gegeven_op = models.DateField("gegeven op")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", default=timezone.now)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)
    reden_intrekking = models.CharField("reden intrekking", max_length=300, blank=True)

    class Meta:
        verbose_name = "toestemming"
        verbose_name_plural = "toestemmingen"
        ordering = ["-gegeven_op", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(gegevens__len__gt=0), name="toestemming_gegevens"),
            models.CheckConstraint(condition=~Q(gegeven_door=""), name="toestemming_door_wie"),
        ]

    def __str__(self) -> str:
        return f"Toestemming {self.kenmerk}"

    @property
    def kenmerk(self) -> str:
        return f"TS-{self.pk}"

    @property
    def is_geldig(self) -> bool:
        return self.ingetrokken_op is None

    @property
    def gegevens_labels(self) -> list[str]:
        return [Gegeven(g).label for g in self.gegevens]

    def dekt(self, gegeven: str) -> bool:
        return gegeven in self.gegevens


class VerwijzingQuerySet(models.QuerySet):
    def voor_aanbieder(self, user) -> VerwijzingQuerySet:
        """The referrals a provider's account sees: its own organisations', never a draft."""
        if not user.is_aanbieder:
            return self.none()
        return self.filter(dienst__organisatie__gebruikers=user).exclude(
            status=Verwijzing.Status.CONCEPT
        )


class Verwijzing(models.Model):
    """A referral from a plan action to a provider's service (with the allocation)."""

    class Status(models.TextChoices):
        CONCEPT = "concept", "Concept"
        VERZONDEN = "verzonden", "Verzonden"
        GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
        AFGEWEZEN = "afgewezen", "Afgewezen"
        GESTART = "gestart", "Gestart"
        GESTOPT = "gestopt", "Gestopt"
        AFGEROND = "afgerond", "Afgerond"

    class Eenheid(models.TextChoices):
        # iWmo/iJw WJ756 (selection)
        MINUUT = "01", "Minuut"
        UUR = "04", "Uur"
        DAGDEEL = "16", "Dagdeel (4 uur)"
        ETMAAL = "14", "Etmaal"
        STUKS = "83", "Stuks (inspanning)"
        EURO = "82", "Euro's"

    class Frequentie(models.TextChoices):
        # iWmo/iJw WJ757
        PER_DAG = "1", "Per dag"
        PER_WEEK = "2", "Per week"
        PER_MAAND = "4", "Per maand"
        TOTAAL = "6", "Totaal binnen geldigheidsduur toewijzing"

    class RedenWijziging(models.TextChoices):
        # iWmo/iJw WJ759 (selection)
        ADMINISTRATIEVE_CORRECTIE = "01", "Administratieve correctie"
        GEWIJZIGDE_INDICATIE = "13", "Herbeoordeling"
        VERLENGING = "14", "Verlenging"
        INTREKKING = "15", "Intrekking"

    EINDE = (Status.GESTOPT, Status.AFGEROND)
    LOPEND = (Status.VERZONDEN, Status.GEACCEPTEERD, Status.GESTART)

    actie = models.ForeignKey(
        "casussen.Actie",
        on_delete=models.PROTECT,
        related_name="verwijzingen",
        verbose_name="actie",
    )
    dienst = models.ForeignKey(
        "socialekaart.Dienst",
        on_delete=models.PROTECT,
        related_name="verwijzingen",
        verbose_name="dienst",
    )
    lid = models.ForeignKey(
        "huishoudens.Lid",
        on_delete=models.PROTECT,
        related_name="verwijzingen",
        verbose_name="voor wie",
    )
    toestemming = models.ForeignKey(
        Toestemming,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verwijzingen",
        verbose_name="toestemming",
    )
    grondslag = models.CharField(
        "wettelijke grondslag zonder toestemming",
        max_length=20,
        choices=Grondslag.choices,
        blank=True,
    )
    grondslag_reden = models.TextField("reden", max_length=MAX_TEKST, blank=True)
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.CONCEPT
    )
    contactpersoon = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="contactpersoon",
    )
    toelichting = models.TextField("vraag aan de aanbieder", max_length=MAX_TEKST, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verzonden_op = models.DateTimeField("verzonden op", null=True, blank=True)
    beantwoord_op = models.DateTimeField("beantwoord op", null=True, blank=True)
    reden_afwijzing = models.TextField("reden afwijzing", max_length=MAX_TEKST, blank=True)
    startdatum = models.DateField("gestart op (305)", null=True, blank=True)
    stopdatum = models.DateField("gestopt op (307)", null=True, blank=True)
    resultaat = models.CharField("resultaat", max_length=24, choices=Resultaat.choices, blank=True)
    resultaat_toelichting = models.TextField(
        "toelichting resultaat", max_length=MAX_TEKST, blank=True
    )
    # iWmo/iJw 3.2 allocation (301) for Wmo and Jeugdwet maatwerkvoorzieningen
    toewijzingnummer = models.CharField("toewijzingnummer", max_length=8, blank=True)
    productcategorie = models.CharField("productcategorie", max_length=2, blank=True)
    productcode = models.CharField("productcode", max_length=5, blank=True)
    volume = models.PositiveIntegerField("volume", null=True, blank=True)
    eenheid = models.CharField("eenheid", max_length=2, choices=Eenheid.choices, blank=True)
    frequentie = models.CharField(
        "frequentie", max_length=1, choices=Frequentie.choices, blank=True
    )
    toewijzingsdatum = models.DateField("toewijzingsdatum", null=True, blank=True)
    ingangsdatum = models.DateField("ingangsdatum", null=True, blank=True)
    einddatum = models.DateField("einddatum toewijzing", null=True, blank=True)
    reden_wijziging = models.CharField(
        "reden wijziging", max_length=2, choices=RedenWijziging.choices, blank=True
    )
    versie = models.PositiveIntegerField(default=1, editable=False)

    objects = VerwijzingQuerySet.as_manager()

    class Meta:
        verbose_name = "verwijzing"
        verbose_name_plural = "verwijzingen"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["dienst", "status"], name="verwijzing_dienst_status")]
        constraints = [
            # No referral without consent, or an override with a legal ground and a reason.
            models.CheckConstraint(
                condition=Q(toestemming__isnull=False)
                | (~Q(grondslag="") & ~Q(grondslag_reden="")),
                name="verwijzing_toestemming_of_grondslag",
                violation_error_message="Een verwijzing vraagt toestemming, of een wettelijke "
                "grondslag met een reden.",
            ),
            models.CheckConstraint(
                condition=~Q(status="afgewezen") | ~Q(reden_afwijzing=""),
                name="verwijzing_afwijzing_met_reden",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["gestart", "gestopt", "afgerond"])
                | Q(startdatum__isnull=False),
                name="verwijzing_gestart_met_datum",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["gestopt", "afgerond"])
                | (Q(stopdatum__isnull=False) & ~Q(resultaat="")),
                name="verwijzing_einde_met_resultaat",
            ),
            models.CheckConstraint(
                condition=~Q(status="afgerond") | Q(resultaat="geslaagd"),
                name="verwijzing_afgerond_geslaagd",
            ),
            models.CheckConstraint(
                condition=Q(stopdatum__isnull=True) | Q(stopdatum__gte=F("startdatum")),
                name="verwijzing_stop_na_start",
            ),
            models.CheckConstraint(
                condition=Q(productcode="") | ~Q(productcategorie=""),
                name="verwijzing_productcode_met_categorie",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(ingangsdatum__isnull=True)
                | Q(einddatum__gte=F("ingangsdatum")),
                name="verwijzing_toewijzing_periode",
            ),
        ]

    def __str__(self) -> str:
        return f"Verwijzing {self.kenmerk}"

    @property
    def kenmerk(self) -> str:
        return f"VW-{self.pk}"

    # --- who may do what (asked by services, views, templates and tests alike) ---------

    def can_handle(self, user) -> bool:
        """A provider's account of the receiving organisation (never a draft)."""
        return (
            user.is_aanbieder
            and self.status != self.Status.CONCEPT
            and self.dienst.organisatie.gebruikers.filter(pk=user.pk).exists()
        )

    @property
    def can_send(self) -> bool:
        return self.status == self.Status.CONCEPT

    @property
    def can_answer(self) -> bool:
        return self.status == self.Status.VERZONDEN

    @property
    def can_start(self) -> bool:
        return self.status == self.Status.GEACCEPTEERD

    @property
    def can_stop(self) -> bool:
        return self.status in (self.Status.GEACCEPTEERD, self.Status.GESTART)

    @property
    def can_report(self) -> bool:
        return self.status in (self.Status.GEACCEPTEERD, self.Status.GESTART)

    @property
    def can_extend(self) -> bool:
        return self.is_toewijzing and self.status in self.LOPEND

    @property
    def is_toewijzing(self) -> bool:
        return bool(self.productcode)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.toestemming_id is None and not (self.grondslag and self.grondslag_reden.strip()):
            errors["toestemming"] = (
                "Leg eerst de toestemming vast, of kies een wettelijke grondslag en geef de reden."
            )
        if self.productcode and not self.productcategorie:
            errors["productcategorie"] = "Kies de productcategorie bij deze productcode."
        elif self.productcode:
            past = Productcode.objects.filter(
                categorie=self.productcategorie, code=self.productcode
            ).exists()
            if not past:
                errors["productcode"] = (
                    f"Productcode {self.productcode} hoort niet bij productcategorie "
                    f"{self.productcategorie}. Kies een code uit de codelijst van die categorie."
                )
        if self.ingangsdatum and self.einddatum and self.einddatum < self.ingangsdatum:
            errors["einddatum"] = "De einddatum van de toewijzing ligt voor de ingangsdatum."
        if self.productcode and self.volume is None:
            errors["volume"] = "Vul het volume van de toewijzing in."
        if errors:
            raise ValidationError(errors)


class Voortgang(models.Model):
    """A short progress report of the provider, shown to the team on the plan."""

    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="voortgang", verbose_name="verwijzing"
    )
    tekst = models.TextField("voortgang", max_length=1000)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="door"
    )
    op = models.DateTimeField("op", default=timezone.now)

    class Meta:
        verbose_name = "voortgangsbericht"
        verbose_name_plural = "voortgangsberichten"
        ordering = ["op", "id"]
        constraints = [models.CheckConstraint(condition=~Q(tekst=""), name="voortgang_tekst")]

    def __str__(self) -> str:
        return self.tekst[:60]
