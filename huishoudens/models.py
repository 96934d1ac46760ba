"""Households, their members and the assessment of every life domain.

Principle 1 of seed 000: "er wordt altijd gekeken naar alle leefdomeinen en andere leden
van het huishouden". Every active member is assessed on every active domain (or marked
not applicable with a reason); assessments are dated snapshots that are never
overwritten, so the trend per domain stays visible.
"""

from __future__ import annotations

import datetime
import unicodedata

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from huishoudens.validators import POSTCODE_REGEX, validate_bsn, validate_postcode


def normalise(text: str) -> str:
    """Lower case without diacritics, for search columns (Ö → o, é → e)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def months_ago(today: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (clamped to the end of shorter months)."""
    year, month = divmod(today.year * 12 + (today.month - 1) - months, 12)
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def age_on(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


# --- reference data --------------------------------------------------------------------


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


# --- household --------------------------------------------------------------------------


class HuishoudenQuerySet(models.QuerySet):
    """The one place where case data is scoped: every read goes through `visible_to`."""

    def visible_to(self, user) -> HuishoudenQuerySet:
        """Households the user may read.

        Members of the owning team; auditors (read-only, all teams); and users holding a
        current django-guardian grant on the household (shared across teams, or a
        time-limited break-the-glass access). Team ids come with the user (one query at
        authentication), so this is a single indexed filter, never a per-row check.
        """
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_auditor:
            return self
        return self.filter(Q(team_id__in=user.team_ids) | Q(pk__in=_granted(user, "view")))

    def editable_by(self, user) -> HuishoudenQuerySet:
        """Households the user may change: professionals and team leads of the team,
        or holders of a current change grant. Auditors never change case data."""
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if not (user.is_professional or user.is_teamleider):
            return self.none()
        return self.filter(Q(team_id__in=user.team_ids) | Q(pk__in=_granted(user, "change")))

    def search(self, query: str) -> HuishoudenQuerySet:
        """Search as you type on name, address, postcode (trigram index) and BSN."""
        words = [normalise(word) for word in query.split() if word.strip()]
        if not words:
            return self
        digits = "".join(query.split())
        condition = Q()
        for word in words:
            condition &= Q(zoektekst__contains=word)
        if digits.isdigit() and len(digits) >= 3:
            condition |= Q(
                pk__in=Lid.objects.filter(bsn__startswith=digits, einddatum__isnull=True).values(
                    "huishouden_id"
                )
            )
        return self.filter(condition)


def _granted(user, action: str):
    """Ids of households with a current (not expired) object grant for `action`."""
    codenames = (
        ["change_huishouden"]
        if action == "change"
        else [
            "view_huishouden",
            "change_huishouden",
        ]
    )
    return (
        HuishoudenUserObjectPermission.objects.filter(user=user, permission__codename__in=codenames)
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=timezone.now()))
        .values("content_object_id")
    )


