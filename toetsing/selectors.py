"""Reads of toetsen, always inside a household the user may see (loaded through
`huishoudens.selectors`), in a constant number of queries per page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Window
from django.shortcuts import get_object_or_404

from huishoudens.models import Huishouden, Leefdomein
from toetsing.models import Artikel, Grondwaarde, Toets, Wet
from toetsing.models.toets import BEWERKBAAR


def toets_in(huishouden: Huishouden, pk: int) -> Toets:
    """A toets of this household (404 otherwise: never looked up by bare pk)."""
    return get_object_or_404(Toets.objects.voor_weergave(), pk=pk, huishouden=huishouden)


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


def zoek_artikelen(
    zoekterm: str, *, uitsluiten: set[int], gerelateerd: set[int], limiet: int = 15
) -> list[Artikel]:
    """Articles that may be cited now, searched as you type on law, number, title and
    meaning (every word must match). Without a search term: the articles of the laws of
    the chosen core values. Each result carries `gerelateerd` (False: a reason is needed).

    The reference data is a few dozen rows per municipality, so a scan is the fastest plan;
    no search index is needed here."""
    qs = (
        Artikel.objects.geldig()
        .filter(wet__actief=True)
        .exclude(pk__in=uitsluiten)
        .select_related("wet")
        .order_by("wet__volgorde", "volgorde", "id")
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
        qs = qs.filter(wet_id__in=gerelateerd, wet__algemeen=False)
    artikelen = list(qs[:limiet])
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


# --- maatwerk: similar precedents (issue 6) ----------------------------------------------------

PRECEDENT_SCORE = """
    3 * cardinality(ARRAY(SELECT unnest(toetsing_maatwerkverzoek.artikelen)
                          INTERSECT SELECT unnest(%s::varchar[])))
  + 2 * cardinality(ARRAY(SELECT unnest(toetsing_maatwerkverzoek.leefdomeinen)
                          INTERSECT SELECT unnest(%s::varchar[])))
  + cardinality(ARRAY(SELECT unnest(toetsing_maatwerkverzoek.wetten)
                      INTERSECT SELECT unnest(%s::varchar[])))
  + 4 * ts_rank(toetsing_maatwerkverzoek.zoekvector, plainto_tsquery('dutch', %s))
  + CASE WHEN toetsing_maatwerkverzoek.register = 'richtinggevend' THEN 1 ELSE 0 END
