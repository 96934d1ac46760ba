"""Maatwerk decisions (issue 6): the request a submitted maatwerk toets creates, and the
team lead's actions on it.

Every action locks the request row (`select_for_update`), so two leads clicking approve
at once produce exactly one decision: the second waits, then finds the request decided.
Four eyes is checked here (for the message) and in PostgreSQL (migration 0006). Budget
arithmetic is Decimal throughout: euros are never floats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from huishoudens.models import Huishouden
from sociaaldomein.formatting import euro
from sociaaldomein.models import Notificatie, User
from toetsing.models import (
    Effect,
    MaatwerkBesluit,
    MaatwerkBudget,
    MaatwerkMandaat,
    MaatwerkVerzoek,
    Toets,
    ToetsArtikel,
)
from toetsing.selectors.maatwerk import precedenten_voor_toets
from toetsing.services.basis import notify_leads

NUL = Decimal("0.00")
Niveau = MaatwerkVerzoek.Niveau
Status = MaatwerkVerzoek.Status
Soort = MaatwerkBesluit.Soort


# --- the rules: budget, household cap, mandate level ----------------------------------------


@dataclass(frozen=True)
class BudgetStand:
    """One team's maatwerk budget for a year and funding stream."""

    budget: Decimal
    vastgelegd: Decimal  # committed: requests still open
    uitgegeven: Decimal  # spent: approved requests

    @property
    def resterend(self) -> Decimal:
        return self.budget - self.vastgelegd - self.uitgegeven


def budget_stand(*, team_id: int, jaar: int, financiering: str, zonder: int | None = None):
    """Budget, committed and spent in two queries (a request may leave itself out)."""
    budget = (
        MaatwerkBudget.objects.filter(team_id=team_id, jaar=jaar, financiering=financiering)
        .values_list("bedrag", flat=True)
        .first()
        or NUL
    )
    verzoeken = MaatwerkVerzoek.objects.filter(
        team_id=team_id, jaar=jaar, financiering=financiering
    )
    if zonder is not None:
        verzoeken = verzoeken.exclude(pk=zonder)
    sommen = verzoeken.aggregate(
        vastgelegd=Sum("bedrag", filter=Q(status__in=MaatwerkVerzoek.OPEN), default=NUL),
        uitgegeven=Sum("bedrag", filter=Q(status=Status.GOEDGEKEURD), default=NUL),
    )
    return BudgetStand(budget, sommen["vastgelegd"], sommen["uitgegeven"])


def huishouden_totaal(huishouden_id: int, jaar: int, *, zonder: int | None = None) -> Decimal:
    """Maatwerk granted or pending for this household in this year (all streams)."""
    qs = MaatwerkVerzoek.objects.filter(
        toets__huishouden_id=huishouden_id,
        jaar=jaar,
        status__in=[*MaatwerkVerzoek.OPEN, Status.GOEDGEKEURD],
    )
    if zonder is not None:
        qs = qs.exclude(pk=zonder)
    return qs.aggregate(totaal=Sum("bedrag", default=NUL))["totaal"]


HOGER = {Niveau.ZELF: Niveau.TEAMLEIDER, Niveau.TEAMLEIDER: Niveau.TWEE_TEAMLEIDERS}


def bepaal_niveau(
    bedrag: Decimal,
    mandaat: MaatwerkMandaat,
    *,
    resterend: Decimal,
    huishouden_eerder: Decimal,
) -> tuple[str, bool, bool]:
    """The level that decides: up to A the professional, up to B one lead, above B two
    leads. A request above the remaining budget or above the household's yearly cap needs
    the next level up (DOMAIN.md: mandate per role, cap per household, team budgets).
    Returns (level, above budget, above cap)."""
    if bedrag <= mandaat.bedrag_a:
        niveau = Niveau.ZELF
    elif bedrag <= mandaat.bedrag_b:
        niveau = Niveau.TEAMLEIDER
    else:
        niveau = Niveau.TWEE_TEAMLEIDERS
    boven_budget = bedrag > resterend
    boven_plafond = huishouden_eerder + bedrag > mandaat.plafond_huishouden
    if boven_budget or boven_plafond:
        niveau = HOGER.get(niveau, Niveau.TWEE_TEAMLEIDERS)
    return niveau, boven_budget, boven_plafond


# --- anonymity of the register ----------------------------------------------------------------


