"""Reads of the sociale kaart: search with filters, one service, suggestions."""

from __future__ import annotations

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db.models import BooleanField, Case, Count, F, OuterRef, Q, QuerySet, Value, When

from huishoudens.models import Leefdomein
from socialekaart.models import Dienst, Locatie

# trigram word similarity above which a name matches a mistyped word (pg_trgm's default
# word_similarity_threshold is 0.6; 0.5 forgives one typo in a short word)
TRIGRAM_DREMPEL = 0.5


def _basis() -> QuerySet[Dienst]:
    return Dienst.objects.select_related("organisatie", "locatie").prefetch_related("leefdomeinen")


# The columns a search result shows (not the text vector, the long texts or the contact).
RESULTAAT_VELDEN = [
    "naam",
    "beschrijving",
    "leeftijd_min",
    "leeftijd_max",
    "voorliggend",
    "wetten",
    "gecontroleerd_op",
]


def _resultaten() -> QuerySet[Dienst]:
    """A search result in one row: the service's own columns the list shows, the names of
    its organisation and wijk, and the names of its life domains as an array (a subquery
    PostgreSQL evaluates after the sort and limit, for the rows shown only). No second
    query and no model instances besides the services: the page's read stays small."""
    domeinen = (
        Leefdomein.objects.filter(diensten=OuterRef("pk")).order_by("volgorde").values("naam")
    )
    return Dienst.objects.only(*RESULTAAT_VELDEN).annotate(
        organisatie_naam=F("organisatie__naam"),
        wijk=F("locatie__wijk"),
        domeinnamen=ArraySubquery(domeinen),
    )


def zoek_diensten(data: dict, *, limiet: int = 50) -> list[Dienst]:
    """Active services, searched with Dutch full text (stemming: 'schulden' finds
    'schuld') or, for typos, trigram similarity on the name; filtered by life domain,
    wijk, age and law. Voorliggend first. One query; each result carries
    `organisatie_naam`, `wijk` and `domeinnamen` (see _resultaten)."""
    qs = _resultaten().filter(status=Dienst.Status.ACTIEF)
    if data.get("domein"):
        qs = qs.filter(leefdomeinen__code=data["domein"])
    if data.get("wijk"):
        qs = qs.filter(locatie__wijk=data["wijk"])
    if data.get("leeftijd") is not None:
        leeftijd = data["leeftijd"]
        qs = qs.filter(Q(leeftijd_min__isnull=True) | Q(leeftijd_min__lte=leeftijd)).filter(
            Q(leeftijd_max__isnull=True) | Q(leeftijd_max__gte=leeftijd)
        )
    if data.get("wet"):
        qs = qs.filter(wetten__contains=[data["wet"]])
    if data.get("voorliggend"):
        qs = qs.filter(voorliggend=True)
    q = (data.get("q") or "").strip()
    if q:
        query = SearchQuery(q, config="dutch", search_type="websearch")
        qs = qs.filter(Q(zoekvector=query) | Q(naam__trigram_word_similar=q)).annotate(
            rang=SearchRank(F("zoekvector"), query) + TrigramWordSimilarity(q, "naam")
        )
        qs = qs.order_by("-voorliggend", "-rang", "naam", "id")
    else:
        qs = qs.order_by("-voorliggend", "naam", "id")
    return list(qs[:limiet])


def wijken() -> list[str]:
    return list(Locatie.objects.order_by("wijk").values_list("wijk", flat=True).distinct())


def dienst(pk: int) -> Dienst | None:
    return _basis().filter(pk=pk).first()


def actieve_dienst(pk: str) -> Dienst | None:
    """An active service by its id as text from a URL (`?dienst=12`), or None for
    anything else: no number, too large, unknown or inactive."""
    if not (pk.isascii() and pk.isdigit() and len(pk) <= 9):
        return None
    return Dienst.objects.actief().filter(pk=int(pk)).only("pk", "voorliggend").first()


def suggesties(leefdomeinen, *, wijk: str = "", limiet: int = 8) -> list[Dienst]:
    """Active services for these life domains (ids, or a query of them, used as a
    subquery), for the action form and the referral page: voorliggend first, then the
    services that cover most of the domains, then those located in the household's wijk.
    One query, whatever the number of domains or services."""
    if isinstance(leefdomeinen, list | tuple | set) and not leefdomeinen:
        return []
    qs = (
        Dienst.objects.actief()
        .filter(leefdomeinen__in=leefdomeinen)
        .select_related("organisatie", "locatie")
        .annotate(
            treffers=Count("leefdomeinen"),
            in_wijk=Case(
                When(locatie__wijk=wijk, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
            if wijk
            else Value(False, output_field=BooleanField()),
        )
        .order_by("-voorliggend", "-treffers", "-in_wijk", "naam", "id")
    )
    return list(qs[:limiet])
