"""A backup restores into an empty database with every row and an intact access log."""

import uuid

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory

from huishoudens.models import Beoordeling, Huishouden, Lid
from sociaaldomein.accesslog import VERIFY_SQL, Actie, log_access
from sociaaldomein.models import Toegangslog


@pytest.fixture
def scratch_database():
    name = f"herstel_{uuid.uuid4().hex[:10]}"
    admin = {**connection.settings_dict}
    conninfo = psycopg.conninfo.make_conninfo(
        host=admin["HOST"],
        port=admin["PORT"],
        user=admin["USER"],
        password=admin["PASSWORD"] or None,
        dbname="postgres",
    )
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{admin['USER']}@{admin['HOST']}:{admin['PORT']}/{name}"
    if admin["PASSWORD"]:
        url = url.replace("@", f":{admin['PASSWORD']}@", 1)
    yield url, conninfo.replace("dbname=postgres", f"dbname={name}")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _fingerprint(cursor) -> dict[str, tuple[int, str]]:
    """Every table of the public schema: its row count and a hash over all its rows."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    result = {}
    for (table,) in cursor.fetchall():
        cursor.execute(
            f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) "
            f'FROM "{table}" t'
        )
        result[table] = tuple(cursor.fetchone())
    return result


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_keep_every_row_of_every_table_and_the_hash_chain(
    tmp_path, scratch_database, professional
):
    call_command("seed_demo", households=4)
    request = RequestFactory().get("/")
    request.user = professional
    for huishouden in Huishouden.objects.all():
        log_access(
            request, actie=Actie.BEKEKEN, onderwerp="huishouden", huishoudens=[huishouden.pk]
        )
    assert Lid.objects.exists() and Beoordeling.objects.exists() and Toegangslog.objects.exists()
    with connection.cursor() as cursor:
        before = _fingerprint(cursor)
    dump = tmp_path / "eenplan.dump"
    call_command("backup", output=dump)
    assert dump.stat().st_size > 0

    url, conninfo = scratch_database
    call_command("restore", dump, database_url=url)
    with psycopg.connect(conninfo) as conn:
        after = _fingerprint(conn.cursor())
        assert after.keys() == before.keys()
        assert [t for t in before if before[t] != after[t]] == []
        assert conn.execute(VERIFY_SQL).fetchall() == []
        # the append-only trigger came back with the data
        with pytest.raises(psycopg.errors.IntegrityConstraintViolation):
            conn.execute("DELETE FROM sociaaldomein_toegangslog")
