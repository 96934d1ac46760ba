"""Finding 4: behind a proxy axes locks the client's address, not the proxy's; and one
address is limited across usernames (password spraying)."""

import pytest
from django.urls import reverse

from tests.sociaaldomein.factories import UserFactory

GOED = "correct-horse-battery"
PROXY = "172.18.0.2"


def _login(client, username, password, *, client_ip):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"6.6.6.6, {client_ip}",
    )


@pytest.mark.django_db
def test_behind_a_trusted_proxy_a_lockout_stays_with_the_attackers_address(
    client, professional, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        _login(client, "professional.noord", "fout", client_ip="203.0.113.9")
    assert _login(client, "professional.noord", "fout", client_ip="203.0.113.9").status_code == 429
    # the real user, from another address through the same proxy, still logs in
    assert _login(client, "professional.noord", GOED, client_ip="198.51.100.4").status_code == 302


@pytest.mark.django_db
def test_without_trusted_proxies_a_forged_header_is_ignored(client, professional, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for i in range(5):
        _login(client, "professional.noord", "fout", client_ip=f"203.0.113.{i}")
    assert _login(client, "professional.noord", GOED, client_ip="198.51.100.4").status_code == 429


@pytest.mark.django_db
def test_one_address_spraying_many_usernames_is_locked(client, professional, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.INLOG_MAX_PER_ADRES = 6
    for i in range(6):
        UserFactory(username=f"slachtoffer{i}", password=GOED)
        _login(client, f"slachtoffer{i}", "Welkom01", client_ip="203.0.113.7")
    geblokkeerd = _login(client, "professional.noord", GOED, client_ip="203.0.113.7")
    assert geblokkeerd.status_code == 429
    assert _login(client, "professional.noord", GOED, client_ip="198.51.100.4").status_code == 302
