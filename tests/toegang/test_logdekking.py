"""Access-log coverage, driven from the URL resolver like the access matrix: every URL
pattern that shows or changes personal data writes an access-log entry (NEN 7513) when a
role that may use it does so, or is listed in EXEMPT with the reason it needs none.

For each pattern the first role of VOLGORDE that the matrix allows to GET it (and, for
POST, the first such role that writes there) makes the request, with the matrix's own URL
arguments and form body, in a savepoint that is rolled back. What each entry holds (who,
purpose, members) is checked in tests/sociaaldomein/test_toegangslog_dekking.py.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from sociaaldomein.models import Toegangslog
from tests.toegang.matrix import MATRIX
from tests.toegang.test_matrix import APP_PATTERNS

pytestmark = pytest.mark.django_db

VOLGORDE = [
    "professional",
    "teamleider",
    "auditor",
    "beheerder",
    "inwoner",
    "aanbieder",
    "archivaris",
    "ander_team",
    "ander_teamleider",
]
GELUKT = {200, 201, 204, 302}

# Patterns that show or change no personal data, with the reason. Everything else logs.
LEEG_FORMULIER = "an empty form; what is sent with it is logged"
EXEMPT: dict[str, str] = {
    "logout": "signing out",
    "socialekaart:zoeken": "the catalogue of local provisions: no person in it",
    "socialekaart:dienst": "one provision of the catalogue: no person in it",
    "verwijzingen:productcodes": "the iWmo/iJw code list of a category: no person in it",
    "inwoner:inbreng": "the member's own empty form for a contribution; sending it is logged",
    "tweede_factor": "the user's own second factor (sign-in, not case data)",
    "tweede_factor_instellen": "the user's own second factor (sign-in, not case data)",
    "otp_webauthn:credential-authentication-begin": "the user's own passkey (sign-in)",
    "otp_webauthn:credential-registration-begin": "the user's own passkey (sign-in)",
    "otp_webauthn:js-i18n-catalog": "the passkey script's translations",
    "huishoudens:nieuw": LEEG_FORMULIER,
    "huishoudens:lid_nieuw": "an empty form under the household's name; the POST is logged",
    "verantwoording:doorbraak": LEEG_FORMULIER,
    "verantwoording:dossier_controleren": "an upload form for a PDF the user already holds",
    "verantwoording:dossier_voortgang": "the percentage of the user's own export; opening "
    "and downloading it are logged",
    "maatwerk:teller": "a count in the header",
    "meldingen_teller": "a count in the header",
    "meldingen": "the user's own notifications: a title and a link; the page it opens logs",
    "melding_gelezen": "marks the user's own notification read",
    "meldingen_gelezen": "marks the user's own notifications read",
    "maatwerk:budget": "figures per team, no person in them",
    "maatwerk:register": "the anonymised register of precedents",
    "maatwerk:raad": "figures for the council, no person in them",
    "maatwerk:raad_csv": "figures for the council, no person in them",
    "vroegsignalering:start": "a redirect to the team's queue or the monitor",
    "vroegsignalering:aanleveren": "the upload form; the upload and its report are logged",
    "vroegsignalering:monitor": "counts per partner type and outcome, no person in them",
    "wijk:wijkbeeld": "aggregates per wijk, figures under 10 suppressed",
    "wijk:wijkbeeld_csv": "aggregates per wijk, figures under 10 suppressed",
    "wijk:raadsrapport": "aggregates and stories that were anonymised when saved",
    "wijk:verhaal_selecteren": "selects an anonymised story for the council report",
    "archief:overzicht": "destruction lists: the minimal record of a file (reference, "
    "period, laws, dates), no personal data",
    "archief:lijst": "one destruction list: the minimal record of its files, no personal data",
}


def _rol(table: dict[str, set[int]] | None, writers=None) -> str | None:
    for rol in VOLGORDE:
        allowed = (table or {}).get(rol, set()) & {200, 302}
        if allowed and (writers is None or rol in writers):
            return rol
    return None


def _gevallen() -> list[tuple[str, str, str]]:
    result = []
    for name in APP_PATTERNS:
        regel = MATRIX.get(name)
        if regel is None or regel.public or name in EXEMPT:
            continue
        if rol := _rol(regel.get):
            result.append((name, "GET", rol))
        if rol := _rol(regel.post, regel.writes):
            result.append((name, "POST", rol))
    return result


def test_the_exemptions_name_existing_patterns():
    assert [name for name in EXEMPT if name not in APP_PATTERNS] == []


def test_every_look_and_change_of_personal_data_is_logged(wereld):
    gevallen = _gevallen()
    assert len(gevallen) >= 60  # the resolver drives it: not a hand-made handful
    problems = []
    for name, method, rol in gevallen:
        regel = MATRIX[name]
        client = Client()
        client.force_login(wereld.users[rol])
        url = reverse(name, kwargs=regel.kwargs(wereld))
        with transaction.atomic():
            before = Toegangslog.objects.count()
            if method == "GET":
                response = client.get(url)
            else:
                response = client.post(url, data=regel.post_data(wereld))
            written = Toegangslog.objects.count() - before
            transaction.set_rollback(True)
        if response.status_code not in GELUKT:
            problems.append(f"{method} {url} as {rol}: {response.status_code}")
        elif not written:
            problems.append(f"{method} {url} as {rol} ({name}) wrote no access-log entry")
    assert not problems, "\n".join(problems)
