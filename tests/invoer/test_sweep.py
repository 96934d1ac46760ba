"""Hostile input on every field of every form: no 500, a refusal explained next to the
field, and the payload never rendered unescaped on any page that shows it."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import transaction
from django.test import Client

from tests.invoer.formulieren import FORMULIEREN
from tests.invoer.payloads import (
    BSN,
    CONTROL,
    DANGEROUS_MARKERS,
    DATES,
    PAYLOADS,
    SCRIPT,
    SIZE,
    SQL,
    TYPES,
)

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _unescaped(text: str, payload: str) -> bool:
    """True when a dangerous part of the payload appears verbatim in the page."""
    lowered = payload.lower()
    return any(m in lowered and m in text.lower() and payload in text for m in DANGEROUS_MARKERS)


def _payloads_for(value) -> list[str]:
    """The full corpus for free text; for dates, numbers and choices the hostile subset
    that makes sense (they never reach a page verbatim, only their error does)."""
    text = str(value)
    if isinstance(value, datetime.date) or ISO_DATE.match(text):
        return DATES + TYPES + SCRIPT[:4] + SQL[:2] + SIZE[:1] + CONTROL[:2]
    if text.replace(".", "", 1).replace("-", "", 1).isdigit():
        return TYPES + BSN + SCRIPT[:4] + SQL[:2] + SIZE[:1] + CONTROL[:2]
    return PAYLOADS


def _has_error(body: str, veld: str) -> bool:
    return (
        f'id="id_{veld}_error"' in body
        or 'role="alert"' in body
        or "utrecht-form-field-error-message" in body
    )


@pytest.mark.parametrize("name", sorted(FORMULIEREN))
def test_hostile_input_is_refused_or_stored_and_always_escaped(wereld, name):
    formulier = FORMULIEREN[name]
    client = Client(raise_request_exception=False)
    client.force_login(wereld.users[formulier.rol])
    url = formulier.url(wereld)
    geldig = formulier.geldig(wereld)
    pages = formulier.toont(wereld)
    problems = []
    for veld in formulier.fields(wereld):
        for payload in _payloads_for(geldig.get(veld, "")):
            short = f"{veld}={payload[:40]!r}"
            with transaction.atomic():
                response = client.post(url, data={**geldig, veld: payload})
                status = response.status_code
                if status >= 500:
                    problems.append(f"{short}: {status}")
                elif status == 200:
                    body = response.content.decode(errors="replace")
                    if _unescaped(body, payload):
                        problems.append(f"{short}: echoed unescaped in the form")
                    if not _has_error(body, veld):
                        problems.append(f"{short}: refused without an error next to the field")
                elif status == 302 and any(m in payload.lower() for m in DANGEROUS_MARKERS):
                    for page in pages:
                        shown = client.get(page)
                        if shown.status_code >= 500:
                            problems.append(f"{short}: {page} gives {shown.status_code}")
                        elif _unescaped(shown.content.decode(errors="replace"), payload):
                            problems.append(f"{short}: rendered unescaped on {page}")
                elif status not in {302, 403, 404, 409}:
                    problems.append(f"{short}: unexpected status {status}")
                transaction.set_rollback(True)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_the_sweep_covers_the_forms_of_every_app():
    apps = {name.split(":")[0] for name in FORMULIEREN}
    assert {"huishoudens", "casussen"} <= apps


def test_the_corpus_has_at_least_fifty_payloads():
    assert len(PAYLOADS) >= 50
    assert any("\x00" in p for p in PAYLOADS)
    assert any(len(p) >= 100_000 for p in PAYLOADS)


@pytest.mark.django_db
@pytest.mark.parametrize("veld", ["username", "password"])
def test_the_login_form_survives_hostile_input(client, veld):
    client.raise_request_exception = False
    for index, payload in enumerate(PAYLOADS):
        data = {"username": "iemand", "password": "iets", veld: payload}
        response = client.post("/accounts/login/", data=data, REMOTE_ADDR=f"10.1.0.{index % 250}")
        assert response.status_code in {200, 429}, (repr(payload[:40]), response.status_code)
        assert not _unescaped(response.content.decode(errors="replace"), payload)
