"""Every URL × every role × full page and htmx × GET and POST, against the access matrix."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.toegang.matrix import BUITEN, MATRIX, METHOD_NOT_ALLOWED, ROLLEN

# Tables that may change on any request: sessions and the access log (denied attempts
# are logged on purpose).
VOLATILE = {"django_session", "sociaaldomein_toegangslog"}


def _names(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _names(entry.url_patterns, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


PATTERNS = sorted({name for name in _names(get_resolver().url_patterns)})
APP_PATTERNS = [name for name in PATTERNS if not name.startswith("admin:")]


def test_every_url_pattern_is_in_the_access_matrix():
    missing = [name for name in APP_PATTERNS if name not in MATRIX]
    assert not missing, f"URL patterns without an access rule in tests/toegang/matrix.py: {missing}"
    stale = [name for name in MATRIX if name not in PATTERNS]
    assert not stale, f"access rules for URL patterns that no longer exist: {stale}"


def _writes() -> dict[str, int]:
    """Rows inserted, updated or deleted so far in this transaction, per application
    table (PostgreSQL's own counters, `pg_stat_xact_user_tables`): a write that is undone
    again, or that stores the same values, still counts. One cheap query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables"
            " WHERE schemaname = 'public' AND relname <> ALL(%s)"
            " AND n_tup_ins + n_tup_upd + n_tup_del > 0",
            [sorted(VOLATILE)],
        )
        return dict(cursor.fetchall())


def _check(wereld, name: str, rol: str, method: str, htmx: bool) -> str | None:
    """Run one request in a savepoint that is rolled back; return a problem or None."""
    regel = MATRIX[name]
    client = Client()
    if rol != "anoniem":
        client.force_login(wereld.users[rol])
    url = reverse(name, kwargs=regel.kwargs(wereld))
    headers = {"HX-Request": "true", "HX-Current-URL": f"http://testserver{url}"} if htmx else {}
    label = f"{method} {url} as {rol}{' (htmx)' if htmx else ''}"
    before = _writes()
    if method == "GET":
        response = client.get(url, headers=headers)
        table = regel.get
    else:
        response = client.post(url, data=regel.post_data(wereld), headers=headers)
        table = regel.post

    if rol == "anoniem":
        expected = {204} if htmx else {302}
        if table is None:
            expected |= METHOD_NOT_ALLOWED  # refused before the login check
    elif table is None:
        # a role outside the staff is refused before the view looks at the method
        expected = METHOD_NOT_ALLOWED | ({403} if rol in BUITEN else set())
    else:
        expected = table[rol]
    if response.status_code not in expected:
        return f"{label}: {response.status_code}, expected {sorted(expected)}"
    if rol == "anoniem" and response.status_code in {204, 302}:
        location = response.get("HX-Redirect" if htmx else "Location", "")
        if not location.startswith(reverse("login")):
            return f"{label}: sends the anonymous user to {location!r}, not to the login page"
    # A refusal never changes anything, whatever the role; a redirect or an empty htmx
    # answer is a refusal for a role that may not write here (for a writer it is success).
    refused = response.status_code in {403, 404, 405} or (
        response.status_code in {302, 204} and rol not in regel.writes
    )
    if (refused or rol == "anoniem") and (changed := _changed(before, _writes())):
        return f"{label}: a denied request wrote to {', '.join(changed)}"
    return None


def _changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return sorted(table for table, n in after.items() if n != before.get(table, 0))


RULES = [name for name in APP_PATTERNS if name in MATRIX and not MATRIX[name].public]


@pytest.mark.parametrize("name", RULES)
def test_access_matrix(wereld, name):
    """For one URL pattern: every role, full page and htmx, GET and POST."""
    problems = []
    for rol in ROLLEN:
        for method in ("GET", "POST"):
            for htmx in (False, True):
                with transaction.atomic():
                    problem = _check(wereld, name, rol, method, htmx)
                    transaction.set_rollback(True)
                if problem:
                    problems.append(problem)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rol", ROLLEN)
def test_admin_is_only_for_the_beheerder(wereld, rol):
    client = Client()
    if rol != "anoniem":
        client.force_login(wereld.users[rol])
    response = client.get(reverse("admin:index"))
    if rol == "beheerder":
        assert response.status_code == 200
    elif rol == "anoniem":
        assert response.status_code == 302
    else:
        assert response.status_code in {302, 403}
        if response.status_code == 302:
            assert client.get(response["Location"]).status_code == 403
