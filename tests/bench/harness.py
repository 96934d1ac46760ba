"""A reusable benchmark harness: server time of pages at several data sizes.

Not a timed test. A benchmark module (e.g. `tests/bench/bench_schermen.py`) declares
its scenarios as data and calls `main()`. For every size the harness

1. creates (or reuses) a separate benchmark database `<prefix>_<size>` on the same
   PostgreSQL server as the development database (never the dev or test database),
   migrates it and seeds it with `seed_demo --households <size>` (idempotent);
2. starts one worker process per size, bound to that database, which answers requests
   through Django's test client in-process against real PostgreSQL;
3. runs every scenario interleaved (scenario × size, round after round) so drift in
   the machine's load affects all figures alike; the warm-up rounds are discarded and
   their first round counts the queries;
4. prints p50/p95 per scenario and size and the ratio largest ÷ smallest size, and
   writes the figures as JSON (default `bench-results/`, git-ignored).

Usage: python -m tests.bench.bench_schermen [--smoke] [--sizes 1000 100000]
       [--samples 41] [--warmup 5] [--fresh] [--out DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

PROJECT_DIR = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Scenario:
    """One request to measure. `path` and `data` get the worker's context (a dict the
    benchmark module's `prepare` built after seeding) and the round number; they run
    before the clock starts, so looking up ids costs nothing in the figures."""

    naam: str
    path: Callable[[dict, int], str]
    method: str = "GET"
    data: Callable[[dict, int], dict] | None = None
    htmx: bool = False
    gebruiker: str = "professional.noord"
    omschrijving: str = ""
    # text every answer must contain (proves the request did what it should)
    verwacht: str = ""
    # the page the browser is on for an htmx request (default: the request's own path)
    pagina: Callable[[dict, int], str] | None = None


@dataclass
class Benchmark:
    naam: str
    scenarios: list[Scenario]
    prepare: Callable[[], dict]
    sizes: tuple[int, ...] = (1_000, 100_000)
    smoke_sizes: tuple[int, ...] = (20, 60)
    target_ratio: float = 1.5
    extra: dict[str, Any] = field(default_factory=dict)


# --- parent: databases, workers, interleaving, statistics ---------------------------------

# Targets for ratio (a), request time ÷ SQL replay time: pages, and htmx partials.
SQL_RATIO_PAGE = 3.0
SQL_RATIO_PARTIAL = 2.0


def base_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    sys.path.insert(0, str(PROJECT_DIR))
    from sociaaldomein import devdb

    return devdb.start()


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


# Every benchmark database starts as a copy of this one: migrated once (again on each
# use, a no-op when current), copied in a fraction of a second instead of migrating each
# database from scratch (some 14 s apiece on 2 cores).
SJABLOON = "eenplan_bench_sjabloon"
# A lock of this server's own: benchmarks that start at once (the smoke tests on two
# workers) take turns at the template.
SJABLOON_SLOT = 0x5E_B3_C4


def ensure_database(url: str, name: str, *, fresh: bool) -> None:
    """Create the benchmark database `name` (or keep it; `fresh` drops it first) as a
    copy of the migrated template."""
    import psycopg

    admin = with_database(url, "postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", [SJABLOON_SLOT])  # until disconnected
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            _migrate_template(conn, url)
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{SJABLOON}"')


def _migrate_template(conn, url: str) -> None:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [SJABLOON]).fetchone():
        conn.execute(f'CREATE DATABASE "{SJABLOON}"')
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=PROJECT_DIR,
        env=worker_env(with_database(url, SJABLOON)),
        check=True,
        stdout=sys.stderr,
    )


def worker_env(url: str) -> dict:
    """The environment of a process on a benchmark database."""
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "sociaaldomein.settings",
        # In-process test client: no TLS redirect, the test host allowed, plain
        # static file storage (no collectstatic manifest). DEBUG stays off, so no
        # query log slows the figures down.
        "TESTING": "true",
        "DEBUG": "false",
        "HTTPS": "false",
        "ALLOWED_HOSTS": "testserver",
        "PYTHONHASHSEED": "0",
        # no N+1 detector in the measured process (it records every query's stack)
        "ZEAL": "false",
    }


class Worker:
    """A process bound to one benchmark database, speaking JSON lines."""

    def __init__(self, module: str, size: int, url: str):
        env = worker_env(url)
        self.size = size
        self.proc = subprocess.Popen(
            [sys.executable, "-m", module, "--worker", str(size)],
            cwd=PROJECT_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def ask(self, **message) -> dict:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps(message) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"worker voor {self.size} is gestopt (zie de uitvoer hierboven)")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"worker voor {self.size}: {answer['error']}")
        return answer

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, BrokenPipeError, OSError):
            self.ask(cmd="quit")
        self.proc.wait(timeout=30)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0–100) of at least one value."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def run(benchmark: Benchmark, module: str, argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=f"Benchmark {benchmark.naam}")
    parser.add_argument("--smoke", action="store_true", help="klein: weinig data en metingen")
    parser.add_argument("--sizes", type=int, nargs="+", help="aantallen huishoudens")
    parser.add_argument("--samples", type=int, help="metingen per scenario en grootte (≥ 31)")
    parser.add_argument("--warmup", type=int, help="opwarmrondes (niet meegeteld)")
    parser.add_argument("--fresh", action="store_true", help="benchmarkdatabases opnieuw maken")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench-results")
    parser.add_argument("--prefix", default=None, help="naam van de benchmarkdatabases")
    args = parser.parse_args(argv)

    sizes = tuple(args.sizes or (benchmark.smoke_sizes if args.smoke else benchmark.sizes))
    samples = args.samples or (5 if args.smoke else 41)
    # at least one warm-up round: its first round counts the queries, untimed
    warmup = max(1, args.warmup if args.warmup is not None else (1 if args.smoke else 5))
    prefix = args.prefix or ("eenplan_bench_smoke" if args.smoke else "eenplan_bench")
    url = base_url()
    if urlsplit(url).path.strip("/") in {f"{prefix}_{size}" for size in sizes}:
        raise SystemExit("De benchmark draait nooit op de ontwikkel- of testdatabase.")

    workers: dict[int, Worker] = {}
    setup: dict[int, dict] = {}
    try:
        for size in sizes:
            name = f"{prefix}_{size}"
            ensure_database(url, name, fresh=args.fresh)
            print(f"==> {name}: migreren en {size} huishoudens laden …", flush=True)
            workers[size] = Worker(module, size, with_database(url, name))
            setup[size] = workers[size].ask(cmd="setup")
            print(f"    klaar in {setup[size]['seconden']:.1f} s", flush=True)

        times: dict[tuple[str, int], list[float]] = {}
        queries: dict[tuple[str, int], int] = {}
        statuses: dict[tuple[str, int], set[int]] = {}
        replays: dict[tuple[str, int], list[float]] = {}
        for ronde in range(warmup + samples):
            for scenario in benchmark.scenarios:
                for size in sizes:
                    answer = workers[size].ask(
                        cmd="run", scenario=scenario.naam, ronde=ronde, tel=ronde == 0
                    )
                    key = (scenario.naam, size)
                    statuses.setdefault(key, set()).add(answer["status"])
                    if not answer["ok"]:
                        raise RuntimeError(
                            f"{scenario.naam} bij {size}: het antwoord bevat niet "
                            f"{scenario.verwacht!r}"
                        )
                    if ronde == 0:
                        queries[key] = answer["queries"]
                    if ronde >= warmup:
                        times.setdefault(key, []).append(answer["ms"])
                        if answer.get("sql_ms") is not None:
                            replays.setdefault(key, []).append(answer["sql_ms"])
    finally:
        for worker in workers.values():
            worker.close()

    report = _report(benchmark, sizes, samples, warmup, times, queries, statuses, setup, replays)
    _print(report)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    slug = benchmark.naam + ("-smoke" if args.smoke else "")
    for path in (args.out / f"{slug}-{stamp}.json", args.out / f"{slug}-latest.json"):
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nCijfers geschreven naar {args.out / f'{slug}-latest.json'}")
    return report


def _report(benchmark, sizes, samples, warmup, times, queries, statuses, setup, replays) -> dict:
    small, large = min(sizes), max(sizes)
    scenarios = []
    for scenario in benchmark.scenarios:
        per_size = {}
        for size in sizes:
            key = (scenario.naam, size)
            values = times[key]
            per_size[str(size)] = {
                "p50_ms": round(percentile(values, 50), 2),
                "p95_ms": round(percentile(values, 95), 2),
                "mean_ms": round(statistics.fmean(values), 2),
                "min_ms": round(min(values), 2),
                "max_ms": round(max(values), 2),
                "queries": queries[key],
                "status": sorted(statuses[key]),
            }
            # ratio (a): request time ÷ the same SQL replayed on the same connection
            if replays.get(key):
                sql_p50 = percentile(replays[key], 50)
                per_size[str(size)]["sql_p50_ms"] = round(sql_p50, 2)
                per_size[str(size)]["ratio_sql"] = round(per_size[str(size)]["p50_ms"] / sql_p50, 2)
            else:
                per_size[str(size)]["sql_p50_ms"] = per_size[str(size)]["ratio_sql"] = None
        doel_sql = SQL_RATIO_PARTIAL if scenario.htmx else SQL_RATIO_PAGE
        sql_ratios = [
            cell["ratio_sql"] for cell in per_size.values() if cell["ratio_sql"] is not None
        ]
        p50_ratio = per_size[str(large)]["p50_ms"] / per_size[str(small)]["p50_ms"]
        p95_ratio = per_size[str(large)]["p95_ms"] / per_size[str(small)]["p95_ms"]
        scenarios.append(
            {
                "naam": scenario.naam,
                "omschrijving": scenario.omschrijving,
                "method": scenario.method,
                "htmx": scenario.htmx,
                "per_grootte": per_size,
                "ratio_p50": round(p50_ratio, 2),
                "ratio_p95": round(p95_ratio, 2),
                "binnen_doel": p50_ratio <= benchmark.target_ratio,
                "doel_ratio_sql": doel_sql,
                "binnen_doel_sql": bool(sql_ratios) and max(sql_ratios) <= doel_sql,
            }
        )
    return {
        "benchmark": benchmark.naam,
        "datum": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpu": os.cpu_count()},
        "groottes": list(sizes),
        "metingen": samples,
        "opwarmrondes": warmup,
        "doel_ratio": benchmark.target_ratio,
        "seed_seconden": {str(size): round(setup[size]["seconden"], 1) for size in sizes},
        "context": {str(size): setup[size]["context"] for size in sizes},
        "scenarios": scenarios,
    }


def _print(report: dict) -> None:
    sizes = report["groottes"]
    small, large = min(sizes), max(sizes)
    print(
        f"\nBenchmark {report['benchmark']}: {report['metingen']} metingen per cel, "
        f"{report['opwarmrondes']} opwarmrondes weggelaten, afwisselend uitgevoerd"
    )
    header = f"{'scenario':<24}" + "".join(
        f"{f'p50@{s}':>11}{f'p95@{s}':>11}{f'q@{s}':>7}{f'÷sql@{s}':>12}" for s in sizes
    )
    header += f"{f'{large}/{small} p50':>16}{'p95':>7}"
    print(header)
    print("-" * len(header))
    for scenario in report["scenarios"]:
        naam = scenario["naam"] + (" (htmx)" if scenario["htmx"] else "")
        line = f"{naam:<24}"
        for size in sizes:
            cell = scenario["per_grootte"][str(size)]
            ratio = "–" if cell["ratio_sql"] is None else f"{cell['ratio_sql']:.2f}"
            line += f"{cell['p50_ms']:>9.1f}ms{cell['p95_ms']:>9.1f}ms{cell['queries']:>7}"
            line += f"{ratio:>12}"
        marks = []
        if not scenario["binnen_doel"]:
            marks.append("groei boven doel")
        if not scenario["binnen_doel_sql"]:
            marks.append(f"÷sql boven {scenario['doel_ratio_sql']:g}")
        line += f"{scenario['ratio_p50']:>16.2f}{scenario['ratio_p95']:>7.2f}"
        print(line + (f"  ({', '.join(marks)})" if marks else ""))
    print(
        f"Doelen: {large}/{small} p50 ≤ {report['doel_ratio']}; ÷sql (verzoek ÷ dezelfde SQL "
        f"opnieuw op dezelfde verbinding) ≤ {SQL_RATIO_PAGE:g} voor pagina's, "
        f"≤ {SQL_RATIO_PARTIAL:g} voor htmx-partials."
    )


# --- worker: one database, the Django test client -----------------------------------------


def worker(benchmark: Benchmark, size: int) -> None:
    """Answer the parent's commands on the original stdout; everything Django prints goes
    to stderr so the protocol stays clean."""
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from sociaaldomein.models import User

    scenarios = {scenario.naam: scenario for scenario in benchmark.scenarios}
    clients: dict[str, Client] = {}
    context: dict = {}

    sql: dict[str, list[str]] = {}

    def replay(statements: list[str] | None) -> float | None:
        """Time the SQL the request sent (as recorded in the counting round, parameters
        bound) on the same connection, straight through psycopg, in a transaction that
        is rolled back: what the database alone costs, without Django around it."""
        if not statements:
            return None
        connection.ensure_connection()
        raw = connection.connection
        start = time.perf_counter()
        try:
            with raw.transaction(force_rollback=True), raw.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement.encode())
        except Exception:  # a write that cannot be repeated: no replay figure
            return None
        return (time.perf_counter() - start) * 1000

    def answer(**message) -> None:
        protocol.write(json.dumps(message, default=str) + "\n")

    for line in sys.stdin:
        message = json.loads(line)
        try:
            if message["cmd"] == "quit":
                answer(ok=True)
                return
            if message["cmd"] == "setup":
                started = time.monotonic()
                call_command("migrate", verbosity=0, interactive=False)
                call_command("seed_demo", households=size, password="bench-only-password")
                context = benchmark.prepare()
                answer(ok=True, seconden=time.monotonic() - started, context=context)
                continue
            scenario = scenarios[message["scenario"]]
            client = clients.get(scenario.gebruiker)
            if client is None:
                client = clients[scenario.gebruiker] = Client()
                client.force_login(User.objects.get(username=scenario.gebruiker))
                # A session's first request writes it (start, last activity): that belongs
                # to no screen, so it happens here, before any request is counted.
                client.get("/")
            ronde = message["ronde"]
            path = scenario.path(context, ronde)
            data = scenario.data(context, ronde) if scenario.data else None
            pagina = scenario.pagina(context, ronde) if scenario.pagina else path
            headers = {"HX-Request": "true", "HX-Current-URL": f"http://testserver{pagina}"}
            kwargs = {"headers": headers} if scenario.htmx else {}
            call = client.post if scenario.method == "POST" else client.get
            count = None
            sql_ms = None
            if message.get("tel"):
                with CaptureQueriesContext(connection) as queries:
                    response = call(path, data, **kwargs)
                count = len(queries)
                sql[scenario.naam] = [query["sql"] for query in queries.captured_queries]
                elapsed = None
            else:
                start = time.perf_counter()
                response = call(path, data, **kwargs)
                elapsed = (time.perf_counter() - start) * 1000
                sql_ms = replay(sql.get(scenario.naam))
            inhoud_ok = not scenario.verwacht or scenario.verwacht in response.text
            answer(
                ms=elapsed,
                sql_ms=sql_ms,
                queries=count,
                status=response.status_code,
                ok=inhoud_ok,
            )
        except Exception as error:  # report to the parent instead of hanging it
            answer(error=f"{type(error).__name__}: {error}")
            return


def main(benchmark: Benchmark, module: str) -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        worker(benchmark, int(sys.argv[2]))
        return
    run(benchmark, module)
