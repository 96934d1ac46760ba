"""The omgekeerde toets: reference data (laws, their core values, articles as instruments).

Seed 000: "Pas als dit helder is, komt de juridische toets. Hierbij gebruikt u de
wetsartikelen als instrumenten om de grondwaarden van de wetten te realiseren."
Laws, core values and articles are data the functioneel beheerder manages; a municipality
adds its own verordening and beleidsregels and retires articles without breaking old
toetsen (a toets keeps the text it cited).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone


class WetQuerySet(models.QuerySet):
    def actief(self) -> WetQuerySet:
        return self.filter(actief=True)


class Wet(models.Model):
    class Soort(models.TextChoices):
        WET = "wet", "Wet"
        VERORDENING = "verordening", "Gemeentelijke verordening"
        BELEIDSREGEL = "beleidsregel", "Beleidsregel"

    code = models.SlugField("code", max_length=40, unique=True)
    naam = models.CharField("naam", max_length=200)
    afkorting = models.CharField("afkorting", max_length=40, unique=True)
    soort = models.CharField("soort", max_length=14, choices=Soort.choices, default=Soort.WET)
    bwbr_id = models.CharField(
        "BWBR-id",
        max_length=20,
        blank=True,
        help_text="Identificatie op wetten.overheid.nl, bijvoorbeeld BWBR0035362.",
    )
    doel = models.TextField(
        "waarom de wet er is", blank=True, help_text="De bedoeling van de wetgever, kort."
    )
    algemeen = models.BooleanField(
        "algemene wet",
        default=False,
        help_text="Geldt voor elk besluit, naast de wet waar het besluit op steunt (Awb). "
        "Artikelen hieruit passen altijd bij de gekozen grondwaarden.",
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    actief = models.BooleanField("actief", default=True)

    objects = WetQuerySet.as_manager()

    class Meta:
        verbose_name = "wet of regeling"
        verbose_name_plural = "wetten en regelingen"
        ordering = ["volgorde", "afkorting"]

    def __str__(self) -> str:
        return self.afkorting

    @property
    def url(self) -> str:
        return f"https://wetten.overheid.nl/{self.bwbr_id}" if self.bwbr_id else ""


class Grondwaarde(models.Model):
    """A core value of a law: the reason the law was written (derived from its purpose
    articles; see DOMAIN.md)."""

    wet = models.ForeignKey(
        Wet, on_delete=models.PROTECT, related_name="grondwaarden", verbose_name="wet"
    )
    naam = models.CharField("grondwaarde", max_length=200)
    toelichting = models.TextField("toelichting", blank=True)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    actief = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "grondwaarde"
        verbose_name_plural = "grondwaarden"
        ordering = ["wet__volgorde", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(fields=["wet", "naam"], name="grondwaarde_uniek_per_wet")
        ]

    def __str__(self) -> str:
        return f"{self.wet.afkorting}: {self.naam}"


class ArtikelQuerySet(models.QuerySet):
    def geldig(self, on=None) -> ArtikelQuerySet:
        """Articles that may be cited now (not retired)."""
        on = on or timezone.localdate()
        return self.filter(Q(ingetrokken_op__isnull=True) | Q(ingetrokken_op__gt=on))


class Artikel(models.Model):
    """An article used as an instrument; `betekenis` is its meaning in plain Dutch."""

    wet = models.ForeignKey(
        Wet, on_delete=models.PROTECT, related_name="artikelen", verbose_name="wet"
    )
    nummer = models.CharField(
        "artikel", max_length=40, help_text="Bijvoorbeeld 2.3.5 of 3:4 lid 2."
    )
    titel = models.CharField("titel", max_length=200)
    betekenis = models.TextField("betekenis in gewone taal")
    altijd_toetsen = models.BooleanField(
        "altijd toetsen",
        default=False,
        help_text="Hoort bij elke juridische toets (Awb 3:4 evenredigheid, 3:46 motivering).",
    )
    afwijkingsgrond = models.BooleanField(
        "grondslag voor maatwerk",
        default=False,
        help_text="Kan een afwijking van regel of beleid dragen (bijv. Awb 4:84, Pw 18 lid 1).",
    )
    procedureel = models.BooleanField(
        "procedureel",
        default=False,
        help_text="Regelt de gang van zaken (bewaren, vernietigen, termijnen), geen grond voor "
        "een besluit: wordt nooit voorgesteld.",
    )
    ingetrokken_op = models.DateField(
        "ingetrokken op",
        null=True,
        blank=True,
        help_text="Niet meer te kiezen vanaf deze datum; oude toetsen houden de tekst.",
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    objects = ArtikelQuerySet.as_manager()

    class Meta:
        verbose_name = "artikel"
        verbose_name_plural = "artikelen"
        ordering = ["wet__volgorde", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(fields=["wet", "nummer"], name="artikel_uniek_per_wet")
        ]

    def __str__(self) -> str:
        return f"{self.wet.afkorting} art. {self.nummer} — {self.titel}"

    @property
    def verwijzing(self) -> str:
        return f"artikel {self.nummer} {self.wet.afkorting}"

    def is_geldig(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.ingetrokken_op is None or self.ingetrokken_op > on


def _normaal(tekst: str) -> str:
    return " ".join((tekst or "").lower().replace("-", " ").split()).strip(" .")


class Beleidsregel(models.Model):
    """A local policy rule a maatwerk request may deviate from: the reference list the
    beheerder keeps, so the council overview counts deviations per rule and not per
    spelling of it (issue 14)."""

    naam = models.CharField("naam", max_length=200, unique=True)
    varianten = models.TextField(
        "andere schrijfwijzen",
        blank=True,
        help_text="Eén per regel: hoe professionals deze regel ook noemen.",
    )
    actief = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "beleidsregel"
        verbose_name_plural = "beleidsregels"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def schrijfwijzen(self) -> set[str]:
        return {_normaal(self.naam)} | {
            _normaal(regel) for regel in self.varianten.splitlines() if regel.strip()
        }

    @classmethod
    def herken(cls, tekst: str, regels: list[Beleidsregel]) -> Beleidsregel | None:
        """The rule a free text names: the same words as its name or one of its other
        spellings, or the text containing one of them."""
        gezocht = _normaal(tekst)
        for regel in regels:
            if gezocht in regel.schrijfwijzen():
                return regel
        for regel in regels:
            if any(wijze and wijze in gezocht for wijze in regel.schrijfwijzen()):
                return regel
        return None
