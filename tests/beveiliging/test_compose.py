"""Finding 8: docker compose refuses to start without secrets, listens on 127.0.0.1 only
and has HTTPS on by default."""

import re
from pathlib import Path

COMPOSE = (Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text()


def test_no_secret_has_a_default():
    assert re.search(r"SECRET_KEY: \$\{SECRET_KEY:\?", COMPOSE)
    assert "POSTGRES_PASSWORD:-" not in COMPOSE
    assert len(re.findall(r"\$\{POSTGRES_PASSWORD:\?", COMPOSE)) == 2


def test_the_port_is_bound_to_localhost_only():
    ports = re.findall(r'- "([^"]+:8000)"', COMPOSE)
    assert ports == ["127.0.0.1:8000:8000"]


def test_https_is_on_by_default_behind_one_trusted_proxy():
    assert "HTTPS: ${HTTPS:-true}" in COMPOSE
    assert "TRUST_X_FORWARDED_PROTO: ${TRUST_X_FORWARDED_PROTO:-true}" in COMPOSE
    assert "TRUSTED_PROXY_COUNT: ${TRUSTED_PROXY_COUNT:-1}" in COMPOSE


def test_the_app_connects_as_a_role_that_owns_nothing():
    assert "DATABASE_URL: postgres://eenplan_app:${APP_DB_PASSWORD:?" in COMPOSE
    assert "DATABASE_URL=$$DATABASE_OWNER_URL python manage.py migrate" in COMPOSE
    assert "python manage.py app_rol eenplan_app" in COMPOSE