class Huishouden(models.Model):
    class Status(models.TextChoices):
        AANGEMELD = "aangemeld", "Aangemeld"
        ACTIEF = "actief", "Actief"
        AFGESLOTEN = "afgesloten", "Afgesloten"

    referentie = models.CharField(
        "referentie",
        max_length=20,
        unique=True,
        help_text="Dossiernummer, zonder persoonsgegevens; staat op brieven en dossiers.",
    )
    naam = models.CharField(
        "naam", max_length=120, help_text="Hoe het huishouden in het overzicht heet."
    )
    straat = models.CharField("straat", max_length=120)
    huisnummer = models.CharField("huisnummer", max_length=12)
    postcode = models.CharField("postcode", max_length=7, validators=[validate_postcode])
    woonplaats = models.CharField("woonplaats", max_length=80)
    wijk = models.CharField("wijk", max_length=80)
    team = models.ForeignKey(
        "sociaaldomein.Team",
        on_delete=models.PROTECT,
        related_name="huishoudens",
        verbose_name="team",
    )
    casusregisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="regie_huishoudens",
        verbose_name="casusregisseur",
    )
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.AANGEMELD
    )
    aangemeld_op = models.DateField(
        "aangemeld op",
        default=timezone.localdate,
        help_text="De datum van de melding; wettelijke termijnen lopen vanaf deze dag.",
    )
    actief_sinds = models.DateField("actief sinds", null=True, blank=True)
    afgesloten_op = models.DateField("afgesloten op", null=True, blank=True)
    # Normalised name, address, postcode and member names for search-as-you-type.
    zoektekst = models.TextField(editable=False, default="")
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = HuishoudenQuerySet.as_manager()

    class Meta:
        verbose_name = "huishouden"
        verbose_name_plural = "huishoudens"
        ordering = ["naam", "id"]
        indexes = [
            GinIndex(OpClass("zoektekst", name="gin_trgm_ops"), name="huishouden_zoek_trgm"),
            models.Index(fields=["team", "naam", "id"], name="huishouden_team_naam"),
            models.Index(fields=["naam", "id"], name="huishouden_naam"),
            models.Index(fields=["team", "postcode"], name="huishouden_team_postcode"),
            models.Index(fields=["team", "aangemeld_op"], name="huishouden_team_aangemeld"),
            models.Index(fields=["team", "status"], name="huishouden_team_status"),
            models.Index(fields=["casusregisseur", "status"], name="huishouden_regisseur"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(postcode__regex=POSTCODE_REGEX), name="huishouden_postcode_formaat"
            ),
            models.CheckConstraint(
                condition=~Q(status="actief") | Q(actief_sinds__isnull=False),
                name="huishouden_actief_heeft_datum",
            ),
            models.CheckConstraint(
                condition=~Q(status="afgesloten") | Q(afgesloten_op__isnull=False),
                name="huishouden_afgesloten_heeft_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.referentie})"

    def get_absolute_url(self) -> str:
        return reverse("huishoudens:detail", args=[self.pk])

    @property
    def adres(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.woonplaats}"

    def build_zoektekst(self, leden: list[Lid] | None = None) -> str:
        if leden is None:
            leden = list(self.leden.filter(einddatum__isnull=True)) if self.pk else []
        return build_zoektekst(
            naam=self.naam,
            adres=f"{self.straat} {self.huisnummer}",
            postcode=self.postcode,
            woonplaats=self.woonplaats,
            referentie=self.referentie,
            namen=[f"{lid.voornamen} {lid.achternaam_volledig}" for lid in leden],
        )


def build_zoektekst(
    *, naam: str, adres: str, postcode: str, woonplaats: str, referentie: str, namen: list[str]
) -> str:
    """The normalised search text of a household (name, address, postcode, members)."""
    postcode = postcode or ""
    parts = [naam, adres, postcode, postcode.replace(" ", ""), woonplaats, referentie, *namen]
    return normalise(" | ".join(part for part in parts if part))


class HuishoudenUserObjectPermission(UserObjectPermissionBase):
    """A django-guardian grant on one household for one user (direct foreign key).

    Used for households shared across teams and for break-the-glass access, which
    expires (`geldig_tot`); `Huishouden.objects.visible_to` ignores expired grants.
    """

    content_object = models.ForeignKey(Huishouden, on_delete=models.CASCADE)
    geldig_tot = models.DateTimeField("geldig tot", null=True, blank=True)
    reden = models.TextField("reden", blank=True)
    verleend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verleend_op = models.DateTimeField(default=timezone.now)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = "toegang tot huishouden (gebruiker)"
        verbose_name_plural = "toegang tot huishoudens (gebruikers)"
        indexes = [models.Index(fields=["user", "content_object"], name="hh_userperm_user")]


class HuishoudenGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Huishouden, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = "toegang tot huishouden (groep)"
        verbose_name_plural = "toegang tot huishoudens (groepen)"


# --- members ------------------------------------------------------------------------------


class Lid(models.Model):
    class Relatie(models.TextChoices):
        HOOFDBEWONER = "hoofdbewoner", "Hoofdbewoner"
        PARTNER = "partner", "Partner"
        OUDER_VERZORGER = "ouder_verzorger", "Ouder/verzorger"
        KIND = "kind", "Kind"
        OVERIG = "overig", "Overig (huisgenoot, familielid)"

    huishouden = models.ForeignKey(
        Huishouden, on_delete=models.PROTECT, related_name="leden", verbose_name="huishouden"
    )
    voornamen = models.CharField("voornamen", max_length=120)
    tussenvoegsel = models.CharField("tussenvoegsel", max_length=20, blank=True)
    achternaam = models.CharField("achternaam", max_length=120)
    geboortedatum = models.DateField("geboortedatum")
    relatie = models.CharField("relatie in het huishouden", max_length=20, choices=Relatie.choices)
    # NULL, not "", for "unknown": the partial unique constraint skips NULLs.
    bsn = models.CharField(  # noqa: DJ001
        "BSN", max_length=9, null=True, blank=True, validators=[validate_bsn]
    )
    telefoon = models.CharField("telefoon", max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    eigen_kracht = models.TextField(
        "talenten en eigen kracht",
        blank=True,
        help_text="In de eigen woorden van het lid: waar is hij of zij goed in, wat lukt wel?",
    )
    lid_sinds = models.DateField("lid sinds", default=timezone.localdate)
    einddatum = models.DateField(
        "vertrokken op",
        null=True,
        blank=True,
        help_text="Vertrokken leden blijven zichtbaar in de geschiedenis.",
    )
    reden_vertrek = models.CharField("reden van vertrek", max_length=200, blank=True)
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "lid"
        verbose_name_plural = "leden"
        ordering = ["geboortedatum", "id"]
        indexes = [
            models.Index(fields=["huishouden", "einddatum"], name="lid_huishouden_actief"),
            models.Index(
                fields=["bsn"],
                name="lid_bsn_prefix",
                opclasses=["varchar_pattern_ops"],
                condition=Q(einddatum__isnull=True, bsn__isnull=False),
            ),
            models.Index(Lower("achternaam"), name="lid_achternaam"),
        ]
        constraints = [
            # A BSN belongs to one person: unique among the members who have not left.
            models.UniqueConstraint(
                fields=["bsn"],
                condition=Q(einddatum__isnull=True, bsn__isnull=False),
                name="lid_bsn_uniek_actief",
                violation_error_message="Dit BSN hoort al bij een actief lid van een huishouden.",
            ),
            models.CheckConstraint(
                condition=Q(bsn__isnull=True) | Q(bsn__regex=r"^[0-9]{9}$"),
                name="lid_bsn_negen_cijfers",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("lid_sinds")),
                name="lid_einddatum_na_begin",
            ),
        ]

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def achternaam_volledig(self) -> str:
        return f"{self.tussenvoegsel} {self.achternaam}".strip()

    @property
    def volledige_naam(self) -> str:
        return f"{self.voornamen} {self.achternaam_volledig}".strip()

    @property
    def is_actief(self) -> bool:
        return self.einddatum is None

    def leeftijd(self, on: datetime.date | None = None) -> int:
        return age_on(self.geboortedatum, on or timezone.localdate())

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.geboortedatum and self.geboortedatum > today:
            errors["geboortedatum"] = "De geboortedatum ligt in de toekomst."
        elif self.geboortedatum and self.geboortedatum.year < 1900:
            errors["geboortedatum"] = "Controleer de geboortedatum: die ligt voor 1900."
        if self.einddatum and self.einddatum > today:
            errors["einddatum"] = "De vertrekdatum ligt in de toekomst."
        if self.einddatum and self.lid_sinds and self.einddatum < self.lid_sinds:
            errors["einddatum"] = "De vertrekdatum ligt voor de datum waarop het lid erbij kwam."
        if self.einddatum and not self.reden_vertrek.strip():
            errors["reden_vertrek"] = "Geef een reden van vertrek op."
        if errors:
            raise ValidationError(errors)


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
    reden_nvt = models.TextField("reden niet van toepassing", blank=True)
    toelichting = models.TextField(
        "toelichting van de professional",
        blank=True,
        help_text="Waarop baseert u deze score? Feiten, geen oordelen.",
    )
    eigen_visie = models.TextField(
        "visie van het huishouden",
        blank=True,
        help_text="Hoe ziet het lid of het huishouden dit zelf? In hun eigen woorden.",
    )
    beoordeeld_op = models.DateField("beoordeeld op", default=timezone.localdate)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="beoordeeld door",
        db_index=False,
    )
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
            if not (self.toelichting or "").strip():
                errors["toelichting"] = "Licht de score kort toe."
        if self.beoordeeld_op and self.beoordeeld_op > timezone.localdate():
            errors["beoordeeld_op"] = "De datum van de beoordeling ligt in de toekomst."
        if errors:
            raise ValidationError(errors)
