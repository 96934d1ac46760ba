"""Benchmark of vroegsignalering (issue 17), joined to `make bench`.

In two separate benchmark databases (never the dev or test database) it loads 1 000 and
100 000 signals (half of them closed with an outcome, spread over two teams), and then
measures, interleaved round after round with the warm-up rounds discarded:

- import: a partner's CSV file of 10 000 rows checked row by row and imported (the path
  of the upload screen without HTTP: `check_upload` + `import_upload`, matching and
  grouping included); the rows are removed again after each round, outside the clock;
- queue: the work queue page of Wijkteam Noord as its professional (test client,
  in-process, real PostgreSQL), with its number of queries.

Targets: import ≤ 10 s; queue p95 ≤ 150 ms at 100 000 signals; the same number of
queries at both sizes; p95 ratio 100 000 ÷ 1 000 ≤ 1.5. Prints a table and writes JSON to
bench-results/vroegsignalering-latest.json.

Usage: python -m tests.bench.bench_vroegsignalering [--smoke] [--samples 41] [--warmup 3]
       [--fresh] [--out DIR]
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from tests.bench.harness import (
    PROJECT_DIR,
    Worker,
    base_url,
    ensure_database,
    percentile,
    with_database,
)

MODULE = "tests.bench.bench_vroegsignalering"
DOEL_IMPORT_S = 10.0
DOEL_P95_S = 0.150
DOEL_RATIO = 1.5


def run(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="Benchmark van vroegsignalering")
    parser.add_argument("--smoke", action="store_true", help="klein: 200 en 1 000 signalen")
    parser.add_argument("--samples", type=int, help="metingen van de wachtrij (standaard 41)")
    parser.add_argument("--warmup", type=int, help="opwarmrondes (standaard 3)")
    parser.add_argument("--fresh", action="store_true", help="benchmarkdatabases opnieuw maken")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench-results")
    args, _ = parser.parse_known_args(argv)
    sizes = (200, 1_000) if args.smoke else (1_000, 100_000)
    rows = 1_000 if args.smoke else 10_000
    samples = args.samples or (3 if args.smoke else 41)
    warmup = max(1, args.warmup if args.warmup is not None else (1 if args.smoke else 3))
    prefix = "eenplan_bench_smoke_vroeg" if args.smoke else "eenplan_bench_vroeg"
    url = base_url()
    workers = {}
    try:
        for size in sizes:
            name = f"{prefix}_{size}"
            if urlsplit(url).path.strip("/") == name:
                raise SystemExit("De benchmark draait nooit op de ontwikkel- of testdatabase.")
            ensure_database(url, name, fresh=args.fresh)
            print(f"==> {name}: migreren en {size} signalen laden …", flush=True)
            workers[size] = Worker(MODULE, size, with_database(url, name))
            setup = workers[size].ask(cmd="setup")
            print(f"    klaar in {setup['seconden']:.1f} s", flush=True)
        queue = {size: [] for size in sizes}
        queries = {}
        imports = []
        for ronde in range(warmup + samples):
            for size in sizes:
                answer = workers[size].ask(cmd="queue")
                queries.setdefault(size, answer["queries"])
                if ronde >= warmup:
                    queue[size].append(answer["s"])
            if ronde >= warmup and len(imports) < (2 if args.smoke else 5):
                imports.append(workers[sizes[0]].ask(cmd="import", rows=rows))
            print(f"    ronde {ronde + 1}/{warmup + samples}", flush=True)
    finally:
        for worker in workers.values():
            worker.close()
    report = _report(sizes, rows, queue, queries, imports, samples, warmup, args.smoke)
    _print(report)
    args.out.mkdir(parents=True, exist_ok=True)
    slug = "vroegsignalering" + ("-smoke" if args.smoke else "")
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for path in (args.out / f"{slug}-{stamp}.json", args.out / f"{slug}-latest.json"):
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nCijfers geschreven naar {args.out / f'{slug}-latest.json'}")
    return report


def _report(sizes, rows, queue, queries, imports, samples, warmup, smoke) -> dict:
    klein, groot = sizes
    p95 = {size: percentile(queue[size], 95) for size in sizes}
    import_s = [answer["s"] for answer in imports]
    return {
        "benchmark": "vroegsignalering",
        "smoke": smoke,
        "datum": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpu": os.cpu_count()},
        "metingen": samples,
        "opwarmrondes": warmup,
        "import": {
            "rijen": rows,
            "p50_s": round(percentile(import_s, 50), 2),
            "max_s": round(max(import_s), 2),
            "nieuw": imports[0]["nieuw"],
            "doel_s": DOEL_IMPORT_S,
        },
        "wachtrij": {
            str(size): {
                "p50_s": round(percentile(queue[size], 50), 4),
                "p95_s": round(p95[size], 4),
                "queries": queries[size],
            }
            for size in sizes
        },
        "ratio_p95": round(p95[groot] / p95[klein], 2),
        "queries_gelijk": queries[klein] == queries[groot],
        "doelen": {"p95_s": DOEL_P95_S, "ratio": DOEL_RATIO},
        "gehaald": {
            "import": max(import_s) <= DOEL_IMPORT_S,
            "p95": p95[groot] <= DOEL_P95_S,
            "ratio": p95[groot] / p95[klein] <= DOEL_RATIO,
            "queries": queries[klein] == queries[groot],
        },
    }


def _print(report: dict) -> None:
    imp = report["import"]
    print(f"\nImport van {imp['rijen']} rijen: p50 {imp['p50_s']} s, max {imp['max_s']} s "
          f"(doel ≤ {imp['doel_s']} s)")  # fmt: skip
    print(f"{'signalen':>10} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for size, cijfers in report["wachtrij"].items():
        print(f"{size:>10} {cijfers['p50_s'] * 1000:>8.1f} {cijfers['p95_s'] * 1000:>8.1f} "
              f"{cijfers['queries']:>8}")  # fmt: skip
    print(f"ratio p95: {report['ratio_p95']} (doel ≤ {DOEL_RATIO}); gehaald: {report['gehaald']}")


# --- worker ------------------------------------------------------------------------------


def _csv(rows: int, ronde: int) -> str:
    from tests.vroegsignalering.factories import KOP

    regels = [KOP]
    for n in range(rows):
        bsn = ""  # address only: the slower match
        if n % 2 == 0:
            bsn = _bsn(300_000_000 + ronde * 50_000 + n)
        regels.append(
            f"B{ronde}-{n};{bsn};Jansen;J.;01-01-1980;Dijkweg;{n % 300 + 1};"
            f"{7411 + n % 8} {'AB' if n % 3 else 'CD'};Voorbeeldstad;{100 + n % 900},50;"
            f"01-08-2026;01-11-2026;{'ja' if n % 9 == 0 else 'nee'};nee"
        )
    return "\n".join(regels)


def _bsn(start: int) -> str:
    from huishoudens.validators import is_valid_bsn

    while not is_valid_bsn(f"{start:09d}"):
        start += 1
    return f"{start:09d}"


def _seed(size: int, team_ids: list[int]) -> None:
    """`size` signals, half of them closed, spread over the teams (bulk)."""
    from django.utils import timezone

    from tests.vroegsignalering.factories import rij
    from vroegsignalering.models import Partnerorganisatie, Vroegsignaal, Vroegsignaalzaak
    from vroegsignalering.services import bewaar_signalen

    partner, _ = Partnerorganisatie.objects.get_or_create(
        naam="Bench Woonstichting", defaults={"soort": "woningcorporatie"}
    )
    bestaand = Vroegsignaal.objects.filter(partner=partner).count()
    vandaag = timezone.localdate()
    for start in range(bestaand, size, 10_000):
        for index, team_id in enumerate(team_ids):
            rijen = [
                rij(f"S{n}", huisnummer=str(n), crisis=n % 11 == 0,
                    signaaldatum=vandaag - datetime.timedelta(days=n % 150),
                    achterstand_sinds=vandaag - datetime.timedelta(days=n % 150 + 30))
                for n in range(start, min(size, start + 10_000))
                if n % len(team_ids) == index
            ]  # fmt: skip
            bewaar_signalen(partner=partner, rijen=rijen, standaard_team_id=team_id)
    if not Vroegsignaalzaak.objects.filter(status="afgerond").exists():
        ids = list(Vroegsignaalzaak.objects.order_by("id").values_list("id", flat=True))
        Vroegsignaalzaak.objects.filter(pk__in=ids[::2]).update(
            status="afgerond", eindresultaat="niet_bereikt", afgerond_op=vandaag
        )


def worker(size: int) -> None:
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from sociaaldomein.models import Team, User
    from vroegsignalering.models import Partnerorganisatie, Vroegsignaal, Vroegsignaalzaak
    from vroegsignalering.services import intake

    state: dict = {"ronde": 0}

    def answer(**message) -> None:
        protocol.write(json.dumps(message, default=str) + "\n")

    def setup() -> dict:
        started = time.monotonic()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("seed_demo", households=0, password="bench-only-password")
        teams = list(Team.objects.order_by("naam"))
        noord = next(team for team in teams if team.wijk == "Noord")
        _seed(size, [team.pk for team in teams])
        state["client"] = Client()
        state["user"] = User.objects.get(username="professional.noord")
        state["client"].force_login(state["user"])
        state["url"] = f"/vroegsignalering/team/{noord.pk}/"
        state["noord"] = noord
        state["import_team"], _ = Team.objects.get_or_create(naam="Bench import", wijk="Bench")
        state["import_team"].leden.add(state["user"])
        state["user"] = User.objects.get(pk=state["user"].pk)  # fresh team ids
        return {"seconden": time.monotonic() - started}

    def queue() -> dict:
        gc.collect()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = state["client"].get(state["url"])
            seconds = time.perf_counter() - start
        assert response.status_code == 200, response.status_code
        return {"s": seconds, "queries": len(queries)}

    def importeer(rows: int) -> dict:
        state["ronde"] += 1
        partner, _ = Partnerorganisatie.objects.get_or_create(
            naam="Bench Energie", defaults={"soort": "energie"}
        )
        bestand = SimpleUploadedFile("bench.csv", _csv(rows, state["ronde"]).encode())
        gc.collect()
        start = time.perf_counter()
        aanlevering = intake.check_upload(
            partner=partner, team=state["import_team"], bestand=bestand, door=state["user"]
        )
        resultaat = intake.import_upload(
            aanlevering=aanlevering, door=state["user"], alleen_geldig=False
        )
        seconds = time.perf_counter() - start
        # remove what this round added (outside the clock): the sizes stay as they are
        Vroegsignaal.objects.filter(partner=partner).delete()
        Vroegsignaalzaak.objects.filter(signalen__isnull=True).delete()
        return {"s": seconds, "nieuw": resultaat.nieuw}

    for line in sys.stdin:
        message = json.loads(line)
        try:
            if message["cmd"] == "quit":
                answer(ok=True)
                return
            if message["cmd"] == "setup":
                answer(**setup())
            elif message["cmd"] == "queue":
                answer(**queue())
            elif message["cmd"] == "import":
                answer(**importeer(message["rows"]))
        except Exception as error:  # report to the parent instead of hanging it
            answer(error=f"{type(error).__name__}: {error}")
            return


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        worker(int(sys.argv[2]))
        return
    run()


if __name__ == "__main__":
    main()
