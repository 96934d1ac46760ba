"""Writes of the accountability features: dossier exports and break-the-glass access.

Keyword-only, one transaction each; side effects (access-log entries, notifications,
the background task) are explicit calls. Who may do what is decided on the models
(`DossierExport.can_open`, `User.is_team_caseworker`).
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from huishoudens.models import Huishouden, HuishoudenUserObjectPermission, Lid
from sociaaldomein.models import Notificatie, Toegangslog, User
from sociaaldomein.pdf import html_to_document
from verantwoording.dossier import (
    DossierMeta,
    LogBlok,
    dossier_inhoud,
    gegevensdeling_regels,
    render_dossier_html,
    toegangslog_blok,
)
from verantwoording.models import DossierExport
from verwijzingen.services import log_dossier

logger = logging.getLogger(__name__)

Doorbraak = HuishoudenUserObjectPermission.Soort.DOORBRAAK


# --- dossier exports -----------------------------------------------------------------------


@transaction.atomic
def request_dossier(
    *, huishouden: Huishouden, door: User, doel: str, toelichting: str = ""
) -> DossierExport:
    """Queue a dossier of the household. One at a time per household (also enforced by a
    partial unique index): a second request while one is being made is refused."""
    if doel not in Toegangslog.Doel.values:
        raise ValidationError({"doel": "Kies het doel van de export."})
    export = DossierExport(
        huishouden=huishouden,
        aangevraagd_door=door,
        doel=doel,
        toelichting=" ".join((toelichting or "").split()),
        stap="In de wachtrij",
    )
    export.full_clean(exclude=["huishouden", "aangevraagd_door"], validate_constraints=False)
    if DossierExport.objects.filter(huishouden=huishouden).actief().exists():
        raise ValidationError(
            "Er wordt al een dossier van dit huishouden gemaakt. Wacht tot het klaar is."
        )
    try:
        with transaction.atomic():
            export.save()
    except IntegrityError as error:  # a second click at the same moment
        if "dossierexport_een_actief" in str(error):
            raise ValidationError(
                "Er wordt al een dossier van dit huishouden gemaakt. Wacht tot het klaar is."
            ) from error
        raise
    if doel == Toegangslog.Doel.VERANTWOORDING:
        # issue 16: a dossier for an auditor is a disclosure outside the team
        log_dossier(huishouden=huishouden, door=door, doel=export.get_doel_display())
    return export


@dataclass
class _Voortgang:
    """Writes the progress at most twice a second (the page polls it)."""

    export_id: int
    laatste: float = 0.0
    procent: int = 0

    def zet(self, procent: int, stap: str, *, altijd: bool = False) -> None:
        procent = max(self.procent, min(99, procent))
        now = time.monotonic()
        if not altijd and procent == self.procent:
            return
        if not altijd and now - self.laatste < 0.5:
            return
        self.procent, self.laatste = procent, now
        DossierExport.objects.filter(pk=self.export_id, status=DossierExport.Status.BEZIG).update(
            voortgang=procent, stap=stap[:80]
        )


MISLUKT = (
    "Het dossier kon niet worden gemaakt. Probeer het opnieuw; lukt het weer niet, meld het "
    "dan bij de functioneel beheerder."
)


def generate_dossier(*, export_id: int) -> DossierExport | None:
    """Make the PDF of a queued export (run by the background task).

    Claims the export first (wachtrij → bezig in one UPDATE), so a task that runs twice
    makes it once. Progress is written as it goes; a failure is recorded, not hidden."""
    claimed = DossierExport.objects.filter(
        pk=export_id, status=DossierExport.Status.WACHTRIJ
    ).update(
        status=DossierExport.Status.BEZIG,
        gestart_op=timezone.now(),
        voortgang=2,
        stap="Gegevens verzamelen",
    )
    if not claimed:
        return None
    export = (
        DossierExport.objects.zonder_pdf()
        .select_related("huishouden__team", "huishouden__casusregisseur", "aangevraagd_door")
        .get(pk=export_id)
    )
    voortgang = _Voortgang(export_id, procent=2)
    try:
        pdf, paginas, inhoud_hash, log = _render(export, voortgang)
    except Exception:
        logger.exception("Dossier %s mislukt", export_id)
        DossierExport.objects.filter(pk=export_id).update(
            status=DossierExport.Status.MISLUKT, foutmelding=MISLUKT, stap="Mislukt"
        )
        raise
    export.status = DossierExport.Status.KLAAR
    export.pdf = pdf
    export.bestand_hash = hashlib.sha256(pdf).hexdigest()
    export.vingerafdruk = inhoud_hash
    export.log_volgnummer = log.tot_volgnummer
    export.log_hash = log.laatste_hash
    export.paginas = paginas
    export.grootte = len(pdf)
    export.voortgang = 100
    export.stap = "Klaar"
    export.klaar_op = timezone.now()
    export.save(
        update_fields=[
            "status",
            "pdf",
            "bestand_hash",
            "vingerafdruk",
            "log_volgnummer",
            "log_hash",
            "paginas",
            "grootte",
            "voortgang",
            "stap",
            "klaar_op",
        ]
    )
    return export


def _render(export: DossierExport, voortgang: _Voortgang):
    huishouden = export.huishouden
    inhoud = dossier_inhoud(huishouden)
    aanvrager = export.aangevraagd_door
    if Toegangslog.can_read(aanvrager, team_id=huishouden.team_id):
        log = toegangslog_blok(huishouden)
    else:
        log = LogBlok(regels=[], tot_volgnummer=None, laatste_hash="", weggelaten=True)
    # the data-sharing log (issue 16) is the team's own record: always in the dossier
    log = dataclasses.replace(log, delingen=gegevensdeling_regels(huishouden))
    meta = DossierMeta(
        gemeente=settings.GEMEENTE_NAAM,
        gemaakt_door=aanvrager.weergavenaam,
        rol=aanvrager.rol_label,
        gemaakt_op=timezone.localtime(export.gestart_op or timezone.now()),
        doel=export.get_doel_display(),
        toelichting=export.toelichting,
        vingerafdruk=inhoud.vingerafdruk,
        export=export.pk,
    )
    voortgang.zet(10, "Dossier opmaken", altijd=True)
    html = render_dossier_html(inhoud=inhoud, log=log, meta=meta)
    # A rough page estimate from the number of blocks, so the bar moves while
    # WeasyPrint lays out the pages (about 80 % of the time).
    geschat = max(5, 4 + inhoud.omvang // 5 + len(log.regels) // 35)
    voortgang.zet(15, "Pagina's opmaken", altijd=True)
    document = html_to_document(
        html,
        on_page=lambda n: voortgang.zet(
            15 + 70 * min(n, geschat) // geschat, f"Pagina {n} opmaken"
        ),
    )
    voortgang.zet(88, "PDF schrijven", altijd=True)
    pdf = document.write_pdf()
    return pdf, len(document.pages), meta.vingerafdruk, log


# --- verifying a dossier ----------------------------------------------------------------


@dataclass
class Controle:
    """The outcome of checking a dossier an auditor holds against the system."""

    exports: list[DossierExport]
    soort: str  # "bestand" (the exact file), "vingerafdruk", or "" (no match)
    huidige_vingerafdruk: str = ""

    @property
    def gevonden(self) -> bool:
        return bool(self.exports)

    @property
    def huishouden(self) -> Huishouden | None:
        return self.exports[0].huishouden if self.exports else None

    @property
    def ongewijzigd(self) -> bool:
        """The household's data today still give the fingerprint of the dossier."""
        return bool(self.exports) and self.huidige_vingerafdruk == self.exports[0].vingerafdruk


