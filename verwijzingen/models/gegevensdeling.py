"""The data-sharing log: every disclosure outside the team, one row per member.

Mapping to the Logboek Dataverwerkingen standard (VNG/Logius, trace-based):
- `trace_id` (UUID) → trace id of the processing (one per disclosure event, shared by
  the rows of all members it concerns); `id` → span id.
- `verwerkingsactiviteit` → the processing activity (a name from the register of
  processing activities: "Verwijzing naar aanbieder", "Inzage door aanbieder", ...).
- `lid` → the data subject (betrokkene; exported as the member's reference, never a BSN).
- `grondslag` / `toestemming` → the legal basis (consent with its reference, or the
  legal task with its article).
- `tijdstip` → start time; `door` → the actor; `ontvanger` → the receiving organisation;
  `gegevens` → the categories of personal data disclosed.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Gegevensdeling(models.Model):
    class Soort(models.TextChoices):
        VERWIJZING = "verwijzing", "Verwijzing naar aanbieder"
        INZAGE_AANBIEDER = "inzage_aanbieder", "Inzage door aanbieder"
        TOEWIJZING = "toewijzing", "Toewijzing (iWmo/iJw 301)"
        DOSSIER = "dossier", "Dossier voor verantwoording"

    class Basis(models.TextChoices):
        TOESTEMMING = "toestemming", "Toestemming"
        WETTELIJKE_TAAK = "wettelijke_taak", "Wettelijke taak"

    soort = models.CharField("verwerking", max_length=20, choices=Soort.choices)
    huishouden = models.ForeignKey(
        "huishoudens.Huishouden",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="huishouden",
    )
    lid = models.ForeignKey(
        "huishoudens.Lid", on_delete=models.PROTECT, related_name="+", verbose_name="over wie"
    )
    gegevens = ArrayField(models.CharField(max_length=40), verbose_name="welke gegevens")
    ontvanger = models.CharField("aan welke organisatie", max_length=200)
    basis = models.CharField("basis", max_length=20, choices=Basis.choices)
    grondslag = models.CharField(
        "grondslag", max_length=200, help_text="Kenmerk van de toestemming, of het wetsartikel."
    )
    toestemming = models.ForeignKey(
        "verwijzingen.Toestemming",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verwijzing = models.ForeignKey(
        "verwijzingen.Verwijzing", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    tijdstip = models.DateTimeField("wanneer", default=timezone.now)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="door wie",
    )
    trace_id = models.UUIDField("trace id", default=uuid.uuid4)

    class Meta:
        verbose_name = "gegevensdeling"
        verbose_name_plural = "gegevensdelingen"
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["huishouden", "-tijdstip"], name="gegevensdeling_hh")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(basis="toestemming") | Q(toestemming__isnull=False),
                name="gegevensdeling_toestemming_met_kenmerk",
            ),
            models.CheckConstraint(condition=~Q(grondslag=""), name="gegevensdeling_grondslag"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} aan {self.ontvanger}"