"""


def vergelijkbare_precedenten(
    *,
    wetten: list[str],
    artikelen: list[str],
    leefdomeinen: list[str],
    tekst: str = "",
    zonder: int | None = None,
    limiet: int = 5,
):
    """The most similar earlier decisions (approved and rejected, not withdrawn) in one
    query: same articles weigh most, then life domains, then laws, then the full-text
    match of the shareable summary; guiding precedents first among equals. Anonymised
    columns only: the register never loads the toets or the household."""
    from django.contrib.postgres.search import SearchQuery
    from django.db.models.expressions import RawSQL

    from toetsing.models import MaatwerkVerzoek

    tekst = (tekst or "")[:300]
    overlap = (
        Q(artikelen__overlap=artikelen or ["-"])
        | Q(leefdomeinen__overlap=leefdomeinen or ["-"])
        | Q(wetten__overlap=wetten or ["-"])
    )
    if tekst.strip():
        overlap |= Q(zoekvector=SearchQuery(tekst, config="dutch"))
    qs = (
        MaatwerkVerzoek.objects.besloten()
        .exclude(register=MaatwerkVerzoek.Register.INGETROKKEN)
        .filter(overlap)
        # constant SQL, every value a bound parameter
        .annotate(score=RawSQL(PRECEDENT_SCORE, [artikelen, leefdomeinen, wetten, tekst]))  # noqa: S611
        .only(*REGISTER_VELDEN)
        .order_by("-score", "-besloten_op", "-id")
    )
    if zonder is not None:
        qs = qs.exclude(pk=zonder)
    return list(qs[:limiet])


# What the register may show: anonymised by construction (no toets, no household).
REGISTER_VELDEN = [
    "id",
    "jaar",
    "bedrag",
    "financiering",
    "status",
    "niveau",
    "besloten_op",
    "samenvatting",
    "afwijking_regel",
    "wetten",
    "artikelen",
    "leefdomeinen",
    "besluit_reden",
    "register",
    "team_id",
]


def precedenten_voor(verzoeken: list, *, limiet: int = 3) -> dict[int, list]:
    """Similar precedents for every request of a list (a page of the inbox) in one query:
    the 500 most recent decided requests that share an article, life domain or law with
    any of them, ranked per request with the weights of `vergelijkbare_precedenten`.

    Ranking goes through an index from each article, domain and law to the candidates
    that have it, so a request only touches the candidates it shares something with;
    only the precedents shown become model instances (at 100 000 households, for a page
    of 20 requests: 40 ms before, 17 ms now)."""
    import heapq
    from collections import defaultdict

    from toetsing.models import MaatwerkVerzoek

    if not verzoeken:
        return {}
    artikelen = sorted({a for v in verzoeken for a in v.artikelen}) or ["-"]
    domeinen = sorted({d for v in verzoeken for d in v.leefdomeinen}) or ["-"]
    wetten = sorted({w for v in verzoeken for w in v.wetten}) or ["-"]
    gevraagd = set(REGISTER_VELDEN)
    velden = [f.attname for f in MaatwerkVerzoek._meta.concrete_fields if f.attname in gevraagd]
    rijen = list(
        MaatwerkVerzoek.objects.besloten()
        .exclude(register=MaatwerkVerzoek.Register.INGETROKKEN)
        .filter(
            Q(artikelen__overlap=artikelen)
            | Q(leefdomeinen__overlap=domeinen)
            | Q(wetten__overlap=wetten)
        )
        .order_by("-besloten_op", "-id")
        .values_list(*velden)[:500]
    )
    kolom = {naam: velden.index(naam) for naam in ("id", "artikelen", "leefdomeinen", "wetten")}
    richtinggevend = velden.index("register")
    # weight per (kind, value) → the candidates (by position: lower is more recent)
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for positie, rij in enumerate(rijen):
        for soort in ("artikelen", "leefdomeinen", "wetten"):
            for waarde in set(rij[kolom[soort]]):
                index[(soort, waarde)].append(positie)
    gewicht = {"artikelen": 3, "leefdomeinen": 2, "wetten": 1}
    result = {}
    for verzoek in verzoeken:
        scores: dict[int, int] = defaultdict(int)
        for soort in ("artikelen", "leefdomeinen", "wetten"):
            for waarde in set(getattr(verzoek, soort)):
                for positie in index.get((soort, waarde), ()):
                    scores[positie] += gewicht[soort]
        beste = heapq.nsmallest(
            limiet,
            (
                (
                    -(score + (rijen[positie][richtinggevend] == "richtinggevend")),
                    positie,
                )
                for positie, score in scores.items()
                if rijen[positie][kolom["id"]] != verzoek.pk
            ),
        )
        result[verzoek.pk] = [
            MaatwerkVerzoek.from_db("default", velden, rijen[positie]) for _, positie in beste
        ]
    return result


def maatwerk_inbox(user):
    """The open requests of the user's teams (auditors: all), oldest first, with their
    toets and household summary and the decisions so far (a queryset to paginate: a page
    costs three queries and a count)."""
    from django.db.models import Prefetch

    from toetsing.models import MaatwerkBesluit, MaatwerkVerzoek

    return (
        MaatwerkVerzoek.objects.van_teams(user)
        .open()
        .select_related("toets__huishouden", "aangevraagd_door", "team")
        .prefetch_related(
            Prefetch("besluiten", MaatwerkBesluit.objects.select_related("door").order_by("op"))
        )
        .order_by("aangemaakt_op", "id")
    )


def aantal_open_maatwerk(user) -> int:
    """The header count for team leads: open requests of their teams that wait for this
    lead, so neither their own requests nor those they approved already and that wait
    for a second lead."""
    from toetsing.models import MaatwerkBesluit, MaatwerkVerzoek

    if not user.is_teamleider:
        return 0
    return (
        MaatwerkVerzoek.objects.filter(
            team_id__in=user.team_ids, status=MaatwerkVerzoek.Status.INGEDIEND
        )
        .exclude(aangevraagd_door=user)
        .exclude(
            pk__in=MaatwerkBesluit.objects.filter(
                door=user, soort=MaatwerkBesluit.Soort.GOEDGEKEURD
            ).values("verzoek_id")
        )
        .count()
    )


def budget_overzicht(user, jaar: int) -> list[dict]:
    """Budget, committed, spent and remaining per team and funding stream for one year,
    in two queries (auditors and the beheerder: every team)."""
    from decimal import Decimal

    from django.db.models import Sum

    from toetsing.models import MaatwerkBudget, MaatwerkVerzoek

    alle = user.is_auditor or user.is_beheerder
    budgetten = MaatwerkBudget.objects.filter(jaar=jaar).select_related("team")
    verzoeken = MaatwerkVerzoek.objects.filter(jaar=jaar)
    if not alle:
        budgetten = budgetten.filter(team_id__in=user.team_ids)
        verzoeken = verzoeken.filter(team_id__in=user.team_ids)
    nul = Decimal("0.00")
    rijen: dict[tuple[int, str], dict] = {}
    for b in budgetten:
        rijen[(b.team_id, b.financiering)] = {
            "team": b.team.naam,
            "financiering": b.get_financiering_display(),
            "budget": b.bedrag,
            "vastgelegd": nul,
            "uitgegeven": nul,
        }
    for rij in verzoeken.values("team_id", "team__naam", "financiering").annotate(
        vastgelegd=Sum("bedrag", filter=Q(status__in=MaatwerkVerzoek.OPEN), default=nul),
        uitgegeven=Sum("bedrag", filter=Q(status="goedgekeurd"), default=nul),
    ):
        doel = rijen.setdefault(
            (rij["team_id"], rij["financiering"]),
            {
                "team": rij["team__naam"],
                "financiering": dict(MaatwerkVerzoek._meta.get_field("financiering").choices)[
                    rij["financiering"]
                ],
                "budget": nul,
                "vastgelegd": nul,
                "uitgegeven": nul,
            },
        )
        doel["vastgelegd"], doel["uitgegeven"] = rij["vastgelegd"], rij["uitgegeven"]
    result = sorted(rijen.values(), key=lambda r: (r["team"], r["financiering"]))
    for r in result:
        r["resterend"] = r["budget"] - r["vastgelegd"] - r["uitgegeven"]
        r["overschreden"] = r["resterend"] < 0
        r["procent"] = (
            min(100, int((r["vastgelegd"] + r["uitgegeven"]) * 100 / r["budget"])) // 5 * 5
            if r["budget"]
            else 100
        )
    return result


def register_zoeken(data: dict, *, limiet: int = 50) -> list:
    """The precedent register, searched with PostgreSQL full text (Dutch) on the stored
    tsvector (GIN index) and filtered; anonymised columns only, one query."""
    from django.contrib.postgres.search import SearchQuery, SearchRank

    from toetsing.models import MaatwerkVerzoek

    qs = MaatwerkVerzoek.objects.besloten().only(*REGISTER_VELDEN)
    if data.get("wet"):
        qs = qs.filter(wetten__contains=[data["wet"]])
    if data.get("domein"):
        qs = qs.filter(leefdomeinen__contains=[data["domein"]])
    if data.get("besluit"):
        qs = qs.filter(status=data["besluit"])
    if data.get("financiering"):
        qs = qs.filter(financiering=data["financiering"])
    if data.get("q"):
        query = SearchQuery(data["q"], config="dutch", search_type="websearch")
        qs = qs.filter(zoekvector=query).annotate(rang=SearchRank("zoekvector", query))
        qs = qs.order_by("-rang", "-besloten_op", "-id")
    else:
        qs = qs.order_by("-besloten_op", "-id")
    return list(qs[:limiet])


def raad_overzicht(jaar: int) -> dict:
    """The council's yearly, anonymised overview in four queries: totals, per law, per
    team, and the rules most often deviated from."""
    from decimal import Decimal

    from django.db.models import Count, Sum

    from toetsing.models import MaatwerkVerzoek

    nul = Decimal("0.00")
    qs = MaatwerkVerzoek.objects.besloten().filter(jaar=jaar)
    sommen = dict(
        aantal=Count("id"),
        goedgekeurd=Count("id", filter=Q(status="goedgekeurd")),
        bedrag=Sum("bedrag", filter=Q(status="goedgekeurd"), default=nul),
        vermeden=Sum("toets__kosten_alternatief", filter=Q(status="goedgekeurd"), default=nul),
    )
    totaal = qs.aggregate(**sommen)
    labels = dict(MaatwerkVerzoek._meta.get_field("financiering").choices)
    per_wet = [
        {**r, "label": labels.get(r["financiering"], r["financiering"])}
        for r in qs.values("financiering").annotate(**sommen).order_by("-bedrag", "financiering")
    ]
    per_team = [
        {**r, "label": r["team__naam"]}
        for r in qs.values("team__naam").annotate(**sommen).order_by("-bedrag", "team__naam")
    ]
    regels = list(
        qs.exclude(afwijking_regel="")
        .values("afwijking_regel")
        .annotate(aantal=Count("id"))
        .order_by("-aantal", "afwijking_regel")[:10]
    )
    for reeks in (per_wet, per_team):
        hoogste = max((r["bedrag"] for r in reeks), default=nul) or Decimal(1)
        for r in reeks:
            r["procent"] = int(r["bedrag"] * 100 / hoogste) // 5 * 5  # CSS classes per 5%
    hoogste = max((r["aantal"] for r in regels), default=1)
    for r in regels:
        r["procent"] = int(r["aantal"] * 100 / hoogste) // 5 * 5
    return {
        "jaar": jaar,
        "totaal": totaal,
        "per_wet": per_wet,
        "per_team": per_team,
        "regels": regels,
    }
