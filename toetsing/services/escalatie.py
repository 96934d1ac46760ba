"""Escalation beyond the team (issue 14): a lead of the team puts an open maatwerk request
the team cannot settle (above its mandate, or laws in conflict) before the next level,
lokaal → regio → landelijk (Landelijk Maatwerkloket / escalatieteam), and records each
level's answer. The request stays open meanwhile; once a level settles it, the team's
lead decides as always (approve or reject, four eyes)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sociaaldomein.models import User
from toetsing.models import MaatwerkEscalatie, MaatwerkVerzoek
from toetsing.services.maatwerk import AlBesloten, _lock, _notify

Niveau = MaatwerkEscalatie.Niveau
Grond = MaatwerkEscalatie.Grond
EStatus = MaatwerkEscalatie.Status


def _check(locked: MaatwerkVerzoek, door: User) -> None:
    if not locked.can_escalate(door):
        raise PermissionDenied("Alleen een teamleider van het team escaleert dit verzoek.")
    if not locked.is_open:
        raise AlBesloten(locked)


def boven_mandaat(verzoek: MaatwerkVerzoek) -> bool:
    """Above what the team may decide: two leads needed, or above budget or the cap."""
    return (
        verzoek.niveau == MaatwerkVerzoek.Niveau.TWEE_TEAMLEIDERS
        or verzoek.boven_budget
        or verzoek.boven_plafond
    )


def volgende_escalatie(verzoek: MaatwerkVerzoek, escalaties: list[MaatwerkEscalatie]) -> str | None:
    """The level this request may be escalated to now: the first one, or the next after a
    level that could not settle it; None while one is open, once one settled it, or above
    landelijk."""
    if not escalaties:
        return Niveau.LOKAAL
    laatste = escalaties[-1]
    if laatste.status != EStatus.NIET_OPGELOST:
        return None
    return MaatwerkEscalatie.volgend_niveau(laatste.niveau)


@transaction.atomic
def escalate_maatwerk(
    *, verzoek: MaatwerkVerzoek, door: User, grond: str, toelichting: str
) -> MaatwerkEscalatie:
    locked = _lock(verzoek)
    _check(locked, door)
    escalaties = list(locked.escalaties.order_by("voorgelegd_op", "id"))
    niveau = volgende_escalatie(locked, escalaties)
    if niveau is None:
        laatste = escalaties[-1]
        melding = {
            EStatus.OPEN: f"Het verzoek ligt al voor bij: {laatste.get_niveau_display()}. "
            "Leg eerst het antwoord vast.",
            EStatus.OPGELOST: "Het verzoek is op een eerder niveau opgelost: beslis nu zelf.",
        }.get(laatste.status, "Het verzoek ligt al op het hoogste niveau (landelijk).")
        raise ValidationError(melding)
    if grond not in Grond.values:
        raise ValidationError({"grond": "Kies waarom het team dit niet zelf kan beslissen."})
    if grond == Grond.BOVEN_MANDAAT and not boven_mandaat(locked):
        raise ValidationError(
            {
                "grond": "Dit verzoek valt binnen het mandaat van het team: beslis het zelf, "
                "of escaleer omdat wetten elkaar tegenspreken."
            }
        )
    if not (toelichting or "").strip():
        raise ValidationError({"toelichting": "Leg uit waarom het team dit niet kan beslissen."})
    escalatie = MaatwerkEscalatie(
        verzoek=locked,
        niveau=niveau,
        grond=grond,
        toelichting=toelichting.strip(),
        voorgelegd_door=door,
    )
    escalatie.full_clean(exclude=["verzoek"])
    escalatie.save()
    _notify(
        locked.aangevraagd_door_id,
        f"Uw maatwerkverzoek voor huishouden {locked.toets.huishouden.referentie} is "
        f"voorgelegd aan: {escalatie.get_niveau_display()}.",
        locked.get_absolute_url(),
    )
    return escalatie


@transaction.atomic
def record_escalation_answer(
    *, escalatie: MaatwerkEscalatie, door: User, opgelost: bool, antwoord: str
) -> MaatwerkEscalatie:
    """The answer of the level the request was put before: settled (the team decides
    now) or not (the next level may be asked)."""
    locked = _lock(escalatie.verzoek)
    _check(locked, door)
    escalatie = MaatwerkEscalatie.objects.select_for_update().get(pk=escalatie.pk)
    if not escalatie.is_open:
        raise ValidationError("Het antwoord van dit niveau is al vastgelegd.")
    if not (antwoord or "").strip():
        raise ValidationError({"antwoord": "Geef het antwoord van dit niveau."})
    escalatie.status = EStatus.OPGELOST if opgelost else EStatus.NIET_OPGELOST
    escalatie.antwoord = antwoord.strip()
    escalatie.beantwoord_op = timezone.now()
    escalatie.beantwoord_door = door
    escalatie.save(update_fields=["status", "antwoord", "beantwoord_op", "beantwoord_door"])
    return escalatie
