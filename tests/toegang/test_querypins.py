"""Query pins for every page and htmx partial, driven from the URL resolver like the
access matrix: each URL pattern a role may GET has its number of SQL queries pinned here,
as a full page and as an htmx request, so a page that starts querying per row (or a new
page without a pin) fails. The counts are exact, measured with the access matrix's world,
role and URL arguments; the ContentType cache is cleared first so they do not depend on
what ran before.

A new page: run `PINS=1 pytest tests/toegang/test_querypins.py -n 0 -s` and copy the
printed line for it, after checking the number is what the page should cost.
"""

from __future__ import annotations

import os

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.toegang.matrix import MATRIX
from tests.toegang.test_logdekking import VOLGORDE
from tests.toegang.test_matrix import APP_PATTERNS

pytestmark = pytest.mark.django_db

# Patterns without a pin, with the reason.
ZONDER_PIN: dict[str, str] = {
    "logout": "GET is not allowed",
}

# name: (role, full page, htmx request)
PINS: dict[str, tuple[str, int, int]] = {
    "archief:lijst": ("teamleider", 5, 5),
    "archief:overzicht": ("teamleider", 3, 3),
    "archief:verzoek": ("professional", 6, 6),
    "archief:verzoek_nieuw": ("professional", 5, 5),
    # 8: the action form's list of active services of the sociale kaart (issue 16)
    "casussen:actie_nieuw": ("professional", 8, 8),
    "casussen:actie_wijzigen": ("professional", 8, 8),
    "casussen:akkoord": ("professional", 9, 9),
    "casussen:doel_nieuw": ("professional", 6, 6),
    "casussen:doel_wijzigen": ("professional", 9, 9),
    "casussen:eigen_woorden": ("professional", 4, 4),
    "casussen:plan": ("professional", 21, 21),
    "casussen:status": ("professional", 4, 4),
    "casussen:termijn_nieuw": ("professional", 4, 4),
    "casussen:termijn_voldaan": ("professional", 5, 5),
    "casussen:veiligheid": ("professional", 4, 4),
    "casussen:veiligheid_opheffen": ("professional", 5, 5),
    "huishoudens:beoordelen": ("professional", 7, 7),
    "huishoudens:beoordelen_lid": ("professional", 8, 8),
    "huishoudens:delen": ("teamleider", 6, 6),
    "huishoudens:detail": ("professional", 20, 20),
    "huishoudens:lid_nieuw": ("professional", 3, 3),
    "huishoudens:lid_vertrek": ("professional", 5, 5),
    "huishoudens:lid_wijzigen": ("professional", 5, 5),
    "huishoudens:lijst": ("professional", 6, 6),
    "huishoudens:nieuw": ("professional", 3, 3),
    "huishoudens:wijzigen": ("professional", 5, 5),
    "inwoner:avg_antwoord": ("professional", 5, 5),
    "inwoner:bekeken": ("inwoner", 5, 5),
    "inwoner:inbreng": ("inwoner", 3, 3),
    "inwoner:inbreng_besluit": ("professional", 5, 5),
    "inwoner:inzage": ("inwoner", 15, 15),
    "inwoner:mijn_plan": ("inwoner", 11, 11),
    "inwoner:rechten": ("inwoner", 5, 5),
    "inwoner:uitnodigen": ("professional", 6, 6),
    "maatwerk:budget": ("professional", 4, 4),
    "maatwerk:inbox": ("teamleider", 7, 6),
    "maatwerk:details": ("professional", 6, 6),
    "maatwerk:raad": ("professional", 7, 7),
    "maatwerk:raad_csv": ("professional", 7, 7),
    "maatwerk:register": ("professional", 3, 3),
    "maatwerk:teller": ("professional", 2, 2),
    "maatwerk:verzoek": ("professional", 7, 7),
    "meldingen": ("professional", 4, 4),
    "meldingen_teller": ("professional", 2, 2),
    "otp_webauthn:js-i18n-catalog": ("professional", 2, 2),
    "socialekaart:dienst": ("professional", 4, 4),
    "socialekaart:zoeken": ("professional", 5, 5),
    "start": ("professional", 17, 17),
    "toetsing:artikelen": ("professional", 5, 10),
    "toetsing:corrigeren": ("professional", 5, 5),
    "toetsing:lijst": ("professional", 5, 5),
    "toetsing:stap1": ("professional", 10, 10),
    "toetsing:stap2": ("professional", 11, 11),
    "toetsing:starten_actie": ("professional", 6, 6),
    "toetsing:starten_doel": ("professional", 6, 6),
    "toetsing:toets": ("professional", 9, 9),
    "tweede_factor_instellen": ("professional", 5, 5),
    "verantwoording:beschikking": ("professional", 7, 7),
    "verantwoording:doorbraak": ("professional", 2, 2),
    "verantwoording:dossier": ("professional", 6, 6),
    "verantwoording:dossier_controleren": ("professional", 2, 2),
    "verantwoording:dossier_download": ("professional", 6, 6),
    "verantwoording:dossier_voortgang": ("professional", 3, 4),
    "verantwoording:huishouden_toegangslog": ("teamleider", 8, 8),
    "verantwoording:toegangslog": ("auditor", 7, 6),
    "verwijzingen:aanbieder": ("aanbieder", 5, 5),
    "verwijzingen:aanbieder_verwijzing": ("aanbieder", 6, 6),
    "verwijzingen:nieuw": ("professional", 9, 9),
    "verwijzingen:productcodes": ("professional", 3, 3),
    "verwijzingen:toewijzing": ("professional", 6, 6),
    "vroegsignalering:aanleveren": ("professional", 4, 4),
    "vroegsignalering:aanlevering": ("professional", 4, 4),
    "vroegsignalering:huishouden": ("professional", 4, 4),
    "vroegsignalering:monitor": ("professional", 5, 5),
    "vroegsignalering:monitor_csv": ("professional", 4, 4),
    "vroegsignalering:terugmelding": ("professional", 5, 5),
    "vroegsignalering:wachtrij": ("professional", 7, 7),
    "vroegsignalering:zaak": ("professional", 6, 6),
    "wijk:makelaar": ("professional", 11, 11),
    "wijk:raadsrapport": ("teamleider", 7, 7),
    "wijk:verhaal_nieuw": ("professional", 4, 4),
    "wijk:verhalen": ("teamleider", 4, 4),
    "wijk:wijkbeeld": ("teamleider", 6, 6),
    "wijk:wijkbeeld_csv": ("teamleider", 6, 6),
}


