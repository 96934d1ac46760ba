"""Permission-scoped reads of households, with the access log written on the way.

Every view that shows or changes personal data of a household loads it here, so team
scoping (`Huishouden.objects.visible_to`) and access logging cannot be forgotten:
- not visible: 404 (a user of another team learns nothing) and a 'geweigerd' log entry;
- visible but not editable (auditor, or a read-only grant): 403 for changes;
- visible through a cross-team grant (break the glass): logged as exceptional access.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Func, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from huishoudens.models import (
    Beoordeling,
    Huishouden,
    HuishoudenUserObjectPermission,
    Leefdomein,
    Lid,
    months_ago,
)
from sociaaldomein.accesslog import Actie, Doel, log_access, log_by, log_denied
from sociaaldomein.models import Toegangslog


def _exceptional_grant(user, huishouden: Huishouden) -> HuishoudenUserObjectPermission | None:
    """The current grant through which a user outside the owning team sees this household."""
    if user.is_auditor or user.works_in(huishouden.team_id):
        return None
    return (
        HuishoudenUserObjectPermission.objects.filter(user=user, content_object=huishouden)
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=timezone.now()))
        .order_by("-verleend_op")
        .first()
    )


def huishouden_for_view(
    request,
    pk: int,
    *,
    onderwerp: str = "huishouden",
    object_id: str | int = "",
    leden: list[int] | None = None,
    actie: str = Actie.BEKEKEN,
    doel: str | None = None,
    queryset: QuerySet | None = None,
    log: bool = True,
) -> Huishouden:
    """Load a household the user may read, or raise Http404 (logged)."""
    qs = queryset if queryset is not None else Huishouden.objects.all()
    try:
        huishouden = qs.visible_to(request.user).get(pk=pk)
    except Huishouden.DoesNotExist:
        _denied(request, onderwerp, pk, object_id)
        raise Http404("Huishouden niet gevonden") from None
    if log:
        _log(request, huishouden, onderwerp, object_id, leden, actie, doel)
    return huishouden


def huishouden_for_change(
    request,
    pk: int,
    *,
    onderwerp: str = "huishouden",
    object_id: str | int = "",
    queryset: QuerySet | None = None,
) -> Huishouden:
    """Load a household the user may change: 404 when not visible, 403 when read-only.

    Does not log the change itself: the view logs it after the domain function succeeded
    (`log_change`), so a rejected form leaves no 'gewijzigd' entry.
    """
    qs = queryset if queryset is not None else Huishouden.objects.all()
    huishouden = qs.editable_by(request.user).filter(pk=pk).first()
    if huishouden is None:
        _denied(request, onderwerp, pk, object_id)
        if Huishouden.objects.visible_to(request.user).filter(pk=pk).exists():
            raise PermissionDenied("Alleen-lezen toegang")
        raise Http404("Huishouden niet gevonden")
    return huishouden


MAX_ID = 2**63 - 1  # PostgreSQL bigint


def _denied(request, onderwerp: str, pk: int, object_id) -> None:
    """Log a refused request; ids from a crafted URL may not fit in the log's columns."""
    log_denied(
        request,
        onderwerp=onderwerp,
        huishouden_id=pk if 0 < pk <= MAX_ID else None,
        object_id=str(object_id)[:40],
    )


def log_change(
    request,
    huishouden: Huishouden,
    *,
    onderwerp: str,
    object_id: str | int = "",
    leden: list[int] | None = None,
    actie: str = Actie.GEWIJZIGD,
    doel: str | None = None,
) -> None:
    """Log a change (or, with `actie`, a view, download or export) of the household."""
    _log(request, huishouden, onderwerp, object_id, leden, actie, doel)


def _log(request, huishouden, onderwerp, object_id, leden, actie, doel) -> None:
    user = request.user
    grant = _exceptional_grant(user, huishouden)
    if doel is None:
        doel = Doel.VERANTWOORDING if user.is_auditor and not user.team_ids else Doel.CASUSREGIE
    # A household shared by the owning team's lead is ordinary casework (with the
    # reason of the share); break-the-glass access is logged as exceptional.
    doorbraak = bool(grant and grant.soort == HuishoudenUserObjectPermission.Soort.DOORBRAAK)
    if doorbraak:
        # base.html shows the break-the-glass banner on every page of this household
        grant.content_object = huishouden
        request.doorbraak = grant
    log_access(
        request,
        actie=actie,
        onderwerp=onderwerp,
        huishoudens=[huishouden.pk],
        leden=leden or [],
        object_id=str(object_id or huishouden.pk)[:40],
        doel=Doel.UITZONDERING if doorbraak else doel,
        reden=grant.reden if grant else "",
        uitzonderlijk=doorbraak,
    )


