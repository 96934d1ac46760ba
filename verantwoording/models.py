"""The PDF case dossier of a household, made in the background (issue 7)."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone

from sociaaldomein.models import Toegangslog, User

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

    @staticmethod
    def can_open(user, huishouden) -> bool:
        """The dossier and the letters to the household: auditors (any household,
        read-only) and the caseworkers of the owning team. A grant (shared, or break the
        glass) to read the household gives no dossier."""
        return user.is_auditor or user.works_in(huishouden.team_id)

    @staticmethod
    def can_verify(user) -> bool:
        """Checking a dossier one holds against the system: auditors and caseworkers (a
        match is only reported within the households the user may see)."""
        return user.is_auditor or user.is_caseworker

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
