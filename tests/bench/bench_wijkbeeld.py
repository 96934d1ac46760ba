"""Benchmark of the Wijkbeeld (issue 18) at 1 000 and 100 000 households (`make bench`).

The dashboard reads the summary table `Wijkcijfer` (a few hundred rows per wijk), so its
time must not grow with the number of households: target p95 ≤ 300 ms at 100 000, and
the same number of queries at every size. `prepare` also times the background refresh
(`wijk.cijfers.bereken`) on the seeded database and prints it (how stale the figures can
get is that time plus the refresh interval). Harness: tests/bench/harness.py.

Usage: python -m tests.bench.bench_wijkbeeld [--smoke] [--sizes 1000 100000] [--samples 41]
"""

from __future__ import annotations

import sys
import time

from tests.bench.harness import Benchmark, Scenario, main


def prepare() -> dict:
    from wijk.cijfers import bereken

    start = time.perf_counter()
    verversing = bereken()
    duur = time.perf_counter() - start
    print(f"  verversing wijkbeeld: {duur:.1f} s, {verversing.rijen} cijfers", file=sys.stderr)
    return {"verversing_s": round(duur, 2)}


WIJKBEELD = Benchmark(
    naam="wijkbeeld",
    prepare=prepare,
    scenarios=[
        Scenario(
            naam="wijkbeeld",
            path=lambda c, r: "/wijk/",
            gebruiker="teamleider.noord",
            omschrijving="Wijkbeeld Noord, laatste 4 kwartalen: kerncijfers en 7 grafieken",
            verwacht="Huishoudens per kwartaal",
        ),
        Scenario(
            naam="wijkbeeld-12k",
            path=lambda c, r: "/wijk/?wijk=Noord&periode=12",
            htmx=True,
            gebruiker="teamleider.noord",
            omschrijving="Wijkbeeld Noord, 12 kwartalen, als htmx-partial (de kiezer)",
            verwacht="Huishoudens per kwartaal",
        ),
        Scenario(
            naam="wijkbeeld-csv",
            path=lambda c, r: "/wijk/wijkbeeld.csv?wijk=Noord&periode=8",
            gebruiker="teamleider.noord",
            omschrijving="De cijfers als CSV",
            verwacht="Kerncijfers",
        ),
        Scenario(
            naam="wijkbeeld-beheerder",
            path=lambda c, r: "/wijk/",
            gebruiker="beheerder",
            omschrijving="Alle wijken samen (de beheerder)",
            verwacht="Alle wijken",
        ),
    ],
)

if __name__ == "__main__":
    main(WIJKBEELD, "tests.bench.bench_wijkbeeld")