def log_lijst(
    request, huishoudens: list[Huishouden], *, onderwerp: str, doel: str = Doel.CASUSREGIE
) -> None:
    """Log a list or search result. Rows the user sees through break the glass get their
    own exceptional entry with the grant's reason, as a look at their page does; rows of
    the own teams cost no query (only rows of other teams make one, for their grants)."""
    user = request.user
    vreemd = [h.pk for h in huishoudens if not (user.is_auditor or user.works_in(h.team_id))]
    doorbraken = {}
    if vreemd:
        doorbraken = {
            grant.content_object_id: grant
            for grant in HuishoudenUserObjectPermission.objects.filter(
                user=user,
                content_object_id__in=vreemd,
                soort=HuishoudenUserObjectPermission.Soort.DOORBRAAK,
            ).filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=timezone.now()))
        }
    gewoon = [h.pk for h in huishoudens if h.pk not in doorbraken]
    log_access(request, actie=Actie.GEZOCHT, onderwerp=onderwerp, huishoudens=gewoon, doel=doel)
    for pk, grant in sorted(doorbraken.items()):
        log_access(
            request,
            actie=Actie.GEZOCHT,
            onderwerp=onderwerp,
            huishoudens=[pk],
            doel=Doel.UITZONDERING,
            reden=grant.reden,
            uitzonderlijk=True,
        )


# --- the domain matrix: every member × every life domain (principle 1) ------------------


@dataclass(frozen=True)
class Cel:
    lid: Lid
    leefdomein: Leefdomein
    beoordeling: Beoordeling | None
    actueel: bool
    nvt_voorgesteld: bool

    @property
    def compleet(self) -> bool:
        return self.beoordeling is not None and self.actueel


@dataclass(frozen=True)
class HuishoudenCel:
    """The household row of the matrix: the lowest current score among the members."""

    leefdomein: Leefdomein
    laagste_score: int | None
    aantal_zorgen: int  # members scoring 1 or 2


@dataclass
class Domeinmatrix:
    huishouden: Huishouden
    leden: list[Lid]
    leefdomeinen: list[Leefdomein]
    rijen: list[tuple[Lid, list[Cel]]]
    huishoudenrij: list[HuishoudenCel]
    peildatum: datetime.date

    @property
    def totaal(self) -> int:
        return len(self.leden) * len(self.leefdomeinen)

    @property
    def aantal_compleet(self) -> int:
        return sum(cel.compleet for _, cellen in self.rijen for cel in cellen)

    @property
    def is_compleet(self) -> bool:
        return self.totaal > 0 and self.aantal_compleet == self.totaal

    @property
    def ontbrekend(self) -> list[Cel]:
        return [cel for _, cellen in self.rijen for cel in cellen if not cel.compleet]

    @property
    def per_domein(self) -> list[tuple[Leefdomein, list[Cel], HuishoudenCel]]:
        """The matrix turned a quarter: one row per domain, a cell per member, and the
        household as a whole last (thirteen readable rows instead of thirteen columns)."""
        return [
            (domein, [cellen[index] for _, cellen in self.rijen], self.huishoudenrij[index])
            for index, domein in enumerate(self.leefdomeinen)
        ]

    @property
    def volledigheid(self) -> Volledigheid:
        return Volledigheid(
            compleet=self.aantal_compleet, totaal=self.totaal, leden=len(self.leden)
        )

    def cel(self, lid_id: int, leefdomein_id: int) -> Cel | None:
        for lid, cellen in self.rijen:
            if lid.pk == lid_id:
                return next((c for c in cellen if c.leefdomein.pk == leefdomein_id), None)
        return None

    def cellen_van(self, lid_id: int) -> list[Cel]:
        return next((cellen for lid, cellen in self.rijen if lid.pk == lid_id), [])

    def volgende_open(self, lid_id: int, leefdomein_id: int) -> Cel | None:
        """The next cell without a current assessment after this one: down the member's
        domains, then on to the next member (wrapping round); None when all are done."""
        cellen = [cel for _, rij in self.rijen for cel in rij]
        start = next(
            (
                index
                for index, cel in enumerate(cellen)
                if cel.lid.pk == lid_id and cel.leefdomein.pk == leefdomein_id
            ),
            -1,
        )
        volgorde = cellen[start + 1 :] + cellen[: start + 1]
        return next((cel for cel in volgorde if not cel.compleet), None)

    def huishoudencel(self, leefdomein_id: int) -> HuishoudenCel | None:
        return next((c for c in self.huishoudenrij if c.leefdomein.pk == leefdomein_id), None)

    def actuele_score(self, domein_code: str) -> list[tuple[Lid, int]]:
        """(member, score) of the current numeric scores on one domain."""
        return [
            (cel.lid, cel.beoordeling.score)
            for _, cellen in self.rijen
            for cel in cellen
            if cel.leefdomein.code == domein_code and cel.beoordeling and cel.beoordeling.score
        ]