def persoonsgegevens_in(tekst: str, huishouden: Huishouden) -> list[str]:
    """Names, BSN, street or postcode of the household that occur in a text meant for the
    register (which every professional of the municipality reads). Two queries at most."""
    if not tekst.strip():
        return []
    woorden = {huishouden.straat, huishouden.postcode, huishouden.postcode.replace(" ", "")}
    woorden.update(huishouden.naam.split())
    for voornamen, achternaam, bsn in huishouden.leden.values_list(
        "voornamen", "achternaam", "bsn"
    ):
        woorden.update(voornamen.split())
        woorden.add(achternaam)
        if bsn:
            woorden.add(bsn)
    gevonden = []
    for woord in sorted(w for w in woorden if w and len(w) >= 3):
        if re.search(rf"(?<!\w){re.escape(woord)}(?!\w)", tekst, flags=re.IGNORECASE):
            gevonden.append(woord)
    return gevonden


def _anoniem(tekst: str, huishouden: Huishouden, veld: str) -> None:
    if persoonsgegevens_in(tekst, huishouden):
        raise ValidationError(
            {
                veld: "Deze tekst komt in het precedentenregister, dat alle professionals "
                "lezen: laat namen, BSN, adres en postcode weg."
            }
        )


# --- the request, created on submission ---------------------------------------------------------


def submit_problems(
    toets: Toets, *, effecten: list[Effect], artikelen: list[ToetsArtikel]
) -> dict[str, str]:
    """What the maatwerk rules of the team require before a maatwerk toets can go out.

    Follow or explain (equal cases equally, Awb 3:4 and the principle of equality): when
    similar earlier decisions exist (the ones step 2 shows), the request follows one of
    them or explains why this case is different."""
    problemen = {}
    if not (toets.precedent_id or toets.precedent_afwijking.strip()) and precedenten_voor_toets(
        toets, effecten=effecten, artikelen=artikelen
    ):
        problemen["precedent_afwijking"] = (
            "Er zijn vergelijkbare eerdere besluiten: volg er één, of leg uit waarom deze "
            "casus anders is."
        )
    mandaat = MaatwerkMandaat.voor_team(toets.huishouden.team_id)
    if mandaat.voorliggend_verplicht and not toets.voorliggend_overwogen.strip():
        problemen["voorliggend_overwogen"] = (
            "Maatwerk is het laatste redmiddel: beschrijf welke algemene en voorliggende "
            "voorzieningen eerst zijn overwogen."
        )
    if persoonsgegevens_in(toets.samenvatting_deelbaar, toets.huishouden):
        problemen["samenvatting_deelbaar"] = (
            "De samenvatting voor het register noemt gegevens van het huishouden: laat namen, "
            "BSN, adres en postcode weg."
        )
    if toets.precedent_id and toets.precedent_afwijking.strip():
        problemen["precedent_afwijking"] = (
            "Volg een precedent óf leg uit waarom deze casus anders is, niet allebei."
        )
    return problemen


