"""Shared fixtures: the organisation of a municipality with two wijkteams.

Everything runs against real PostgreSQL (see `make test`). Browser tests drive Debian's
Chromium through Playwright; see tests/browser/conftest.py.
"""

import os

# Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse
# to run there. Test-only: the application itself never sets this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import importlib

import pytest
from django.apps import apps
from django.db.backends.signals import connection_created
from django.test import Client

from sociaaldomein.roles import Rol, sync_role_permissions
from tests import databaserol
from tests.sociaaldomein.factories import TeamFactory, UserFactory

PASSWORD = "correct-horse-battery"

# Reference data that data migrations create. Transactional tests (the browser journeys)
# end with a flush that empties every table, so it is loaded again before each of them
# and once per session (a reused test database may have been flushed last).
REFERENCE_DATA = [
    ("huishoudens.migrations.0002_leefdomeinen_zrm", "add_domains"),
    ("toetsing.migrations.0002_wetten_grondwaarden_artikelen", "add_reference_data"),
    ("toetsing.migrations.0003_wet_algemeen_en_toets", "mark_general_laws"),
    ("archief.migrations.0002_bewaartermijnen", "add_bewaartermijnen"),
    (
        "archief.migrations.0003_issue19b_selectielijst_2020_en_vernietigingsverzoek",
        "correct_periods",
    ),
    ("verwijzingen.migrations.0002_productcodes", "add_codes"),
    ("toetsing.migrations.0009_14b_artikel_procedureel", "mark_procedural"),
    ("toetsing.migrations.0010_14b_beleidsregel", "add_rules"),
]


def _allow_flushing_the_access_log(sender, connection, **kwargs) -> None:
    """Transactional tests end with Django's flush (TRUNCATE of every table); the access
    log refuses TRUNCATE unless the session says so (sociaaldomein migration 0006)."""
    with connection.cursor() as cursor:
        cursor.execute("SET eenplan.toegangslog_legen = 'aan'")


connection_created.connect(_allow_flushing_the_access_log)
connection_created.connect(databaserol.on_connection_created)


def load_reference_data() -> None:
    for module, function in REFERENCE_DATA:
        getattr(importlib.import_module(module), function)(apps, None)
    sync_role_permissions()


def ensure_reference_data() -> None:
    """Load the reference data when a transactional test on this worker flushed it. The
    flush empties every table at once, so one table tells. pytest-django runs the
    transactional tests last, but xdist's work stealing can hand a worker ordinary tests
    after them."""
    from huishoudens.models import Leefdomein

    if not Leefdomein.objects.exists():
        load_reference_data()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Created and migrated as the owner; then the application's role (tests/databaserol.py)."""
    with django_db_blocker.unblock():
        load_reference_data()
        databaserol.grant_app_role()


DB_FIXTURES = {
    "_django_db_helper",
    "db",
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def _uses_db(request) -> bool:
    return bool(
        request.node.get_closest_marker("django_db") or DB_FIXTURES & set(request.fixturenames)
    )


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request, django_db_blocker):
    marker = request.node.get_closest_marker("django_db")
    transactioneel = bool(marker and marker.kwargs.get("transaction"))
    if (
        transactioneel
        or "transactional_db" in request.fixturenames
        or "live_server" in request.fixturenames
    ):
        request.getfixturevalue("transactional_db")
        load_reference_data()
    elif _uses_db(request):  # before the test's transaction begins: committed
        with django_db_blocker.unblock():
            ensure_reference_data()


@pytest.fixture(autouse=True)
def _als_app_rol(request, _reference_data_after_flush):
    """Every test that uses the database runs as the application's role, fixtures
    included; `@pytest.mark.eigenaar("why")` keeps the owner (tests/databaserol.py)."""
    if not _uses_db(request):
        yield
        return
    eigenaar = request.node.get_closest_marker("eigenaar")
    if eigenaar:
        if not (eigenaar.args and str(eigenaar.args[0]).strip()):
            pytest.fail("@pytest.mark.eigenaar needs the reason why the owner is needed")
        yield
        return
    request.getfixturevalue("_django_db_helper")
    from django.db import connection

    databaserol.start(connection)
    try:
        yield
    finally:
        databaserol.stop(connection)


@pytest.fixture
def team_noord(db):
    return TeamFactory(naam="Wijkteam Noord", wijk="Noord")


@pytest.fixture
def team_zuid(db):
    return TeamFactory(naam="Wijkteam Zuid", wijk="Zuid")


@pytest.fixture
def professional(team_noord):
    return UserFactory(
        username="professional.noord", rol=Rol.PROFESSIONAL, teams=[team_noord], password=PASSWORD
    )


@pytest.fixture
def teamleider(team_noord):
    return UserFactory(
        username="teamleider.noord", rol=Rol.TEAMLEIDER, teams=[team_noord], password=PASSWORD
    )


@pytest.fixture
def professional_zuid(team_zuid):
    return UserFactory(
        username="professional.zuid", rol=Rol.PROFESSIONAL, teams=[team_zuid], password=PASSWORD
    )


@pytest.fixture
def teamleider_zuid(team_zuid):
    return UserFactory(
        username="teamleider.zuid", rol=Rol.TEAMLEIDER, teams=[team_zuid], password=PASSWORD
    )


@pytest.fixture
def auditor(db):
    return UserFactory(username="auditor", rol=Rol.AUDITOR, password=PASSWORD)


@pytest.fixture
def beheerder(db):
    return UserFactory(username="beheerder", rol=Rol.BEHEERDER, is_staff=True, password=PASSWORD)


@pytest.fixture
def client_for():
    """A test client logged in as the given user (a fresh client per call)."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def htmx_headers():
    """Headers htmx sends with every request it makes."""
    return {"HX-Request": "true", "HX-Current-URL": "http://testserver/"}


@pytest.fixture
def wereld(db):
    """Two teams, every role and case data of team Noord (see tests/wereld.py)."""
    from tests.wereld import maak_wereld

    return maak_wereld()
