"""Escalation beyond the team (issue 14): a maatwerk request the team cannot settle, above
its mandate or with laws that contradict each other, put before the next level: the
municipality's own escalation table (lokaal), the region (regio), and finally the
Landelijk Maatwerkloket / escalatieteam sociaal domein (landelijk).

One row per level, in that order; the answer is recorded on the row (settled: the team
decides now; not settled: the next level may be asked). PostgreSQL keeps one level per
request, at most one open escalation per request, and an answer with its date and text.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from sociaaldomein.models import user_ref


class MaatwerkEscalatie(models.Model):
    class Niveau(models.TextChoices):
        LOKAAL = "lokaal", "Lokaal: escalatieoverleg van de gemeente"
        REGIO = "regio", "Regio: regionaal escalatieteam"
        LANDELIJK = "landelijk", "Landelijk: Landelijk Maatwerkloket / escalatieteam"

    class Grond(models.TextChoices):
        BOVEN_MANDAAT = "boven_mandaat", "Boven het mandaat van het team"
        WETTEN_BOTSEN = "wetten_botsen", "Wetten of regels spreken elkaar tegen"

    class Status(models.TextChoices):
        OPEN = "open", "Voorgelegd, wacht op antwoord"
        OPGELOST = "opgelost", "Opgelost: het team kan beslissen"
        NIET_OPGELOST = "niet_opgelost", "Niet opgelost op dit niveau"

    VOLGORDE = (Niveau.LOKAAL, Niveau.REGIO, Niveau.LANDELIJK)

    verzoek = models.ForeignKey(
        "toetsing.MaatwerkVerzoek",
        on_delete=models.CASCADE,
        related_name="escalaties",
        verbose_name="verzoek",
    )
    niveau = models.CharField("niveau", max_length=12, choices=Niveau.choices)
    grond = models.CharField("grond", max_length=16, choices=Grond.choices)
    toelichting = models.TextField("toelichting", max_length=2000)
    status = models.CharField("status", max_length=16, choices=Status.choices, default=Status.OPEN)
    voorgelegd_op = models.DateTimeField("voorgelegd op", default=timezone.now)
    voorgelegd_door = user_ref("voorgelegd door")
    beantwoord_op = models.DateTimeField("beantwoord op", null=True, blank=True)
    beantwoord_door = user_ref("antwoord vastgelegd door", optional=True)
    antwoord = models.TextField("antwoord", max_length=2000, blank=True, default="")

    class Meta:
        verbose_name = "escalatie"
        verbose_name_plural = "escalaties"
        ordering = ["voorgelegd_op", "id"]
        constraints = [
            models.UniqueConstraint(fields=["verzoek", "niveau"], name="escalatie_een_per_niveau"),
            models.UniqueConstraint(
                fields=["verzoek"], condition=Q(status="open"), name="escalatie_een_open"
            ),
            models.CheckConstraint(
                condition=Q(toelichting__regex=r"\S"), name="escalatie_toelichting"
            ),
            models.CheckConstraint(
                condition=(Q(status="open") & Q(beantwoord_op__isnull=True))
                | (~Q(status="open") & Q(beantwoord_op__isnull=False) & Q(antwoord__regex=r"\S")),
                name="escalatie_antwoord",
            ),
        ]

    def __str__(self) -> str:
        return f"Escalatie {self.get_niveau_display()} ({self.verzoek_id})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @classmethod
    def volgend_niveau(cls, huidig: str | None) -> str | None:
        """The level after `huidig` (None: the first, lokaal); None above landelijk."""
        if huidig is None:
            return cls.Niveau.LOKAAL
        index = cls.VOLGORDE.index(huidig) + 1
        return cls.VOLGORDE[index] if index < len(cls.VOLGORDE) else None
