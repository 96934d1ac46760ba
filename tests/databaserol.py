"""The suite runs the application as the application's database role, not as the owner.

In `make run` and docker compose the web process and the worker connect as a role that
owns no table (`manage.py app_rol`: case data SELECT/INSERT/UPDATE/DELETE, the access
log only SELECT and INSERT). The suite does the same, so a missing grant fails a test
instead of a production request:

1. pytest-django creates and migrates the test database as the owner (`DATABASE_URL`);
   `grant_app_role()` then runs the same `app_rol` command on it, once per test
   database (per xdist worker too: test_<name>_gw0 …), for a role named after that
   database, so workers never race for one role.
2. Every test that uses the database runs as that role: `SET ROLE` on the test's
   connection (`tests/conftest.py`, autouse fixture `_als_app_rol`), and on every
   connection opened while the test runs (`connection_created`): the live server's
   request threads (browser journeys) and a connection reopened by the test.
3. Before Django's flush of a transactional test the connection goes back to the owner
   (`RESET ROLE`); in an ordinary test the rollback of the test's transaction undoes
   the `SET ROLE` itself.

What only the owner does opts out, and stays small:
- `@pytest.mark.eigenaar("why")`: the whole test as the owner (the grants themselves,
  backup and restore, the destruction run, which production runs as the owner).
- `with als_eigenaar():` a few statements as the owner inside an ordinary test (an
  attacker with the owner's rights tampering with the access log, to prove it is seen).

`SET ROLE` checks privileges exactly as a login as that role would (current_user is
the role; triggers and `session_replication_role` are refused alike); only
session_user stays the owner, and the application never issues SET or RESET ROLE.
"""

import io
import re
from contextlib import contextmanager

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection
from psycopg import sql


class _Rol:
    """Shared by every thread: the live server serves requests in threads of its own."""

    naam: str | None = None  # the role of this session's test database
    actief = False  # a test is running as the role (read by every thread)


def app_role() -> str:
    """The application's role for this session's test database."""
    if _Rol.naam is None:
        raise RuntimeError("De app-rol is nog niet aangemaakt (django_db_setup).")
    return _Rol.naam


def grant_app_role() -> str:
    """Create or update the role on the test database, as the owner (after migrate)."""
    naam = re.sub(r"\W", "_", connection.settings_dict["NAME"])[:59] + "_app"
    call_command("app_rol", naam, verbosity=0, stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        (superuser,) = cursor.fetchone()
        if not superuser:
            # a CREATEROLE owner (PostgreSQL 16) may only SET ROLE to a role it is in
            cursor.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(naam)))
    _Rol.naam = naam
    return naam


def _set_role(cursor) -> None:
    cursor.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(app_role())))


def start(conn=connection) -> None:
    """From here on the test (and every connection it opens) runs as the app role."""
    _Rol.actief = True
    with conn.cursor() as cursor:
        _set_role(cursor)


def stop(conn=connection) -> None:
    """Back to the owner. Inside the test's transaction the rollback that follows undoes
    the SET ROLE (a RESET in an aborted transaction would fail); outside it, as before
    the flush of a transactional test, the role is reset here."""
    _Rol.actief = False
    if conn.connection is None or conn.in_atomic_block:
        return
    try:
        with conn.cursor() as cursor:
            cursor.execute("RESET ROLE")
    except Exception:  # a broken connection: a new one starts as the owner
        conn.close()


@contextmanager
def als_eigenaar(conn=connection):
    """A few statements as the owner of the tables inside a test that runs as the app
    role; back to the app role afterwards."""
    with conn.cursor() as cursor:
        cursor.execute("RESET ROLE")
    try:
        yield
    finally:
        if _Rol.actief:
            with conn.cursor() as cursor:
                _set_role(cursor)


def on_connection_created(sender, connection, **kwargs) -> None:
    """A connection opened while a test runs as the app role starts as that role too:
    the live server's request threads, or the test's own connection reopened."""
    if _Rol.actief and connection.alias == DEFAULT_DB_ALIAS:
        with connection.cursor() as cursor:
            _set_role(cursor)
