"""Statutory deadlines of the plan (Wmo 2015 art. 2.3.2, Wgs art. 4)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from casussen import termijnen
from casussen.models.basis import check_datum
from casussen.models.plan import Plan


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
        check_datum(errors, "gemeld_op", self.gemeld_op)
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
