"""The benchmark script works: a smoke run with a few households and a few samples.

The real figures come from `make bench` (1 000 and 100 000 households); this only proves
the harness, the scenarios and the JSON output, so CI notices when they break.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from tests.bench.harness import percentile

PROJECT_DIR = Path(__file__).resolve().parents[2]


def test_percentiles_use_the_nearest_rank():
    values = [float(v) for v in range(1, 42)]
    assert (percentile(values, 50), percentile(values, 95)) == (21.0, 39.0)
    assert percentile([3.0], 95) == 3.0


def test_the_benchmark_runs_in_smoke_mode_and_writes_its_figures(tmp_path):
    env = {**os.environ}
    if not env.get("DATABASE_URL"):
        db = settings.DATABASES["default"]
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME'] or 'postgres'}"
        )
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_huishoudens", "--smoke", "--out", tmp_path],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "verhouding" in result.stdout
    report = json.loads((tmp_path / "huishoudens-smoke-latest.json").read_text())
    assert report["groottes"] == [20, 60]
    names = {scenario["naam"] for scenario in report["scenarios"]}
    assert {"lijst", "zoeken", "huishouden", "beoordeling-opslaan"} <= names
    for scenario in report["scenarios"]:
        for cell in scenario["per_grootte"].values():
            assert cell["p50_ms"] > 0 and cell["queries"] > 0
            # every request answered as intended: pages 200, the htmx save 200 as well
            assert cell["status"] == [200], (scenario["naam"], cell)
        assert scenario["ratio_p50"] > 0


def test_the_dossier_benchmark_runs_in_smoke_mode_and_writes_its_figures(tmp_path):
    env = {**os.environ}
    if not env.get("DATABASE_URL"):
        db = settings.DATABASES["default"]
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME'] or 'postgres'}"
        )
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
