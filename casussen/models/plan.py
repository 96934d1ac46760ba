"""The plan and its versions (principles 3 and 4 of seed 000)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from casussen.models.basis import MAX_TEKST, leeg
from huishoudens.models import Huishouden, Lid
from sociaaldomein.models import user_ref


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
        return not leeg(self.hulpvraag)

    @property
    def wacht_op_akkoord(self) -> bool:
        return self.status == self.Status.CONCEPT

    def clean(self) -> None:
        if not leeg(self.analyse) and leeg(self.hulpvraag):
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
    aangemaakt_door = user_ref("begonnen door", optional=True)
    vastgesteld_op = models.DateTimeField("vastgelegd op", null=True, blank=True)
    vastgesteld_door = user_ref("vastgelegd door", optional=True)
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
                if leeg(self.vertegenwoordiger):
                    errors["vertegenwoordiger"] = "Vul naam en rol van de vertegenwoordiger in."
            elif self.wijze and not self.akkoord_lid_id:
                errors["akkoord_lid"] = "Kies het lid dat namens het huishouden sprak."
            if self.status == Plan.Status.NIET_AKKOORD and leeg(self.zienswijze):
                errors["zienswijze"] = (
                    "Schrijf op waarom het huishouden niet akkoord is, in hun eigen woorden."
                )
            if self.matrix_compleet is False and leeg(self.reden_onvolledig):
                errors["reden_onvolledig"] = (
                    "De domeinmatrix is niet compleet. Geef aan waarom het plan toch nu "
                    "wordt vastgesteld."
                )
        if errors:
            raise ValidationError(errors)
