"""Writes of the member's view: invitations and activation, the household's digital
agreement, contributions to the plan and AVG requests. Keyword-only, one transaction each.
The plan itself is written only through `casussen.services`."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from casussen import services as plan_services
from casussen.models import Plan, Planversie, Planwijziging
from casussen.services.plan import log_wijziging
from huishoudens.models import Lid
from inwoner.models import (
    GELDIG_DAGEN,
    AvgVerzoek,
    Inbreng,
    Lidaccount,
    Uitnodiging,
    code_hash,
    invite_problem,
    new_code,
)
from sociaaldomein.models import Notificatie, User
from sociaaldomein.roles import Rol

# Recorded with an agreement given online while the domain matrix is not complete yet:
# the household's agreement is theirs to give; the professional sees the reason.
DIGITAAL_ONVOLLEDIG = (
    "Het huishouden gaf zelf digitaal akkoord via Mijn plan; de domeinmatrix was toen nog "
    "niet compleet."
)


@transaction.atomic
def invite(*, lid: Lid, door: User) -> tuple[Uitnodiging, str]:
    """A new one-time code for an adult member; an open earlier invitation lapses.
    Returns the invitation and the code in plain text (only for the letter)."""
    lid = Lid.objects.select_for_update().get(pk=lid.pk)
    probleem = invite_problem(lid)
    if not probleem and Lidaccount.objects.filter(lid=lid).exists():
        probleem = "Dit lid heeft al een account voor Mijn plan."
    if probleem:
        raise ValidationError({"lid": probleem})
    now = timezone.now()
    Uitnodiging.objects.filter(lid=lid, gebruikt_op__isnull=True, vervallen_op__isnull=True).update(
        vervallen_op=now
    )
    code = new_code()
    uitnodiging = Uitnodiging.objects.create(
        lid=lid,
        code_hash=code_hash(code),
        aangemaakt_op=now,
        aangemaakt_door=door,
        geldig_tot=now + datetime.timedelta(days=GELDIG_DAGEN),
    )
    return uitnodiging, code


ONGELDIG = (
    "Deze code klopt niet, is al gebruikt of is verlopen. Vraag uw contactpersoon om een "
    "nieuwe brief."
)


# Wrong codes per source (IP address) per hour, before the page stops trying codes.
MAX_POGINGEN = 10
TE_VEEL = "Te vaak een verkeerde code. Probeer het over een uur opnieuw, of bel uw contactpersoon."


def _pogingen(bron: str) -> str:
    return f"inwoner:activeren:{bron}"


@transaction.atomic
def activate(*, code: str, username: str, password: str, bron: str = "") -> Lidaccount:
    """The member turns the code of their letter into an account with their own password.
    A source that tried `MAX_POGINGEN` wrong codes within the hour is refused."""
    if cache.get(_pogingen(bron), 0) >= MAX_POGINGEN:
        raise ValidationError({"code": TE_VEEL})
    uitnodiging = (
        Uitnodiging.objects.select_for_update()
        .select_related("lid")
        .filter(code_hash=code_hash(code))
        .first()
    )
    if uitnodiging is None or not uitnodiging.is_bruikbaar():
        cache.add(_pogingen(bron), 0, timeout=3600)
        cache.incr(_pogingen(bron))
        raise ValidationError({"code": ONGELDIG})
    lid = uitnodiging.lid
    probleem = invite_problem(lid) or (
        "Dit lid heeft al een account." if Lidaccount.objects.filter(lid=lid).exists() else ""
    )
    if probleem:
        raise ValidationError({"code": probleem})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            {"username": "Deze gebruikersnaam is al in gebruik. Kies een andere."}
        )
    user = User(username=username, first_name=lid.voornamen.split()[0], last_name=lid.achternaam)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get_or_create(name=Rol.INWONER.value)[0])
    uitnodiging.gebruikt_op = timezone.now()
    uitnodiging.save(update_fields=["gebruikt_op"])
    return Lidaccount.objects.create(user=user, lid=lid)


def _plan_van(account: Lidaccount) -> Plan:
    plan = Plan.objects.filter(huishouden_id=account.lid.huishouden_id).first()
    if plan is None:
        raise ValidationError("Er is nog geen plan. Uw contactpersoon maakt het samen met u.")
    return plan


def agree(
    *, account: Lidaccount, akkoord: bool, zienswijze: str = "", gezien_tot: int
) -> Planversie:
    """The household's agreement (or disagreement, with their view) with the current
    version, given online by this member: way 'digitaal', member, time."""
    plan = _plan_van(account)
    return plan_services.record_agreement(
        plan=plan,
        door=account.user,
        akkoord=akkoord,
        akkoord_datum=timezone.localdate(),
        wijze=Planversie.Wijze.DIGITAAL,
        akkoord_lid=account.lid,
        zienswijze=zienswijze,
        reden_onvolledig=DIGITAAL_ONVOLLEDIG,
        gezien_tot=gezien_tot,
    )


@transaction.atomic
def add_inbreng(*, account: Lidaccount, soort: str, tekst: str) -> Inbreng:
    plan = _plan_van(account)
    inbreng = Inbreng(
        plan=plan, lid=account.lid, soort=soort, tekst=tekst, ingediend_door=account.user
    )
    inbreng.full_clean()
    inbreng.save()
    log_wijziging(
        plan,
        door=account.user,
        soort=Planwijziging.Soort.INBRENG,
        handeling=Planwijziging.Handeling.TOEGEVOEGD,
        onderwerp=f"{inbreng.get_soort_display()} van {account.lid.voornamen}",
        wijzigingen=[{"veld": "Tekst", "oud": "", "nieuw": tekst}],
    )
    if account.lid.huishouden.casusregisseur_id:
        Notificatie.objects.create(
            ontvanger_id=account.lid.huishouden.casusregisseur_id,
            tekst=f"Nieuwe inbreng van het huishouden {account.lid.huishouden.referentie}",
            url=plan.get_absolute_url(),
        )
    return inbreng


@transaction.atomic
def decide_inbreng(*, inbreng: Inbreng, door: User, aanvaard: bool, reden: str) -> Inbreng:
    """The professional takes the contribution over, or not, with a reason the member reads."""
    inbreng = Inbreng.objects.select_for_update().select_related("plan").get(pk=inbreng.pk)
    if inbreng.status != Inbreng.Status.OPEN:
        raise ValidationError("Op deze inbreng is al gereageerd.")
    inbreng.status = Inbreng.Status.AANVAARD if aanvaard else Inbreng.Status.AFGEWEZEN
    inbreng.reden, inbreng.besloten_op, inbreng.besloten_door = reden, timezone.now(), door
    inbreng.full_clean()
    inbreng.save()
    log_wijziging(
        inbreng.plan,
        door=door,
        soort=Planwijziging.Soort.INBRENG,
        handeling=Planwijziging.Handeling.AANVAARD
        if aanvaard
        else Planwijziging.Handeling.AFGEWEZEN,
        onderwerp=f"{inbreng.get_soort_display()}: {inbreng.tekst[:120]}",
        wijzigingen=[{"veld": "Reden", "oud": "", "nieuw": reden}],
    )
    return inbreng


@transaction.atomic
def request_avg(*, account: Lidaccount, soort: str, toelichting: str) -> AvgVerzoek:
    """A request under AVG art. 16, 17 or 18: lands in the casusregisseur's Mijn werk with
    its one-month deadline (art. 12(3))."""
    huishouden = account.lid.huishouden
    verzoek = AvgVerzoek(
        huishouden=huishouden,
        lid=account.lid,
        soort=soort,
        toelichting=toelichting,
        ingediend_door=account.user,
        uiterlijk_op=AvgVerzoek.termijn(timezone.localdate()),
    )
    verzoek.full_clean()
    verzoek.save()
    ontvangers = [huishouden.casusregisseur_id] if huishouden.casusregisseur_id else []
    ontvangers += [lead.pk for lead in User.leads_of(huishouden.team_id)] if not ontvangers else []
    Notificatie.objects.bulk_create(
        Notificatie(
            ontvanger_id=pk,
            tekst=f"AVG-verzoek van het huishouden {huishouden.referentie}: uiterlijk "
            f"{verzoek.uiterlijk_op:%d-%m-%Y} beantwoorden",
            url=huishouden.get_absolute_url(),
        )
        for pk in ontvangers
    )
    return verzoek


@transaction.atomic
def answer_avg(
    *, verzoek: AvgVerzoek, door: User, status: str, antwoord: str, grond: str = ""
) -> AvgVerzoek:
    """The answer with its reason; for erasure and restriction also the legal ground."""
    verzoek = AvgVerzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.status != AvgVerzoek.Status.OPEN:
        raise ValidationError("Dit verzoek is al beantwoord.")
    if status == AvgVerzoek.Status.OPEN:
        raise ValidationError({"status": "Kies het besluit."})
    verzoek.status, verzoek.antwoord, verzoek.grond = status, antwoord, grond
    verzoek.beantwoord_op, verzoek.beantwoord_door = timezone.now(), door
    verzoek.full_clean()
    verzoek.save()
    return verzoek