def verify_dossier(*, user: User, vingerafdruk: str = "", bestand_hash: str = "") -> Controle:
    """Find the exports with this file hash or fingerprint among the households the user
    may see (a match elsewhere is reported as no match: nothing leaks), and recompute the
    household's fingerprint today to tell whether its data changed since."""
    zichtbaar = Huishouden.objects.visible_to(user).values("pk")
    exports = DossierExport.objects.zonder_pdf().filter(
        status=DossierExport.Status.KLAAR, huishouden__in=zichtbaar
    )
    soort = ""
    if bestand_hash:
        gevonden = list(
            exports.filter(bestand_hash=bestand_hash).select_related(
                "huishouden__team", "aangevraagd_door"
            )
        )
        soort = "bestand" if gevonden else ""
    else:
        gevonden = []
    if not gevonden and vingerafdruk:
        gevonden = list(
            exports.filter(vingerafdruk=vingerafdruk)
            .select_related("huishouden__team", "aangevraagd_door")
            .order_by("-klaar_op")[:20]
        )
        soort = "vingerafdruk" if gevonden else ""
    if not gevonden:
        return Controle([], "")
    huishouden = Huishouden.objects.select_related("team", "casusregisseur").get(
        pk=gevonden[0].huishouden_id
    )
    return Controle(gevonden, soort, dossier_inhoud(huishouden).vingerafdruk)


# --- break the glass ---------------------------------------------------------------------


