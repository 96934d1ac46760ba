"""Life domains and the dated assessment of every member on every domain (principle 1)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from huishoudens.models.huishouden import Lid
from huishoudens.models.tekst import age_on, months_ago
from sociaaldomein.models import user_ref


class Score(models.IntegerChoices):
    """The five-point scale of the Zelfredzaamheid-Matrix (labels only; see DOMAIN.md)."""

    ACUUT = 1, "Acute problematiek"
    NIET_ZELFREDZAAM = 2, "Niet zelfredzaam"
    BEPERKT = 3, "Beperkt zelfredzaam"
    VOLDOENDE = 4, "Voldoende zelfredzaam"
    VOLLEDIG = 5, "Volledig zelfredzaam"


class Leefdomein(models.Model):
    """A life domain of the instrument in use (seeded: the 13 domains of the ZRM).

    Reference data, managed by the functioneel beheerder, so a municipality can use
    another instrument. The hints are our own words, not the ZRM's criteria texts.
    """

    code = models.SlugField("code", max_length=40, unique=True)
    naam = models.CharField("naam", max_length=80, unique=True)
    volgorde = models.PositiveSmallIntegerField("volgorde")
    hint = models.TextField("korte toelichting", blank=True)
    instrument = models.CharField("instrument", max_length=80, default="Zelfredzaamheid-Matrix")
    nvt_onder_leeftijd = models.PositiveSmallIntegerField(
        "niet van toepassing voorstellen onder leeftijd",
        null=True,
        blank=True,
        help_text="Voor jongere leden stelt het formulier 'niet van toepassing' voor.",
    )
    basisbehoefte = models.BooleanField(
        "basisbehoefte",
        default=False,
        help_text="Inkomen en wonen eerst (uitgangspunt 7): lage scores vragen om een doel.",
    )
    actief = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "leefdomein"
        verbose_name_plural = "leefdomeinen"
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return self.naam

    def nvt_voorgesteld_voor(self, lid: Lid, on: datetime.date | None = None) -> bool:
        if self.nvt_onder_leeftijd is None or lid.geboortedatum is None:
            return False
        return age_on(lid.geboortedatum, on or timezone.localdate()) < self.nvt_onder_leeftijd


# --- assessments ----------------------------------------------------------------------------


class BeoordelingQuerySet(models.QuerySet):
    def current(self) -> BeoordelingQuerySet:
        """The latest assessment per member and domain (PostgreSQL DISTINCT ON)."""
        return self.order_by("lid_id", "leefdomein_id", "-beoordeeld_op", "-id").distinct(
            "lid_id", "leefdomein_id"
        )


class Beoordeling(models.Model):
    """A dated snapshot of one member's self-reliance on one life domain.

    Append-only: a new assessment is a new row; a database trigger rejects UPDATE, so
    the history (and the trend) can never be rewritten.
    """

    # The composite index `beoordeling_actueel` starts with lid; domains and assessors
    # are only ever looked up through it, so the default FK indexes would be dead weight
    # on the largest table.
    lid = models.ForeignKey(
        Lid,
        on_delete=models.PROTECT,
        related_name="beoordelingen",
        verbose_name="lid",
        db_index=False,
    )
    leefdomein = models.ForeignKey(
        Leefdomein,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="leefdomein",
        db_index=False,
    )
    score = models.PositiveSmallIntegerField("score", choices=Score.choices, null=True, blank=True)
    niet_van_toepassing = models.BooleanField("niet van toepassing", default=False)
    reden_nvt = models.TextField("reden niet van toepassing", max_length=1000, blank=True)
    toelichting = models.TextField(
        "toelichting van de professional",
        max_length=2000,
        blank=True,
        help_text="Waarop baseert u deze score? Feiten, geen oordelen.",
    )
    eigen_visie = models.TextField(
        "visie van het huishouden",
        max_length=2000,
        blank=True,
        help_text="Hoe ziet het lid of het huishouden dit zelf? In hun eigen woorden.",
    )
    beoordeeld_op = models.DateField("beoordeeld op", default=timezone.localdate)
    beoordeeld_door = user_ref("beoordeeld door")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = BeoordelingQuerySet.as_manager()

    class Meta:
        verbose_name = "beoordeling"
        verbose_name_plural = "beoordelingen"
        ordering = ["-beoordeeld_op", "-id"]
        indexes = [
            models.Index(
                "lid",
                "leefdomein",
                models.F("beoordeeld_op").desc(),
                models.F("id").desc(),
                name="beoordeling_actueel",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(niet_van_toepassing=False, score__gte=1, score__lte=5)
                    | (Q(niet_van_toepassing=True, score__isnull=True) & ~Q(reden_nvt=""))
                ),
                name="beoordeling_score_of_nvt_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.leefdomein} — {self.lid} ({self.beoordeeld_op:%d-%m-%Y})"

    @property
    def label(self) -> str:
        if self.niet_van_toepassing:
            return "Niet van toepassing"
        return Score(self.score).label if self.score else ""

    def is_actueel(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.beoordeeld_op >= months_ago(on, settings.LEEFDOMEIN_ACTUEEL_MAANDEN)

    @staticmethod
    def vraagt_toelichting(
        *, score: int | None, niet_van_toepassing: bool = False, vorige: Beoordeling | None
    ) -> bool:
        """The professional explains a score where it matters: a concern (1 or 2), or a
        change from the previous assessment. A steady 3–5 needs no new words."""
        if niet_van_toepassing or score is None:
            return False
        if score <= 2:
            return True
        return vorige is not None and (vorige.niet_van_toepassing or vorige.score != score)

    @staticmethod
    def toelichting_gevraagd(score: int | None) -> str:
        if score is not None and score <= 2:
            return "Licht een score van 1 of 2 kort toe."
        return "Licht de gewijzigde score kort toe."

    def clean(self) -> None:
        errors = {}
        if self.niet_van_toepassing:
            if self.score is not None:
                errors["score"] = "Kies een score of 'niet van toepassing', niet allebei."
            if not (self.reden_nvt or "").strip():
                errors["reden_nvt"] = "Geef aan waarom dit leefdomein niet van toepassing is."
        else:
            if self.score is None:
                errors["score"] = "Kies een score van 1 tot en met 5."
            elif (
                self.vraagt_toelichting(score=self.score, vorige=None)
                and not (self.toelichting or "").strip()
            ):
                errors["toelichting"] = self.toelichting_gevraagd(self.score)
        if self.beoordeeld_op and self.beoordeeld_op > timezone.localdate():
            errors["beoordeeld_op"] = "De datum van de beoordeling ligt in de toekomst."
        if errors:
            raise ValidationError(errors)
