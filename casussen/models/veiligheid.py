"""Safety concerns (principle 5 of seed 000)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from casussen.models.basis import MAX_TEKST, leeg
from casussen.models.plan import Plan
from sociaaldomein.models import user_ref


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
    gemeld_door = user_ref("gemeld door")
    opgeheven_op = models.DateTimeField("opgeheven op", null=True, blank=True)
    opgeheven_door = user_ref("opgeheven door", optional=True)
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

    @staticmethod
    def can_clear(user, *, team_id: int | None) -> bool:
        """Only a caseworker of the owning team clears a safety concern: a colleague of
        another team with a change grant may report one, never lift it."""
        return user.works_in(team_id)

    @property
    def is_actief(self) -> bool:
        return self.opgeheven_op is None

    def clean(self) -> None:
        errors = {}
        if leeg(self.omschrijving):
            errors["omschrijving"] = "Beschrijf wat er aan de hand is."
        if leeg(self.inschatting):
            errors["inschatting"] = "Geef uw inschatting van de veiligheid."
        if self.dwangkader == self.Dwangkader.ANDERS and leeg(self.dwangkader_toelichting):
            errors["dwangkader_toelichting"] = "Licht toe om welk dwangkader het gaat."
        if self.opgeheven_op and leeg(self.reden_opheffing):
            errors["reden_opheffing"] = "Geef een reden om de veiligheidszorg op te heffen."
        if errors:
            raise ValidationError(errors)
