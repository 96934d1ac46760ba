"""The plan's append-only history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from casussen.models.plan import Plan


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
        INBRENG = "inbreng", "Inbreng van het huishouden"

    class Handeling(models.TextChoices):
        TOEGEVOEGD = "toegevoegd", "toegevoegd"
        GEWIJZIGD = "gewijzigd", "gewijzigd"
        VASTGESTELD = "vastgesteld", "vastgesteld"
        GEMELD = "gemeld", "gemeld"
        OPGEHEVEN = "opgeheven", "opgeheven"
        AANVAARD = "aanvaard", "overgenomen"
        AFGEWEZEN = "afgewezen", "niet overgenomen"

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
