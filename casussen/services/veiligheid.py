"""Safety concerns (principle 5 of seed 000) and statutory deadlines of the plan."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from casussen.models import Plan, Planwijziging, Termijn, Veiligheidszorg
from casussen.services.plan import lock, log_wijziging
from casussen.services.weergave import verschil, weergave
from sociaaldomein.models import Notificatie, User


@transaction.atomic
def report_safety_concern(
    *,
    plan: Plan,
    door: User,
    omschrijving: str,
    inschatting: str,
    dwangkader: str = "",
    dwangkader_toelichting: str = "",
) -> Veiligheidszorg:
    """Record a safety concern; the team lead(s) of the household's team are notified."""
    locked = lock(plan)
    zorg = Veiligheidszorg(
        plan=locked,
        omschrijving=omschrijving,
        inschatting=inschatting,
        dwangkader=dwangkader,
        dwangkader_toelichting=dwangkader_toelichting,
        gemeld_door=door,
    )
    zorg.full_clean()
    zorg.save()
    log_wijziging(
        locked,
        door=door,
        soort=Planwijziging.Soort.VEILIGHEID,
        handeling=Planwijziging.Handeling.GEMELD,
        onderwerp="Veiligheidszorg",
        wijzigingen=verschil(
            {},
            weergave(zorg, ["omschrijving", "inschatting", "dwangkader", "dwangkader_toelichting"]),
        ),
    )
    huishouden = locked.huishouden
    Notificatie.notify_leads(
        huishouden.team_id,
        soort=Notificatie.Soort.VEILIGHEID,
        tekst=f"Veiligheidszorg gemeld voor huishouden {huishouden.referentie} "
        f"door {door.weergavenaam}.",
        url=locked.get_absolute_url(),
    )
    return zorg


@transaction.atomic
def clear_safety_concern(*, zorg: Veiligheidszorg, door: User, reden: str) -> Veiligheidszorg:
    locked = lock(zorg.plan)
    if not Veiligheidszorg.can_clear(door, team_id=locked.huishouden.team_id):
        raise PermissionDenied("Alleen het eigen team van het huishouden heft een zorg op.")
    current = Veiligheidszorg.objects.select_for_update().get(pk=zorg.pk)
    if not current.is_actief:
        raise ValidationError("Deze veiligheidszorg is al opgeheven.")
    current.opgeheven_op, current.opgeheven_door = timezone.now(), door
    current.reden_opheffing = reden
    current.full_clean()
    current.save(update_fields=["opgeheven_op", "opgeheven_door", "reden_opheffing"])
    log_wijziging(
        locked,
        door=door,
        soort=Planwijziging.Soort.VEILIGHEID,
        handeling=Planwijziging.Handeling.OPGEHEVEN,
        onderwerp="Veiligheidszorg",
        wijzigingen=verschil({}, {"Reden van opheffen": reden}),
    )
    Notificatie.notify_leads(
        locked.huishouden.team_id,
        soort=Notificatie.Soort.VEILIGHEID,
        tekst=f"Veiligheidszorg opgeheven voor huishouden {locked.huishouden.referentie} "
        f"door {door.weergavenaam}.",
        url=locked.get_absolute_url(),
        exclude=door,
    )
    return current


@transaction.atomic
def add_termijn(
    *, plan: Plan, door: User, soort: str, gemeld_op: datetime.date, spoedgrond: str = ""
) -> Termijn:
    locked = lock(plan)
    termijn = Termijn(
        plan=locked, soort=soort, gemeld_op=gemeld_op, spoedgrond=spoedgrond, aangemaakt_door=door
    )
    termijn.uiterlijk_op = termijn.bereken_uiterlijk() if gemeld_op else None
    termijn.full_clean(exclude=["uiterlijk_op"])
    termijn.save()
    log_wijziging(
        locked,
        door=door,
        soort=Planwijziging.Soort.TERMIJN,
        handeling=Planwijziging.Handeling.TOEGEVOEGD,
        onderwerp=termijn.omschrijving,
        wijzigingen=verschil(
            {}, weergave(termijn, ["gemeld_op", "spoedgrond", "uiterlijk_op"], Wet=termijn.wet)
        ),
    )
    return termijn


@transaction.atomic
def meet_termijn(*, termijn: Termijn, door: User, voldaan_op: datetime.date) -> Termijn:
    locked = lock(termijn.plan)
    current = Termijn.objects.select_for_update().get(pk=termijn.pk)
    if current.voldaan_op:
        raise ValidationError({"voldaan_op": "Deze termijn is al voldaan."})
    current.voldaan_op = voldaan_op
    current.full_clean(exclude=["uiterlijk_op"])
    current.save(update_fields=["voldaan_op"])
    log_wijziging(
        locked,
        door=door,
        soort=Planwijziging.Soort.TERMIJN,
        handeling=Planwijziging.Handeling.GEWIJZIGD,
        onderwerp=current.omschrijving,
        wijzigingen=verschil({}, weergave(current, ["voldaan_op"])),
    )
    return current