def _rol(name: str) -> str | None:
    table = MATRIX[name].get or {}
    return next((rol for rol in VOLGORDE if 200 in table.get(rol, set())), None)


def _gepind() -> list[str]:
    return [
        name
        for name in APP_PATTERNS
        if name in MATRIX and not MATRIX[name].public and name not in ZONDER_PIN and _rol(name)
    ]


def _tel(client: Client, url: str, htmx: bool) -> tuple[int, int]:
    headers = {"HX-Request": "true", "HX-Current-URL": f"http://testserver{url}"} if htmx else {}
    ContentType.objects.clear_cache()
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        status = client.get(url, headers=headers).status_code
        transaction.set_rollback(True)
    return status, len(queries)


def test_every_page_and_partial_has_a_pin():
    if os.environ.get("PINS"):
        pytest.skip("measuring")
    missing = [name for name in _gepind() if name not in PINS]
    assert not missing, f"pages without a query pin in {__file__}: {missing}"
    stale = [name for name in PINS if name not in _gepind()]
    assert not stale, f"pins for patterns that are gone or not pinnable: {stale}"


def test_every_page_and_partial_costs_its_pinned_queries(wereld):
    measured = {}
    for name in _gepind():
        rol = _rol(name)
        client = Client()
        client.force_login(wereld.users[rol])
        client.get(reverse("start"))  # the first request after login writes the session
        url = reverse(name, kwargs=MATRIX[name].kwargs(wereld))
        (status, page), (status_htmx, partial) = _tel(client, url, False), _tel(client, url, True)
        # a partial-only endpoint sends a full-page request on to its page (302)
        assert status in {200, 302} and status_htmx == 200, f"{url} as {rol}: {status}"
        measured[name] = (rol, page, partial)
    if os.environ.get("PINS"):
        for name, pin in measured.items():
            print(f"    {name!r}: {pin!r},")
        return
    wrong = {name: (PINS.get(name), got) for name, got in measured.items() if PINS.get(name) != got}
    assert not wrong, f"query counts differ from the pins (pinned, measured): {wrong}"
