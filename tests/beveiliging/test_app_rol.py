"""Finding 6: the application's database role owns nothing and may only read and add to
the access log: no UPDATE, DELETE or TRUNCATE, no dropping its triggers."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from sociaaldomein.models import Toegangslog

ROL = "eenplan_test_app"


def _als_app(statement: str, params=None):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL ROLE {ROL}")
        cursor.execute(statement, params)


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
