from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.utils import timezone

from sociaaldomein.roles import MEDEWERKERS, Rol


def user_ref(verbose_name: str, *, optional: bool = False) -> models.ForeignKey:
    """The user who did something (assessed, decided, recorded): never deleted while
    referred to (PROTECT: the history keeps its author), no reverse accessor, and no
    index of its own (read with its row, never searched by user)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=optional,
        blank=optional,
        related_name="+",
        verbose_name=verbose_name,
        db_index=False,
    )


def own_teams(user) -> Q:
    """The rows of the teams the user works in (a scope for `CaseDataQuerySet`)."""
    return Q(team_id__in=user.team_ids)


class CaseDataQuerySet(models.QuerySet):
    """A queryset of case data scoped per reader (see `readable_by`)."""

    def readable_by(self, user, scope) -> models.QuerySet:
        """What `user` may read: every row for an auditor (read-only, all teams), the rows
        matching `scope(user)` (a Q: the own teams, grants) for a caseworker, and nothing
        for anyone else (anonymous, inactive, beheerder, archivaris)."""
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_auditor:
            return self
        if not user.is_caseworker:
            return self.none()
        return self.filter(scope(user))


class Team(models.Model):
    """A wijkteam: the unit that owns households and scopes every read of case data."""

    naam = models.CharField("naam", max_length=100, unique=True)
    wijk = models.CharField("wijk", max_length=100)
    leden = models.ManyToManyField(
        "sociaaldomein.User", related_name="teams", blank=True, verbose_name="leden"
    )

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class User(AbstractUser):
    """A user of the product. Roles are groups (see roles.py); teams scope case data.

    `rol_namen` and `team_info` are filled in one query by the authentication backend
    (sociaaldomein.auth), so checking a role or the teams costs no extra query per request.
    """

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        ordering = ["username"]

    def __str__(self) -> str:
        return self.weergavenaam

    @property
    def weergavenaam(self) -> str:
        return self.naam_van(self.first_name, self.last_name, self.username)

    @staticmethod
    def naam_van(first_name: str, last_name: str, username: str) -> str:
        """How a user is named on screen: the full name, else the username (also for
        rows read without a model instance)."""
        return f"{first_name} {last_name}".strip() or username

    @cached_property
    def rol_namen(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    @cached_property
    def team_info(self) -> list[dict]:
        return list(self.teams.order_by("naam").values("id", "naam"))

    @cached_property
    def ongelezen_meldingen(self) -> int:
        return self.notificaties.filter(gelezen_op__isnull=True).count()

    @property
    def team_ids(self) -> list[int]:
        return [team["id"] for team in self.team_info]

    @property
    def team_namen(self) -> list[str]:
        return [team["naam"] for team in self.team_info]

    def has_rol(self, rol: Rol) -> bool:
        return self.is_active and rol.value in self.rol_namen

    @property
    def is_professional(self) -> bool:
        return self.has_rol(Rol.PROFESSIONAL)

    @property
    def is_teamleider(self) -> bool:
        return self.has_rol(Rol.TEAMLEIDER)

    @property
    def is_auditor(self) -> bool:
        return self.has_rol(Rol.AUDITOR)

    @property
    def is_beheerder(self) -> bool:
        return self.has_rol(Rol.BEHEERDER)

    @property
    def is_medewerker(self) -> bool:
        """Staff of the sociaal domein (or a superuser): every page is theirs unless a view
        opens it to other roles as well (`roles.open_to`)."""
        return self.is_active and (self.is_superuser or bool(self.rol_namen & MEDEWERKERS))

    @property
    def is_inwoner(self) -> bool:
        return self.has_rol(Rol.INWONER)

    @property
    def is_aanbieder(self) -> bool:
        return self.has_rol(Rol.AANBIEDER)

    @property
    def is_archivaris(self) -> bool:
        return self.has_rol(Rol.ARCHIVARIS)

    # --- who may do what: the rules every app builds on (no query) ------------------------

    @property
    def is_caseworker(self) -> bool:
        """Professionals and team leads do casework; auditors and the beheerder never."""
        return self.is_professional or self.is_teamleider

    def works_in(self, team_id: int | None) -> bool:
        """A caseworker of this team (professional or team lead)."""
        return self.is_caseworker and team_id in self.team_ids

    def leads(self, team_id: int | None) -> bool:
        """A team lead of this team."""
        return self.is_teamleider and team_id in self.team_ids

    @classmethod
    def leads_of(cls, team_id: int) -> models.QuerySet[User]:
        """The active team leads of a team (who are told about safety, maatwerk and
        break-the-glass access)."""
        return cls.objects.filter(
            teams=team_id, groups__name=Rol.TEAMLEIDER.value, is_active=True
        ).distinct()

    @property
    def can_reset_second_factor(self) -> bool:
        """The functioneel beheerder resets a colleague's second factor (lost phone)."""
        return self.is_beheerder or (self.is_active and self.is_superuser)

    @property
    def is_team_caseworker(self) -> bool:
        """A caseworker who belongs to a team: registers households, and may break the
        glass to a household of another team."""
        return self.is_caseworker and bool(self.team_ids)

    @property
    def rol_label(self) -> str:
        """The role shown in the header; a user with several shows them all."""
        order = [
            Rol.TEAMLEIDER,
            Rol.PROFESSIONAL,
            Rol.AUDITOR,
            Rol.BEHEERDER,
            Rol.ARCHIVARIS,
            Rol.AANBIEDER,
            Rol.INWONER,
        ]
        return ", ".join(rol.label for rol in order if rol.value in self.rol_namen) or "Geen rol"