class DoorbraakGeweigerd(PermissionDenied):
    """Break the glass is only for professionals and team leads of a team (403)."""


def vind_huishouden(kenmerk: str) -> Huishouden | None:
    """The household with exactly this reference, or with an active member with exactly
    this BSN (only an exact identifier: no search, no partial match)."""
    kenmerk = "".join(kenmerk.split())
    if not kenmerk:
        return None
    if kenmerk.isdigit() and len(kenmerk) == 9:
        leden = Lid.objects.filter(bsn=kenmerk).select_related("huishouden__team")
        # an active member first (the partial BSN index); a member who left, else
        lid = leden.filter(einddatum__isnull=True).first() or leden.order_by("-einddatum").first()
        return lid.huishouden if lid else None
    # references are issued in capitals: an exact match on the unique index
    return Huishouden.objects.select_related("team").filter(referentie=kenmerk.upper()).first()


def logged_kenmerk(kenmerk: str) -> str:
    """What the access log keeps of the typed identifier: a reference in full, a BSN only
    by its last four digits (the log itself must not become a list of BSNs)."""
    kenmerk = "".join(kenmerk.split())
    if kenmerk.isdigit():
        return f"BSN …{kenmerk[-4:]}"
    return kenmerk[:40]


def doorbraken_vandaag(user: User) -> int:
    grens = timezone.now() - datetime.timedelta(days=1)
    return Toegangslog.objects.filter(
        gebruiker=user, tijdstip__gte=grens, onderwerp="doorbraak"
    ).count()


@transaction.atomic
def break_the_glass(
    *, huishouden: Huishouden, door: User, reden: str
) -> HuishoudenUserObjectPermission:
    """Time-limited read access to a household outside the user's team, with a reason.

    A django-guardian grant (`soort=doorbraak`) that `Huishouden.objects.visible_to`
    ignores once `geldig_tot` has passed; every look during it is logged as exceptional
    (huishoudens.selectors), and the owning team's lead(s) are notified now."""
    if not door.is_team_caseworker:
        raise DoorbraakGeweigerd("Alleen professionals en teamleiders van een team.")
    reden = " ".join((reden or "").split())
    if len(reden) < settings.DOORBRAAK_MIN_REDEN:
        minimum = settings.DOORBRAAK_MIN_REDEN
        raise ValidationError({"reden": f"Geef een concrete reden van minstens {minimum} tekens."})
    if huishouden.team_id in door.team_ids:
        raise ValidationError("Dit huishouden hoort bij uw eigen team.")
    nu = timezone.now()
    geldig_tot = nu + datetime.timedelta(hours=settings.DOORBRAAK_UREN)
    # guardian allows one row per user, permission and object: an earlier (expired)
    # break-the-glass grant is replaced; the access log keeps its history.
    HuishoudenUserObjectPermission.objects.filter(
        user=door, content_object=huishouden, soort=Doorbraak
    ).delete()
    if HuishoudenUserObjectPermission.objects.filter(
        Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=nu), user=door, content_object=huishouden
    ).exists():
        raise ValidationError("U heeft al toegang tot dit huishouden.")
    HuishoudenUserObjectPermission.objects.filter(user=door, content_object=huishouden).delete()
    grant = HuishoudenUserObjectPermission(
        content_object=huishouden,
        user=door,
        permission=Permission.objects.get(
            content_type__app_label="huishoudens", codename="view_huishouden"
        ),
        soort=Doorbraak,
        geldig_tot=geldig_tot,
        reden=reden[:500],
        verleend_door=door,
        verleend_op=nu,
    )
    grant.full_clean()
    grant.save()
    tot = timezone.localtime(geldig_tot)
    teams = ", ".join(door.team_namen)
    tekst = (
        f"{door.weergavenaam} ({teams}) heeft uitzonderlijke toegang genomen tot huishouden "
        f"{huishouden.referentie}, tot {tot:%d-%m-%Y %H:%M}. Reden: {reden}"
    )
    url = (
        reverse("verantwoording:huishouden_toegangslog", args=[huishouden.pk]) + "?uitzonderlijk=on"
    )
    Notificatie.notify_leads(
        huishouden.team_id, soort=Notificatie.Soort.DOORBRAAK, tekst=tekst, url=url
    )
    return grant


def end_break_the_glass(*, huishouden: Huishouden, door: User) -> int:
    """End one's own break-the-glass access at once (returns the number of grants ended)."""
    deleted, _ = HuishoudenUserObjectPermission.objects.filter(
        user=door, content_object=huishouden, soort=Doorbraak
    ).delete()
    return deleted
