"""The access log can only grow, and tampering with it is detected."""

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test import RequestFactory

from sociaaldomein.accesslog import Actie, log_access, verify_chain
from sociaaldomein.models import Toegangslog
from tests.databaserol import als_eigenaar


def _entries(user, n=3):
    request = RequestFactory().get("/huishoudens/1/")
    request.user = user
    return [
        log_access(request, actie=Actie.BEKEKEN, onderwerp="huishouden", huishoudens=[i])
        for i in range(1, n + 1)
    ]


@pytest.mark.django_db
def test_entries_are_numbered_and_chained_by_the_database(professional):
    first, second, third = (entry.pk for entry in _entries(professional))
    rows = list(Toegangslog.objects.filter(pk__in=[first, second, third]).order_by("volgnummer"))
    assert [r.volgnummer for r in rows] == [rows[0].volgnummer + i for i in range(3)]
    assert rows[1].vorige_hash == rows[0].hash
    assert rows[2].vorige_hash == rows[1].hash
    assert all(len(r.hash) == 64 for r in rows)
    assert rows[0].gebruikersnaam == "professional.noord"
    assert rows[0].rol == "Professional"
    assert rows[0].team == "Wijkteam Noord"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE sociaaldomein_toegangslog SET gebruikersnaam = 'iemand anders'",
        "DELETE FROM sociaaldomein_toegangslog",
    ],
)
def test_update_and_delete_are_rejected_also_as_raw_sql(professional, sql):
    _entries(professional, 1)
    # the application's role may not even try (test_app_rol); the trigger stops the owner
    with (
        als_eigenaar(),
        pytest.raises(IntegrityError, match="alleen aan te vullen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert Toegangslog.objects.count() == 1


@pytest.mark.django_db
def test_orm_update_is_rejected(professional):
    entry = _entries(professional, 1)[0]
    entry.reden = "achteraf bedacht"
    with (
        als_eigenaar(),  # as above: the trigger is what stops the owner
        pytest.raises(IntegrityError, match="alleen aan te vullen: UPDATE"),
        transaction.atomic(),
    ):
        entry.save()


@pytest.mark.django_db
def test_verification_passes_on_an_untouched_chain(professional, capsys):
    _entries(professional, 5)
    count, problems, _head = verify_chain()
    assert (count, problems) == (5, [])
    call_command("verify_toegangslog")
    assert "in orde: 5 regels" in capsys.readouterr().out


def _tamper(sql: str) -> None:
    """What an attacker with table-owner rights could do: switch the trigger off."""
    with als_eigenaar(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks before ALTER
        cursor.execute(
            "ALTER TABLE sociaaldomein_toegangslog "
            "DISABLE TRIGGER sociaaldomein_toegangslog_alleen_toevoegen"
        )
        cursor.execute(sql)
        cursor.execute(
            "ALTER TABLE sociaaldomein_toegangslog "
            "ENABLE TRIGGER sociaaldomein_toegangslog_alleen_toevoegen"
        )


@pytest.mark.django_db
def test_an_altered_entry_is_detected(professional):
    entries = _entries(professional, 4)
    _tamper(
        "UPDATE sociaaldomein_toegangslog SET gebruikersnaam = 'onschuldig' "
        f"WHERE id = {entries[1].pk}"
    )
    _, problems, _ = verify_chain()
    volgnummer = Toegangslog.objects.get(pk=entries[1].pk).volgnummer
    assert (volgnummer, "inhoud gewijzigd") in problems
    with pytest.raises(CommandError, match="NIET in orde"):
        call_command("verify_toegangslog")


@pytest.mark.django_db
def test_a_removed_entry_is_detected(professional):
    entries = _entries(professional, 4)
    removed = Toegangslog.objects.get(pk=entries[1].pk).volgnummer
    _tamper(f"DELETE FROM sociaaldomein_toegangslog WHERE id = {entries[1].pk}")
    _, problems, _ = verify_chain()
    assert problems and problems[0][0] == removed + 1


@pytest.mark.django_db
def test_a_consistently_rewritten_entry_breaks_the_link_to_the_next(professional):
    entries = _entries(professional, 3)
    eerste = entries[0].pk
    # two statements: in one UPDATE the hash would be computed over the OLD row
    _tamper(f"UPDATE sociaaldomein_toegangslog SET gebruikersnaam = 'x' WHERE id = {eerste}")
    _tamper(
        "UPDATE sociaaldomein_toegangslog SET hash = sociaaldomein_toegangslog_hash("
        f"sociaaldomein_toegangslog) WHERE id = {eerste}"
    )
    # the row itself is consistent now: only the next entry's link to it is broken
    _, problems, _ = verify_chain()
    volgende = Toegangslog.objects.get(pk=entries[1].pk).volgnummer
    assert problems == [(volgende, "keten gebroken")]
    with pytest.raises(CommandError, match="NIET in orde"):
        call_command("verify_toegangslog")
