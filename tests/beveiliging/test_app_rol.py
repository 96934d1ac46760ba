"""Finding 6: the application's database role owns nothing and may only read and add to
the access log: no UPDATE, DELETE or TRUNCATE, no dropping its triggers. The suite
itself runs as that role (tests/databaserol.py); the last tests prove it does."""

import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.backends.signals import connection_created
from django.test import RequestFactory

from sociaaldomein.accesslog import Actie, log_access
from sociaaldomein.models import Toegangslog
from tests.databaserol import app_role

ROL = "eenplan_test_app"


def _als_app(statement: str, params=None):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL ROLE {ROL}")
        cursor.execute(statement, params)


@pytest.mark.eigenaar("runs app_rol itself: creating a role and granting is the owner's job")
@pytest.mark.django_db
def test_the_app_role_adds_to_the_access_log_and_changes_nothing_in_it(professional):
    call_command("app_rol", ROL)
    _als_app(
        "INSERT INTO sociaaldomein_toegangslog (tijdstip, gebruikersnaam, rol, team, "
        "huishoudens, leden, onderwerp, object_id, actie, doel, reden, uitzonderlijk, pad, "
        "methode) VALUES (now(), 'x', '', '', '{}', '{}', 'test', '', 'bekeken', "
        "'casusregie', '', false, '/', 'GET')"
    )
    assert Toegangslog.objects.filter(onderwerp="test").exists()
    for statement in (
        "UPDATE sociaaldomein_toegangslog SET reden = 'weg'",
        "DELETE FROM sociaaldomein_toegangslog",
        "TRUNCATE sociaaldomein_toegangslog CASCADE",
        "DROP TRIGGER sociaaldomein_toegangslog_alleen_toevoegen ON sociaaldomein_toegangslog",
        "ALTER TABLE sociaaldomein_toegangslog DISABLE TRIGGER USER",
        "SET session_replication_role = replica",
    ):
        with pytest.raises(DatabaseError):
            _als_app(statement)
    # case data stays writable for the application
    _als_app("UPDATE huishoudens_huishouden SET wijk = wijk")


def _weigert(statement: str) -> None:
    with pytest.raises(DatabaseError) as fout, transaction.atomic(), connection.cursor() as c:
        c.execute(statement)
    assert isinstance(fout.value.__cause__, psycopg.errors.InsufficientPrivilege), fout.value


@pytest.mark.django_db
def test_an_ordinary_test_runs_as_the_app_role_which_owns_no_table(professional):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, session_user")
        huidig, sessie = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM pg_tables WHERE tableowner = current_user")
        (eigen_tabellen,) = cursor.fetchone()
    assert huidig == app_role() != sessie
    assert eigen_tabellen == 0
    # the application's own writes work: the fixture made a user, this adds to the log
    request = RequestFactory().get("/")
    request.user = professional
    log_access(request, actie=Actie.BEKEKEN, onderwerp="huishouden", huishoudens=[1])
    assert Toegangslog.objects.filter(gebruikersnaam=professional.username).exists()
    # and the privileges refuse what the triggers would refuse too, before they fire
    _weigert("UPDATE sociaaldomein_toegangslog SET reden = 'weg'")
    _weigert("DELETE FROM sociaaldomein_toegangslog")
    _weigert("TRUNCATE sociaaldomein_toegangslog CASCADE")
    _weigert("ALTER TABLE sociaaldomein_toegangslog DISABLE TRIGGER USER")


def test_the_live_server_serves_as_the_app_role(live_server):
    rollen = []

    def noteer(sender, connection, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            rollen.append(cursor.fetchone()[0])

    connection_created.connect(noteer)
    try:
        with urllib.request.urlopen(f"{live_server.url}/healthz") as antwoord:
            assert antwoord.status == 200
    finally:
        connection_created.disconnect(noteer)
    assert rollen == [app_role()]


# Every test file that runs something as the owner, and why: what production, too, does
# only as the owner. A new opt-out fails below until it is listed here with its reason.
ALS_EIGENAAR = {
    "tests/beveiliging/test_app_rol.py": "app_rol itself creates the role and grants",
    "tests/beveiliging/test_toegangslog_anker.py": "TRUNCATE and removing entries past "
    "the triggers, as an attacker with the owner's rights: the trigger and the anchor",
    "tests/sociaaldomein/test_toegangslog.py": "the append-only trigger and the hash chain "
    "against the owner (the app role is refused before the trigger fires)",
    "tests/archief/test_vernietiging.py": "the destruction run (owner, daily)",
    "tests/archief/test_verzoeken.py": "the destruction run of a granted request (owner, daily)",
    "tests/browser/test_archief.py": "the destruction run (owner, daily)",
}


def test_only_the_listed_tests_run_anything_as_the_owner():
    tests = Path(__file__).resolve().parents[1]
    gevonden = {
        str(pad.relative_to(tests.parent))
        for pad in tests.rglob("*.py")
        if pad.relative_to(tests).as_posix() not in {"databaserol.py", "conftest.py"}  # the tool
        and ("mark.eigenaar(" in (tekst := pad.read_text()) or "als_eigenaar(" in tekst)
    }
    assert gevonden == set(ALS_EIGENAAR)
