"""Writes of the archive: a destruction list from proposal to deletion (keyword-only,
atomic). Who may take each step is asked of `Vernietigingslijst` (models.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from archief.models import Beoordeling, LijstItem, Vernietigingslijst, VernietigingsVerzoek
from archief.selectors import te_vernietigen
from archief.vernietiging import delete_household
from sociaaldomein.models import Notificatie, Team, User
from sociaaldomein.pdf import html_to_pdf

Status = Vernietigingslijst.Status
Stap = Beoordeling.Stap


def _stap(lijst, *, stap: str, door: User | None, toelichting: str = "") -> None:
    Beoordeling.objects.create(
        lijst=lijst,
        stap=stap,
        door=door,
        door_naam=door.weergavenaam if door else "Eén Plan",
        rol=door.rol_label if door else "systeem",
        toelichting=toelichting[:500],
    )


def _lock(lijst: Vernietigingslijst) -> Vernietigingslijst:
    return Vernietigingslijst.objects.select_for_update().get(pk=lijst.pk)


@transaction.atomic
def create_list(*, team: Team, door: User, naam: str = "") -> Vernietigingslijst:
    """A new list of every file of the team whose archiefactiedatum has passed."""
    if not Vernietigingslijst.can_author(door):
        raise PermissionDenied("Alleen de functioneel beheerder stelt een lijst op.")
    voorstellen = te_vernietigen(team_id=team.pk, op=timezone.localdate())
    if not voorstellen:
        raise ValidationError(
            "Er zijn geen dossiers van dit team waarvan de termijn verstreken is."
        )
    lijst = Vernietigingslijst.objects.create(
        naam=naam or f"{team.naam} {timezone.localdate():%d-%m-%Y}", team=team, auteur=door
    )
    LijstItem.objects.bulk_create(
        LijstItem(
            lijst=lijst,
            huishouden=b.huishouden,
            huishouden_nummer=b.huishouden.pk,
            referentie=b.huishouden.referentie,
            aangemeld_op=b.huishouden.aangemeld_op,
            brondatum=b.brondatum,
            archiefactiedatum=b.archiefactiedatum,
            wetten=list(b.wetten),
            jaren=b.jaren,
        )
        for b in voorstellen
    )
    return lijst


@transaction.atomic
def submit(*, lijst: Vernietigingslijst, door: User) -> Vernietigingslijst:
    lijst = _lock(lijst)
    if not lijst.can_submit(door):
        raise PermissionDenied("Deze lijst kan nu niet ter beoordeling worden aangeboden.")
    lijst.status = Status.TER_BEOORDELING
    lijst.save(update_fields=["status"])
    _stap(lijst, stap=Stap.INGEDIEND, door=door)
    for lead in User.leads_of(lijst.team_id):
        Notificatie.objects.create(
            ontvanger=lead,
            tekst=f"Vernietigingslijst '{lijst.naam}' wacht op uw beoordeling.",
            url=f"/archief/{lijst.pk}/",
        )
    return lijst


@transaction.atomic
def review(
    *,
    lijst: Vernietigingslijst,
    door: User,
    akkoord: bool,
    toelichting: str = "",
    uitzonderen: list[int] | None = None,
) -> Vernietigingslijst:
    """The team lead agrees (files may be taken off the list, they are kept) or asks
    for changes (with a reason)."""
    lijst = _lock(lijst)
    if not lijst.can_review(door):
        raise PermissionDenied("Alleen een teamleider van het team beoordeelt deze lijst.")
    if not akkoord and not toelichting.strip():
        raise ValidationError({"toelichting": "Geef aan wat er moet veranderen."})
    if uitzonderen:
        lijst.items.filter(pk__in=uitzonderen).update(uitgezonderd=True)
    lijst.status = Status.BEOORDEELD if akkoord else Status.WIJZIGINGEN
    lijst.save(update_fields=["status"])
    _stap(
        lijst,
        stap=Stap.AKKOORD if akkoord else Stap.WIJZIGINGEN,
        door=door,
        toelichting=toelichting,
    )
    return lijst


@transaction.atomic
def send_to_archivist(*, lijst: Vernietigingslijst, door: User) -> Vernietigingslijst:
    lijst = _lock(lijst)
    if not lijst.can_send_to_archivist(door):
        raise PermissionDenied("Deze lijst kan nu niet naar de archivaris.")
    lijst.status = Status.BIJ_ARCHIVARIS
    lijst.save(update_fields=["status"])
    _stap(lijst, stap=Stap.NAAR_ARCHIVARIS, door=door)
    return lijst


@transaction.atomic
def archive(*, lijst: Vernietigingslijst, door: User, toelichting: str = "") -> Vernietigingslijst:
    """The archivist agrees: the files are deleted after the wait (WACHTTIJD)."""
    lijst = _lock(lijst)
    if not lijst.can_archive(door):
        raise PermissionDenied("Alleen de archivaris keurt deze lijst goed.")
    lijst.status = Status.KLAAR
    lijst.vernietigen_na = timezone.now() + Vernietigingslijst.WACHTTIJD
    lijst.save(update_fields=["status", "vernietigen_na"])
    _stap(lijst, stap=Stap.ARCHIVARIS, door=door, toelichting=toelichting)
    return lijst


@transaction.atomic
def destroy(*, lijst: Vernietigingslijst) -> Vernietigingslijst:
    """Carry out a list whose wait has passed: delete each file (minimal record kept on
    the list) and make the verklaring van vernietiging."""
    lijst = _lock(lijst)
    if not lijst.is_due():
        raise ValidationError("De wachttijd van deze lijst is nog niet voorbij.")
    nu = timezone.now()
    for item in lijst.items.filter(uitgezonderd=False, vernietigd_op__isnull=True):
        if item.huishouden_id:
            delete_household(
                huishouden_id=item.huishouden_id,
                grond=f"Vernietigingslijst {lijst.pk} ({lijst.naam})",
            )
        LijstItem.objects.filter(pk=item.pk).update(vernietigd_op=nu)
        if item.verzoek_id:  # the request stays as its account, without free text
            VernietigingsVerzoek.objects.filter(pk=item.verzoek_id).update(toelichting="")
    lijst.status = Status.VERNIETIGD
    lijst.vernietigd_op = nu
    _stap(lijst, stap=Stap.VERNIETIGD, door=None)
    lijst.verklaring = verklaring_pdf(lijst)
    lijst.save(update_fields=["status", "vernietigd_op", "verklaring"])
    return lijst


def destroy_due() -> list[Vernietigingslijst]:
    """Every list whose wait has passed (`manage.py vernietigingslijsten_uitvoeren`, daily)."""
    return [
        destroy(lijst=lijst)
        for lijst in Vernietigingslijst.objects.filter(
            status=Status.KLAAR, vernietigen_na__lte=timezone.now()
        )
    ]


def verklaring_pdf(lijst: Vernietigingslijst) -> bytes:
    html = render_to_string(
        "pdf/verklaring.html",
        {
            "lijst": lijst,
            "items": list(lijst.items.select_related("verzoek")),
            "stappen": list(lijst.stappen.all()),
            "gemeente": settings.GEMEENTE_NAAM,
        },
    )
    return html_to_pdf(html)
