"""The screens of issue 14 alone (toets step 1, page and partial; the lead's inbox, page
and partial), for a quicker look than the whole `make bench`:

    python -m tests.bench.bench_14b --sizes 1000 10000 --samples 11

Two header counters come along as the floor: `meldingen-teller` (the session and the
user, whose query carries the count: what any signed-in htmx request costs here before
its view does anything) and `maatwerk-teller` (the same plus one count query).
"""

from __future__ import annotations

from tests.bench.bench_schermen import SCHERMEN
from tests.bench.harness import Benchmark, main

NAMEN = {
    "toets-stap1",
    "toets-stap1-partial",
    "maatwerk-inbox",
    "maatwerk-inbox-partial",
    "maatwerk-teller",
    "meldingen-teller",
}

SCHERMEN_14 = Benchmark(
    **{
        **SCHERMEN.__dict__,
        "naam": "Schermen van issue 14",
        "scenarios": [s for s in SCHERMEN.scenarios if s.naam in NAMEN],
    }
)

if __name__ == "__main__":
    main(SCHERMEN_14, "tests.bench.bench_14b")
