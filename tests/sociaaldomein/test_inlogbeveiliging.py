"""Login brute force: five failures lock a username from one IP for 15 minutes."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.sociaaldomein.factories import UserFactory

GOED = "correct-horse-battery"


def _login(client, username, password, ip="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


@pytest.mark.django_db
def test_five_failures_lock_the_username_from_that_address(client, professional):
    for _ in range(4):
        assert _login(client, "professional.noord", "fout").status_code == 200
    locked = _login(client, "professional.noord", "fout")
    assert locked.status_code == 429
    assert "tijdelijk geblokkeerd" in locked.text
    # even the right password is refused while locked
    assert _login(client, "professional.noord", GOED).status_code == 429


@pytest.mark.django_db
def test_a_lockout_does_not_lock_out_other_users(client, professional):
    UserFactory(username="collega", password=GOED)
    for _ in range(5):
        _login(client, "professional.noord", "fout")
    assert _login(client, "collega", GOED).status_code == 302


@pytest.mark.django_db
def test_a_lockout_does_not_lock_the_user_out_from_another_address(client, professional):
    for _ in range(5):
        _login(client, "professional.noord", "fout", ip="10.0.0.66")
    assert _login(client, "professional.noord", GOED, ip="10.0.0.2").status_code == 302


@pytest.mark.django_db
def test_the_lock_ends_after_fifteen_minutes(client, professional, settings):
    assert settings.AXES_COOLOFF_TIME == datetime.timedelta(minutes=15)
    for _ in range(5):
        _login(client, "professional.noord", "fout")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - datetime.timedelta(minutes=16)
    )
    assert _login(client, "professional.noord", GOED).status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_count(client, professional):
    for _ in range(4):
        _login(client, "professional.noord", "fout")
    assert _login(client, "professional.noord", GOED).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        assert _login(client, "professional.noord", "fout").status_code == 200
