"""Single sign-on end to end against a real OpenID provider: django-oauth-toolkit with
OIDC, started here as its own Django project (tests/oidc_provider) in its own process
and port. No mocked responses: the product fetches the token, the JWKS and the userinfo
from that provider over HTTP."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.db import connection
from playwright.sync_api import expect

from sociaaldomein.models import User
from tests.oidc_provider.gebruikers import WACHTWOORD

PROJECT = Path(__file__).resolve().parents[2]
CLIENT_ID = "eenplan-test"
SECRET = "eenplan-test-geheim-0123456789"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def provider(live_server, tmp_path, settings):
    """Start the provider for this live server and point the product at it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_file = tmp_path / "sleutel.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    # the provider's own database, on the same PostgreSQL server as the product's
    db = connection.settings_dict
    naam = f"oidc_provider_{os.getpid()}_{_free_port()}"
    beheer = psycopg.conninfo.make_conninfo(
        host=db["HOST"],
        port=db["PORT"],
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname="postgres",
    )
    with psycopg.connect(beheer, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{naam}"')
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
        "OIDC_PROVIDER_DB_NAME": naam,
        "OIDC_PROVIDER_DB_HOST": db["HOST"] or "",
        "OIDC_PROVIDER_DB_PORT": str(db["PORT"] or ""),
        "OIDC_PROVIDER_DB_USER": db["USER"] or "",
        "OIDC_PROVIDER_DB_PASSWORD": db["PASSWORD"] or "",
        "OIDC_PROVIDER_KEY_FILE": str(key_file),
        "PYTHONPATH": str(PROJECT),
    }
    run = [sys.executable, "-m"]
    subprocess.run([*run, "django", "migrate", "-v0"], env=env, cwd=PROJECT, check=True)
    # the staff client's return URL and the residents' (DigiD, tests/browser/test_digid.py)
    callback = f"{live_server.url}/accounts/oidc/terug/ {live_server.url}/inloggen/digid/terug/"
    subprocess.run(
        [*run, "tests.oidc_provider.opzetten", CLIENT_ID, SECRET, callback],
        env=env,
        cwd=PROJECT,
        check=True,
    )
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*run, "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/o/.well-known/openid-configuration", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("de test-provider kwam niet op") from None
                time.sleep(0.3)
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = SECRET
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{url}/o/authorize/"
        settings.OIDC_OP_TOKEN_ENDPOINT = f"{url}/o/token/"
        settings.OIDC_OP_USER_ENDPOINT = f"{url}/o/userinfo/"
        settings.OIDC_OP_JWKS_ENDPOINT = f"{url}/o/.well-known/jwks.json"
        settings.AUTHENTICATION_BACKENDS = [
            *settings.AUTHENTICATION_BACKENDS,
            "sociaaldomein.oidc.RolOIDCBackend",
        ]
        settings.TWEEDE_FACTOR_VERPLICHT = True
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        with psycopg.connect(beheer, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def _sign_in_at_the_provider(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Inloggen met uw gemeente-account").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("test-provider")
    page.get_by_label("Gebruikersnaam gemeente").fill(username)
    page.get_by_label("Wachtwoord gemeente").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()


def test_sso_maps_roles_and_teams_and_trusts_the_providers_second_factor(
    page, live_server, provider, team_noord
):
    _sign_in_at_the_provider(page, live_server, "sso.teamleider")
    # amr says "mfa": straight to Mijn werk, no local second factor
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    expect(page.locator(".site-header")).to_contain_text("Teamleider")
    expect(page.locator(".site-header")).to_contain_text("Wijkteam Noord")
    user = User.objects.get(username="sso.teamleider")
    assert user.get_full_name() == "Sanne de Vries" and not user.has_usable_password()


def test_without_a_second_factor_at_the_provider_the_local_one_is_asked(
    page, live_server, provider, team_noord
):
    _sign_in_at_the_provider(page, live_server, "sso.professional")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede factor instellen")
    page.goto(f"{live_server.url}/huishoudens/")
    expect(page).to_have_url(re.compile(r"/accounts/tweede-factor/"))


def test_a_user_without_a_mapped_role_gets_no_access(page, live_server, provider):
    _sign_in_at_the_provider(page, live_server, "sso.parkeren")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?sso=geweigerd"))
    expect(page.get_by_role("alert")).to_contain_text("geen rol in Eén Plan")
    assert not User.objects.filter(username="sso.parkeren").exists()
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