def create_request(
    *, toets: Toets, door: User, effecten: list[Effect], artikelen: list[ToetsArtikel]
) -> MaatwerkVerzoek:
    """The request of a maatwerk toets being submitted (inside its transaction). Within
    the professional's own mandate it is decided at once, and still registered."""
    huishouden = toets.huishouden
    nu = timezone.now()
    jaar = timezone.localtime(nu).year
    bedrag = toets.kosten_oplossing or NUL
    # Lock the team's budget row (when there is one): two submissions at once cannot both
    # take the last euros of the budget within the professional's own mandate.
    list(
        MaatwerkBudget.objects.select_for_update().filter(
            team_id=huishouden.team_id, jaar=jaar, financiering=toets.financiering
        )
    )
    stand = budget_stand(team_id=huishouden.team_id, jaar=jaar, financiering=toets.financiering)
    niveau, boven_budget, boven_plafond = bepaal_niveau(
        bedrag,
        MaatwerkMandaat.voor_team(huishouden.team_id),
        resterend=stand.resterend,
        huishouden_eerder=huishouden_totaal(huishouden.pk, jaar),
    )
    zelf = niveau == Niveau.ZELF
    verzoek = MaatwerkVerzoek(
        toets=toets,
        team_id=huishouden.team_id,
        jaar=jaar,
        bedrag=bedrag,
        financiering=toets.financiering,
        aangevraagd_door=door,
        aangemaakt_op=nu,
        niveau=niveau,
        boven_budget=boven_budget,
        boven_plafond=boven_plafond,
        status=Status.GOEDGEKEURD if zelf else Status.INGEDIEND,
        besloten_op=nu if zelf else None,
        samenvatting=toets.samenvatting_deelbaar.strip(),
        afwijking_regel=toets.afwijking_regel,
        wetten=sorted({keuze.wet_afkorting for keuze in artikelen}),
        artikelen=[keuze.verwijzing_kort for keuze in artikelen],
        leefdomeinen=sorted({effect.leefdomein.naam for effect in effecten}),
        precedent_id=toets.precedent_id,
        precedent_afwijking=toets.precedent_afwijking.strip(),
    )
    if zelf:
        verzoek.besluit_reden = (
            f"Binnen het mandaat van de professional (tot en met "
            f"{euro(MaatwerkMandaat.voor_team(huishouden.team_id).bedrag_a)}) en binnen het "
            "budget."
        )
    verzoek.full_clean(exclude=["toets", "zoekvector"])
    verzoek.save()
    if zelf:
        MaatwerkBesluit.objects.create(
            verzoek=verzoek,
            soort=Soort.EIGEN_MANDAAT,
            door=door,
            aangevraagd_door=door,
            reden=verzoek.besluit_reden,
            op=nu,
        )
        return verzoek
    notify_leads(
        huishouden,
        tekst=f"Maatwerkverzoek van {euro(verzoek.bedrag)} "
        f"({verzoek.get_financiering_display()}) voor huishouden "
        f"{huishouden.referentie} door {door.weergavenaam}"
        f"{' (twee teamleiders nodig)' if niveau == Niveau.TWEE_TEAMLEIDERS else ''}.",
        url=verzoek.get_absolute_url(),
    )
    return verzoek


# --- the team lead's actions ----------------------------------------------------------------


class AlBesloten(Exception):
    """The request is no longer waiting for this action (decided, withdrawn, or waiting
    for the professional's answer)."""

    def __init__(self, verzoek: MaatwerkVerzoek):
        super().__init__(f"Verzoek {verzoek.pk} is {verzoek.get_status_display().lower()}")
        self.verzoek = verzoek


def _lock(verzoek: MaatwerkVerzoek) -> MaatwerkVerzoek:
    return (
        MaatwerkVerzoek.objects.select_for_update(of=("self",))
        .select_related("toets__huishouden", "aangevraagd_door")
        .get(pk=verzoek.pk)
    )


def _check_lead(locked: MaatwerkVerzoek, door: User) -> None:
    if not locked.can_decide(door):
        raise PermissionDenied(
            "Alleen een andere teamleider van het team beslist over dit maatwerkverzoek "
            "(vier ogen)."
        )


def _lock_for_lead(verzoek: MaatwerkVerzoek, door: User) -> MaatwerkVerzoek:
    """The request, locked, when this lead may act on it now (four eyes, still open)."""
    locked = _lock(verzoek)
    _check_lead(locked, door)
    if locked.status != Status.INGEDIEND:
        raise AlBesloten(locked)
    return locked


def _reden(reden: str, veld: str = "reden") -> str:
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({veld: "Geef een reden: elk besluit wordt gemotiveerd."})
    return reden


def _besluit(locked: MaatwerkVerzoek, soort: str, door: User, reden: str) -> MaatwerkBesluit:
    besluit = MaatwerkBesluit(
        verzoek=locked,
        soort=soort,
        door=door,
        aangevraagd_door_id=locked.aangevraagd_door_id,
        reden=reden,
    )
    besluit.full_clean(exclude=["verzoek"])
    besluit.save()
    return besluit


def _notify(ontvanger_id: int, tekst: str, url: str) -> None:
    Notificatie.objects.create(
        ontvanger_id=ontvanger_id, soort=Notificatie.Soort.MAATWERK, tekst=tekst[:300], url=url
    )


def _beslis(locked: MaatwerkVerzoek, status: str, reden: str) -> None:
    locked.status = status
    locked.besloten_op = timezone.now()
    locked.besluit_reden = reden
    locked.save(update_fields=["status", "besloten_op", "besluit_reden"])


