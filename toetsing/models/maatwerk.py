"""Maatwerk: the request a toets with outcome (b) leads to, the decisions on it, the
mandate and budget rules of the team, and the precedent register (issue 6).

The rules are data, not code (budget practice in DOMAIN.md: Amsterdam, Almere, Zeist set
their own limits): the beheerder sets per team the amounts A and B, the cap per household
per year and the last-resort rule (`MaatwerkMandaat`), and the budget per year and funding
stream (`MaatwerkBudget`). Every decision is an append-only `MaatwerkBesluit`; PostgreSQL
refuses self-approval and a second approval by the same lead (migration 0006).
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from casussen.models import Financiering
from huishoudens.models import granted_household_ids
from sociaaldomein import urlcache
from sociaaldomein.models import CaseDataQuerySet, own_teams, user_ref

NUL = Decimal("0.00")


class MaatwerkMandaat(models.Model):
    """The mandate rules of one team (Awb 10:3: who may decide what on the college's
    behalf). A team without a row uses the defaults."""

    team = models.OneToOneField(
        "sociaaldomein.Team", on_delete=models.CASCADE, related_name="mandaat", verbose_name="team"
    )
    bedrag_a = models.DecimalField(
        "bedrag A: de professional beslist zelf tot en met",
        max_digits=9,
        decimal_places=2,
        default=Decimal("500.00"),
    )
    bedrag_b = models.DecimalField(
        "bedrag B: boven dit bedrag een tweede teamleider",
        max_digits=9,
        decimal_places=2,
        default=Decimal("5000.00"),
    )
    plafond_huishouden = models.DecimalField(
        "plafond per huishouden per jaar",
        max_digits=9,
        decimal_places=2,
        default=Decimal("2500.00"),
        help_text="Boven dit totaal per huishouden per kalenderjaar is een hoger "
        "beslisniveau nodig.",
    )
    voorliggend_verplicht = models.BooleanField(
        "voorliggende voorzieningen eerst overwogen (verplicht)",
        default=True,
        help_text="Maatwerk is het laatste redmiddel: de professional beschrijft welke "
        "algemene en voorliggende voorzieningen zijn overwogen.",
    )

    class Meta:
        verbose_name = "maatwerkmandaat"
        verbose_name_plural = "maatwerkmandaten"
        ordering = ["team__naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag_a__gte=0) & Q(bedrag_b__gte=F("bedrag_a")),
                name="mandaat_a_tot_b",
                violation_error_message="Bedrag B moet minstens bedrag A zijn.",
            ),
            models.CheckConstraint(condition=Q(plafond_huishouden__gte=0), name="mandaat_plafond"),
        ]

    def __str__(self) -> str:
        return f"Mandaat {self.team}"

    @classmethod
    def voor_team(cls, team_id: int) -> MaatwerkMandaat:
        return cls.objects.filter(team_id=team_id).first() or cls(team_id=team_id)


class MaatwerkBudget(models.Model):
    """The maatwerk budget of a team for one year and one funding stream."""

    team = models.ForeignKey(
        "sociaaldomein.Team", on_delete=models.CASCADE, related_name="budgetten"
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    financiering = models.CharField(
        "wet of financiering", max_length=16, choices=Financiering.choices
    )
    bedrag = models.DecimalField("budget (euro)", max_digits=11, decimal_places=2)

    class Meta:
        verbose_name = "maatwerkbudget"
        verbose_name_plural = "maatwerkbudgetten"
        ordering = ["-jaar", "team__naam", "financiering"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "jaar", "financiering"], name="budget_uniek_per_jaar_en_wet"
            ),
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="budget_niet_negatief"),
        ]

    def __str__(self) -> str:
        return f"{self.team} {self.jaar} {self.get_financiering_display()}"


class MaatwerkVerzoekQuerySet(CaseDataQuerySet):
    def van_teams(self, user) -> MaatwerkVerzoekQuerySet:
        """The requests of the user's own teams (auditors: all): the lead's inbox."""
        return self.readable_by(user, own_teams)

    def visible_to(self, user) -> MaatwerkVerzoekQuerySet:
        """Requests whose case data the user may read: those of the own teams (auditors
        all) and those of households the user holds a current grant on, exactly as
        `Huishouden.objects.visible_to` (a colleague of another team who shares the case
        reads its request; deciding stays with the leads of the team)."""
        return self.readable_by(
            user,
            lambda u: own_teams(u) | Q(toets__huishouden_id__in=granted_household_ids(u, "view")),
        )

    def open(self) -> MaatwerkVerzoekQuerySet:
        return self.filter(status__in=MaatwerkVerzoek.OPEN)

    def besloten(self) -> MaatwerkVerzoekQuerySet:
        return self.filter(status__in=MaatwerkVerzoek.BESLOTEN)


class MaatwerkVerzoek(models.Model):
    class Status(models.TextChoices):
        INGEDIEND = "ingediend", "Ingediend, wacht op de teamleider"
        MEER_INFORMATIE = "meer_informatie_gevraagd", "Meer informatie gevraagd"
        GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
        AFGEWEZEN = "afgewezen", "Afgewezen"
        INGETROKKEN = "ingetrokken", "Ingetrokken (toets gecorrigeerd)"

    class Niveau(models.TextChoices):
        ZELF = "zelf", "De professional binnen het eigen mandaat"
        TEAMLEIDER = "teamleider", "Een teamleider"
        TWEE_TEAMLEIDERS = "twee_teamleiders", "Twee teamleiders"

    class Register(models.TextChoices):
        GEWOON = "gewoon", "Precedent"
        RICHTINGGEVEND = "richtinggevend", "Richtinggevend"
        INGETROKKEN = "ingetrokken", "Ingetrokken"

    OPEN = (Status.INGEDIEND, Status.MEER_INFORMATIE)
    BESLOTEN = (Status.GOEDGEKEURD, Status.AFGEWEZEN)

    toets = models.OneToOneField(
        "toetsing.Toets",
        on_delete=models.PROTECT,
        related_name="maatwerkverzoek",
        verbose_name="toets",
    )
    team = models.ForeignKey(
        "sociaaldomein.Team",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="team",
    )
    jaar = models.PositiveSmallIntegerField("begrotingsjaar")
    bedrag = models.DecimalField(
        "bedrag (euro)", max_digits=9, decimal_places=2, default=Decimal("0.00")
    )
    financiering = models.CharField(
        "wet of financiering", max_length=16, choices=Financiering.choices
    )
    aangevraagd_door = user_ref("aangevraagd door")
    status = models.CharField(
        "status", max_length=24, choices=Status.choices, default=Status.INGEDIEND
    )
    niveau = models.CharField(
        "beslisniveau", max_length=16, choices=Niveau.choices, default=Niveau.TEAMLEIDER
    )
    boven_budget = models.BooleanField(
        "boven het resterende budget", default=False, db_default=False
    )
    boven_plafond = models.BooleanField(
        "boven het plafond per huishouden", default=False, db_default=False
    )
    aangemaakt_op = models.DateTimeField("aangevraagd op", default=timezone.now)
    besloten_op = models.DateTimeField("besloten op", null=True, blank=True)
    # --- the precedent register: only what the professional marked shareable ----------
    samenvatting = models.TextField(
        "situatie in algemene termen (deelbaar)", blank=True, db_default=""
    )
    afwijking_regel = models.CharField("afgeweken regel", max_length=300, blank=True)
    wetten = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    artikelen = ArrayField(models.CharField(max_length=60), default=list, blank=True)
    leefdomeinen = ArrayField(models.CharField(max_length=80), default=list, blank=True)
    besluit_reden = models.TextField("reden van het besluit", blank=True)
    precedent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="volgt precedent",
    )
    precedent_afwijking = models.TextField("waarom deze casus anders is", blank=True, db_default="")
    register = models.CharField(
        "in het register",
        max_length=16,
        choices=Register.choices,
        default=Register.GEWOON,
        db_default=Register.GEWOON,
    )
    # Maintained by a trigger (migration 0007) from the summary, the rule and the reason:
    # a GeneratedField would make `manage.py check` connect to the database.
    zoekvector = SearchVectorField(null=True, editable=False)

    objects = MaatwerkVerzoekQuerySet.as_manager()

    class Meta:
        verbose_name = "maatwerkverzoek"
        verbose_name_plural = "maatwerkverzoeken"
        ordering = ["aangemaakt_op", "id"]
        indexes = [
            models.Index(fields=["status", "aangemaakt_op"], name="maatwerk_status"),
            # the lead's inbox: open requests of a team, oldest first, a page at a time
            models.Index(
                fields=["team", "aangemaakt_op", "id"],
                condition=Q(status__in=["ingediend", "meer_informatie_gevraagd"]),
                name="maatwerk_inbox",
            ),
            models.Index(fields=["team", "jaar", "financiering"], name="maatwerk_team_jaar"),
            GinIndex(fields=["zoekvector"], name="maatwerk_zoekvector"),
            GinIndex(fields=["artikelen"], name="maatwerk_artikelen"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="maatwerk_bedrag"),
            models.CheckConstraint(condition=~Q(financiering=""), name="maatwerk_financiering"),
            models.CheckConstraint(
                condition=~Q(status__in=["goedgekeurd", "afgewezen"])
                | Q(besloten_op__isnull=False),
                name="maatwerk_besloten_op",
            ),
        ]

    def __str__(self) -> str:
        return f"Maatwerkverzoek {self.pk}: {self.get_financiering_display()}"

    def get_absolute_url(self) -> str:
        return urlcache.url_met_pk("maatwerk:verzoek", self.pk)

    def get_details_url(self) -> str:
        """Its details in the inbox (a row opens them)."""
        return urlcache.url_met_pk("maatwerk:details", self.pk)

    # --- who may do what (views, services, templates and the access matrix ask here) --

    @staticmethod
    def can_use_inbox(user) -> bool:
        """The inbox lists requests to decide: team leads (their teams) and auditors."""
        return user.is_teamleider or user.is_auditor

    def can_decide(self, user) -> bool:
        """Four eyes (Awb 10:3 mandate): a team lead of the request's team who did not
        ask for it. Whether it still waits for this lead is `waits_for`."""
        return user.leads(self.team_id) and self.aangevraagd_door_id != user.pk

    def waits_for(self, user, besluiten=None) -> bool:
        """Submitted, this lead may decide, and has not approved it already."""
        return (
            self.status == self.Status.INGEDIEND
            and self.can_decide(user)
            and not self.goedgekeurd_door(user, besluiten)
        )

    def can_answer(self, user) -> bool:
        """Only the requester answers the lead's question."""
        return self.aangevraagd_door_id == user.pk

    def can_escalate(self, user) -> bool:
        """A lead of the request's team puts a request the team cannot settle before the
        next level, and records that level's answer."""
        return user.leads(self.team_id)

    def can_mark(self, user) -> bool:
        """A lead of the team or the beheerder marks a precedent in the register."""
        return user.is_beheerder or user.leads(self.team_id)

    def goedgekeurd_door(self, user, besluiten=None) -> bool:
        """Whether this user already approved the request (a two-lead request then
        waits for another lead). Reads the given decisions, else the prefetched ones."""
        besluiten = self.besluiten.all() if besluiten is None else besluiten
        return any(
            b.soort == MaatwerkBesluit.Soort.GOEDGEKEURD and b.door_id == user.pk for b in besluiten
        )

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def is_besloten(self) -> bool:
        return self.status in self.BESLOTEN

    @property
    def akkoorden_nodig(self) -> int:
        return 2 if self.niveau == self.Niveau.TWEE_TEAMLEIDERS else 1


