"""Backups with pg_dump / pg_restore (custom format), for `make backup` / `make restore`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from django.db import connection

from sociaaldomein.devdb import find_bindir


def _binary(name: str) -> str:
    bindir = find_bindir()
    if bindir and (bindir / name).exists():
        return str(bindir / name)
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} niet gevonden; installeer de PostgreSQL-clientprogramma's")
    return found


class BackupError(RuntimeError):
    pass


def _run(command: list[str], settings_dict: dict) -> None:
    try:
        subprocess.run(
            command, env=_libpq_env(settings_dict), check=True, capture_output=True, text=True
        )
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{Path(command[0]).name} mislukt: {error.stderr.strip()}") from error


def _libpq_env(settings_dict: dict) -> dict[str, str]:
    env = {**os.environ}
    for key, var in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    return env


def backup(output: Path, *, settings_dict: dict | None = None) -> Path:
    """Dump the whole database (schema, data, triggers) to `output` in custom format."""
    settings_dict = settings_dict or connection.settings_dict
    output.parent.mkdir(parents=True, exist_ok=True)
    _run(
        [
            _binary("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--file",
            str(output),
            "--dbname",
            settings_dict["NAME"],
        ],
        settings_dict,
    )
    return output


def restore(dump: Path, *, settings_dict: dict) -> None:
    """Restore a dump into the (empty) database described by `settings_dict`."""
    _run(
        [
            _binary("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            "--single-transaction",
            "--dbname",
            settings_dict["NAME"],
            str(dump),
        ],
        settings_dict,
    )
