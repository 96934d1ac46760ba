"""What `make bench` needs, checked before it seeds anything: a machine without `wrk`
used to seed for minutes, measure the screens and only then stop with "wrk ontbreekt".

Usage: python -m tests.bench.vereisten   (exit 2 with what is missing and how to install)
"""

from __future__ import annotations

import importlib.util
import shutil
import sys

# program → how to get it (Debian packages; Python packages come with requirements.lock)
PROGRAMMAS = {"wrk": "installeer het Debian-pakket 'wrk' (apt-get install wrk)"}
MODULES = {"gunicorn": "make venv (requirements.lock)"}


def ontbrekend() -> list[str]:
    """What is missing, each with how to install it; empty when all is there."""
    missing = [
        f"{naam} ontbreekt: {hoe}" for naam, hoe in PROGRAMMAS.items() if not shutil.which(naam)
    ]
    missing += [
        f"{naam} ontbreekt: {hoe}"
        for naam, hoe in MODULES.items()
        if importlib.util.find_spec(naam) is None
    ]
    return missing


def main() -> int:
    missing = ontbrekend()
    if missing:
        print("make bench kan niet starten:", *missing, sep="\n  ", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