def domeinmatrix(huishouden: Huishouden, *, peildatum: datetime.date | None = None) -> Domeinmatrix:
    """The matrix of a household in three queries, whatever its size: active members,
    active domains, and the latest assessment per member and domain (DISTINCT ON)."""
    peildatum = peildatum or timezone.localdate()
    grens = months_ago(peildatum, settings.LEEFDOMEIN_ACTUEEL_MAANDEN)
    leden = list(huishouden.leden.filter(einddatum__isnull=True).order_by("geboortedatum", "id"))
    leefdomeinen = list(Leefdomein.objects.filter(actief=True).order_by("volgorde"))
    actueel = {
        (b.lid_id, b.leefdomein_id): b
        for b in Beoordeling.objects.filter(lid__in=[lid.pk for lid in leden])
        .select_related("beoordeeld_door")
        .current()
    }
    rijen = []
    for lid in leden:
        cellen = []
        for domein in leefdomeinen:
            beoordeling = actueel.get((lid.pk, domein.pk))
            cellen.append(
                Cel(
                    lid=lid,
                    leefdomein=domein,
                    beoordeling=beoordeling,
                    actueel=beoordeling is not None and beoordeling.beoordeeld_op >= grens,
                    nvt_voorgesteld=domein.nvt_voorgesteld_voor(lid, peildatum),
                )
            )
        rijen.append((lid, cellen))
    huishoudenrij = []
    for index, domein in enumerate(leefdomeinen):
        scores = [
            cellen[index].beoordeling.score
            for _, cellen in rijen
            if cellen[index].beoordeling and cellen[index].beoordeling.score
        ]
        huishoudenrij.append(
            HuishoudenCel(
                leefdomein=domein,
                laagste_score=min(scores) if scores else None,
                aantal_zorgen=sum(score <= 2 for score in scores),
            )
        )
    return Domeinmatrix(huishouden, leden, leefdomeinen, rijen, huishoudenrij, peildatum)


# --- completeness of many households at once (the list) ----------------------------------


@dataclass(frozen=True)
class Volledigheid:
    """How many member × domain cells of a household have a current assessment."""

    compleet: int
    totaal: int
    leden: int

    @property
    def percentage(self) -> int:
        return round(100 * self.compleet / self.totaal) if self.totaal else 0

    @property
    def niveau(self) -> str:
        """compleet, deels, onvolledig or geen-leden (a css modifier and a test hook)."""
        if not self.totaal:
            return "geen-leden"
        if self.compleet == self.totaal:
            return "compleet"
        return "deels" if self.compleet else "onvolledig"

    @property
    def label(self) -> str:
        return {
            "compleet": "Compleet",
            "deels": "Deels beoordeeld",
            "onvolledig": "Nog niet beoordeeld",
            "geen-leden": "Geen leden",
        }[self.niveau]


def volledigheid_per_huishouden(
    ids: list[int], *, peildatum: datetime.date | None = None
) -> dict[int, Volledigheid]:
    """Completeness of each household in `ids` in one query, whatever the page size.

    One row per active member: the number of active domains with a current assessment
    (any assessment within the window means the latest one is current too) and the
    number of active domains. Counts agree with `domeinmatrix` by construction.
    """
    if not ids:
        return {}
    peildatum = peildatum or timezone.localdate()
    grens = months_ago(peildatum, settings.LEEFDOMEIN_ACTUEEL_MAANDEN)
    actueel = (
        Beoordeling.objects.filter(
            lid=OuterRef("pk"), leefdomein__actief=True, beoordeeld_op__gte=grens
        )
        .order_by()
        .values("lid")
        .annotate(n=Count("leefdomein", distinct=True))
        .values("n")
    )
    domeinen = (
        Leefdomein.objects.filter(actief=True).order_by().values(n=Func("id", function="COUNT"))
    )
    rows = (
        Lid.objects.filter(huishouden_id__in=ids, einddatum__isnull=True)
        .order_by()
        .annotate(
            actueel=Coalesce(Subquery(actueel), 0),
            domeinen=Subquery(domeinen),
        )
        .values_list("huishouden_id", "actueel", "domeinen")
    )
    sums: dict[int, list[int]] = {pk: [0, 0, 0] for pk in ids}
    for huishouden_id, compleet, aantal_domeinen in rows:
        totals = sums[huishouden_id]
        totals[0] += compleet
        totals[1] += aantal_domeinen
        totals[2] += 1
    return {pk: Volledigheid(*totals) for pk, totals in sums.items()}


