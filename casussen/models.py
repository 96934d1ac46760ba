"""One integrated support plan per household ("1 huishouden, 1 plan", seed 000).

Principles 2–7 of seed 000, in the model:
2. A goal (Doel) serves one or more members or the household as a whole, on one or more
   life domains.
3. The household directs: their agreement with each plan version is recorded (or their
   disagreement, with their view); their own network is an actor in the plan.
4. Their own words (request, problem, solution, where they want to be in a year) are
   recorded first and shown first; the professional's analysis can only follow them.
5. A safety concern (Veiligheidszorg) with an assessment, possibly a compulsory framework.
6. Every action (Actie) has a start, a planned end and an evaluation date in between.
7. Basic needs first: see `casussen.selectors.signalen`.

Writes go through `casussen.services`; this module holds fields, invariants (database
constraints plus `clean()` for the Dutch message) and rules about one row.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from casussen import termijnen
from huishoudens.models import Huishouden, Leefdomein, Lid, age_on

MAX_TEKST = 4000
MAX_KOSTEN = Decimal("9999999.99")
VROEGSTE_DATUM = datetime.date(2000, 1, 1)
LAATSTE_DATUM = datetime.date(2099, 12, 31)


def _leeg(text: str | None) -> bool:
    return not (text or "").strip()


def _check_datum(errors: dict, field: str, value: datetime.date | None) -> None:
    if value and not (VROEGSTE_DATUM <= value <= LAATSTE_DATUM):
        errors.setdefault(field, "Kies een datum tussen 2000 en 2099.")


# --- the plan --------------------------------------------------------------------------------


class Plan(models.Model):
    """The one plan of a household: their own words, goals, actions, agreement."""

    class Status(models.TextChoices):
        CONCEPT = "concept", "Concept"
        VASTGESTELD = "vastgesteld", "Vastgesteld (akkoord)"
        NIET_AKKOORD = "niet_akkoord", "Niet akkoord"

    huishouden = models.OneToOneField(
        Huishouden, on_delete=models.PROTECT, related_name="plan", verbose_name="huishouden"
    )
    # Principle 4: the household's own words, recorded first and shown first.
    hulpvraag = models.TextField(
        "hulpvraag",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Waarvoor vraagt het huishouden hulp? In hun eigen woorden.",
    )
    probleem = models.TextField(
        "wat zij zelf als probleem zien",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Hoe omschrijft het huishouden het probleem zelf?",
    )
    oplossing = models.TextField(
        "welke oplossing zij zelf zien",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Wat zou volgens het huishouden helpen? Wat kunnen ze zelf, of hun netwerk?",
    )
    perspectief = models.TextField(
        "waar zij over een jaar willen staan",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Het perspectief van het huishouden: hoe ziet het leven er over een jaar uit?",
    )
    eigen_woorden_op = models.DateTimeField("eigen woorden vastgelegd op", null=True, blank=True)
    analyse = models.TextField(
        "analyse van de professional",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Uw analyse, na en naast de eigen woorden: samenhang tussen leefdomeinen "
        "en leden, eigen kracht en netwerk.",
    )
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.CONCEPT
    )
    versienummer = models.PositiveIntegerField(
        "versie van het plan",
        default=1,
        help_text="Het nummer van de huidige planversie; elke wijziging na akkoord maakt "
        "een nieuwe versie.",
    )
    versie = models.PositiveIntegerField(default=1, editable=False)  # optimistic locking
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "plan"
        verbose_name_plural = "plannen"
        ordering = ["-gewijzigd_op", "id"]
        indexes = [models.Index(fields=["status"], name="plan_status")]
        constraints = [
            # Principle 4: the professional's analysis follows the household's own words.
            models.CheckConstraint(
                condition=Q(analyse="") | ~Q(hulpvraag=""),
                name="plan_eigen_woorden_voor_analyse",
                violation_error_message="Leg eerst de hulpvraag in de eigen woorden van het "
                "huishouden vast, dan pas uw analyse.",
            ),
            models.CheckConstraint(
                condition=Q(versienummer__gte=1), name="plan_versienummer_positief"
            ),
        ]

    def __str__(self) -> str:
        return f"Plan van {self.huishouden}"

    def get_absolute_url(self) -> str:
        return reverse("casussen:plan", args=[self.huishouden_id])

    @property
    def heeft_eigen_woorden(self) -> bool:
        return not _leeg(self.hulpvraag)

    @property
    def wacht_op_akkoord(self) -> bool:
        return self.status == self.Status.CONCEPT

    def clean(self) -> None:
        if not _leeg(self.analyse) and _leeg(self.hulpvraag):
            raise ValidationError(
                {
                    "analyse": "Leg eerst de hulpvraag in de eigen woorden van het huishouden "
                    "vast, dan pas uw analyse (uitgangspunt 4)."
                }
            )


class Planversie(models.Model):
    """A version of the plan and how it was settled with the household (principle 3).

    Version 1 starts as a concept. Recording the agreement (or the disagreement, with the
    household's view) settles it and keeps a snapshot of its content; every change after
    that opens the next version. Settling requires a complete domain matrix or a reason.
    """

    class Wijze(models.TextChoices):
        IN_PERSOON = "in_persoon", "In persoon (gesprek)"
        DIGITAAL = "digitaal", "Digitaal"
        VERTEGENWOORDIGER = "vertegenwoordiger", "Via een vertegenwoordiger"

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="versies", verbose_name="plan"
    )
    nummer = models.PositiveIntegerField("versie")
    status = models.CharField(
        "status", max_length=12, choices=Plan.Status.choices, default=Plan.Status.CONCEPT
    )
    aangemaakt_op = models.DateTimeField("begonnen op", default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="begonnen door",
        db_index=False,
    )
    vastgesteld_op = models.DateTimeField("vastgelegd op", null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="vastgelegd door",
        db_index=False,
    )
    akkoord_datum = models.DateField("datum van het gesprek", null=True, blank=True)
    wijze = models.CharField("hoe", max_length=20, choices=Wijze.choices, blank=True)
    akkoord_lid = models.ForeignKey(
        Lid,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="namens het huishouden",
        db_index=False,
    )
    vertegenwoordiger = models.CharField(
        "naam en rol van de vertegenwoordiger", max_length=200, blank=True
    )
    zienswijze = models.TextField(
        "zienswijze van het huishouden",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Bij niet akkoord verplicht: waarom niet, in hun eigen woorden.",
    )
    matrix_compleet = models.BooleanField("domeinmatrix compleet", null=True, blank=True)
    reden_onvolledig = models.TextField(
        "reden om vast te stellen zonder complete domeinmatrix",
        max_length=MAX_TEKST,
        blank=True,
    )
    inhoud = models.JSONField("inhoud bij vaststelling", default=dict, blank=True)

    class Meta:
        verbose_name = "planversie"
        verbose_name_plural = "planversies"
        ordering = ["plan", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "nummer"], name="planversie_uniek_nummer"),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(status="concept"),
                name="planversie_een_concept",
            ),
            models.CheckConstraint(
                condition=Q(status="concept")
                | (
                    Q(akkoord_datum__isnull=False, vastgesteld_op__isnull=False)
                    & ~Q(wijze="")
                    & (Q(akkoord_lid__isnull=False) | ~Q(vertegenwoordiger=""))
                ),
                name="planversie_vastgesteld_met_wie_wanneer_hoe",
            ),
            models.CheckConstraint(
                condition=~Q(status="niet_akkoord") | ~Q(zienswijze=""),
                name="planversie_niet_akkoord_met_zienswijze",
            ),
            models.CheckConstraint(
                condition=~Q(wijze="vertegenwoordiger") | ~Q(vertegenwoordiger=""),
                name="planversie_vertegenwoordiger_met_naam",
            ),
            models.CheckConstraint(
                condition=Q(status="concept") | Q(matrix_compleet=True) | ~Q(reden_onvolledig=""),
                name="planversie_onvolledig_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"Versie {self.nummer} ({self.get_status_display()})"

    @property
    def akkoord_door(self) -> str:
        if self.wijze == self.Wijze.VERTEGENWOORDIGER:
            return self.vertegenwoordiger
        return str(self.akkoord_lid) if self.akkoord_lid_id else ""

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.status != Plan.Status.CONCEPT:
            if not self.akkoord_datum:
                errors["akkoord_datum"] = "Vul de datum van het gesprek in."
            elif self.akkoord_datum > timezone.localdate():
                errors["akkoord_datum"] = "De datum ligt in de toekomst."
            if not self.wijze:
                errors["wijze"] = "Kies hoe het huishouden zijn akkoord of bezwaar gaf."
            if self.wijze == self.Wijze.VERTEGENWOORDIGER:
                if _leeg(self.vertegenwoordiger):
                    errors["vertegenwoordiger"] = "Vul naam en rol van de vertegenwoordiger in."
            elif self.wijze and not self.akkoord_lid_id:
                errors["akkoord_lid"] = "Kies het lid dat namens het huishouden sprak."
            if self.status == Plan.Status.NIET_AKKOORD and _leeg(self.zienswijze):
                errors["zienswijze"] = (
                    "Schrijf op waarom het huishouden niet akkoord is, in hun eigen woorden."
                )
            if self.matrix_compleet is False and _leeg(self.reden_onvolledig):
                errors["reden_onvolledig"] = (
                    "De domeinmatrix is niet compleet. Geef aan waarom het plan toch nu "
                    "wordt vastgesteld."
                )
        if errors:
            raise ValidationError(errors)


# --- goals and actions -----------------------------------------------------------------------


class Doel(models.Model):
    """A result the household wants, for members or the household as a whole (principle 2)."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        BEREIKT = "bereikt", "Bereikt"
        BIJGESTELD = "bijgesteld", "Bijgesteld"
        GESTOPT = "gestopt", "Gestopt"

    # A goal that was adjusted (bijgesteld) is still being worked on, in its new form.
    ACTIEF = (Status.OPEN, Status.BIJGESTELD)

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="doelen", verbose_name="plan"
    )
    omschrijving = models.CharField(
        "doel",
        max_length=300,
        help_text="Als resultaat dat het huishouden wil bereiken, in hun woorden: "
        "'Wij hebben weer overzicht over onze rekeningen.'",
    )
    leefdomeinen = models.ManyToManyField(
        Leefdomein, related_name="doelen", verbose_name="leefdomeinen"
    )
    leden = models.ManyToManyField(
        Lid, related_name="doelen", blank=True, verbose_name="voor wie (leden)"
    )
    heel_huishouden = models.BooleanField(
        "voor het hele huishouden",
        default=False,
        help_text="Kies dit als het doel het huishouden als geheel dient, niet één of meer leden.",
    )
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.OPEN)
    evaluatie = models.TextField(
        "evaluatie",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Wat is bereikt, wat niet, en waarom? Verplicht als het doel niet meer open is.",
    )
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "doel"
        verbose_name_plural = "doelen"
        ordering = ["plan", "id"]
        indexes = [models.Index(fields=["plan", "status"], name="doel_plan_status")]
        constraints = [
            models.CheckConstraint(condition=~Q(omschrijving=""), name="doel_omschrijving"),
            models.CheckConstraint(
                condition=Q(status="open") | ~Q(evaluatie=""),
                name="doel_status_met_evaluatie",
                violation_error_message="Schrijf de evaluatie op als het doel niet meer open is.",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def is_actief(self) -> bool:
        return self.status in self.ACTIEF

    def clean(self) -> None:
        errors = {}
        if _leeg(self.omschrijving):
            errors["omschrijving"] = "Beschrijf het doel als resultaat dat het huishouden wil."
        if self.status != self.Status.OPEN and _leeg(self.evaluatie):
            errors["evaluatie"] = (
                "Schrijf kort op wat de evaluatie opleverde als het doel "
                f"{self.get_status_display().lower()} is."
            )
        if errors:
            raise ValidationError(errors)

    def validate_links(self, *, leefdomeinen, leden) -> None:
        """Principle 2: at least one life domain, and members of this household or the
        household as a whole. Called by the services before the links are written."""
        errors = {}
        if not list(leefdomeinen):
            errors["leefdomeinen"] = "Kies minstens één leefdomein waar dit doel over gaat."
        leden = list(leden)
        if self.heel_huishouden and leden:
            errors["leden"] = "Kies leden óf het hele huishouden, niet allebei."
        elif not self.heel_huishouden and not leden:
            errors["leden"] = (
                "Kies voor wie dit doel is: één of meer leden, of het hele huishouden."
            )
        elif any(lid.huishouden_id != self.plan.huishouden_id for lid in leden):
            errors["leden"] = "Kies alleen leden van dit huishouden."
        if errors:
            raise ValidationError(errors)


class Wet(models.TextChoices):
    """Law or funding stream of an action: separate at the back, one plan at the front."""

    WMO = "wmo", "Wmo 2015"
    JEUGDWET = "jeugdwet", "Jeugdwet"
    PARTICIPATIEWET = "participatiewet", "Participatiewet"
    WGS = "wgs", "Wgs (schuldhulp)"
    ZVW = "zvw", "Zvw"
    WLZ = "wlz", "Wlz"
    GEEN = "geen", "Geen / voorliggend"


# Ages for which a law is meant: [from, until). Outside them an action under that law
# needs an explicit reason. Jeugdwet art. 1.1: a 'jeugdige' is under 18, or under 23 when
# help continues (verlengde jeugdhulp). Wmo 2015 and the Participatiewet serve adults;
# for minors the Jeugdwet comes first.
WET_LEEFTIJD: dict[str, tuple[int | None, int | None]] = {
    Wet.JEUGDWET: (None, 23),
    Wet.WMO: (18, None),
    Wet.PARTICIPATIEWET: (18, None),
}


class Actie(models.Model):
    """A support action under a goal (principle 6: as short as possible, as long as needed)."""

    class Uitvoerder(models.TextChoices):
        HUISHOUDEN = "huishouden", "Het huishouden zelf"
        NETWERK = "netwerk", "Het netwerk (familie, buren, vrienden)"
        VOORLIGGEND = "voorliggend", "Voorliggende voorziening (algemeen, in de wijk)"
        WIJKTEAM = "wijkteam", "Het wijkteam"
        AANBIEDER = "aanbieder", "Een aanbieder"

    class Status(models.TextChoices):
        GEPLAND = "gepland", "Gepland"
        LOPEND = "lopend", "Loopt"
        AFGEROND = "afgerond", "Afgerond"
        GESTOPT = "gestopt", "Gestopt"

    ACTIEF = (Status.GEPLAND, Status.LOPEND)
    NAAM_VERPLICHT = (Uitvoerder.VOORLIGGEND, Uitvoerder.AANBIEDER)

    doel = models.ForeignKey(
        Doel, on_delete=models.PROTECT, related_name="acties", verbose_name="doel"
    )
    wat = models.CharField("wat", max_length=300)
    lid = models.ForeignKey(
        Lid,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name="voor wie",
        help_text="Leeg laten als de actie het hele doel dient.",
    )
    uitvoerder = models.CharField("wie doet het", max_length=12, choices=Uitvoerder.choices)
    uitvoerder_naam = models.CharField(
        "naam",
        max_length=200,
        blank=True,
        help_text="Wie precies: de buurvrouw, de voedselbank, de naam van de aanbieder.",
    )
    wet = models.CharField("wet of financiering", max_length=16, choices=Wet.choices)
    startdatum = models.DateField("start")
    einddatum = models.DateField("geplande einddatum")
    evaluatiedatum = models.DateField("evaluatie op")
    kosten = models.DecimalField(
        "verwachte kosten (euro)", max_digits=9, decimal_places=2, default=Decimal("0.00")
    )
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.GEPLAND
    )
    leeftijd_motivering = models.TextField(
        "motivering leeftijd",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Alleen nodig als de wet niet bij de leeftijd past, bijvoorbeeld "
        "Jeugdwet voor iemand van 23 of ouder.",
    )
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "actie"
        verbose_name_plural = "acties"
        ordering = ["doel", "startdatum", "id"]
        indexes = [
            models.Index(
                fields=["evaluatiedatum"],
                name="actie_evaluatie_actief",
                condition=Q(status__in=["gepland", "lopend"]),
            ),
            models.Index(
                fields=["einddatum"],
                name="actie_einde_actief",
                condition=Q(status__in=["gepland", "lopend"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(wat=""), name="actie_wat"),
            models.CheckConstraint(
                condition=Q(einddatum__gte=F("startdatum")),
                name="actie_einde_na_start",
                violation_error_message="De einddatum ligt voor de startdatum.",
            ),
            models.CheckConstraint(
                condition=Q(evaluatiedatum__gte=F("startdatum"))
                & Q(evaluatiedatum__lte=F("einddatum")),
                name="actie_evaluatie_binnen_periode",
                violation_error_message="De evaluatiedatum ligt buiten de looptijd.",
            ),
            models.CheckConstraint(
                condition=Q(kosten__gte=0),
                name="actie_kosten_niet_negatief",
                violation_error_message="Kosten kunnen niet negatief zijn.",
            ),
            models.CheckConstraint(
                condition=~Q(uitvoerder__in=["voorliggend", "aanbieder"]) | ~Q(uitvoerder_naam=""),
                name="actie_aanbieder_met_naam",
            ),
        ]

    def __str__(self) -> str:
        return self.wat

    @property
    def is_actief(self) -> bool:
        return self.status in self.ACTIEF

    def evaluatie_te_laat(self, vandaag: datetime.date) -> bool:
        return self.is_actief and self.evaluatiedatum < vandaag

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if _leeg(self.wat):
            errors["wat"] = "Beschrijf wat er gebeurt."
        for field in ("startdatum", "einddatum", "evaluatiedatum"):
            _check_datum(errors, field, getattr(self, field))
        if self.startdatum and self.einddatum and self.einddatum < self.startdatum:
            errors.setdefault("einddatum", "De einddatum ligt voor de startdatum.")
        datums = (self.startdatum, self.einddatum, self.evaluatiedatum)
        if all(datums) and not (self.startdatum <= self.evaluatiedatum <= self.einddatum):
            errors.setdefault(
                "evaluatiedatum",
                "Kies een evaluatiedatum binnen de looptijd, van "
                f"{self.startdatum:%d-%m-%Y} tot en met {self.einddatum:%d-%m-%Y}.",
            )
        if self.kosten is not None and self.kosten < 0:
            errors["kosten"] = "Kosten kunnen niet negatief zijn."
        elif self.kosten is not None and self.kosten > MAX_KOSTEN:
            errors["kosten"] = "Dat bedrag is te hoog; controleer de kosten."
        if self.uitvoerder in self.NAAM_VERPLICHT and _leeg(self.uitvoerder_naam):
            errors["uitvoerder_naam"] = (
                "Vul de naam van de aanbieder in."
                if self.uitvoerder == self.Uitvoerder.AANBIEDER
                else "Vul de naam van de voorziening in, bijvoorbeeld de voedselbank."
            )
        if self.doel_id and self.lid_id:
            doel = self.doel
            if doel.heel_huishouden:
                if self.lid.huishouden_id != doel.plan.huishouden_id:
                    errors["lid"] = "Kies een lid van dit huishouden."
            elif not doel.leden.filter(pk=self.lid_id).exists():
                errors["lid"] = "Kies een lid voor wie het doel is, of laat het veld leeg."
        if not errors and _leeg(self.leeftijd_motivering):
            probleem = self.leeftijd_probleem()
            if probleem:
                errors["leeftijd_motivering"] = probleem
        if errors:
            raise ValidationError(errors)

    def betrokken_leden(self) -> list[Lid]:
        """The member this action is for, or else the members of its goal."""
        if self.lid_id:
            return [self.lid]
        doel = self.doel
        if doel.heel_huishouden:
            return list(doel.plan.huishouden.leden.filter(einddatum__isnull=True))
        return list(doel.leden.all())

    def leeftijd_probleem(self) -> str:
        """A Dutch explanation when the law does not fit the age of the member(s), else ''.

        Checked on the start date (lower bound) and the planned end date (upper bound):
        Jeugdwet help that runs past a 23rd birthday needs a reason too."""
        grenzen = WET_LEEFTIJD.get(self.wet)
        if not grenzen or not (self.startdatum and self.einddatum and self.doel_id):
            return ""
        van, tot = grenzen
        leden = self.betrokken_leden()
        if not leden:
            return ""
        passend = [
            lid
            for lid in leden
            if (van is None or age_on(lid.geboortedatum, self.startdatum) >= van)
            and (tot is None or age_on(lid.geboortedatum, self.einddatum) < tot)
        ]
        if passend:
            return ""
        namen = ", ".join(
            f"{lid.voornamen.split()[0]} ({age_on(lid.geboortedatum, self.startdatum)} jaar)"
            for lid in leden
        )
        wet = self.get_wet_display()
        if tot is not None:
            return (
                f"{wet} is bedoeld voor jeugdigen tot {tot} jaar; {namen} valt daarbuiten in "
                "de looptijd van deze actie. Geef een motivering of kies een andere wet."
            )
        return (
            f"{wet} is bedoeld voor volwassenen vanaf {van} jaar; {namen} is jonger. "
            "Geef een motivering of kies een andere wet."
        )


# --- statutory deadlines ---------------------------------------------------------------------


class Termijn(models.Model):
    """A statutory deadline from a report date; computed, shown, met (date recorded)."""

    class Soort(models.TextChoices):
        WMO_ONDERZOEK = "wmo_onderzoek", "Wmo-onderzoek na melding (6 weken)"
        SCHULDHULP_GESPREK = "schuldhulp_gesprek", "Eerste gesprek schuldhulp"

    class Spoedgrond(models.TextChoices):
        GEEN = "", "Geen spoed (4 weken)"
        HUISUITZETTING = "huisuitzetting", "Dreigende huisuitzetting"
        AFSLUITING = "afsluiting", "Dreigende afsluiting van energie of water"
        ZORGVERZEKERING = "zorgverzekering", "Dreigende opzegging van de zorgverzekering"

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="termijnen", verbose_name="plan"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    gemeld_op = models.DateField("datum melding of verzoek")
    spoedgrond = models.CharField(
        "spoed (Wgs art. 4)",
        max_length=16,
        choices=Spoedgrond.choices,
        blank=True,
        help_text="Alleen bij schuldhulp: dan binnen 3 werkdagen een eerste gesprek.",
    )
    uiterlijk_op = models.DateField("uiterlijk op", editable=False)
    voldaan_op = models.DateField("voldaan op", null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "wettelijke termijn"
        verbose_name_plural = "wettelijke termijnen"
        ordering = ["uiterlijk_op", "id"]
        indexes = [
            models.Index(
                fields=["uiterlijk_op"],
                name="termijn_open",
                condition=Q(voldaan_op__isnull=True),
            ),
            models.Index(fields=["plan", "soort"], name="termijn_plan"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(uiterlijk_op__gte=F("gemeld_op")), name="termijn_na_melding"
            ),
            models.CheckConstraint(
                condition=Q(voldaan_op__isnull=True) | Q(voldaan_op__gte=F("gemeld_op")),
                name="termijn_voldaan_na_melding",
            ),
            models.CheckConstraint(
                condition=Q(soort="schuldhulp_gesprek") | Q(spoedgrond=""),
                name="termijn_spoed_alleen_schuldhulp",
            ),
            models.UniqueConstraint(
                fields=["plan", "soort"],
                condition=Q(voldaan_op__isnull=True),
                name="termijn_een_open_per_soort",
                violation_error_message="Er loopt al een termijn van deze soort.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: uiterlijk {self.uiterlijk_op:%d-%m-%Y}"

    def save(self, *args, **kwargs):
        self.uiterlijk_op = self.bereken_uiterlijk()
        super().save(*args, **kwargs)

    def bereken_uiterlijk(self) -> datetime.date:
        if self.soort == self.Soort.WMO_ONDERZOEK:
            return termijnen.wmo_onderzoek_uiterlijk(self.gemeld_op)
        return termijnen.wgs_gesprek_uiterlijk(self.gemeld_op, spoed=bool(self.spoedgrond))

    @property
    def wet(self) -> str:
        return "Wmo 2015 art. 2.3.2" if self.soort == self.Soort.WMO_ONDERZOEK else "Wgs art. 4"

    @property
    def omschrijving(self) -> str:
        if self.soort == self.Soort.WMO_ONDERZOEK:
            return "Onderzoek na Wmo-melding afronden"
        if self.spoedgrond:
            return f"Eerste gesprek schuldhulp (spoed: {self.get_spoedgrond_display().lower()})"
        return "Eerste gesprek schuldhulp"

    def is_te_laat(self, vandaag: datetime.date) -> bool:
        if self.voldaan_op:
            return self.voldaan_op > self.uiterlijk_op
        return self.uiterlijk_op < vandaag

    def dagen_over(self, vandaag: datetime.date) -> int:
        return (self.uiterlijk_op - vandaag).days

    def clean(self) -> None:
        errors = {}
        vandaag = timezone.localdate()
        _check_datum(errors, "gemeld_op", self.gemeld_op)
        if self.gemeld_op and self.gemeld_op > vandaag:
            errors["gemeld_op"] = "De datum van de melding ligt in de toekomst."
        if self.soort != self.Soort.SCHULDHULP_GESPREK and self.spoedgrond:
            errors["spoedgrond"] = "Spoed (3 werkdagen) geldt alleen voor schuldhulp."
        if self.voldaan_op:
            if self.voldaan_op > vandaag:
                errors["voldaan_op"] = "De datum ligt in de toekomst."
            elif self.gemeld_op and self.voldaan_op < self.gemeld_op:
                errors["voldaan_op"] = "Deze datum ligt voor de melding."
        if errors:
            raise ValidationError(errors)


# --- safety (principle 5) --------------------------------------------------------------------


class Veiligheidszorg(models.Model):
    """A concern about the safety of a member or the surroundings.

    Setting it notifies the team lead(s); clearing it needs a reason. Both are written to
    the plan's append-only history (Planwijziging)."""

    class Dwangkader(models.TextChoices):
        GEEN = "", "Geen (vrijwillig kader)"
        OTS = "ots", "Ondertoezichtstelling (OTS)"
        UITHUISPLAATSING = "uithuisplaatsing", "Machtiging uithuisplaatsing"
        WVGGZ = "wvggz", "Verplichte ggz (Wvggz: crisismaatregel of zorgmachtiging)"
        WZD = "wzd", "Onvrijwillige zorg (Wzd)"
        HUISVERBOD = "huisverbod", "Tijdelijk huisverbod"
        ANDERS = "anders", "Anders"

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="veiligheidszorgen", verbose_name="plan"
    )
    omschrijving = models.TextField(
        "wat is er aan de hand",
        max_length=MAX_TEKST,
        help_text="Feiten: wat is gezien of gehoord, door wie, wanneer.",
    )
    inschatting = models.TextField(
        "inschatting",
        max_length=MAX_TEKST,
        help_text="Hoe ernstig en hoe acuut? Wie loopt gevaar? Wat is al gedaan?",
    )
    dwangkader = models.CharField(
        "dwangkader", max_length=20, choices=Dwangkader.choices, blank=True
    )
    dwangkader_toelichting = models.CharField("toelichting dwangkader", max_length=300, blank=True)
    gemeld_op = models.DateTimeField("gemeld op", default=timezone.now)
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="gemeld door",
        db_index=False,
    )
    opgeheven_op = models.DateTimeField("opgeheven op", null=True, blank=True)
    opgeheven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="opgeheven door",
        db_index=False,
    )
    reden_opheffing = models.TextField("reden van opheffen", max_length=MAX_TEKST, blank=True)

    class Meta:
        verbose_name = "veiligheidszorg"
        verbose_name_plural = "veiligheidszorgen"
        ordering = ["-gemeld_op", "-id"]
        indexes = [
            models.Index(
                fields=["plan"], name="veiligheid_actief", condition=Q(opgeheven_op__isnull=True)
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(omschrijving="") & ~Q(inschatting=""),
                name="veiligheid_omschrijving_en_inschatting",
            ),
            models.CheckConstraint(
                condition=Q(opgeheven_op__isnull=True) | ~Q(reden_opheffing=""),
                name="veiligheid_opheffen_met_reden",
            ),
            models.CheckConstraint(
                condition=~Q(dwangkader="anders") | ~Q(dwangkader_toelichting=""),
                name="veiligheid_anders_met_toelichting",
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(opgeheven_op__isnull=True),
                name="veiligheid_een_actief",
                violation_error_message="Er is al een actieve veiligheidszorg.",
            ),
        ]

    def __str__(self) -> str:
        return f"Veiligheidszorg {self.gemeld_op:%d-%m-%Y}"

    @property
    def is_actief(self) -> bool:
        return self.opgeheven_op is None

    def clean(self) -> None:
        errors = {}
        if _leeg(self.omschrijving):
            errors["omschrijving"] = "Beschrijf wat er aan de hand is."
        if _leeg(self.inschatting):
            errors["inschatting"] = "Geef uw inschatting van de veiligheid."
        if self.dwangkader == self.Dwangkader.ANDERS and _leeg(self.dwangkader_toelichting):
            errors["dwangkader_toelichting"] = "Licht toe om welk dwangkader het gaat."
        if self.opgeheven_op and _leeg(self.reden_opheffing):
            errors["reden_opheffing"] = "Geef een reden om de veiligheidszorg op te heffen."
        if errors:
            raise ValidationError(errors)


# --- history ---------------------------------------------------------------------------------


class Planwijziging(models.Model):
    """Who changed what in the plan, when: the readable diff of every version.

    Append-only, enforced by a PostgreSQL trigger (migration 0002): the history of a
    plan, including safety concerns and the reasons for settling an incomplete plan,
    cannot be rewritten."""

    class Soort(models.TextChoices):
        INHOUD = "inhoud", "Inhoud van het plan"
        VASTSTELLING = "vaststelling", "Akkoord of niet akkoord"
        VEILIGHEID = "veiligheid", "Veiligheid"
        TERMIJN = "termijn", "Wettelijke termijn"

    class Handeling(models.TextChoices):
        TOEGEVOEGD = "toegevoegd", "toegevoegd"
        GEWIJZIGD = "gewijzigd", "gewijzigd"
        VASTGESTELD = "vastgesteld", "vastgesteld"
        GEMELD = "gemeld", "gemeld"
        OPGEHEVEN = "opgeheven", "opgeheven"

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="wijzigingen", verbose_name="plan"
    )
    versienummer = models.PositiveIntegerField("planversie")
    tijdstip = models.DateTimeField("tijdstip", default=timezone.now)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="door",
        db_index=False,
    )
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    handeling = models.CharField("handeling", max_length=12, choices=Handeling.choices)
    onderwerp = models.CharField("onderwerp", max_length=200)
    # [{"veld": label, "oud": text, "nieuw": text}, ...] — display values, so the diff
    # stays readable even when choices or names change later.
    wijzigingen = models.JSONField("wijzigingen", default=list, blank=True)

    class Meta:
        verbose_name = "planwijziging"
        verbose_name_plural = "planwijzigingen"
        ordering = ["plan", "id"]
        indexes = [models.Index(fields=["plan", "versienummer"], name="planwijziging_versie")]

    def __str__(self) -> str:
        return f"{self.onderwerp} {self.get_handeling_display()}"