class MaatwerkBesluit(models.Model):
    """One step in the life of a request: an approval, a rejection, a question, the
    professional's answer, or the professional's own decision within the mandate.

    Append-only (a trigger refuses UPDATE and DELETE). `aangevraagd_door` repeats the
    requester, so the four-eyes rule is a plain CHECK on this row; a trigger checks that
    it really is the request's requester."""

    class Soort(models.TextChoices):
        GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
        AFGEWEZEN = "afgewezen", "Afgewezen"
        VRAAG = "vraag", "Meer informatie gevraagd"
        ANTWOORD = "antwoord", "Informatie gegeven"
        EIGEN_MANDAAT = "eigen_mandaat", "Besloten binnen het eigen mandaat"

    DOOR_AANVRAGER = (Soort.ANTWOORD, Soort.EIGEN_MANDAAT)

    verzoek = models.ForeignKey(
        MaatwerkVerzoek, on_delete=models.CASCADE, related_name="besluiten", verbose_name="verzoek"
    )
    soort = models.CharField("soort", max_length=16, choices=Soort.choices)
    door = user_ref("door")
    aangevraagd_door = user_ref("aangevraagd door")
    reden = models.TextField("reden", max_length=2000)
    op = models.DateTimeField("op", default=timezone.now)

    class Meta:
        verbose_name = "maatwerkbesluit"
        verbose_name_plural = "maatwerkbesluiten"
        ordering = ["op", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=["antwoord", "eigen_mandaat"])
                | ~Q(door=F("aangevraagd_door")),
                name="besluit_vier_ogen",
                violation_error_message="Wie het verzoek indiende, beslist er niet zelf over.",
            ),
            models.CheckConstraint(
                condition=~Q(soort__in=["antwoord", "eigen_mandaat"])
                | Q(door=F("aangevraagd_door")),
                name="besluit_antwoord_door_aanvrager",
            ),
            models.CheckConstraint(condition=Q(reden__regex=r"\S"), name="besluit_reden"),
            models.UniqueConstraint(
                fields=["verzoek", "door"],
                condition=Q(soort="goedgekeurd"),
                name="besluit_een_akkoord_per_teamleider",
                violation_error_message="U heeft dit verzoek al goedgekeurd.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.verzoek_id})"
