"""Retention periods, legal holds and destruction lists (as Open Archiefbeheer does them)."""

from __future__ import annotations

import datetime

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from huishoudens.models import huishouden_ref, months_ago
from sociaaldomein.models import Team, user_ref


class Bewaartermijn(models.Model):
    """How long a household file is kept under one law, with its source. Reference data
    the beheerder keeps (admin). `wet` empty: the period for a file without any law
    recorded (the wijkteam's general casework)."""

    wet = models.OneToOneField(
        "toetsing.Wet",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="wet",
    )
    soort = models.CharField("soort gegevens", max_length=120, default="Huishouddossier")
    jaren = models.PositiveSmallIntegerField("bewaartermijn (jaren)")
    afleiding = models.CharField(
        "telt vanaf",
        max_length=120,
        default="de datum van afsluiten van het dossier (brondatum)",
    )
    bron = models.CharField("bron", max_length=300)

    class Meta:
        verbose_name = "bewaartermijn"
        verbose_name_plural = "bewaartermijnen"
        ordering = ["-jaren"]
        constraints = [
            models.UniqueConstraint(
                fields=["wet"], nulls_distinct=False, name="bewaartermijn_een_per_wet"
            ),
            models.CheckConstraint(condition=Q(jaren__gte=1), name="bewaartermijn_positief"),
        ]

    def __str__(self) -> str:
        return f"{self.wet.afkorting if self.wet_id else 'Geen wet'}: {self.jaren} jaar"


class JuridischeBlokkade(models.Model):
    """A legal hold: while it lasts the household's file is never proposed for
    destruction, whatever its archiefactiedatum."""

    class Grond(models.TextChoices):
        BEZWAAR = "bezwaar", "Bezwaar of beroep loopt"
        AUDITOR = "auditor", "Verzoek van een auditor"
        RECHTER = "rechter", "Rechterlijk bevel"
        AVG = "avg", "AVG art. 18: beperking van de verwerking"

    huishouden = models.ForeignKey(
        "huishoudens.Huishouden",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="huishouden",
    )
    grond = models.CharField("grond", max_length=10, choices=Grond.choices)
    toelichting = models.CharField("toelichting", max_length=300)
    sinds = models.DateField("sinds", default=timezone.localdate)
    tot = models.DateField("tot en met", null=True, blank=True, help_text="Leeg: tot opheffing.")
    vastgelegd_door = user_ref("vastgelegd door")

    class Meta:
        verbose_name = "juridische blokkade"
        verbose_name_plural = "juridische blokkades"
        ordering = ["-sinds", "-id"]

    def __str__(self) -> str:
        return f"{self.get_grond_display()} sinds {self.sinds:%d-%m-%Y}"

    @staticmethod
    def actief_op(datum: datetime.date) -> Q:
        return Q(sinds__lte=datum) & (Q(tot__isnull=True) | Q(tot__gte=datum))


