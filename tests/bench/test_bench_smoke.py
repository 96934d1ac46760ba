"""The benchmark script works: a smoke run with a few households and a few samples.

The real figures come from `make bench` (1 000 and 100 000 households); this only proves
the harness, the scenarios and the JSON output, so CI notices when they break.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.bench.harness import percentile

PROJECT_DIR = Path(__file__).resolve().parents[2]


def _env() -> dict:
    """The environment of a benchmark subprocess: the server the suite runs on."""
    env = {**os.environ}
    if not env.get("DATABASE_URL"):
        db = settings.DATABASES["default"]
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME'] or 'postgres'}"
        )
    return env


def test_percentiles_use_the_nearest_rank():
    values = [float(v) for v in range(1, 42)]
    assert (percentile(values, 50), percentile(values, 95)) == (21.0, 39.0)
    assert percentile([3.0], 95) == 3.0


def test_the_benchmark_runs_in_smoke_mode_and_writes_its_figures(tmp_path):
    env = _env()
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_schermen", "--smoke", "--out", tmp_path],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "÷sql" in result.stdout
    report = json.loads((tmp_path / "schermen-smoke-latest.json").read_text())
    assert report["groottes"] == [20, 60]
    names = {scenario["naam"] for scenario in report["scenarios"]}
    assert {
        "start",
        "lijst",
        "zoeken",
        "huishouden",
        "beoordeling-opslaan",
        "plan",
        "plan-partial",
        "toets-stap1",
        "toets-autosave",
    } <= names
    for scenario in report["scenarios"]:
        for cell in scenario["per_grootte"].values():
            assert cell["p50_ms"] > 0 and cell["queries"] > 0
            # every request answered as intended: pages 200, the htmx save 200 as well
            assert cell["status"] == [200], (scenario["naam"], cell)
            # ratio (a): the same SQL replayed alone is faster than the whole request
            assert cell["sql_p50_ms"] > 0 and cell["ratio_sql"] > 1, (scenario["naam"], cell)
        assert scenario["ratio_p50"] > 0


def test_the_dossier_benchmark_runs_in_smoke_mode_and_writes_its_figures(tmp_path):
    env = _env()
    result = subprocess.run(
        [
            *(sys.executable, "-m", "tests.bench.bench_dossier"),
            *("--smoke", "--samples", "1", "--out", tmp_path),
        ],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "app ÷ WeasyPrint" in result.stdout
    report = json.loads((tmp_path / "dossier-smoke-latest.json").read_text())
    assert set(report["scenarios"]) == {"app-1x", "weasyprint-1x", "app-2x", "weasyprint-2x"}
    assert report["paginas"]["2x"] > report["paginas"]["1x"] > 5
    assert report["inhoud"]["2x"]["toetsen"] == 2 * report["inhoud"]["1x"]["toetsen"]
    for name in ("seconden_per_pagina_1x", "overhead_1x", "schaal_2x_tov_1x"):
        assert report["cijfers"][name] > 0


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk ontbreekt (apt-get install wrk)")
def test_the_load_test_runs_gunicorn_under_wrk_in_smoke_mode(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bench.belasting",
            "--smoke",
            "--prefix",
            "eenplan_bench_smoke_last",
            "--out",
            tmp_path,
        ],
        cwd=PROJECT_DIR,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp_path / "belasting-smoke-latest.json").read_text())
    # real requests through gunicorn, every one answered 200 (no login redirects either)
    assert report["verzoeken"] > 10
    assert report["fouten"] == 0, report["fouten_detail"]
    assert 0 < report["p50_ms"] <= report["p95_ms"] <= report["p99_ms"]
    assert set(report["mix"]["verdeling"]) >= {"zoeken", "huishouden", "plan", "toets-stap1"}


def test_the_summary_puts_every_figure_against_its_target(tmp_path):
    from tests.bench.samenvatting import rows

    schermen = {
        "groottes": [1000, 100000],
        "doel_ratio": 1.5,
        "scenarios": [
            {
                "naam": "lijst",
                "htmx": False,
                "ratio_p50": 1.2,
                "binnen_doel": True,
                "doel_ratio_sql": 3.0,
                "binnen_doel_sql": False,
                "per_grootte": {
                    "1000": {"p50_ms": 20, "p95_ms": 25, "queries": 6, "ratio_sql": 4.0},
                    "100000": {"p50_ms": 24, "p95_ms": 30, "queries": 7, "ratio_sql": 3.5},
                },
            }
        ],
    }
    belasting = {
        "huishoudens": 100000,
        "p50_ms": 80,
        "p95_ms": 450,
        "p99_ms": 700,
        "per_seconde": 40,
        "fouten": 0,
        "doel_p95_ms": 400,
    }
    tabel = {r["cijfer"]: r for r in rows(schermen, belasting, None)}
    assert tabel["lijst: verzoek ÷ SQL"]["gemeten"] == 4.0
    assert not tabel["lijst: verzoek ÷ SQL"]["ok"]
    # a query count that differs between the sizes is a miss (it grows with the data)
    assert not tabel["lijst: queries"]["ok"]
    assert tabel["lijst: 100000 ÷ 1000"]["ok"]
    assert not tabel["gunicorn, 100000 huishoudens: p95"]["ok"]
    assert tabel["gunicorn: fouten"]["ok"]
