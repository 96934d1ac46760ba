"""Findings 9 and 11: seed_demo refuses outside DEBUG without --force; the CSRF cookie is
HttpOnly (htmx takes the token from the page)."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from sociaaldomein.models import User


@pytest.mark.django_db
def test_seed_demo_refuses_outside_debug(settings):
    settings.DEBUG = False
    settings.TESTING = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", households=0)
    assert not User.objects.filter(username="professional.noord").exists()


@pytest.mark.django_db
def test_seed_demo_runs_outside_debug_with_force(settings):
    settings.DEBUG = False
    settings.TESTING = False
    call_command("seed_demo", "--force", households=0, password="geen-demo-wachtwoord")
    assert User.objects.filter(username="professional.noord").exists()


@pytest.mark.django_db
def test_the_csrf_cookie_is_httponly_and_htmx_takes_the_token_from_the_page(
    client_for, professional
):
    response = client_for(professional).get(reverse("start"), follow=True)
    assert response.cookies["csrftoken"]["httponly"]
    assert 'hx-headers=\'{"X-CSRFToken": "' in response.text
