"""Aggregating the Wijkbeeld: every figure per wijk and quarter in a few GROUP BY queries
over the apps below, written to the summary table `Wijkcijfer` in one transaction.

Runs in the background (`wijk.tasks.ververs_wijkbeeld`, `manage.py ververs_wijkbeeld`),
never in a request. A household belongs to the wijk of its team. How each figure is
computed is documented in the README, section "Wijkbeeld".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from casussen.models import Actie, Doel, Plan
from casussen.models.doelen import Financiering
from huishoudens.models import Beoordeling, Huishouden, Leefdomein, Lid
from sociaaldomein.models import Team
from socialekaart.models import Dienst, Organisatie
from toetsing.models import MaatwerkBudget, MaatwerkVerzoek
from wijk.models import ALLE_WIJKEN, Aanbod, Match, Wijkcijfer, Wijkverversing

# The outcomes that matter (seed 003: "do people go to school, do they have work, are
# they financially healthy, is the neighbourhood safe?").
UITKOMST_DOMEINEN = [
    "werk-opleiding",
    "financien",
    "huisvesting",
    "justitie",
    "maatschappelijke-participatie",
]
KWARTALEN_TERUG = 12  # quarters aggregated, the current one included

T = {
    "hh": Huishouden._meta.db_table,
    "team": Team._meta.db_table,
    "plan": Plan._meta.db_table,
    "doel": Doel._meta.db_table,
    "actie": Actie._meta.db_table,
    "mw": MaatwerkVerzoek._meta.db_table,
    "budget": MaatwerkBudget._meta.db_table,
    "lid": Lid._meta.db_table,
    "beoordeling": Beoordeling._meta.db_table,
    "domein": Leefdomein._meta.db_table,
    "match": Match._meta.db_table,
    "aanbod": Aanbod._meta.db_table,
    "dienst": Dienst._meta.db_table,
    "organisatie": Organisatie._meta.db_table,
}
K = "'YYYY-\"K\"Q'"  # to_char format of a quarter: 2026-K3
TZ = "'Europe/Amsterdam'"

# Each query returns rows (wijk, kwartaal, maat, categorie, aantal, bedrag).
QUERIES: dict[str, str] = {
    "aangemeld": f"""
        SELECT t.wijk, to_char(h.aangemeld_op, {K}), 'aangemeld', '', count(*), NULL
        FROM {T["hh"]} h JOIN {T["team"]} t ON t.id = h.team_id
        WHERE h.aangemeld_op >= %(van)s GROUP BY 1, 2""",
    "afgesloten": f"""
        SELECT t.wijk, to_char(h.afgesloten_op, {K}), 'afgesloten', '', count(*), NULL
        FROM {T["hh"]} h JOIN {T["team"]} t ON t.id = h.team_id
        WHERE h.afgesloten_op >= %(van)s GROUP BY 1, 2""",
    # open at the end of the quarter: registered on or before, not closed by then
    "caseload": f"""
        WITH q AS (
            SELECT generate_series(%(van)s::date, %(tot)s::date, interval '3 months')::date AS b)
        SELECT t.wijk, to_char(q.b, {K}), 'caseload', '', count(*), NULL
        FROM q JOIN {T["hh"]} h
          ON h.aangemeld_op < (q.b + interval '3 months')
         AND (h.afgesloten_op IS NULL OR h.afgesloten_op >= (q.b + interval '3 months'))
        JOIN {T["team"]} t ON t.id = h.team_id
        GROUP BY 1, 2""",
    # a goal reached: its last change set it to "bereikt"
    "doelen_bereikt": f"""
        SELECT t.wijk, to_char(d.gewijzigd_op AT TIME ZONE {TZ}, {K}), 'doelen_bereikt', '',
               count(*), NULL
        FROM {T["doel"]} d JOIN {T["plan"]} p ON p.id = d.plan_id
        JOIN {T["hh"]} h ON h.id = p.huishouden_id JOIN {T["team"]} t ON t.id = h.team_id
        WHERE d.status = 'bereikt' AND d.gewijzigd_op >= %(van)s GROUP BY 1, 2""",
    "acties_wet": f"""
        SELECT t.wijk, to_char(a.startdatum, {K}), 'acties_wet', a.wet, count(*), NULL
        FROM {T["actie"]} a JOIN {T["doel"]} d ON d.id = a.doel_id
        JOIN {T["plan"]} p ON p.id = d.plan_id
        JOIN {T["hh"]} h ON h.id = p.huishouden_id JOIN {T["team"]} t ON t.id = h.team_id
        WHERE a.startdatum >= %(van)s GROUP BY 1, 2, 4""",
    # the provider: the organisation of the service on the sociale kaart when the action
    # links one (however its name was typed), else the name as typed
    "acties_aanbieder": f"""
        SELECT t.wijk, to_char(a.startdatum, {K}), 'acties_aanbieder',
               COALESCE(o.naam, a.uitvoerder_naam), count(*), NULL
        FROM {T["actie"]} a
        LEFT JOIN {T["dienst"]} s ON s.id = a.dienst_id
        LEFT JOIN {T["organisatie"]} o ON o.id = s.organisatie_id
        JOIN {T["doel"]} d ON d.id = a.doel_id
        JOIN {T["plan"]} p ON p.id = d.plan_id
        JOIN {T["hh"]} h ON h.id = p.huishouden_id JOIN {T["team"]} t ON t.id = h.team_id
        WHERE a.startdatum >= %(van)s AND a.uitvoerder = 'aanbieder' GROUP BY 1, 2, 4""",
    "maatwerk_aangevraagd": f"""
        SELECT t.wijk, to_char(m.aangemaakt_op AT TIME ZONE {TZ}, {K}), 'maatwerk_aangevraagd',
               '', count(*), sum(m.bedrag)
        FROM {T["mw"]} m JOIN {T["team"]} t ON t.id = m.team_id
        WHERE m.aangemaakt_op >= %(van)s GROUP BY 1, 2""",
    "maatwerk_besloten": f"""
        SELECT t.wijk, to_char(m.besloten_op AT TIME ZONE {TZ}, {K}), 'maatwerk_besloten',
               m.status, count(*), sum(m.bedrag)
        FROM {T["mw"]} m JOIN {T["team"]} t ON t.id = m.team_id
        WHERE m.besloten_op >= %(van)s AND m.status IN ('goedgekeurd', 'afgewezen')
        GROUP BY 1, 2, 4""",
    # spending against the budget, per budget year
    "besteed": f"""
        SELECT t.wijk, m.jaar::text, 'besteed', '', count(*), sum(m.bedrag)
        FROM {T["mw"]} m JOIN {T["team"]} t ON t.id = m.team_id
        WHERE m.status = 'goedgekeurd' GROUP BY 1, 2""",
    "budget": f"""
        SELECT t.wijk, b.jaar::text, 'budget', '', count(DISTINCT b.team_id), sum(b.bedrag)
        FROM {T["budget"]} b JOIN {T["team"]} t ON t.id = b.team_id GROUP BY 1, 2""",
    # per quarter, each member's latest scored assessment of a domain in that quarter
    "leefdomeinen": f"""
        WITH laatste AS (
            SELECT DISTINCT ON (b.lid_id, b.leefdomein_id, to_char(b.beoordeeld_op, {K}))
                   b.lid_id, b.leefdomein_id, to_char(b.beoordeeld_op, {K}) AS kw, b.score
            FROM {T["beoordeling"]} b
            WHERE b.beoordeeld_op >= %(van)s AND b.score IS NOT NULL
            ORDER BY b.lid_id, b.leefdomein_id, to_char(b.beoordeeld_op, {K}),
                     b.beoordeeld_op DESC, b.id DESC)
        SELECT t.wijk, l.kw, x.maat, dm.code, count(*), NULL
        FROM laatste l JOIN {T["lid"]} ld ON ld.id = l.lid_id
        JOIN {T["hh"]} h ON h.id = ld.huishouden_id JOIN {T["team"]} t ON t.id = h.team_id
        JOIN {T["domein"]} dm ON dm.id = l.leefdomein_id
        CROSS JOIN LATERAL (VALUES ('beoordeeld'), ('laag')) AS x(maat)
        WHERE x.maat = 'beoordeeld' OR l.score <= 2
        GROUP BY 1, 2, 3, 4""",
    # per household and outcome domain: the sum over its members of (latest score - first
    # score); households with a single assessment date on the domain are not counted
    "uitkomsten": f"""
        WITH per_lid AS (
            SELECT DISTINCT b.lid_id, b.leefdomein_id,
                first_value(b.score) OVER w AS eerste, last_value(b.score) OVER w AS laatste,
                count(*) OVER w AS n
            FROM {T["beoordeling"]} b
            JOIN {T["domein"]} dm ON dm.id = b.leefdomein_id
            WHERE b.score IS NOT NULL AND dm.code = ANY(%(domeinen)s)
            WINDOW w AS (PARTITION BY b.lid_id, b.leefdomein_id ORDER BY b.beoordeeld_op, b.id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)),
        per_hh AS (
            SELECT ld.huishouden_id, p.leefdomein_id, sum(p.laatste - p.eerste) AS verschil
            FROM per_lid p JOIN {T["lid"]} ld ON ld.id = p.lid_id
            WHERE p.n > 1 GROUP BY 1, 2)
        SELECT t.wijk, 'stand', 'uitkomst_' ||
               CASE WHEN x.verschil > 0 THEN 'verbeterd' WHEN x.verschil < 0 THEN 'verslechterd'
                    ELSE 'gelijk' END,
               dm.code, count(*), NULL
        FROM per_hh x JOIN {T["hh"]} h ON h.id = x.huishouden_id
        JOIN {T["team"]} t ON t.id = h.team_id JOIN {T["domein"]} dm ON dm.id = x.leefdomein_id
        GROUP BY 1, 3, 4""",
    # the sociale makelaar: matches by status now, proposed and started per quarter
    "matches": f"""
        SELECT t.wijk, 'stand', 'matches', m.status, count(*), NULL
        FROM {T["match"]} m JOIN {T["aanbod"]} a ON a.id = m.aanbod_id
        JOIN {T["team"]} t ON t.id = a.team_id GROUP BY 1, 4""",
    "matches_voorgesteld": f"""
        SELECT t.wijk, to_char(m.voorgesteld_op AT TIME ZONE {TZ}, {K}), 'matches_voorgesteld',
               '', count(*), NULL
        FROM {T["match"]} m JOIN {T["aanbod"]} a ON a.id = m.aanbod_id
        JOIN {T["team"]} t ON t.id = a.team_id WHERE m.voorgesteld_op >= %(van)s GROUP BY 1, 2""",
    "matches_actief": f"""
        SELECT t.wijk, to_char(m.actief_op AT TIME ZONE {TZ}, {K}), 'matches_actief',
               '', count(*), NULL
        FROM {T["match"]} m JOIN {T["aanbod"]} a ON a.id = m.aanbod_id
        JOIN {T["team"]} t ON t.id = a.team_id WHERE m.actief_op >= %(van)s GROUP BY 1, 2""",
}


def kwartaal_van(datum) -> str:
    return f"{datum.year}-K{(datum.month - 1) // 3 + 1}"


def kwartalen(tot, aantal: int) -> list[str]:
    """The `aantal` quarters up to and including the one of `tot`, oldest first."""
    jaar, k = tot.year, (tot.month - 1) // 3
    result = []
    for _ in range(aantal):
        result.append(f"{jaar}-K{k + 1}")
        k -= 1
        if k < 0:
            jaar, k = jaar - 1, 3
    return result[::-1]


def _begin(vandaag):
    """The first day of the oldest quarter aggregated."""
    jaar, maand = vandaag.year, ((vandaag.month - 1) // 3) * 3 + 1
    maanden = jaar * 12 + maand - 1 - 3 * (KWARTALEN_TERUG - 1)
    return vandaag.replace(year=maanden // 12, month=maanden % 12 + 1, day=1)


def _rijen(vandaag, extra: Iterable[tuple] = ()) -> list[tuple]:
    van = _begin(vandaag)
    params = {
        "van": van,
        "tot": vandaag.replace(month=((vandaag.month - 1) // 3) * 3 + 1, day=1),
        "domeinen": UITKOMST_DOMEINEN,
    }
    rijen: list[tuple] = []
    with connection.cursor() as cursor:
        for sql in QUERIES.values():
            cursor.execute(sql, params)
            rijen += cursor.fetchall()
    return rijen + list(extra)


def _met_totaal(rijen: list[tuple]) -> list[Wijkcijfer]:
    """The rows per wijk plus their sum over all wijken (what the beheerder sees)."""
    totaal: dict[tuple, list] = defaultdict(lambda: [0, None])
    cijfers = []
    for wijk, kwartaal, maat, categorie, aantal, bedrag in rijen:
        if kwartaal is None:
            continue
        cijfers.append(
            Wijkcijfer(
                wijk=wijk,
                kwartaal=kwartaal,
                maat=maat,
                categorie=categorie or "",
                aantal=aantal,
                bedrag=bedrag,
            )
        )
        som = totaal[(kwartaal, maat, categorie or "")]
        som[0] += aantal
        if bedrag is not None:
            som[1] = (som[1] or Decimal(0)) + bedrag
    cijfers += [
        Wijkcijfer(
            wijk=ALLE_WIJKEN,
            kwartaal=kwartaal,
            maat=maat,
            categorie=categorie,
            aantal=aantal,
            bedrag=bedrag,
        )
        for (kwartaal, maat, categorie), (aantal, bedrag) in totaal.items()
    ]
    return cijfers


def bereken(*, extra: Iterable[tuple] = ()) -> Wijkverversing:
    """Recompute the whole summary table (in one transaction: readers see the old figures
    until the new ones are complete). `extra` adds rows of this app's own data (matches)."""
    begonnen = timezone.now()
    cijfers = _met_totaal(_rijen(timezone.localdate(), extra))
    with transaction.atomic():
        Wijkcijfer.objects.all().delete()
        Wijkcijfer.objects.bulk_create(cijfers, batch_size=2000)
        return Wijkverversing.objects.create(
            begonnen_op=begonnen, klaar_op=timezone.now(), rijen=len(cijfers)
        )


WET_LABELS = dict(Financiering.choices)
