"""A real OpenID provider for the browser tests (staff single sign-on, tests/browser/
test_oidc.py, and DigiD, test_digid.py): django-oauth-toolkit with OIDC, started as its own
Django project (tests/oidc_provider) in its own process, port and database, once per test
worker; each test that asks for `provider` points the product's settings at it."""

import os
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

PROJECT = Path(__file__).resolve().parents[2]
CLIENT_ID = "eenplan-test"
SECRET = "eenplan-test-geheim-0123456789"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_provider_server(live_server, tmp_path_factory):
    """Start the provider for this live server, once per worker: its users and client are
    fixed (tests/oidc_provider/opzetten.py), so the tests can share it."""
    tmp_path = tmp_path_factory.mktemp("oidc")
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
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        with psycopg.connect(beheer, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


# The provider's addresses, as the product's settings name them.
ADRESSEN = {
    "AUTHORIZATION": "/o/authorize/",
    "TOKEN": "/o/token/",
    "USER": "/o/userinfo/",
    "JWKS": "/o/.well-known/jwks.json",
}


def point_client(settings, prefix: str, url: str, backend: str) -> None:
    """Point one of the product's OpenID clients (staff: prefix "", DigiD: "INWONER_")
    at the provider, with its backend next to those already there."""
    setattr(settings, f"{prefix}OIDC_RP_CLIENT_ID", CLIENT_ID)
    setattr(settings, f"{prefix}OIDC_RP_CLIENT_SECRET", SECRET)
    for endpoint, pad in ADRESSEN.items():
        setattr(settings, f"{prefix}OIDC_OP_{endpoint}_ENDPOINT", f"{url}{pad}")
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, backend]


@pytest.fixture
def provider(oidc_provider_server, settings):
    """Point the product's staff single sign-on at the provider (for this test)."""
    point_client(settings, "", oidc_provider_server, "sociaaldomein.oidc.RolOIDCBackend")
    settings.TWEEDE_FACTOR_VERPLICHT = True
    return oidc_provider_server
