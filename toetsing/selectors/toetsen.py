"""Reads of toetsen, always inside a household the user may see (loaded through
`huishoudens.selectors`), in a constant number of queries per page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Window
from django.http import Http404

from huishoudens.models import Huishouden, Leefdomein
from toetsing.models import Artikel, Grondwaarde, MaatwerkVerzoek, Toets, Wet
from toetsing.models.toets import BEWERKBAAR


def toets_in(huishouden: Huishouden, pk: int) -> Toets:
    """A toets of this household (404 otherwise: never looked up by bare pk), with the
    household the page loaded already (not joined again: see `voor_weergave`)."""
    # Read as a list, not with get(): its LIMIT 21 (a guard against several rows, which
    # the key rules out) made PostgreSQL plan this many-joined query twice as long.
    toets = next(iter(Toets.objects.voor_weergave().filter(pk=pk, huishouden=huishouden)), None)
    if toets is None:
        raise Http404("Geen toets van dit huishouden")
    toets.huishouden = huishouden
    return toets


def grondwaarden_per_wet() -> list[tuple[Wet, list[Grondwaarde]]]:
    """The core values that can be ticked, grouped by law, in one query."""
    result: dict[int, tuple[Wet, list[Grondwaarde]]] = {}
    for grondwaarde in (
        Grondwaarde.objects.filter(actief=True, wet__actief=True)
        .select_related("wet")
        .order_by("wet__volgorde", "wet__afkorting", "volgorde", "id")
    ):
        result.setdefault(grondwaarde.wet_id, (grondwaarde.wet, []))[1].append(grondwaarde)
    return list(result.values())


def actieve_leefdomeinen() -> list[Leefdomein]:
    return list(Leefdomein.objects.filter(actief=True).order_by("volgorde"))


# The laws an article about a life domain usually comes from: ranks the suggestions.
DOMEIN_WETTEN = {
    "financien": {"participatiewet", "wgs"},
    "werk-opleiding": {"participatiewet"},
    "tijdsbesteding": {"wmo-2015", "participatiewet"},
    "huisvesting": {"wmo-2015", "participatiewet"},
    "huiselijke-relaties": {"jeugdwet", "wmo-2015"},
    "geestelijke-gezondheid": {"wmo-2015", "jeugdwet"},
    "lichamelijke-gezondheid": {"wmo-2015"},
    "middelengebruik": {"wmo-2015", "jeugdwet"},
    "basale-adl": {"wmo-2015"},
    "instrumentele-adl": {"wmo-2015"},
    "sociaal-netwerk": {"wmo-2015"},
    "maatschappelijke-participatie": {"wmo-2015", "participatiewet"},
    "justitie": {"jeugdwet"},
}
FINANCIERING_WET = {"wmo": "wmo-2015"}
MAX_VOORSTELLEN = 8


def zoek_artikelen(
    zoekterm: str,
    *,
    uitsluiten: set[int],
    gerelateerd: set[int],
    financiering: str = "",
    leefdomeinen: set[str] = frozenset(),
    limiet: int = 15,
) -> list[Artikel]:
    """Articles that may be cited now, searched as you type on law, number, title and
    meaning (every word must match). Without a search term: suggestions from the action's
    law, the laws of the effects' domains and of the chosen core values. Procedural
    articles (keeping or destroying a file) are never offered. Ranked: the action's law
    first, then the domains' laws, grounds for maatwerk, the core values' laws. Each result
    carries `gerelateerd` (False: a reason is needed).

    The reference data is a few dozen rows per municipality, so a scan is the fastest plan;
    no search index is needed here."""
    actie_wet = FINANCIERING_WET.get(financiering, financiering)
    domein_wetten = set().union(*(DOMEIN_WETTEN.get(code, set()) for code in leefdomeinen))
    qs = (
        Artikel.objects.geldig()
        .filter(wet__actief=True, procedureel=False)
        .exclude(pk__in=uitsluiten)
        .select_related("wet")
    )
    woorden = [
        w for w in zoekterm.replace(",", " ").split() if w.lower() not in {"art", "art.", "artikel"}
    ]
    if woorden:
        for woord in woorden[:8]:
            qs = qs.filter(
                Q(wet__afkorting__icontains=woord)
                | Q(wet__naam__icontains=woord)
                | Q(nummer__icontains=woord)
                | Q(titel__icontains=woord)
                | Q(betekenis__icontains=woord)
            )
    else:
        limiet = min(limiet, MAX_VOORSTELLEN)
        qs = qs.filter(
            Q(wet_id__in=gerelateerd) | Q(wet__code__in={actie_wet, *domein_wetten}),
            wet__algemeen=False,
        )

    def rang(artikel: Artikel) -> tuple:
        punten = (
            4 * (artikel.wet.code == actie_wet)
            + 2 * (artikel.wet.code in domein_wetten)
            + artikel.afwijkingsgrond
            + (artikel.wet_id in gerelateerd)
        )
        return (-punten, artikel.wet.volgorde, artikel.volgorde, artikel.pk)

    artikelen = sorted(qs, key=rang)[:limiet]
    for artikel in artikelen:
        artikel.gerelateerd = artikel.wet_id in gerelateerd
    return artikelen


# --- the plan page and Mijn werk -------------------------------------------------------------


@dataclass
class PlanToetsen:
    """The toetsen of one plan, by goal and by action (for the plan page, one query)."""

    per_doel: dict[int, list[Toets]] = field(default_factory=lambda: defaultdict(list))
    per_actie: dict[int, list[Toets]] = field(default_factory=lambda: defaultdict(list))


def toetsen_van_plan(plan) -> PlanToetsen:
    result = PlanToetsen()
    for toets in (
        # the household condition lets PostgreSQL use the index toets_huishouden; the OR
        # over two joins alone meant a sequential scan of every toets (3× slower at 100 000)
        Toets.objects.filter(huishouden_id=plan.huishouden_id)
        .filter(Q(doel__plan=plan) | Q(actie__doel__plan=plan))
        .exclude(status=Toets.Status.VERVANGEN)
        .only("id", "huishouden_id", "doel_id", "actie_id", "vraag", "status", "uitkomst")
        .order_by("-aangemaakt_op", "-id")
    ):
        if toets.actie_id:
            result.per_actie[toets.actie_id].append(toets)
        else:
            result.per_doel[toets.doel_id].append(toets)
    return result


def toetsen_van_huishouden(huishouden: Huishouden) -> list[Toets]:
    return list(
        huishouden.toetsen.select_related(
            "doel", "actie", "aangemaakt_door", "ingediend_door", "correctie"
        ).order_by("-aangemaakt_op", "-id")
    )


@dataclass
class InBewerking:
    items: list[Toets]
    totaal: int


def toetsen_in_bewerking(user, *, limiet: int = 10) -> InBewerking | None:
    """Drafts this user started, in households they may still change: one query."""
    if not (user.is_professional or user.is_teamleider):
        return None
    items = list(
        Toets.objects.filter(
            aangemaakt_door=user,
            status__in=BEWERKBAAR,
            huishouden__in=Huishouden.objects.editable_by(user).values("pk"),
        )
        .select_related("huishouden")
        .annotate(_totaal=Window(Count("pk")))
        .order_by("-gewijzigd_op", "-id")[:limiet]
    )
    return InBewerking(items=items, totaal=items[0]._totaal if items else 0)


def stel_actief_maken_voor(huishouden: Huishouden) -> bool:
    """The next status to suggest: a household still 'aangemeld' whose plan already has a
    decision (a toets within the rules, or an approved maatwerk request) is in fact being
    supported: make it active. No query unless the household is 'aangemeld'."""
    if huishouden.status != Huishouden.Status.AANGEMELD:
        return False
    return (
        Toets.objects.filter(huishouden_id=huishouden.pk, status=Toets.Status.INGEDIEND)
        .filter(
            Q(uitkomst=Toets.Uitkomst.BINNEN_REGELS)
            | Q(maatwerkverzoek__status=MaatwerkVerzoek.Status.GOEDGEKEURD)
        )
        .exists()
    )
