"""Demo data: the organisation (teams, users, roles) and shared bulk-loading helpers.

`manage.py seed_demo` runs `seed_organisation` and then the `seed` function of every
app's `demo` module (`demo_steps`), in the order of INSTALLED_APPS. Each step is idempotent: it only adds what is missing.
Bulk steps use PostgreSQL COPY, so 100 000 households load in about a minute.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import DatabaseError, connection, transaction
from django.utils.module_loading import module_has_submodule

from sociaaldomein.models import Team, User
from sociaaldomein.roles import Rol, ensure_roles


def demo_steps() -> list[str]:
    """The demo module of every app but this one, in the order of INSTALLED_APPS (an app
    builds on the apps below it, so their data is there first)."""
    return [
        f"{config.name}.demo"
        for config in apps.get_app_configs()
        if config.name != "sociaaldomein" and module_has_submodule(config.module, "demo")
    ]


TEAMS = [("Wijkteam Noord", "Noord"), ("Wijkteam Zuid", "Zuid")]

USERS = [
    # username, first name, last name, role, team
    ("professional.noord", "Fatima", "El Idrissi", Rol.PROFESSIONAL, "Wijkteam Noord"),
    ("teamleider.noord", "Jeroen", "Bakker", Rol.TEAMLEIDER, "Wijkteam Noord"),
    ("professional.zuid", "Sanne", "de Wit", Rol.PROFESSIONAL, "Wijkteam Zuid"),
    ("teamleider.zuid", "Kees", "Vermeulen", Rol.TEAMLEIDER, "Wijkteam Zuid"),
    ("auditor", "Anouk", "Smit", Rol.AUDITOR, None),
    ("beheerder", "Ruud", "Hendriks", Rol.BEHEERDER, None),
    ("archivaris", "Mirjam", "de Graaf", Rol.ARCHIVARIS, None),
    # a household member (issue 15: Mijn plan); inwoner/demo.py links her to her household
    ("inwoner.demo", "Marieke", "de Boer", Rol.INWONER, None),
    # a provider's account (issue 16): verwijzingen.demo links it to its organisation
    ("aanbieder.demo", "Mila", "Jansen", Rol.AANBIEDER, None),
]


@dataclass
class DemoContext:
    """What the steps share: the organisation and the households this run added."""

    today: datetime.date
    households: int
    teams: dict[str, Team]
    users: dict[str, User]
    new_household_ids: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    colleagues: dict[int, list[User]] = field(default_factory=dict)

    def professionals_of(self, team: Team) -> list[User]:
        """The demo accounts of a team plus its demo colleagues (cached per team)."""
        cache = self.__dict__.setdefault("_staff", {})
        if team.pk not in cache:
            cache[team.pk] = [
                user
                for username, user in self.users.items()
                if username.endswith("." + team.wijk.lower())
            ] + self.colleagues.get(team.pk, [])
        return cache[team.pk]


def seed_organisation(password: str | None) -> tuple[dict[str, Team], dict[str, User]]:
    groups = ensure_roles()
    teams = {
        naam: Team.objects.get_or_create(naam=naam, defaults={"wijk": wijk})[0]
        for naam, wijk in TEAMS
    }
    users: dict[str, User] = {}
    for username, first, last, rol, team in USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@voorbeeldstad.example",
                "is_staff": rol == Rol.BEHEERDER,
            },
        )
        if created or password is not None:
            user.set_password(password or "demo")
            user.save(update_fields=["password"])
        user.groups.add(groups[rol.value])
        if team:
            teams[team].leden.add(user)
        users[username] = user
    return teams, users


# A professional coordinates about this many households; larger demo sets get colleagues
# (accounts that cannot log in) so that every demo login has a realistic caseload.
CASELOAD = 35
COLLEGA_VOORNAMEN = [
    "Anna",
    "Bas",
    "Chantal",
    "Daan",
    "Eline",
    "Farid",
    "Gert",
    "Hanneke",
    "Imane",
    "Joost",
    "Karin",
    "Lars",
    "Mirjam",
    "Nadia",
    "Olaf",
    "Priya",
]
COLLEGA_ACHTERNAMEN = [
    "Mulder",
    "Kok",
    "Bos",
    "Yilmaz",
    "Verbeek",
    "Dekker",
    "Amrani",
    "Koster",
    "Peeters",
    "Hoekstra",
    "Sahin",
    "Visser",
    "Brouwer",
]


def seed_colleagues(ctx: DemoContext) -> None:
    """Colleague professionals per team, in proportion to the number of households."""
    groups = ensure_roles()
    per_team = max(0, (ctx.households // len(ctx.teams)) // CASELOAD - 1)
    for team in ctx.teams.values():
        wijk = team.wijk.lower()
        existing = list(
            User.objects.filter(
                username__startswith="collega", username__endswith=f".{wijk}"
            ).order_by("username")
        )
        missing = [
            User(
                username=f"collega{n:04d}.{wijk}",
                first_name=COLLEGA_VOORNAMEN[n % len(COLLEGA_VOORNAMEN)],
                last_name=COLLEGA_ACHTERNAMEN[(n * 7) % len(COLLEGA_ACHTERNAMEN)],
                email=f"collega{n:04d}.{wijk}@voorbeeldstad.example",
                # unusable: colleagues carry caseloads in the demo, they do not log in
                password=make_password(None),
            )
            for n in range(len(existing) + 1, per_team + 1)
        ]
        if missing:
            created = User.objects.bulk_create(missing)
            Team.leden.through.objects.bulk_create(
                [Team.leden.through(team_id=team.pk, user_id=u.pk) for u in created]
            )
            User.groups.through.objects.bulk_create(
                [
                    User.groups.through(user_id=u.pk, group_id=groups[Rol.PROFESSIONAL.value].pk)
                    for u in created
                ]
            )
            existing += created
        ctx.colleagues[team.pk] = existing


# --- bulk helpers -------------------------------------------------------------------------


def reserve_ids(table: str, count: int) -> range:
    """Reserve a contiguous block of `count` ids from a table's identity sequence.

    One round trip for any number of rows; ids left unused are harmless gaps. The table
    is locked for the rest of the transaction so no concurrent insert takes an id, and
    the ids are drawn with nextval (USAGE on the sequence, which the application's role
    has), not setval (UPDATE, which it has not: `manage.py app_rol`).
    """
    if count == 0:
        return range(0)
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
        cursor.execute(
            "SELECT min(id), max(id) FROM (SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "AS id FROM generate_series(1, %s)) AS getrokken",
            [table, count],
        )
        first, last = cursor.fetchone()
    if last - first + 1 != count:  # another session drew from the sequence meanwhile
        raise RuntimeError(f"Geen aaneengesloten reeks ids voor {table}.")
    return range(first, last + 1)


def copy_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """COPY rows into a table (psycopg 3); returns the number of rows written."""
    written = 0
    column_list = ", ".join(columns)
    connection.ensure_connection()
    sql = f"COPY {table} ({column_list}) FROM STDIN"
    with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
            written += 1
    return written


@contextlib.contextmanager
def without_fk_triggers() -> Iterator[bool]:
    """Skip the per-row foreign-key checks of a bulk load where the server allows it.

    Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: every copied row queues a
    check that runs at COMMIT, which dominates the time for millions of rows. The demo
    rows are consistent by construction, so with the privilege to do so (superuser,
    e.g. the project-local cluster) the load runs with `session_replication_role =
    replica`. Elsewhere it silently keeps the normal checks. Only for tables without
    insert triggers of their own: replica mode switches those off too.
    """
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
        fast = True
    except DatabaseError:
        fast = False
    try:
        yield fast
    finally:
        if fast:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = origin")
