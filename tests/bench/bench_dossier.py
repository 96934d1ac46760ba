"""Benchmark of the PDF case dossier (issue 7), on the benchmark harness (`make bench`).

In a separate benchmark database it seeds the heavy demo household (5 members, 3 years,
40 assessments, 60 actions, 10 toetsen, 5 maatwerk requests, 300 log entries) and one
with twice that content, then measures, interleaved round after round, with the warm-up
rounds discarded:

- app-1x / app-2x: what the background task does (`generate_dossier`): read the data,
  render the print template, fingerprint it, lay out and write the PDF, store it;
- weasyprint-1x / weasyprint-2x: WeasyPrint alone on the HTML the app rendered for the
  same household (same fetcher, fonts and stylesheets).

Targets: ≤ 0.15 s per page; app ÷ WeasyPrint ≤ 1.25; 2x ÷ 1x ≤ 2.3. Prints a table and
writes JSON to bench-results/dossier-latest.json.

Usage: python -m tests.bench.bench_dossier [--smoke] [--samples 9] [--warmup 1] [--fresh]
       [--out DIR]   (other harness arguments, such as --sizes, are ignored)
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import statistics
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

MODULE = "tests.bench.bench_dossier"
SCENARIOS = ["app-1x", "weasyprint-1x", "app-2x", "weasyprint-2x"]
DOEL_PER_PAGINA = 0.15  # seconds
DOEL_OVERHEAD = 1.25
DOEL_SCHAAL = 2.3


# --- parent ------------------------------------------------------------------------------


def run(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="Benchmark van het PDF-dossier")
    parser.add_argument("--smoke", action="store_true", help="klein: lichte huishoudens")
    parser.add_argument("--samples", type=int, help="metingen per scenario (standaard 9)")
    parser.add_argument("--warmup", type=int, help="opwarmrondes (standaard 1)")
    parser.add_argument("--fresh", action="store_true", help="benchmarkdatabase opnieuw maken")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench-results")
    parser.add_argument("--prefix", default=None)
    args, _ = parser.parse_known_args(argv)

    schaal = 0.2 if args.smoke else 1.0
    samples = args.samples or (2 if args.smoke else 9)
    warmup = max(1, args.warmup if args.warmup is not None else 1)
    prefix = args.prefix or ("eenplan_bench_smoke" if args.smoke else "eenplan_bench")
    name = f"{prefix}_dossier"
    url = base_url()
    if urlsplit(url).path.strip("/") == name:
        raise SystemExit("De benchmark draait nooit op de ontwikkel- of testdatabase.")
    ensure_database(url, name, fresh=args.fresh)
    print(f"==> {name}: migreren en de zware huishoudens laden …", flush=True)
    worker = Worker(MODULE, int(schaal * 100), with_database(url, name))
    try:
        setup = worker.ask(cmd="setup")
        print(
            f"    klaar in {setup['seconden']:.1f} s; pagina's: 1x {setup['paginas']['1x']}, "
            f"2x {setup['paginas']['2x']}",
            flush=True,
        )
        times: dict[str, list[float]] = {scenario: [] for scenario in SCENARIOS}
        for ronde in range(warmup + samples):
            for scenario in SCENARIOS:
                answer = worker.ask(cmd="run", scenario=scenario)
                if ronde >= warmup:
                    times[scenario].append(answer["s"])
            print(f"    ronde {ronde + 1}/{warmup + samples}", flush=True)
    finally:
        worker.close()
    report = _report(setup, times, samples, warmup, smoke=args.smoke)
    _print(report)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    slug = "dossier" + ("-smoke" if args.smoke else "")
    for path in (args.out / f"{slug}-{stamp}.json", args.out / f"{slug}-latest.json"):
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nCijfers geschreven naar {args.out / f'{slug}-latest.json'}")
    return report


def _stats(values: list[float]) -> dict:
    return {
        "p50_s": round(percentile(values, 50), 3),
        "p95_s": round(percentile(values, 95), 3),
        "mean_s": round(statistics.fmean(values), 3),
        "min_s": round(min(values), 3),
        "max_s": round(max(values), 3),
    }


def _report(setup: dict, times: dict, samples: int, warmup: int, *, smoke: bool) -> dict:
    stats = {scenario: _stats(values) for scenario, values in times.items()}
    pages = setup["paginas"]
    per_page = stats["app-1x"]["p50_s"] / pages["1x"]
    overhead_1x = stats["app-1x"]["p50_s"] / stats["weasyprint-1x"]["p50_s"]
    overhead_2x = stats["app-2x"]["p50_s"] / stats["weasyprint-2x"]["p50_s"]
    scale = stats["app-2x"]["p50_s"] / stats["app-1x"]["p50_s"]
    figures = {
        "seconden_per_pagina_1x": round(per_page, 4),
        "seconden_per_pagina_2x": round(stats["app-2x"]["p50_s"] / pages["2x"], 4),
        "weasyprint_seconden_per_pagina_1x": round(
            stats["weasyprint-1x"]["p50_s"] / pages["1x"], 4
        ),
        "overhead_1x": round(overhead_1x, 3),
        "overhead_2x": round(overhead_2x, 3),
        "schaal_2x_tov_1x": round(scale, 3),
        "schaal_weasyprint_2x_tov_1x": round(
            stats["weasyprint-2x"]["p50_s"] / stats["weasyprint-1x"]["p50_s"], 3
        ),
    }
    return {
        "benchmark": "dossier",
        "smoke": smoke,
        "datum": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpu": os.cpu_count(),
            "platform": platform.platform(),
        },
        "metingen": samples,
        "opwarmrondes": warmup,
        "seed_seconden": round(setup["seconden"], 1),
        "inhoud": setup["inhoud"],
        "paginas": pages,
        "scenarios": stats,
        "cijfers": figures,
        "doelen": {
            "seconden_per_pagina": DOEL_PER_PAGINA,
            "overhead": DOEL_OVERHEAD,
            "schaal": DOEL_SCHAAL,
        },
        "binnen_doel": {
            "seconden_per_pagina": per_page <= DOEL_PER_PAGINA,
            "overhead": max(overhead_1x, overhead_2x) <= DOEL_OVERHEAD,
            "schaal": scale <= DOEL_SCHAAL,
        },
    }


def _print(report: dict) -> None:
    print(
        f"\nBenchmark dossier: {report['metingen']} metingen per scenario, "
        f"{report['opwarmrondes']} opwarmronde(s) weggelaten, afwisselend uitgevoerd"
    )
    header = f"{'scenario':<16}{'pagina s':>9}{'p50':>10}{'p95':>10}{'min':>10}{'max':>10}"
    print(header)
    print("-" * len(header))
    for scenario, stats in report["scenarios"].items():
        pages = report["paginas"][scenario.split("-")[1]]
        print(
            f"{scenario:<16}{pages:>9}{stats['p50_s']:>9.2f}s{stats['p95_s']:>9.2f}s"
            f"{stats['min_s']:>9.2f}s{stats['max_s']:>9.2f}s"
        )
    c, ok = report["cijfers"], report["binnen_doel"]

    def mark(good: bool) -> str:
        return "ok" if good else "BOVEN DOEL"

    print(
        f"\nper pagina (app, 1x):        {c['seconden_per_pagina_1x']:.3f} s   "
        f"doel ≤ {DOEL_PER_PAGINA} s   {mark(ok['seconden_per_pagina'])}"
    )
    print(f"per pagina (WeasyPrint, 1x): {c['weasyprint_seconden_per_pagina_1x']:.3f} s")
    print(
        f"app ÷ WeasyPrint:            {c['overhead_1x']:.3f} (1x), {c['overhead_2x']:.3f} (2x)"
        f"   doel ≤ {DOEL_OVERHEAD}   {mark(ok['overhead'])}"
    )
    print(
        f"2x ÷ 1x (app):               {c['schaal_2x_tov_1x']:.3f}   "
        f"(WeasyPrint alleen: {c['schaal_weasyprint_2x_tov_1x']:.3f})   doel ≤ {DOEL_SCHAAL}   "
        f"{mark(ok['schaal'])}"
    )


# --- worker: the benchmark database, in-process ---------------------------------------------


def worker(schaal_procent: int) -> None:
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from huishoudens.models import Huishouden
    from sociaaldomein.models import Team, User
    from sociaaldomein.pdf import html_to_pdf
    from tests.bench.zwaar import seed_zwaar_huishouden
    from verantwoording import services
    from verantwoording.dossier import (
        DossierMeta,
        dossier_inhoud,
        render_dossier_html,
        toegangslog_blok,
    )
    from verantwoording.models import DossierExport

    schaal = schaal_procent / 100
    state: dict = {}

    def answer(**message) -> None:
        protocol.write(json.dumps(message, default=str) + "\n")

    def setup() -> dict:
        started = time.monotonic()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("seed_demo", households=0, password="bench-only-password")
        team = Team.objects.get(naam="Wijkteam Noord")
        users = {u.username: u for u in User.objects.all()}
        kwargs = {
            "team": team,
            "professional": users["professional.noord"],
            "teamleider": users["teamleider.noord"],
            "auditor": users["auditor"],
        }
        seed_zwaar_huishouden(nummer=101, schaal=schaal, **kwargs)
        seed_zwaar_huishouden(nummer=102, schaal=2 * schaal, **kwargs)
        DossierExport.objects.filter(huishouden__referentie__startswith="ZWAAR-01").delete()
        state["auditor"] = users["auditor"]
        inhoud, paginas = {}, {}
        for label, nummer in (("1x", 101), ("2x", 102)):
            huishouden = Huishouden.objects.select_related("team", "casusregisseur").get(
                referentie=f"ZWAAR-{nummer:04d}"
            )
            state[label] = huishouden
            content = dossier_inhoud(huishouden)
            log = toegangslog_blok(huishouden)
            meta = DossierMeta(
                gemeente="Gemeente Voorbeeldstad",
                gemaakt_door="Benchmark",
                rol="Auditor",
                gemaakt_op=timezone.now(),
                doel="Verantwoording en controle (audit)",
                toelichting="",
                vingerafdruk=content.vingerafdruk,
            )
            # the HTML exactly as the app renders it for this household
            state[f"html-{label}"] = render_dossier_html(inhoud=content, log=log, meta=meta)
            export = _app(huishouden)
            paginas[label] = export.paginas
            inhoud[label] = {
                "leden": len(content.leden),
                "beoordelingen": sum(
                    len(d.regels) for g in content.geschiedenis for d in g.domeinen
                ),
                "acties": sum(len(d.acties) for d in content.plan.doelen),
                "toetsen": len(content.toetsen),
                "maatwerk": len(content.maatwerk),
                "logregels": len(log.regels),
                "html_kb": len(state[f"html-{label}"]) // 1024,
                "pdf_kb": export.grootte // 1024,
            }
        return {"seconden": time.monotonic() - started, "paginas": paginas, "inhoud": inhoud}

    def _app(huishouden):
        export = services.request_dossier(
            huishouden=huishouden, door=state["auditor"], doel="verantwoording"
        )
        return services.generate_dossier(export_id=export.pk)

    for line in sys.stdin:
        message = json.loads(line)
        try:
            if message["cmd"] == "quit":
                answer(ok=True)
                return
            if message["cmd"] == "setup":
                answer(**setup())
                continue
            soort, label = message["scenario"].split("-")
            gc.collect()
            start = time.perf_counter()
            if soort == "app":
                _app(state[label])
            else:
                html_to_pdf(state[f"html-{label}"])
            answer(s=time.perf_counter() - start)
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
