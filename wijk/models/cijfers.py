"""The summary table of the Wijkbeeld: every figure per wijk, quarter, measure and
category, aggregated by a background task (`wijk.cijfers.bereken`)."""

from __future__ import annotations

from django.db import models

from sociaaldomein.models import Team

# The municipality as a whole: what the beheerder sees (never one wijk).
ALLE_WIJKEN = "Alle wijken"


class Wijkcijfer(models.Model):
    """One figure: e.g. (Noord, 2026-K3, "aangemeld", "") = 14 households registered.

    `kwartaal` is "2026-K3", a year "2026" (budget and spending) or "stand" (outcomes:
    the situation at the time of the refresh). `aantal` is always the count of people,
    households or cases behind the figure (for the small-number rule); `bedrag` holds
    money where the figure is an amount."""

    wijk = models.CharField("wijk", max_length=100)
    kwartaal = models.CharField("periode", max_length=7)
    maat = models.CharField("maat", max_length=40)
    categorie = models.CharField("categorie", max_length=200, blank=True, default="")
    aantal = models.IntegerField("aantal")
    bedrag = models.DecimalField("bedrag", max_digits=14, decimal_places=2, null=True)

    class Meta:
        verbose_name = "wijkcijfer"
        verbose_name_plural = "wijkcijfers"
        constraints = [
            models.UniqueConstraint(
                fields=["wijk", "kwartaal", "maat", "categorie"], name="wijkcijfer_uniek"
            ),
            models.CheckConstraint(condition=models.Q(aantal__gte=0), name="wijkcijfer_aantal"),
        ]

    def __str__(self) -> str:
        return f"{self.wijk} {self.kwartaal} {self.maat} {self.categorie}: {self.aantal}"

    # --- who may see which wijk: the one rule ----------------------------------------------

    @staticmethod
    def may_open(user) -> bool:
        """The Wijkbeeld at all (the navigation item; no query): team leads with a team,
        and the beheerder (all wijken together)."""
        return (user.is_teamleider and bool(user.team_ids)) or user.is_beheerder

    @staticmethod
    def wijken_voor(user) -> list[str]:
        """The wijken this user may see, in order: a lead the wijken of their own teams;
        the beheerder only the figures of all wijken together, never a single wijk."""
        wijken: list[str] = []
        if user.is_teamleider and user.team_ids:
            wijken = sorted(
                set(Team.objects.filter(pk__in=user.team_ids).values_list("wijk", flat=True))
            )
        if user.is_beheerder:
            wijken.append(ALLE_WIJKEN)
        return wijken

    @classmethod
    def can_view(cls, user, wijk: str) -> bool:
        return wijk in cls.wijken_voor(user)


class Wijkverversing(models.Model):
    """When the summary table was last refreshed (one row per refresh; the page shows the
    latest)."""

    begonnen_op = models.DateTimeField("begonnen op")
    klaar_op = models.DateTimeField("klaar op")
    rijen = models.PositiveIntegerField("rijen")

    class Meta:
        verbose_name = "verversing van het wijkbeeld"
        verbose_name_plural = "verversingen van het wijkbeeld"
        ordering = ["-klaar_op"]
        get_latest_by = "klaar_op"

    def __str__(self) -> str:
        return f"{self.klaar_op:%Y-%m-%d %H:%M}"
