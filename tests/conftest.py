"""Shared fixtures: the organisation of a municipality with two wijkteams.

Everything runs against real PostgreSQL (see `make test`). Browser tests drive Debian's
Chromium through Playwright; see tests/browser/conftest.py.
"""

import os

# Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse
# to run there. Test-only: the application itself never sets this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest
from django.test import Client

from sociaaldomein.roles import Rol
from tests.sociaaldomein.factories import TeamFactory, UserFactory

PASSWORD = "correct-horse-battery"


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