# --- history and trend of one member on one domain ----------------------------------------


def beoordelingen_van(lid: Lid, leefdomein: Leefdomein) -> list[Beoordeling]:
    """Every assessment of one member on one domain, newest first (one query)."""
    return list(
        Beoordeling.objects.filter(lid=lid, leefdomein=leefdomein)
        .select_related("beoordeeld_door")
        .order_by("-beoordeeld_op", "-id")
    )


# --- recent activity on a household page -----------------------------------------------


@dataclass(frozen=True)
class Activiteit:
    tijdstip: datetime.datetime
    wat: str
    wie: str
    beoordeling: Beoordeling | None = None


LOG_OMSCHRIJVING = {
    ("huishouden", Actie.AANGEMAAKT): "Huishouden aangemeld",
    ("huishouden", Actie.GEWIJZIGD): "Gegevens van het huishouden gewijzigd",
    ("status", Actie.GEWIJZIGD): "Status gewijzigd",
    ("lid", Actie.AANGEMAAKT): "Lid toegevoegd",
    ("lid", Actie.GEWIJZIGD): "Gegevens van een lid gewijzigd",
    ("vertrek", Actie.GEWIJZIGD): "Lid vertrokken uit het huishouden",
    ("delen", Actie.AANGEMAAKT): "Gedeeld met een collega van een ander team",
    ("delen", Actie.GEWIJZIGD): "Delen ingetrokken",
}


def recente_activiteit(huishouden: Huishouden, *, aantal: int = 8) -> list[Activiteit]:
    """The latest assessments and changes, newest first, in two queries.

    Assessments come from their own table (with score and assessor); other changes from
    the access log, whose `huishoudens` array has a GIN index.
    """
    beoordelingen = list(
        Beoordeling.objects.filter(lid__huishouden=huishouden)
        .select_related("lid", "leefdomein", "beoordeeld_door")
        .order_by("-beoordeeld_op", "-id")[:aantal]
    )
    log = list(
        Toegangslog.objects.filter(
            huishoudens__contains=[huishouden.pk],
            actie__in=[Actie.AANGEMAAKT, Actie.GEWIJZIGD],
            onderwerp__in={onderwerp for onderwerp, _ in LOG_OMSCHRIJVING},
        )
        .only("tijdstip", "onderwerp", "actie", "gebruikersnaam", "gebruiker")
        .select_related("gebruiker")
        .order_by("-volgnummer")[:aantal]
    )
    items = [
        Activiteit(
            # the day it was assessed, at the time it was recorded
            tijdstip=timezone.make_aware(
                datetime.datetime.combine(
                    b.beoordeeld_op, timezone.localtime(b.aangemaakt_op).time()
                )
            ),
            wat=f"{b.leefdomein.naam} beoordeeld voor {b.lid.voornamen}",
            wie=b.beoordeeld_door.weergavenaam,
            beoordeling=b,
        )
        for b in beoordelingen
    ] + [
        Activiteit(
            tijdstip=entry.tijdstip,
            wat=LOG_OMSCHRIJVING[(entry.onderwerp, entry.actie)],
            wie=entry.gebruiker.weergavenaam if entry.gebruiker else entry.gebruikersnaam,
        )
        for entry in log
        if (entry.onderwerp, entry.actie) in LOG_OMSCHRIJVING
    ]
    return sorted(items, key=lambda item: item.tijdstip, reverse=True)[:aantal]


def gedeeld_met(huishouden: Huishouden) -> list[HuishoudenUserObjectPermission]:
    """Current and expired shares of a household with users outside its team."""
    return list(
        HuishoudenUserObjectPermission.objects.filter(content_object=huishouden)
        .select_related("user", "permission", "verleend_door")
        .order_by("-verleend_op", "-id")
    )


BSN_BUITEN_BEREIK = "BSN-controle buiten bereik"


