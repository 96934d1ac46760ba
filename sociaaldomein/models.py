from __future__ import annotations

import datetime
from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils import timezone

from sociaaldomein.roles import Rol


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
        return self.get_full_name() or self.username

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
    def rol_label(self) -> str:
        """The role shown in the header; a user with several shows them all."""
        order = [Rol.TEAMLEIDER, Rol.PROFESSIONAL, Rol.AUDITOR, Rol.BEHEERDER]
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


SHA256_REGEX = r"^[0-9a-f]{64}$"


class DossierExportQuerySet(models.QuerySet):
    def zonder_pdf(self) -> DossierExportQuerySet:
        """Lists never load the PDF bytes (megabytes per row)."""
        return self.defer("pdf")

    def actief(self) -> DossierExportQuerySet:
        return self.filter(status__in=DossierExport.ACTIEF)


class DossierExport(models.Model):
    """A PDF case dossier of one household, made in the background for an auditor or the
    owning team.

    `vingerafdruk` is the SHA-256 of the dossier's content (printed on the cover), so an
    auditor can later check a dossier they hold against the system; `bestand_hash` is the
    SHA-256 of the PDF file itself. The access log section is covered by the log's own
    hash chain: the cover names the last entry included (`log_volgnummer`, `log_hash`).
    Exports are removed with their household (destruction, Jeugdwet art. 7.3.9); the access
    log keeps who made and downloaded them.
    """

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", "In de wachtrij"
        BEZIG = "bezig", "Wordt gemaakt"
        KLAAR = "klaar", "Klaar"
        MISLUKT = "mislukt", "Mislukt"

    ACTIEF = (Status.WACHTRIJ, Status.BEZIG)

    huishouden = models.ForeignKey(
        "huishoudens.Huishouden",
        on_delete=models.CASCADE,
        related_name="dossierexports",
        verbose_name="huishouden",
    )
    aangevraagd_door = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="aangevraagd door",
        db_index=False,
    )
    doel = models.CharField("doel", max_length=16, choices=Toegangslog.Doel.choices)
    toelichting = models.CharField("toelichting", max_length=300, blank=True)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.WACHTRIJ
    )
    voortgang = models.PositiveSmallIntegerField("voortgang (procent)", default=0)
    stap = models.CharField("stap", max_length=80, blank=True)
    taak_id = models.CharField("taak", max_length=64, blank=True)
    vingerafdruk = models.CharField("vingerafdruk (SHA-256)", max_length=64, blank=True)
    log_volgnummer = models.BigIntegerField("toegangslog tot en met regel", null=True, blank=True)
    log_hash = models.CharField("hash van die regel", max_length=64, blank=True)
    bestand_hash = models.CharField("SHA-256 van het bestand", max_length=64, blank=True)
    pdf = models.BinaryField("PDF", null=True, blank=True, editable=False)
    paginas = models.PositiveIntegerField("pagina's", null=True, blank=True)
    grootte = models.PositiveIntegerField("bestandsgrootte (bytes)", null=True, blank=True)
    foutmelding = models.CharField("foutmelding", max_length=300, blank=True)
    aangevraagd_op = models.DateTimeField("aangevraagd op", default=timezone.now)
    gestart_op = models.DateTimeField("gestart op", null=True, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)

    objects = DossierExportQuerySet.as_manager()

    class Meta:
        verbose_name = "dossierexport"
        verbose_name_plural = "dossierexports"
        ordering = ["-aangevraagd_op", "-id"]
        indexes = [
            models.Index(fields=["huishouden", "-aangevraagd_op"], name="dossierexport_huishouden"),
            models.Index(
                fields=["vingerafdruk"],
                name="dossierexport_vingerafdruk",
                condition=models.Q(status="klaar"),
            ),
            models.Index(
                fields=["bestand_hash"],
                name="dossierexport_bestand",
                condition=models.Q(status="klaar"),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(voortgang__gte=0, voortgang__lte=100),
                name="dossierexport_voortgang",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="klaar")
                | models.Q(
                    vingerafdruk__regex=SHA256_REGEX,
                    bestand_hash__regex=SHA256_REGEX,
                    pdf__isnull=False,
                    paginas__gte=1,
                    klaar_op__isnull=False,
                    voortgang=100,
                ),
                name="dossierexport_klaar_compleet",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="mislukt") | ~models.Q(foutmelding=""),
                name="dossierexport_mislukt_met_melding",
            ),
            # One dossier at a time per household: repeated clicks never queue a pile of
            # identical multi-second jobs.
            models.UniqueConstraint(
                fields=["huishouden"],
                condition=models.Q(status__in=["wachtrij", "bezig"]),
                name="dossierexport_een_actief",
                violation_error_message="Er wordt al een dossier van dit huishouden gemaakt.",
            ),
        ]

    def __str__(self) -> str:
        return f"Dossier {self.pk} ({self.get_status_display()})"

    @property
    def is_actief(self) -> bool:
        return self.status in self.ACTIEF

    @property
    def is_klaar(self) -> bool:
        return self.status == self.Status.KLAAR

    @property
    def wacht_lang(self) -> bool:
        """Queued for more than five minutes: the background worker may not be running."""
        return self.status == self.Status.WACHTRIJ and (
            timezone.now() - self.aangevraagd_op
        ) > datetime.timedelta(minutes=5)

    @property
    def vingerafdruk_leesbaar(self) -> str:
        """The fingerprint in groups of eight, as printed on the cover."""
        return " ".join(self.vingerafdruk[i : i + 8] for i in range(0, 64, 8))

    @property
    def bestandsnaam(self) -> str:
        moment = timezone.localtime(self.klaar_op or self.aangevraagd_op)
        return f"dossier-{self.huishouden.referentie}-{moment:%Y%m%d-%H%M}.pdf"