class Vernietigingslijst(models.Model):
    """A destruction list of one team's households: author (beheerder) → reviewer (a
    team lead of the team) → archivist, then a wait of `WACHTTIJD` before deletion."""

    class Status(models.TextChoices):
        NIEUW = "nieuw", "Nieuw"
        TER_BEOORDELING = "ter_beoordeling", "Klaar voor beoordeling"
        WIJZIGINGEN = "wijzigingen", "Wijzigingen gevraagd"
        BEOORDEELD = "beoordeeld", "Beoordeeld"
        BIJ_ARCHIVARIS = "bij_archivaris", "Klaar voor de archivaris"
        KLAAR = "klaar", "Klaar om te vernietigen"
        VERNIETIGD = "vernietigd", "Vernietigd"

    WACHTTIJD = datetime.timedelta(days=7)

    naam = models.CharField("naam", max_length=120)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", verbose_name="team")
    status = models.CharField("status", max_length=16, choices=Status.choices, default="nieuw")
    auteur = user_ref("auteur")
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=timezone.now)
    vernietigen_na = models.DateTimeField("vernietigen na", null=True, blank=True)
    vernietigd_op = models.DateTimeField("vernietigd op", null=True, blank=True)
    verklaring = models.BinaryField("verklaring van vernietiging (PDF)", null=True, blank=True)

    class Meta:
        verbose_name = "vernietigingslijst"
        verbose_name_plural = "vernietigingslijsten"
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="klaar") | Q(vernietigen_na__isnull=False),
                name="lijst_klaar_met_wachttijd",
            ),
            models.CheckConstraint(
                condition=~Q(status="vernietigd") | Q(vernietigd_op__isnull=False),
                name="lijst_vernietigd_met_datum",
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    # --- who may do what (views, services, templates and the access matrix ask here) --

    @staticmethod
    def can_author(user) -> bool:
        return user.is_beheerder

    @staticmethod
    def can_see(user) -> bool:
        """The list pages: author, archivist, team leads (their reviews) and auditors.
        None of them sees a household's case data here: only the minimal record."""
        return user.is_beheerder or user.is_archivaris or user.is_teamleider or user.is_auditor

    def can_submit(self, user) -> bool:
        return self.can_author(user) and self.status in {"nieuw", "wijzigingen"}

    def can_review(self, user) -> bool:
        return self.status == "ter_beoordeling" and user.leads(self.team_id)

    def can_send_to_archivist(self, user) -> bool:
        return self.can_author(user) and self.status == "beoordeeld"

    def can_archive(self, user) -> bool:
        return self.status == "bij_archivaris" and user.is_archivaris

    def is_due(self, moment: datetime.datetime | None = None) -> bool:
        moment = moment or timezone.now()
        return self.status == "klaar" and self.vernietigen_na <= moment


class LijstItem(models.Model):
    """One household file on a list, with the minimal record kept after deletion
    (reference, period, laws, dates): no names, no BSN."""

    lijst = models.ForeignKey(
        Vernietigingslijst, on_delete=models.CASCADE, related_name="items", verbose_name="lijst"
    )
    huishouden = huishouden_ref()
    huishouden_nummer = models.PositiveIntegerField("nummer van het huishouden")
    referentie = models.CharField("referentie", max_length=20)
    aangemeld_op = models.DateField("aangemeld op")
    brondatum = models.DateField("brondatum")
    archiefactiedatum = models.DateField("archiefactiedatum")
    wetten = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    jaren = models.PositiveSmallIntegerField("bewaartermijn (jaren)")
    uitgezonderd = models.BooleanField("uitgezonderd door de beoordelaar", default=False)
    vernietigd_op = models.DateTimeField("vernietigd op", null=True, blank=True)
    verzoek = models.ForeignKey(
        "archief.VernietigingsVerzoek",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="vervroegd op verzoek",
        help_text="Leeg: op de lijst omdat de bewaartermijn verstreken is.",
    )

    class Meta:
        verbose_name = "regel van een vernietigingslijst"
        verbose_name_plural = "regels van vernietigingslijsten"
        ordering = ["archiefactiedatum", "referentie"]
        constraints = [
            models.UniqueConstraint(fields=["lijst", "huishouden_nummer"], name="lijstitem_uniek")
        ]

    def __str__(self) -> str:
        return self.referentie


class Beoordeling(models.Model):
    """The review trail: every step on a list, by whom, with what comment."""

    class Stap(models.TextChoices):
        INGEDIEND = "ingediend", "Ter beoordeling aangeboden"
        AKKOORD = "akkoord", "Akkoord van de teamleider"
        WIJZIGINGEN = "wijzigingen", "Wijzigingen gevraagd"
        NAAR_ARCHIVARIS = "naar_archivaris", "Aangeboden aan de archivaris"
        ARCHIVARIS = "archivaris", "Akkoord van de archivaris"
        VERNIETIGD = "vernietigd", "Vernietigd"
        VERZOEK = "verzoek", "Vernietigingsverzoek toegewezen (Jeugdwet art. 7.3.9)"

    lijst = models.ForeignKey(
        Vernietigingslijst, on_delete=models.CASCADE, related_name="stappen", verbose_name="lijst"
    )
    stap = models.CharField("stap", max_length=16, choices=Stap.choices)
    door = user_ref("door", optional=True)
    door_naam = models.CharField("door", max_length=150)
    rol = models.CharField("rol", max_length=100)
    toelichting = models.CharField("toelichting", max_length=500, blank=True)
    op = models.DateTimeField("op", default=timezone.now)

    class Meta:
        verbose_name = "stap"
        verbose_name_plural = "stappen"
        ordering = ["op", "id"]

    def __str__(self) -> str:
        return f"{self.get_stap_display()} door {self.door_naam}"


class VernietigingsVerzoek(models.Model):
    """A request for early destruction of a household file under Jeugdwet art. 7.3.9: the
    file is destroyed within three months of a request of the youth (12 or older, able to
    weigh their interests) or a parent or guardian, unless keeping it is of substantial
    interest to someone else or a legal rule requires it. Recorded by a caseworker of the
    owning team, decided by a team lead of that team (never the recorder: four eyes); a
    granted request puts the file on a destruction list of its own, outside the normal
    archiefactiedatum. The request stays as the account of it after the file is gone:
    reference and team, no names."""

    MINIMUM_LEEFTIJD = 12
    TERMIJN_MAANDEN = 3

    class Verzoeker(models.TextChoices):
        JEUGDIGE = "jeugdige", "De jeugdige zelf (12 jaar of ouder)"
        OUDER = "ouder", "Een ouder of de voogd"

    class Status(models.TextChoices):
        OPEN = "open", "Wacht op beoordeling"
        TOEGEWEZEN = "toegewezen", "Toegewezen: op een vernietigingslijst"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    class Grond(models.TextChoices):
        BELANG_ANDER = "belang_ander", "Aanmerkelijk belang van een ander (art. 7.3.9 lid 2)"
        WETTELIJK = "wettelijk", "Een wettelijk voorschrift verzet zich ertegen (art. 7.3.9 lid 2)"
        BLOKKADE = "blokkade", "Juridische blokkade (bezwaar, beroep, auditor, rechter)"
        NIET_BEKWAAM = (
            "niet_bekwaam",
            "De jeugdige is niet in staat tot een redelijke waardering van de eigen belangen",
        )

    huishouden = huishouden_ref()
    huishouden_nummer = models.PositiveIntegerField("nummer van het huishouden")
    referentie_dossier = models.CharField("referentie van het dossier", max_length=20)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", verbose_name="team")
    jeugdige = models.ForeignKey(
        "huishoudens.Lid",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="jeugdige",
        help_text="Het lid van het huishouden om wiens jeugdhulp het gaat.",
    )
    verzoeker = models.CharField("wie vraagt het", max_length=10, choices=Verzoeker.choices)
    ontvangen_op = models.DateField("verzoek ontvangen op")
    uiterlijk_op = models.DateField("uiterlijk vernietigen op")
    toelichting = models.CharField("toelichting", max_length=500, blank=True)
    vastgelegd_door = user_ref("vastgelegd door")
    vastgelegd_op = models.DateTimeField("vastgelegd op", default=timezone.now)
    status = models.CharField("besluit", max_length=10, choices=Status.choices, default="open")
    grond = models.CharField(
        "grond voor afwijzing", max_length=12, choices=Grond.choices, blank=True
    )
    motivering = models.CharField("motivering", max_length=500, blank=True)
    beoordeeld_door = user_ref("beoordeeld door", optional=True)
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)

    class Meta:
        verbose_name = "vernietigingsverzoek"
        verbose_name_plural = "vernietigingsverzoeken"
        ordering = ["uiterlijk_op", "id"]
        indexes = [
            models.Index(
                fields=["team", "uiterlijk_op"], name="verzoek_open", condition=Q(status="open")
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(beoordeeld_door__isnull=True)
                | ~Q(beoordeeld_door=F("vastgelegd_door")),
                name="verzoek_vier_ogen",
            ),
            models.CheckConstraint(
                condition=Q(status="open", beoordeeld_op__isnull=True, grond="")
                | Q(status="toegewezen", beoordeeld_op__isnull=False, grond="")
                | (
                    Q(status="afgewezen", beoordeeld_op__isnull=False)
                    & ~Q(grond="")
                    & ~Q(motivering="")
                ),
                name="verzoek_afwijzing_met_grond",
            ),
            models.CheckConstraint(
                condition=Q(uiterlijk_op__gt=F("ontvangen_op")), name="verzoek_termijn"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.referentie} ({self.get_status_display()})"

    @property
    def referentie(self) -> str:
        return f"VV-{self.pk:06d}"

    @classmethod
    def termijn(cls, ontvangen: datetime.date) -> datetime.date:
        """Jeugdwet art. 7.3.9 lid 1: destroyed within three months of the request."""
        return months_ago(ontvangen, -cls.TERMIJN_MAANDEN)

    # --- who may do what ---------------------------------------------------------------

    @staticmethod
    def can_record(user, huishouden) -> bool:
        """A caseworker of the owning team records a request they received (no query; a
        colleague of another team with a change grant does not: the file is the team's)."""
        return user.works_in(huishouden.team_id)

    def can_see(self, user) -> bool:
        return user.works_in(self.team_id) and user.is_caseworker

    def can_review(self, user) -> bool:
        """A team lead of the owning team, not the one who recorded it (four eyes)."""
        return (
            self.status == self.Status.OPEN
            and user.leads(self.team_id)
            and user.pk != self.vastgelegd_door_id
        )

    def is_te_laat(self, vandaag: datetime.date) -> bool:
        return self.status == self.Status.OPEN and self.uiterlijk_op < vandaag

    @staticmethod
    def check_ontvangen(datum: datetime.date | None) -> str:
        """A Dutch message when the date of receipt cannot be right, else ''."""
        if datum and datum > timezone.localdate():
            return "De datum van ontvangst ligt in de toekomst."
        if datum and datum.year < 2015:
            return "De Jeugdwet geldt sinds 2015: controleer de datum."
        return ""

    def clean(self) -> None:
        errors = {}
        if melding := self.check_ontvangen(self.ontvangen_op):
            errors["ontvangen_op"] = melding
        if self.jeugdige_id is None:
            errors["jeugdige"] = "Kies het lid om wiens jeugdhulp het gaat."
        elif self.huishouden_id and self.jeugdige.huishouden_id != self.huishouden_id:
            errors["jeugdige"] = "Dit lid hoort niet bij dit huishouden."
        elif (
            self.verzoeker == self.Verzoeker.JEUGDIGE
            and self.ontvangen_op
            and self.jeugdige.leeftijd(self.ontvangen_op) < self.MINIMUM_LEEFTIJD
        ):
            errors["verzoeker"] = (
                f"{self.jeugdige.voornamen} was bij ontvangst jonger dan "
                f"{self.MINIMUM_LEEFTIJD} jaar: dan vraagt een ouder of de voogd het "
                "(Jeugdwet art. 7.3.9)."
            )
        if self.status == self.Status.AFGEWEZEN and not self.grond:
            errors["grond"] = "Kies de wettelijke grond voor de afwijzing."
        if self.status == self.Status.AFGEWEZEN and not self.motivering.strip():
            errors["motivering"] = "Motiveer de afwijzing (Awb art. 3:46)."
        if errors:
            raise ValidationError(errors)