def bsn_controles_vandaag(user) -> int:
    """How many members out of the user's reach the BSN check hit today (each counted
    once, however often the form re-validates)."""
    begin = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        Toegangslog.objects.filter(gebruiker=user, onderwerp=BSN_BUITEN_BEREIK, tijdstip__gte=begin)
        .values("object_id")
        .distinct()
        .count()
    )


def bsn_melding(
    bsn: str, *, user, huishouden: Huishouden | None = None, exclude: int | None = None
) -> str:
    """The Dutch message when `bsn` already belongs to another active member, else ''.

    Names the household only when the user may see it; otherwise says no more than the
    uniqueness rule itself reveals (never another team's household). That answer tells
    whether a BSN is a client elsewhere, so each such hit is logged as exceptional access
    to the other household, and after `BSN_CONTROLE_MAX_PER_DAG` of them a day the
    user's BSN checks stop altogether (as break the glass is limited).
    """
    if bsn_controles_vandaag(user) >= settings.BSN_CONTROLE_MAX_PER_DAG:
        return (
            "U heeft vandaag te vaak een BSN ingevuld dat bij een huishouden buiten uw "
            "bereik hoort. Laat het BSN leeg en vraag uw teamleider om hulp."
        )
    other = (
        Lid.objects.filter(bsn=bsn, einddatum__isnull=True)
        .exclude(pk=exclude)
        .select_related("huishouden")
        .first()
    )
    if other is None:
        return ""
    if huishouden is not None and other.huishouden_id == huishouden.pk:
        return f"Dit BSN hoort al bij {other.volledige_naam}, lid van dit huishouden."
    if Huishouden.objects.visible_to(user).filter(pk=other.huishouden_id).exists():
        return (
            f"Dit BSN hoort al bij een lid van {other.huishouden.naam} "
            f"({other.huishouden.referentie}). Laat het lid daar eerst vertrekken."
        )
    log_by(
        user,
        actie=Actie.GEZOCHT,
        onderwerp=BSN_BUITEN_BEREIK,
        huishoudens=[other.huishouden_id],
        object_id=other.pk,
        uitzonderlijk=True,
    )
    return (
        "Dit BSN hoort al bij een actief lid van een ander huishouden, dat u niet kunt "
        "inzien. Controleer het nummer; klopt het, neem dan contact op met uw teamleider."
    )


# --- the list: scope, search, filter and sort in one query ---------------------------------

STATUS_FILTERS: dict[str, tuple[str, list[str] | None]] = {
    "lopend": ("Lopend (aangemeld en actief)", ["aangemeld", "actief"]),
    "aangemeld": ("Aangemeld", ["aangemeld"]),
    "actief": ("Actief", ["actief"]),
    "afgesloten": ("Afgesloten", ["afgesloten"]),
    "alle": ("Alle", None),
}
SORTERINGEN: dict[str, tuple[str, ...]] = {
    "naam": ("naam", "id"),
    "postcode": ("postcode", "id"),
    "aangemeld": ("aangemeld_op", "id"),
    "status": ("status", "naam", "id"),
}
MIN_ZOEKLENGTE = 3


def zoek_huishoudens(
    user, *, zoekterm: str = "", status: str = "lopend", sortering: str = "naam"
) -> tuple[QuerySet, str, str]:
    """The households of the list: scope, search, status filter and sort in one query.

    Unknown status or sort values fall back to the defaults (no 500 on a crafted URL);
    returns the queryset and the status and sort actually applied.
    """
    if status not in STATUS_FILTERS:
        status = "lopend"
    if sortering.lstrip("-") not in SORTERINGEN:
        sortering = "naam"
    descending = sortering.startswith("-")
    fields = [f"-{name}" if descending else name for name in SORTERINGEN[sortering.lstrip("-")]]
    qs = Huishouden.objects.visible_to(user).select_related("casusregisseur")
    statussen = STATUS_FILTERS[status][1]
    if statussen is not None:
        qs = qs.filter(status__in=statussen)
    if len(zoekterm) >= MIN_ZOEKLENGTE:
        qs = qs.search(zoekterm).sorted_for_search(*fields)
    else:
        qs = qs.order_by(*fields)
    return qs, status, sortering


def kan_wijzigen(user, huishouden: Huishouden) -> bool:
    """May the user change this household? Without a query for members of its team."""
    if not (user.is_professional or user.is_teamleider):
        return False
    if huishouden.team_id in user.team_ids:
        return True
    return Huishouden.objects.editable_by(user).filter(pk=huishouden.pk).exists()