class Notificatie(models.Model):
    """An in-app notification: a safety concern for the team lead, a maatwerk decision for
    the requester, a break-the-glass access for the owning team's lead."""

    class Soort(models.TextChoices):
        INFO = "info", "Informatie"
        VEILIGHEID = "veiligheid", "Veiligheid"
        MAATWERK = "maatwerk", "Maatwerk"
        DOORBRAAK = "doorbraak", "Toegang buiten het team"

    ontvanger = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="notificaties", verbose_name="ontvanger"
    )
    soort = models.CharField("soort", max_length=12, choices=Soort.choices, default=Soort.INFO)
    tekst = models.CharField("tekst", max_length=300)
    url = models.CharField("link", max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gelezen_op = models.DateTimeField("gelezen op", null=True, blank=True)

    class Meta:
        verbose_name = "notificatie"
        verbose_name_plural = "notificaties"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [
            models.Index(
                fields=["ontvanger", "-aangemaakt_op"],
                name="notificatie_ongelezen",
                condition=models.Q(gelezen_op__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return self.tekst

    @classmethod
    def notify_leads(
        cls, team_id: int, *, soort: str, tekst: str, url: str = "", exclude: User | None = None
    ) -> list[Notificatie]:
        """Tell every team lead of the team (but `exclude`, who did it). The text names the
        file number, never the family: it may show on a shared screen."""
        return cls.objects.bulk_create(
            cls(ontvanger=lead, soort=soort, tekst=tekst[:300], url=url)
            for lead in User.leads_of(team_id)
            if lead != exclude
        )


class Toegangslog(models.Model):
    """Who looked at or changed whose personal data, when, and why.

    Append-only, enforced in PostgreSQL: a trigger rejects UPDATE and DELETE (also raw
    SQL), and numbers every entry and chains it to the previous one with a SHA-256 hash
    computed in the database (`sociaaldomein_toegangslog_hash`), so removing or altering
    an entry afterwards is detectable (`manage.py verify_toegangslog`).
    Households and members are stored as plain ids (no foreign key): the log outlives
    a destroyed file (Jeugdwet art. 7.3.9) and still proves who saw it.
    """

    class Actie(models.TextChoices):
        BEKEKEN = "bekeken", "Bekeken"
        GEZOCHT = "gezocht", "Gezocht of lijst bekeken"
        AANGEMAAKT = "aangemaakt", "Aangemaakt"
        GEWIJZIGD = "gewijzigd", "Gewijzigd"
        GEDOWNLOAD = "gedownload", "Gedownload"
        GEEXPORTEERD = "geexporteerd", "Geëxporteerd"
        GEWEIGERD = "geweigerd", "Toegang geweigerd"
        DOORBRAAK = "doorbraak", "Toegang buiten het team (doorbraak)"

    class Doel(models.TextChoices):
        CASUSREGIE = "casusregie", "Casusregie en ondersteuning"
        BESLUITVORMING = "besluitvorming", "Besluitvorming (toets, maatwerk)"
        VERANTWOORDING = "verantwoording", "Verantwoording en controle (audit)"
        BEZWAAR = "bezwaar", "Bezwaar en beroep"
        UITZONDERING = "uitzondering", "Uitzonderlijke toegang met reden"

    volgnummer = models.BigIntegerField("volgnummer", unique=True, editable=False, null=True)
    tijdstip = models.DateTimeField("tijdstip", default=timezone.now, editable=False)
    gebruiker = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="gebruiker",
        db_index=False,
    )
    gebruikersnaam = models.CharField("gebruikersnaam", max_length=150)
    rol = models.CharField("rol", max_length=120, blank=True)
    team = models.CharField("team", max_length=300, blank=True)
    huishoudens = ArrayField(models.BigIntegerField(), default=list, blank=True)
    leden = ArrayField(models.BigIntegerField(), default=list, blank=True)
    onderwerp = models.CharField("onderwerp", max_length=40)
    object_id = models.CharField("object", max_length=40, blank=True)
    actie = models.CharField("actie", max_length=14, choices=Actie.choices)
    doel = models.CharField("doel", max_length=16, choices=Doel.choices)
    reden = models.TextField("reden", blank=True)
    uitzonderlijk = models.BooleanField("uitzonderlijk", default=False)
    pad = models.CharField("pagina", max_length=300, blank=True)
    methode = models.CharField("methode", max_length=8, blank=True)
    vorige_hash = models.CharField(max_length=64, editable=False, blank=True)
    hash = models.CharField(max_length=64, editable=False, blank=True)

    class Meta:
        verbose_name = "toegangslogregel"
        verbose_name_plural = "toegangslog"
        ordering = ["-volgnummer"]
        indexes = [
            GinIndex(fields=["huishoudens"], name="toegangslog_huishoudens"),
            models.Index(fields=["gebruiker", "-tijdstip"], name="toegangslog_gebruiker"),
            models.Index(fields=["-tijdstip"], name="toegangslog_tijdstip"),
            # The log screens page by number, newest first (keyset), also per user.
            models.Index(fields=["gebruiker", "-volgnummer"], name="toegangslog_gebruiker_nr"),
        ]

    def __str__(self) -> str:
        return f"#{self.volgnummer} {self.gebruikersnaam} {self.actie} {self.onderwerp}"

    @staticmethod
    def can_read(user, *, team_id: int | None = None) -> bool:
        """The log of one team's household: auditors and the team leads of that team.
        The whole log (no team): auditors only."""
        if user.is_auditor:
            return True
        return team_id is not None and user.leads(team_id)


class ToegangslogPseudoniem(models.Model):
    """An access-log entry pseudonymised after its household's file was destroyed
    (archief): the entry keeps its `hash` (the chain and the anchor stay intact) and this
    row records the hash of its new content, so `verify_toegangslog` accepts exactly
    that content for exactly that entry. Written only by
    `accesslog.pseudonymise_entries`, in the destruction's transaction."""

    volgnummer = models.BigIntegerField("regel", unique=True)
    inhoud_hash = models.CharField("hash van de gepseudonimiseerde inhoud", max_length=64)
    grond = models.CharField("grond", max_length=200)
    op = models.DateTimeField("op", default=timezone.now)

    class Meta:
        verbose_name = "gepseudonimiseerde regel"
        verbose_name_plural = "gepseudonimiseerde regels"

    def __str__(self) -> str:
        return f"#{self.volgnummer}"
