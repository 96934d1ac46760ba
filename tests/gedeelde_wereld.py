"""One test world per module and worker, for the proofs that request it hundreds of times.

The access matrix, the access-log coverage, the query pins and the hostile-input sweep
each run one test per URL pattern or form, and each test used to build the whole world
(about 1 250 queries). Here a module builds it once, inside a transaction that is never
committed; every test runs in a savepoint of it (pytest-django's `db`), rolled back at the
test's end, and starts from the world's rows again (`Wereld.herlaad`). So a test sees
exactly what a freshly built world holds, as before, and its writes never reach the next.

A conftest.py opts its directory in with:

    from tests.gedeelde_wereld import gedeelde_wereld, wereld  # noqa: F401

Not for transactional tests or the browser (they commit; they keep the function-scoped
`wereld` of tests/conftest.py).
"""

from __future__ import annotations

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def gedeelde_wereld(django_db_setup, django_db_blocker):
    from tests.conftest import ensure_reference_data
    from tests.wereld import maak_wereld

    with django_db_blocker.unblock():
        ensure_reference_data()
        buiten = transaction.atomic()
        buiten.__enter__()
        try:
            w = maak_wereld()
            w.onthoud()
            yield w
        finally:
            transaction.set_rollback(True)
            buiten.__exit__(None, None, None)


@pytest.fixture
def wereld(gedeelde_wereld, db):
    gedeelde_wereld.herlaad()
    return gedeelde_wereld
