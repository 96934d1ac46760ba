"""Finding 6: the access log refuses TRUNCATE; a checkpoint of the newest hash outside
the database reveals removed newest entries."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from sociaaldomein.models import Toegangslog
from tests.databaserol import als_eigenaar
from tests.sociaaldomein.factories import UserFactory


def _entry(user, onderwerp="huishoudens"):
    return Toegangslog.objects.create(
        gebruiker=user, gebruikersnaam=user.username, onderwerp=onderwerp, actie="bekeken"
    )


@pytest.mark.django_db
def test_truncate_is_refused():
    _entry(UserFactory())
    # the app role has no TRUNCATE privilege at all (test_app_rol); the trigger stops
    # the owner, so this one statement runs as the owner
    with (
        als_eigenaar(),
        pytest.raises(DatabaseError, match="TRUNCATE"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET LOCAL eenplan.toegangslog_legen = ''")
        cursor.execute("TRUNCATE sociaaldomein_toegangslog CASCADE")
    assert Toegangslog.objects.exists()


@pytest.mark.django_db
def test_removing_the_newest_entries_is_noticed_through_the_checkpoint(tmp_path, settings):
    settings.TOEGANGSLOG_ANKER = tmp_path / "anker.txt"
    user = UserFactory()
    for _ in range(3):
        _entry(user)
    call_command("toegangslog_anker")
    assert len(settings.TOEGANGSLOG_ANKER.read_text().split()) == 3
    call_command("verify_toegangslog")  # in order
    _entry(user)
    call_command("verify_toegangslog")  # newer entries than the anchor are fine
    # the owner removes the newest entries past the triggers (as an attacker with the
    # owner's role could): the chain itself stays valid, the anchor does not
    with als_eigenaar(), connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")  # triggers off
        cursor.execute(
            "DELETE FROM sociaaldomein_toegangslog WHERE volgnummer >= "
            "(SELECT max(volgnummer) - 1 FROM sociaaldomein_toegangslog)"
        )
        cursor.execute("SET session_replication_role = origin")
    fouten = io.StringIO()
    with pytest.raises(CommandError, match="NIET in orde"):
        call_command("verify_toegangslog", stderr=fouten)
    assert "ontbreekt (regels verwijderd)" in fouten.getvalue()
