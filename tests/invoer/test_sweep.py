"""Hostile input on every field of every form: no 500, errors next to the field, and the
payload never rendered unescaped on any page that shows it."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from tests.invoer.formulieren import FORMULIEREN
from tests.invoer.payloads import DANGEROUS_MARKERS, PAYLOADS


def _unescaped(text: str, payload: str) -> bool:
    """True when a dangerous part of the payload appears verbatim in the page."""
    lowered = payload.lower()
    return any(m in lowered and m in text.lower() and payload in text for m in DANGEROUS_MARKERS)


CASES = [(name, veld) for name, formulier in FORMULIEREN.items() for veld in formulier.velden]


@pytest.mark.parametrize(("name", "veld"), CASES, ids=[f"{n}-{v}" for n, v in CASES])
def test_hostile_input_is_refused_or_stored_and_always_escaped(wereld, name, veld):
    formulier = FORMULIEREN[name]
    client = Client(raise_request_exception=False)
    client.force_login(wereld.users[formulier.rol])
    headers = {"HX-Request": "true"} if formulier.htmx else {}
    problems = []
    for payload in PAYLOADS:
        data = {**formulier.geldig(wereld), veld: payload}
        response = client.post(formulier.url(wereld), data=data, headers=headers)
        short = repr(payload[:40])
        if response.status_code >= 500:
            problems.append(f"{veld}={short}: {response.status_code}")
            continue
        if response.status_code in formulier.weigerstatussen and response.status_code == 200:
            body = response.content.decode(errors="replace")
            if _unescaped(body, payload):
                problems.append(f"{veld}={short}: echoed unescaped in the form response")
            no_error = "utrecht-form-field-error-message" not in body and 'role="alert"' not in body
            # accepted and re-rendered without errors is fine only for htmx saves
            if no_error and not formulier.htmx:
                problems.append(f"{veld}={short}: 200 without an error message")
        for page in formulier.toont(wereld):
            shown = client.get(page)
            if shown.status_code >= 500:
                problems.append(f"{veld}={short}: {page} gives {shown.status_code}")
            elif _unescaped(shown.content.decode(errors="replace"), payload):
                problems.append(f"{veld}={short}: rendered unescaped on {page}")
    assert not problems, "\n".join(problems[:30])


def test_the_corpus_has_at_least_fifty_payloads():
    assert len(PAYLOADS) >= 50
    assert any("\x00" in p for p in PAYLOADS)
    assert any(len(p) >= 100_000 for p in PAYLOADS)
    assert html.escape("<script>") != "<script>"


@pytest.mark.django_db
@pytest.mark.parametrize("veld", ["username", "password"])
def test_the_login_form_survives_hostile_input(client, veld):
    client.raise_request_exception = False
    for payload in PAYLOADS:
        data = {"username": "iemand", "password": "iets", veld: payload}
        response = client.post(
            "/accounts/login/",
            data=data,
            REMOTE_ADDR=f"10.1.{len(payload) % 250}.{ord(payload[0]) % 250 if payload else 1}",
        )
        assert response.status_code in {200, 429}, (repr(payload[:40]), response.status_code)
        assert not _unescaped(response.content.decode(errors="replace"), payload)
