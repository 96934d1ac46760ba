"""One table of every benchmark figure against its target (`make bench` ends with it).

Reads the latest JSON of the screen benchmark, the load test and the dossier benchmark
from bench-results/, prints one table (figure, measured, target, met or not) and writes
it as bench-results/samenvatting-latest.json; the README copies its figures.

Usage: python -m tests.bench.samenvatting [--smoke] [--dir bench-results]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
from pathlib import Path

from tests.bench.harness import PROJECT_DIR


def _load(directory: Path, slug: str) -> dict | None:
    path = directory / f"{slug}-latest.json"
    return json.loads(path.read_text()) if path.exists() else None


def rows(schermen: dict | None, belasting: dict | None, dossier: dict | None) -> list[dict]:
    result = []

    def row(cijfer: str, gemeten: float | int, eenheid: str, doel: str, gehaald: bool):
        result.append(
            {"cijfer": cijfer, "gemeten": gemeten, "eenheid": eenheid, "doel": doel, "ok": gehaald}
        )

    if schermen:
        small, large = min(schermen["groottes"]), max(schermen["groottes"])
        for s in schermen["scenarios"]:
            naam = s["naam"] + (" (htmx)" if s["htmx"] else "")
            cel = s["per_grootte"][str(large)]
            row(
                f"{naam}: p50 / p95 bij {large}",
                cel["p50_ms"],
                "ms",
                f"p95 {cel['p95_ms']} ms",
                True,
            )
            aantallen = {c["queries"] for c in s["per_grootte"].values()}
            row(
                f"{naam}: queries",
                cel["queries"],
                "",
                "gelijk bij elke grootte",
                len(aantallen) == 1,
            )
            sql = [c["ratio_sql"] for c in s["per_grootte"].values() if c["ratio_sql"]]
            if sql:
                row(
                    f"{naam}: verzoek ÷ SQL",
                    max(sql),
                    "×",
                    f"≤ {s['doel_ratio_sql']:g}",
                    s["binnen_doel_sql"],
                )
            row(
                f"{naam}: {large} ÷ {small}",
                s["ratio_p50"],
                "×",
                f"≤ {schermen['doel_ratio']:g}",
                s["binnen_doel"],
            )
    if belasting:
        n = belasting["huishoudens"]
        row(f"gunicorn, {n} huishoudens: p50", belasting["p50_ms"], "ms", "", True)
        row(
            f"gunicorn, {n} huishoudens: p95",
            belasting["p95_ms"],
            "ms",
            f"≤ {belasting['doel_p95_ms']}",
            belasting["p95_ms"] <= belasting["doel_p95_ms"],
        )
        row(f"gunicorn, {n} huishoudens: p99", belasting["p99_ms"], "ms", "", True)
        row("gunicorn: verzoeken per seconde", belasting["per_seconde"], "/s", "", True)
        row("gunicorn: fouten", belasting["fouten"], "", "0", belasting["fouten"] == 0)
    if dossier:
        c, doel, ok = dossier["cijfers"], dossier["doelen"], dossier["binnen_doel"]
        row(
            "dossier-PDF: seconden per pagina",
            c["seconden_per_pagina_1x"],
            "s",
            f"≤ {doel['seconden_per_pagina']}",
            ok["seconden_per_pagina"],
        )
        row(
            "dossier-PDF: app ÷ WeasyPrint",
            max(c["overhead_1x"], c["overhead_2x"]),
            "×",
            f"≤ {doel['overhead']}",
            ok["overhead"],
        )
        row(
            "dossier-PDF: 2× inhoud ÷ 1×",
            c["schaal_2x_tov_1x"],
            "×",
            f"≤ {doel['schaal']}",
            ok["schaal"],
        )
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="Samenvatting van alle benchmarks")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--dir", type=Path, default=PROJECT_DIR / "bench-results")
    args = parser.parse_args(argv)
    suffix = "-smoke" if args.smoke else ""
    bronnen = {
        slug: _load(args.dir, slug + suffix) for slug in ("schermen", "belasting", "dossier")
    }
    tabel = rows(bronnen["schermen"], bronnen["belasting"], bronnen["dossier"])
    breedte = max((len(r["cijfer"]) for r in tabel), default=10) + 2
    print(f"\n{'cijfer':<{breedte}}{'gemeten':>12}  {'doel':<16}")
    print("-" * (breedte + 34))
    for r in tabel:
        gemeten = f"{r['gemeten']:g} {r['eenheid']}".strip()
        print(f"{r['cijfer']:<{breedte}}{gemeten:>12}  {r['doel']:<16}{'' if r['ok'] else 'MIS'}")
    missers = [r for r in tabel if not r["ok"]]
    print(f"\n{len(tabel) - len(missers)} van {len(tabel)} cijfers binnen het doel.")
    ontbreekt = [slug for slug, bron in bronnen.items() if bron is None]
    if ontbreekt:
        print(f"Nog niet gemeten: {', '.join(ontbreekt)}.")
    samenvatting = {
        "machine": {
            "python": platform.python_version(),
            "cpu": os.cpu_count(),
            "platform": platform.platform(),
        },
        "datums": {slug: bron["datum"] for slug, bron in bronnen.items() if bron},
        "cijfers": tabel,
        "missers": len(missers),
    }
    args.dir.mkdir(parents=True, exist_ok=True)
    (args.dir / f"samenvatting{suffix}-latest.json").write_text(
        json.dumps(samenvatting, indent=2, ensure_ascii=False) + "\n"
    )
    return samenvatting


if __name__ == "__main__":
    main()
