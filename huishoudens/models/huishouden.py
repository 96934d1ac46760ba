"""The household, its members, and the grants that open a household to another team."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Concat, Lower, StrIndex
from django.urls import reverse
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from huishoudens.models.tekst import POSTCODE_ZOEK, age_on, clean_search_query, normalise
from huishoudens.validators import POSTCODE_REGEX, validate_bsn, validate_postcode
from sociaaldomein.models import CaseDataQuerySet, own_teams


def huishouden_ref() -> models.ForeignKey:
    """The household a record is about but outlives: emptied when the household file is
    destroyed (the record keeps its own reference or number), no reverse accessor."""
    return models.ForeignKey(
        "huishoudens.Huishouden",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="huishouden",
    )


class HuishoudenQuerySet(CaseDataQuerySet):
    """The one place where case data is scoped: every read goes through `visible_to`."""

    def visible_to(self, user) -> HuishoudenQuerySet:
        """Households the user may read.

        Caseworkers (professionals, team leads) of the owning team; auditors (read-only,
        all teams); and caseworkers holding a current django-guardian grant on the
        household (shared across teams, or a time-limited break-the-glass access). Team
        membership alone opens nothing: a beheerder who adds themself to a team in
        /beheer/ still reads no case data. Team ids come with the user (one query at
        authentication), so this is a single indexed filter, never a per-row check.
        """
        return self.readable_by(
            user, lambda u: own_teams(u) | Q(pk__in=granted_household_ids(u, "view"))
        )

    def editable_by(self, user) -> HuishoudenQuerySet:
        """Households the user may change: professionals and team leads of the team,
        or holders of a current change grant. Auditors never change case data."""
        if not (user and user.is_authenticated and user.is_active and user.is_caseworker):
            return self.none()
        return self.filter(
            Q(team_id__in=user.team_ids) | Q(pk__in=granted_household_ids(user, "change"))
        )

    def search(self, query: str) -> HuishoudenQuerySet:
        """Search as you type on name, address, postcode, member names and BSN.

        Every word must occur in `zoektekst` (any order). Words of three characters or
        more are LIKE '%word%' conditions the trigram GIN index answers; shorter words
        cannot use a trigram index, so they only filter the rows it found, and must
        start a word ('de' matches 'de Wit', not 'Huishouden'). A postcode
        typed with or without space ('7411 ab', '7411AB') becomes one word. Digits only
        (3 or more) also find the households of an active member whose BSN starts with
        them: a UNION of two index scans, so the planner never has to scan the table for
        an OR. Combine with `visible_to` for the scope; both end up in one query.
        """
        text = clean_search_query(query)
        compact = "".join(text.split())
        if POSTCODE_ZOEK.match(compact):
            text = compact
        words = [normalise(word) for word in text.split()]
        words = [word for word in words if word]
        if not words:
            return self
        long_words = [word for word in words if len(word) >= 3]
        if not long_words:
            # 'de wi': no word long enough for the index; the phrase itself is.
            long_words, words = [normalise(text)], []
        condition = Q()
        for word in long_words:
            condition &= Q(zoektekst__contains=word)
        if compact.isdigit() and len(compact) >= 3:
            bsn = Lid.objects.filter(bsn__startswith=compact, einddatum__isnull=True)
            ids = self.model.objects.filter(condition).values("pk")
            return self.filter(pk__in=ids.union(bsn.values("huishouden_id")))
        matches = self.filter(condition)
        for index, word in enumerate(word for word in words if len(word) < 3):
            alias = f"_kort_{index}"
            # a short word must start a word: 'de' in 'de wit', not in 'huishouden'
            position = StrIndex(Concat(Value(" "), "zoektekst"), Value(f" {word}"))
            matches = matches.alias(**{alias: position}).filter(**{f"{alias}__gt": 0})
        return matches

    def sorted_for_search(self, *fields: str) -> HuishoudenQuerySet:
        """Order search results by `fields` ('naam', '-aangemeld_op', …).

        With a LIMIT and an index on the sort column, PostgreSQL may walk that index and
        discard non-matching rows one by one, hoping to find a page of matches early;
        with common names that clusters (all Jansens in the middle of the alphabet) it
        reads tens of thousands of rows. Sorting on an expression no index provides
        (COALESCE of the column with itself) makes it fetch the matches through the
        trigram index first and sort only those: a small, bounded set.
        """
        order = []
        for name in fields:
            column = name.lstrip("-")
            expression = Coalesce(F(column), F(column))
            order.append(expression.desc() if name.startswith("-") else expression.asc())
        return self.order_by(*order)


def granted_household_ids(user, action: str):
    """Ids of households with a current (not expired) object grant for `action` (a
    subquery; `visible_to` and the maatwerk requests scope with it)."""
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
    reden_afsluiting = models.CharField("reden van afsluiten", max_length=300, blank=True)
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
            # Sortable columns of the list: an ordered index per sort key, so a page is
            # read in order whatever the scope filter (team or a shared household).
            models.Index(fields=["postcode", "id"], name="huishouden_postcode"),
            models.Index(fields=["aangemeld_op", "id"], name="huishouden_aangemeld"),
            models.Index(fields=["status", "naam", "id"], name="huishouden_status_naam"),
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
            models.CheckConstraint(
                condition=Q(actief_sinds__isnull=True) | Q(actief_sinds__gte=F("aangemeld_op")),
                name="huishouden_actief_na_aanmelding",
            ),
            models.CheckConstraint(
                condition=Q(afgesloten_op__isnull=True)
                | Q(afgesloten_op__gte=Coalesce(F("actief_sinds"), F("aangemeld_op"))),
                name="huishouden_afgesloten_na_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.referentie})"

    def get_absolute_url(self) -> str:
        return reverse("huishoudens:detail", args=[self.pk])

    @property
    def adres(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.woonplaats}"

    # Status transitions (huishoudens.services carries them out, with their dates).
    OVERGANGEN = {
        Status.AANGEMELD: (Status.ACTIEF, Status.AFGESLOTEN),
        Status.ACTIEF: (Status.AFGESLOTEN,),
        Status.AFGESLOTEN: (Status.ACTIEF,),  # heropenen
    }

    def kan_naar(self, status: str) -> bool:
        return status in self.OVERGANGEN.get(self.status, ())

    @property
    def kan_activeren(self) -> bool:
        return self.kan_naar(self.Status.ACTIEF)

    @property
    def kan_afsluiten(self) -> bool:
        return self.kan_naar(self.Status.AFGESLOTEN)

    @property
    def is_afgesloten(self) -> bool:
        return self.status == self.Status.AFGESLOTEN

    GESLOTEN = (
        "Dit huishouden is afgesloten en daarom alleen te lezen. Heropen het eerst, met een "
        "reden, om iets te wijzigen."
    )

    def check_open(self) -> None:
        """A closed household is read-only until it is reopened with a reason: every
        service that changes the household, its members, its plan or its toetsen asks."""
        if self.is_afgesloten:
            raise ValidationError(self.GESLOTEN)

    # --- who may do what (views, services, templates and the access matrix ask here) --

    def can_change(self, user) -> bool:
        """The caseworkers of the owning team (no query), or a holder of a current change
        grant. Auditors never change case data; `editable_by` is the same rule for lists."""
        if not user.is_caseworker:
            return False
        if self.team_id in user.team_ids:
            return True
        return Huishouden.objects.editable_by(user).filter(pk=self.pk).exists()

    def can_edit(self, user) -> bool:
        """May the user change the case now: change rights, and the household is open (a
        closed one is read-only until reopened). What the pages offer to change."""
        return not self.is_afgesloten and self.can_change(user)

    def can_share(self, user) -> bool:
        """Only a team lead of the owning team shares the household with another team."""
        return user.leads(self.team_id)

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.aangemeld_op and self.aangemeld_op > today:
            errors["aangemeld_op"] = "De datum van aanmelding ligt in de toekomst."
        elif self.aangemeld_op and self.aangemeld_op.year < 2000:
            errors["aangemeld_op"] = "Controleer de datum van aanmelding: die ligt voor 2000."
        if errors:
            raise ValidationError(errors)

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

    Used for households shared across teams by the owning team's lead (`gedeeld`, with
    an optional end date) and for break-the-glass access (`doorbraak`, which expires
    and is logged as exceptional). `Huishouden.objects.visible_to` ignores expired
    grants; revoking deletes the row (the access log keeps the history).
    """

    class Soort(models.TextChoices):
        GEDEELD = "gedeeld", "Gedeeld door de teamleider"
        DOORBRAAK = "doorbraak", "Doorbraak (uitzonderlijke toegang)"

    content_object = models.ForeignKey(Huishouden, on_delete=models.CASCADE)
    soort = models.CharField("soort", max_length=12, choices=Soort.choices, default=Soort.GEDEELD)
    geldig_tot = models.DateTimeField("geldig tot", null=True, blank=True)
    reden = models.TextField("reden", max_length=500, blank=True)
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

    @property
    def is_geldig(self) -> bool:
        return self.geldig_tot is None or self.geldig_tot > timezone.now()

    @property
    def mag_wijzigen(self) -> bool:
        return self.permission.codename == "change_huishouden"


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
        max_length=2000,
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

    def relatie_onwaarschijnlijk(self) -> str:
        """A Dutch message when 'kind' cannot be right given the parents' ages, else ''.

        A child is at least MIN_OUDERVERSCHIL years younger than the oldest parent
        figure (ouder/verzorger, hoofdbewoner, partner) among the active members; the
        check works both ways, so a parent younger than a child is caught as well.
        """
        others = [
            (relatie, born)
            for relatie, born in Lid.objects.filter(
                huishouden_id=self.huishouden_id, einddatum__isnull=True
            )
            .exclude(pk=self.pk)
            .values_list("relatie", "geboortedatum")
        ]
        ouders = [born for relatie, born in others if relatie in OUDERFIGUREN]
        kinderen = [born for relatie, born in others if relatie == Lid.Relatie.KIND]
        if self.relatie == Lid.Relatie.KIND and ouders:
            if not _plausibel_kind(self.geboortedatum, min(ouders)):
                return (
                    "Deze geboortedatum past niet bij de relatie 'kind': een kind is minstens "
                    f"{MIN_OUDERVERSCHIL} jaar jonger dan de oudste ouder of verzorger in het "
                    "huishouden. Controleer de datum of kies een andere relatie."
                )
        elif self.relatie in OUDERFIGUREN and kinderen:
            oudste = min([self.geboortedatum, *ouders])
            if any(not _plausibel_kind(kind, oudste) for kind in kinderen):
                return (
                    "Met deze geboortedatum is een kind in het huishouden minder dan "
                    f"{MIN_OUDERVERSCHIL} jaar jonger dan de ouders. Controleer de datum of "
                    "de relaties."
                )
        return ""

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.geboortedatum and self.geboortedatum > today:
            errors["geboortedatum"] = "De geboortedatum ligt in de toekomst."
        elif self.geboortedatum and self.geboortedatum.year < 1900:
            errors["geboortedatum"] = "Controleer de geboortedatum: die ligt voor 1900."
        elif self.geboortedatum and self.huishouden_id and self.einddatum is None:
            melding = self.relatie_onwaarschijnlijk()
            if melding:
                errors["geboortedatum"] = melding
        if self.lid_sinds and self.lid_sinds > today:
            errors["lid_sinds"] = "De datum 'lid sinds' ligt in de toekomst."
        if self.einddatum and self.einddatum > today:
            errors["einddatum"] = "De vertrekdatum ligt in de toekomst."
        if self.einddatum and self.lid_sinds and self.einddatum < self.lid_sinds:
            errors["einddatum"] = "De vertrekdatum ligt voor de datum waarop het lid erbij kwam."
        if self.einddatum and not self.reden_vertrek.strip():
            errors["reden_vertrek"] = "Geef een reden van vertrek op."
        if errors:
            raise ValidationError(errors)


MIN_OUDERVERSCHIL = 12  # years between a child and the oldest parent figure
OUDERFIGUREN = {Lid.Relatie.OUDER_VERZORGER, Lid.Relatie.HOOFDBEWONER, Lid.Relatie.PARTNER}


def _plausibel_kind(kind: datetime.date, ouder: datetime.date) -> bool:
    try:
        grens = ouder.replace(year=ouder.year + MIN_OUDERVERSCHIL)
    except ValueError:  # 29 February
        grens = ouder.replace(year=ouder.year + MIN_OUDERVERSCHIL, day=28)
    return kind >= grens
