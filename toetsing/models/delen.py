"""The parts of a toets: the core values it serves, its effects per member and life
domain, and the articles it cites. They are immutable with their toets (trigger in
migration 0004): no part of a submitted, ended or replaced toets is added, changed or
deleted."""

from __future__ import annotations

from django.db import models

from toetsing.models.toets import MAX_TOELICHTING


class ToetsDeel(models.Model):
    """A part of a toets: immutable with it (trigger in migration 0004)."""

    class Meta:
        abstract = True


class ToetsGrondwaarde(ToetsDeel):
    """A core value the solution serves, with a short explanation (question 3)."""

    toets = models.ForeignKey(
        "toetsing.Toets",
        on_delete=models.CASCADE,
        related_name="grondwaarden",
        verbose_name="toets",
    )
    grondwaarde = models.ForeignKey(
        "toetsing.Grondwaarde", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    wet = models.ForeignKey("toetsing.Wet", on_delete=models.PROTECT, related_name="+")
    # Snapshot: the toets keeps the words it used, whatever the beheerder renames later.
    naam = models.CharField("grondwaarde", max_length=200)
    wet_afkorting = models.CharField("wet", max_length=40)
    toelichting = models.TextField("toelichting", max_length=MAX_TOELICHTING, blank=True)

    class Meta:
        verbose_name = "gekozen grondwaarde"
        verbose_name_plural = "gekozen grondwaarden"
        ordering = ["toets", "wet_id", "grondwaarde_id"]
        constraints = [
            models.UniqueConstraint(fields=["toets", "grondwaarde"], name="toetsgrondwaarde_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.wet_afkorting}: {self.naam}"


class Effect(ToetsDeel):
    """The expected effect of the solution for one member (or the household as a whole)
    on one life domain: effects in full breadth (question 2, principle 1)."""

    class Verwachting(models.TextChoices):
        BETER = "beter", "Beter"
        GELIJK = "gelijk", "Gelijk"
        SLECHTER = "slechter", "Slechter"

    toets = models.ForeignKey(
        "toetsing.Toets", on_delete=models.CASCADE, related_name="effecten", verbose_name="toets"
    )
    lid = models.ForeignKey(
        "huishoudens.Lid",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="voor wie",
        help_text="Leeg: het huishouden als geheel.",
    )
    leefdomein = models.ForeignKey(
        "huishoudens.Leefdomein", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    verwachting = models.CharField(
        "verwacht effect", max_length=8, choices=Verwachting.choices, blank=True
    )
    toelichting = models.TextField("toelichting", max_length=MAX_TOELICHTING, blank=True)

    class Meta:
        verbose_name = "effect"
        verbose_name_plural = "effecten"
        ordering = ["toets", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["toets", "lid", "leefdomein"],
                nulls_distinct=False,
                name="effect_uniek_per_lid_en_domein",
                violation_error_message="Dit effect staat er al.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.wie}: {self.leefdomein}"

    @property
    def wie(self) -> str:
        return self.lid.volledige_naam if self.lid_id else "Het hele huishouden"


class ToetsArtikel(ToetsDeel):
    """An article cited as an instrument, with how it realises the core values (question 5).

    Number, title and meaning are a snapshot taken when it was cited (refreshed at
    submission), so a retired or edited article never changes an old toets."""

    toets = models.ForeignKey(
        "toetsing.Toets", on_delete=models.CASCADE, related_name="artikelen", verbose_name="toets"
    )
    artikel = models.ForeignKey(
        "toetsing.Artikel", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    wet = models.ForeignKey("toetsing.Wet", on_delete=models.PROTECT, related_name="+")
    wet_afkorting = models.CharField("wet", max_length=40)
    nummer = models.CharField("artikel", max_length=40)
    titel = models.CharField("titel", max_length=200)
    betekenis = models.TextField("betekenis in gewone taal")
    afwijkingsgrond = models.BooleanField("grondslag voor maatwerk", default=False)
    automatisch = models.BooleanField(
        "hoort bij elke toets",
        default=False,
        help_text="Evenredigheid en motivering (Awb 3:4 lid 2, 3:46): niet te verwijderen.",
    )
    motivering = models.TextField(
        "hoe dit artikel de grondwaarden realiseert", max_length=2000, blank=True
    )
    reden_andere_wet = models.TextField(
        "reden voor een artikel uit een andere wet", max_length=MAX_TOELICHTING, blank=True
    )
    volgorde = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "aangehaald artikel"
        verbose_name_plural = "aangehaalde artikelen"
        ordering = ["toets", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(fields=["toets", "artikel"], name="toetsartikel_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.verwijzing_kort} — {self.titel}"

    @property
    def verwijzing(self) -> str:
        return f"artikel {self.nummer} {self.wet_afkorting}"

    @property
    def verwijzing_kort(self) -> str:
        return f"{self.wet_afkorting} art. {self.nummer}"

    def neem_tekst_over(self, artikel) -> None:
        """Take the snapshot of the article as it reads now."""
        self.artikel = artikel
        self.wet_id = artikel.wet_id
        self.wet_afkorting = artikel.wet.afkorting
        self.nummer = artikel.nummer
        self.titel = artikel.titel
        self.betekenis = artikel.betekenis
        self.afwijkingsgrond = artikel.afwijkingsgrond
