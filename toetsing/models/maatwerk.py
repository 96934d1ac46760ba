"""A request for maatwerk, created when a toets ends in outcome (b): a deviation from a
rule or policy. It goes to the team lead; mandate limits, four-eyes approval, budgets and
the precedent register extend it (issue 6). Kept small on purpose: no decisions here."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from casussen.models import Wet as Financiering


class MaatwerkVerzoek(models.Model):
    class Status(models.TextChoices):
        INGEDIEND = "ingediend", "Ingediend, wacht op de teamleider"
        INGETROKKEN = "ingetrokken", "Ingetrokken (toets gecorrigeerd)"

    toets = models.OneToOneField(
        "toetsing.Toets",
        on_delete=models.PROTECT,
        related_name="maatwerkverzoek",
        verbose_name="toets",
    )
    bedrag = models.DecimalField(
        "bedrag (euro)", max_digits=9, decimal_places=2, default=Decimal("0.00")
    )
    financiering = models.CharField(
        "wet of financiering", max_length=16, choices=Financiering.choices
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="aangevraagd door",
        db_index=False,
    )
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.INGEDIEND
    )
    aangemaakt_op = models.DateTimeField("aangevraagd op", default=timezone.now)

    class Meta:
        verbose_name = "maatwerkverzoek"
        verbose_name_plural = "maatwerkverzoeken"
        ordering = ["aangemaakt_op", "id"]
        indexes = [models.Index(fields=["status", "aangemaakt_op"], name="maatwerk_status")]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="maatwerk_bedrag"),
            models.CheckConstraint(condition=~Q(financiering=""), name="maatwerk_financiering"),
        ]

    def __str__(self) -> str:
        return f"Maatwerkverzoek {self.pk}: {self.get_financiering_display()}"