@transaction.atomic
def approve_maatwerk(*, verzoek: MaatwerkVerzoek, door: User, reden: str) -> MaatwerkVerzoek:
    """Approve: one lead suffices up to B; above B (or above budget or cap from a higher
    level) a second, other lead approves too. The reason goes into the register."""
    locked = _lock_for_lead(verzoek, door)
    reden = _reden(reden)
    _anoniem(reden, locked.toets.huishouden, "reden")
    if locked.besluiten.filter(soort=Soort.GOEDGEKEURD, door=door).exists():
        raise ValidationError({"reden": "U heeft dit verzoek al goedgekeurd."})
    _besluit(locked, Soort.GOEDGEKEURD, door, reden)
    akkoorden = locked.besluiten.filter(soort=Soort.GOEDGEKEURD).count()
    referentie = locked.toets.huishouden.referentie
    if akkoorden >= locked.akkoorden_nodig:
        _beslis(locked, Status.GOEDGEKEURD, reden)
        _notify(
            locked.aangevraagd_door_id,
            f"Uw maatwerkverzoek van {euro(locked.bedrag)} voor huishouden {referentie} is "
            f"goedgekeurd door {door.weergavenaam}.",
            locked.get_absolute_url(),
        )
    else:
        notify_leads(
            locked.toets.huishouden,
            tekst=f"Maatwerkverzoek van {euro(locked.bedrag)} voor huishouden {referentie}: "
            f"{door.weergavenaam} keurde het goed, een tweede teamleider is nodig.",
            url=locked.get_absolute_url(),
        )
    return locked


@transaction.atomic
def reject_maatwerk(*, verzoek: MaatwerkVerzoek, door: User, reden: str) -> MaatwerkVerzoek:
    locked = _lock_for_lead(verzoek, door)
    reden = _reden(reden)
    _anoniem(reden, locked.toets.huishouden, "reden")
    _besluit(locked, Soort.AFGEWEZEN, door, reden)
    _beslis(locked, Status.AFGEWEZEN, reden)
    _notify(
        locked.aangevraagd_door_id,
        f"Uw maatwerkverzoek van {euro(locked.bedrag)} voor huishouden "
        f"{locked.toets.huishouden.referentie} is afgewezen door {door.weergavenaam}.",
        locked.get_absolute_url(),
    )
    return locked


@transaction.atomic
def ask_information(*, verzoek: MaatwerkVerzoek, door: User, vraag: str) -> MaatwerkVerzoek:
    """Back to the professional with a question; the request waits for the answer."""
    locked = _lock_for_lead(verzoek, door)
    _besluit(locked, Soort.VRAAG, door, _reden(vraag))
    locked.status = Status.MEER_INFORMATIE
    locked.save(update_fields=["status"])
    _notify(
        locked.aangevraagd_door_id,
        f"{door.weergavenaam} vraagt meer informatie over uw maatwerkverzoek voor huishouden "
        f"{locked.toets.huishouden.referentie}.",
        locked.get_absolute_url(),
    )
    return locked


@transaction.atomic
def answer_information(*, verzoek: MaatwerkVerzoek, door: User, antwoord: str) -> MaatwerkVerzoek:
    """The requester answers the question; the request goes back to the leads."""
    locked = _lock(verzoek)
    if not locked.can_answer(door):
        raise PermissionDenied("Alleen wie het verzoek indiende, beantwoordt de vraag.")
    if locked.status != Status.MEER_INFORMATIE:
        raise AlBesloten(locked)
    _besluit(locked, Soort.ANTWOORD, door, _reden(antwoord))
    locked.status = Status.INGEDIEND
    locked.save(update_fields=["status"])
    notify_leads(
        locked.toets.huishouden,
        tekst=f"{door.weergavenaam} beantwoordde uw vraag over het maatwerkverzoek voor "
        f"huishouden {locked.toets.huishouden.referentie}.",
        url=locked.get_absolute_url(),
    )
    return locked


@transaction.atomic
def mark_precedent(*, verzoek: MaatwerkVerzoek, door: User, register: str) -> MaatwerkVerzoek:
    """A lead of the team or the beheerder marks a decided request as guiding or
    withdrawn (the decision itself stays as it was)."""
    locked = _lock(verzoek)
    if not locked.can_mark(door):
        raise PermissionDenied("Alleen een teamleider of de beheerder markeert precedenten.")
    if not locked.is_besloten:
        raise AlBesloten(locked)
    if register not in MaatwerkVerzoek.Register.values:
        raise ValidationError({"register": "Kies richtinggevend, precedent of ingetrokken."})
    locked.register = register
    locked.save(update_fields=["register"])
    return locked
