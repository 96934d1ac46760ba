"""Benchmark: sociale-kaart search at 2 000 services (target p95 ≤ 50 ms).

Not a timed test. Creates (or reuses) the database `bench_socialekaart` on the dev
server (never the dev or test database), migrates it, fills it with 2 000 generated
services (mixed names, descriptions, domains, wijken, ages, laws), then times
`socialekaart.selectors.zoek_diensten` — the page's whole read — for a mix of queries:
full text, a typo (trigram), filters, and both. Prints p50/p95 per query and overall.

Usage: python -m tests.bench.bench_socialekaart [--services 2000] [--samples 41] [--fresh]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

from tests.bench.harness import PROJECT_DIR, base_url, ensure_database, percentile, with_database

NAAM = "bench_socialekaart"
WOORDEN = [
    "schuldhulp",
    "budgetcoaching",
    "voedselbank",
    "maatje",
    "opvoedondersteuning",
    "dagbesteding",
    "huishoudelijke hulp",
    "jongerenwerk",
    "taalhuis",
    "mantelzorg",
    "rouwverwerking",
    "verslavingszorg",
    "sportcoach",
    "buurthuis",
    "formulierenhulp",
    "thuisadministratie",
    "gezinsbegeleiding",
    "werkcoach",
    "woonbegeleiding",
    "inloop",
]
VRAGEN = [
    ("tekst", {"q": "schulden"}),
    ("tekst+filters", {"q": "opvoeden", "wijk": "Zuid", "leeftijd": 35}),
    ("typfout", {"q": "voedselbnk"}),
    ("domein", {"domein": "financien"}),
    ("wet+leeftijd", {"wet": "wmo", "leeftijd": 70}),
    ("alles", {}),
]


def _vul(aantal: int) -> None:
    from huishoudens.models import Leefdomein
    from socialekaart.models import Dienst, Locatie, Organisatie, Wet

    if Dienst.objects.count() >= aantal:
        return
    rng = random.Random(16)
    domeinen = list(Leefdomein.objects.all())
    orgs = [Organisatie.objects.get_or_create(naam=f"Bench-organisatie {i}")[0] for i in range(100)]
    locaties = [
        Locatie.objects.create(
            organisatie=org, naam="Locatie", wijk=rng.choice(["Noord", "Zuid", "Centrum", "Oost"])
        )
        for org in orgs
    ]
    diensten = []
    for i in range(Dienst.objects.count(), aantal):
        woord = rng.choice(WOORDEN)
        van = rng.choice([None, 0, 4, 12, 18, 65])
        diensten.append(
            Dienst(
                organisatie=orgs[i % 100],
                locatie=locaties[i % 100],
                naam=f"{woord.capitalize()} {i}",
                beschrijving=f"Hulp bij {woord} en {rng.choice(WOORDEN)}; voor wie vastloopt met "
                f"{rng.choice(['schulden', 'opvoeden', 'eenzaamheid', 'werk', 'wonen'])}.",
                voorwaarden="Voor inwoners van Voorbeeldstad.",
                leeftijd_min=van,
                leeftijd_max=None if van is None or van >= 18 else van + 14,
                wetten=[rng.choice(Wet.values)],
                voorliggend=rng.random() < 0.4,
            )
        )
    Dienst.objects.bulk_create(diensten, batch_size=500)  # the trigger fills zoekvector
    koppel = Dienst.leefdomeinen.through
    koppel.objects.bulk_create(
        [
            koppel(dienst_id=d.pk, leefdomein_id=rng.choice(domeinen).pk)
            for d in Dienst.objects.all()
        ],
        ignore_conflicts=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=2000)
    parser.add_argument("--samples", type=int, default=41)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    url = base_url()
    ensure_database(url, NAAM, fresh=args.fresh)
    os.environ["DATABASE_URL"] = with_database(url, NAAM)
    sys.path.insert(0, str(PROJECT_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sociaaldomein.settings")
    # as the harness's workers: DEBUG off (no query log), no N+1 detector
    os.environ.update({"DEBUG": "false", "TESTING": "true", "HTTPS": "false", "ZEAL": "false"})
    os.environ.setdefault("SECRET_KEY", "bench-socialekaart-" + "x" * 40)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    _vul(args.services)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE socialekaart_dienst")
    from socialekaart.models import Dienst
    from socialekaart.selectors import zoek_diensten

    print(f"Sociale kaart: {Dienst.objects.count()} diensten, {args.samples} metingen per vraag")
    alle: list[float] = []
    # CPU time of this process alone: on a shared, loaded machine the wall-clock figures
    # include waiting for a core; the CPU time shows what the search itself costs here
    # (the database's part is wall-clock on the server and not included in it).
    cpu_tijden: list[float] = []
    tijden: dict[str, list[float]] = {naam: [] for naam, _ in VRAGEN}
    for ronde in range(args.samples + 3):
        for naam, vraag in VRAGEN:
            start, cpu = time.perf_counter(), time.process_time()
            zoek_diensten(vraag)
            duur = (time.perf_counter() - start) * 1000
            if ronde >= 3:
                cpu_tijden.append((time.process_time() - cpu) * 1000)
            if ronde >= 3:  # warm-up
                tijden[naam].append(duur)
                alle.append(duur)

    def regel(naam: str, waarden: list[float]) -> str:
        p50, p95 = statistics.median(waarden), percentile(waarden, 95)
        return f"  {naam:15} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms"

    for naam, waarden in tijden.items():
        print(regel(naam, waarden))
    oordeel = "ja" if percentile(alle, 95) <= 50 else "NEE"
    print(f"{regel('alle vragen', alle)}   (doel p95 ≤ 50 ms: {oordeel})")
    print(f"{regel('CPU van Python', cpu_tijden)}   (belasting: {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
