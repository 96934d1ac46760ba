"""Resilience: restart PostgreSQL while gunicorn serves a bounded load (`make chaos`).

What must hold (issue "Proof of quality", resilience):
- during the outage requests fail fast with the friendly 503 page, never a 500;
- once the database is back every request succeeds again, without restarting the app.

The script uses a scratch database `eenplan_chaos` on the project-local cluster (it
restarts that cluster, so it refuses to run against DATABASE_URL), serves the app with
gunicorn (2 workers, 4 threads) on a free port, logs in as a demo professional, and keeps
8 clients busy on a realistic mix while it stops the cluster for a few seconds.
Prints a table and writes bench-results/chaos.json.

    python tests/bench/chaos.py [--seconds 20] [--outage 4] [--clients 8]
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sociaaldomein import devdb  # noqa: E402

DATABASE = "eenplan_chaos"
PASSWORD = "chaos-demo-wachtwoord"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _psql(sql: str) -> None:
    port = (devdb.PGROOT / "port").read_text().strip()
    bindir = devdb.find_bindir()
    subprocess.run(
        [
            str(bindir / "psql"),
            "-h",
            "127.0.0.1",
            "-p",
            port,
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-qc",
            sql,
        ],
        check=True,
        capture_output=True,
    )


def _pg_ctl(action: str) -> None:
    bindir = devdb.find_bindir()
    cmd = [str(bindir / "pg_ctl"), action, "-D", str(devdb.PGROOT / "data"), "-w", "-m", "fast"]
    if action == "start":
        cmd = [
            str(bindir / "pg_ctl"),
            "start",
            "-D",
            str(devdb.PGROOT / "data"),
            "-w",
            "-l",
            str(devdb.PGROOT / "data" / "server.log"),
        ]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    subprocess.run(cmd, check=True, capture_output=True)


class Session:
    """A logged-in browser-like client (cookies, CSRF) over plain HTTP."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def login(self, username: str) -> None:
        html = self.opener.open(f"{self.base}/accounts/login/", timeout=10).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = urllib.parse.urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(
            f"{self.base}/accounts/login/", data=data, headers={"Referer": f"{self.base}/"}
        )
        self.opener.open(request, timeout=10).read()

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def _load(
    port: int, cookie: str, paths: list[str], stop: threading.Event, results: list, t0: float
):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    i = 0
    while not stop.is_set():
        path = paths[i % len(paths)]
        i += 1
        started = time.monotonic()
        try:
            conn.request("GET", path, headers={"Cookie": cookie})
            response = conn.getresponse()
            body = response.read()
            status = response.status
            friendly = b"even niet beschikbaar" in body or b'"unavailable"' in body
        except (OSError, http.client.HTTPException):
            status, friendly = 0, False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        results.append((started - t0, time.monotonic() - started, status, friendly, path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--outage", type=float, default=4)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    if os.environ.get("DATABASE_URL"):
        print("chaos: draait alleen op de lokale cluster (zonder DATABASE_URL)", file=sys.stderr)
        return 2

    devdb.start()
    _psql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    _psql(f'CREATE DATABASE "{DATABASE}"')
    port_pg = (devdb.PGROOT / "port").read_text().strip()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port_pg}/{DATABASE}",
        "DEBUG": "false",
        "HTTPS": "false",
        "SECRET_KEY": "chaos-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [
            python,
            "manage.py",
            "seed_demo",
            "--force",
            "--households",
            "200",
            "--password",
            PASSWORD,
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    port = _free_port()
    gunicorn = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "sociaaldomein.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        session = Session(base)
        session.login("professional.noord")
        cookie = session.cookie_header()
        paths = ["/", "/huishoudens/", "/healthz", "/huishoudens/?pagina=2"]

        stop = threading.Event()
        results: list = []
        t0 = time.monotonic()
        clients = [
            threading.Thread(target=_load, args=(port, cookie, paths, stop, results, t0))
            for _ in range(args.clients)
        ]
        for client in clients:
            client.start()
        time.sleep(args.seconds / 4)
        down_at = time.monotonic() - t0
        _pg_ctl("stop")
        time.sleep(args.outage)
        _pg_ctl("start")
        up_at = time.monotonic() - t0
        time.sleep(args.seconds - args.seconds / 4 - args.outage)
        stop.set()
        for client in clients:
            client.join()
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=10)
        devdb.start()  # whatever happened, leave the cluster running

    def phase(lo, hi):
        return [r for r in results if lo <= r[0] < hi]

    before, during, after = phase(0, down_at), phase(down_at + 0.2, up_at), phase(up_at, 1e9)
    first_ok = min((r[0] for r in after if r[2] == 200), default=None)
    recovered = [r for r in after if first_ok is not None and r[0] >= first_ok]

    def summary(rows):
        statuses = {}
        for row in rows:
            statuses[row[2]] = statuses.get(row[2], 0) + 1
        latencies = sorted(r[1] for r in rows) or [0]
        return {
            "requests": len(rows),
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "max_ms": round(latencies[-1] * 1000, 1),
        }

    report = {
        "clients": args.clients,
        "outage_s": args.outage,
        "before": summary(before),
        "during_outage": summary(during),
        "after_restart": summary(after),
        "seconds_to_first_success_after_restart": (
            round(first_ok - up_at, 2) if first_ok is not None else None
        ),
        "errors_500": sum(1 for r in results if r[2] >= 500 and r[2] != 503),
        "non_friendly_503": sum(1 for r in during if r[2] == 503 and not r[3]),
        "failures_after_recovery": sum(1 for r in recovered if r[2] != 200),
    }
    print(f"{'fase':<22}{'verzoeken':>10}{'p50 ms':>10}{'max ms':>10}  statussen")
    for name in ("before", "during_outage", "after_restart"):
        row = report[name]
        figures = f"{row['requests']:>10}{row['p50_ms']:>10}{row['max_ms']:>10}"
        print(f"{name:<22}{figures}  {row['statuses']}")
    print(
        f"eerste succes na herstart: {report['seconds_to_first_success_after_restart']} s; "
        f"500-fouten: {report['errors_500']}; niet-vriendelijke 503: {report['non_friendly_503']}; "
        f"fouten na herstel: {report['failures_after_recovery']}"
    )
    out = ROOT / "bench-results" / "chaos.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))

    ok = (
        report["errors_500"] == 0
        and report["non_friendly_503"] == 0
        and report["failures_after_recovery"] == 0
        and report["during_outage"]["max_ms"] < 3500
        and first_ok is not None
    )
    print("chaos: OK" if ok else "chaos: NIET IN ORDE")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
