"""Health check, error pages, security headers, demo data, production settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import path, reverse

from huishoudens.models import Beoordeling, Huishouden, Lid
from sociaaldomein.models import Team, User

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_reports_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}


@pytest.mark.django_db(transaction=True)
def test_healthz_reports_503_when_the_database_is_down(client):
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there: connection refused
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "unavailable"}
    assert client.get("/healthz").status_code == 200  # back without a restart


@pytest.mark.django_db(transaction=True)
def test_pages_give_a_friendly_503_while_the_database_is_down(client_for, professional):
    client = client_for(professional)  # a logged-in user: the session needs the database
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    client.raise_request_exception = False
    try:
        response = client.get(reverse("start"))
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert response.status_code == 503
    assert "even niet beschikbaar" in response.text
    assert "Traceback" not in response.text
    assert response["Retry-After"] == "5"
    assert client.get(reverse("start")).status_code == 200  # back without a restart


@pytest.mark.django_db
def test_unknown_page_gives_a_dutch_404_that_reveals_nothing(client_for, professional):
    response = client_for(professional).get("/bestaat/niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.text
    assert "urlpatterns" not in response.text and "Traceback" not in response.text


def test_error_templates_render_without_a_request_context():
    from django.template import loader

    for name in ("400.html", "403.html", "404.html", "500.html", "503.html"):
        html = loader.get_template(name).render()
        assert 'lang="nl"' in html


@pytest.mark.django_db
def test_every_page_names_its_own_icon_so_the_browser_asks_for_no_missing_favicon(
    client_for, professional, client
):
    """Without a named icon a browser asks for /favicon.ico, a 404 in its console on every
    page; the icon is a static file, allowed by the CSP (img-src 'self')."""
    from django.contrib.staticfiles import finders
    from django.template import loader
    from django.templatetags.static import static

    icoon = f'<link rel="icon" href="{static("favicon.svg")}" type="image/svg+xml">'
    assert icoon in client.get(reverse("login")).text
    assert icoon in client_for(professional).get(reverse("start")).text
    assert icoon in loader.get_template("404.html").render()
    assert Path(finders.find("favicon.svg")).read_text().startswith("<svg")


@pytest.mark.django_db
def test_security_headers_on_every_page(client_for, professional, client):
    responses = (
        client.get(reverse("login")),  # 200
        client.get(reverse("start")),  # 302 to the login page
        client_for(professional).get(reverse("start")),
        client_for(professional).get(reverse("verantwoording:toegangslog")),  # 403
        client_for(professional).get("/bestaat/niet/"),  # 404
    )
    assert [r.status_code for r in responses] == [200, 302, 200, 403, 404]
    for response in responses:
        csp = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
        assert "'unsafe-inline'" not in directives["script-src"]
        assert "'unsafe-eval'" not in directives["script-src"]
        assert directives["object-src"] == "'none'"
        assert directives["base-uri"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "no-store" in response["Cache-Control"]


def _kapotte_pagina(request):
    raise RuntimeError("een fout die niemand verwachtte")


# This module doubles as a URLconf for the test below: the project's URLs plus one page
# that fails, with the project's own error handlers.
from sociaaldomein.urls import urlpatterns as _project_urls  # noqa: E402

urlpatterns = [path("kapot/", _kapotte_pagina), *_project_urls]
handler500 = "sociaaldomein.views.server_error"


@pytest.mark.django_db
@pytest.mark.urls("tests.sociaaldomein.test_infrastructuur")
def test_an_unexpected_error_gives_a_dutch_500_with_every_security_header(client_for, professional):
    client = client_for(professional)
    client.raise_request_exception = False
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get("/kapot/", headers=headers)
        assert response.status_code == 500
        assert 'lang="nl"' in response.text
        assert "een fout die niemand verwachtte" not in response.text
        assert "Traceback" not in response.text and "RuntimeError" not in response.text
        csp = response["Content-Security-Policy"]
        assert "script-src" in csp and "'unsafe-inline'" not in csp.split("script-src")[1]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_pages_have_no_inline_scripts(client_for, professional):
    html = client_for(professional).get(reverse("start")).text
    assert "<script>" not in html
    assert "<script " in html  # htmx and app.js, as files
    for tag in html.split("<script")[1:]:
        assert "src=" in tag.split(">")[0]


@pytest.mark.django_db
def test_seed_demo_is_idempotent(capsys):
    call_command("seed_demo", households=6, password="een-test-wachtwoord")
    first = (
        Team.objects.count(),
        User.objects.count(),
        Huishouden.objects.count(),
        Lid.objects.count(),
        Beoordeling.objects.count(),
    )
    call_command("seed_demo", households=6)
    second = (
        Team.objects.count(),
        User.objects.count(),
        Huishouden.objects.count(),
        Lid.objects.count(),
        Beoordeling.objects.count(),
    )
    assert first == second
    # six demo users, the archivaris, inwoner.demo and aanbieder.demo; six households, the
    # archive's 4 old closed files and her household (issue 15)
    assert first[:3] == (2, 9, 11)
    assert Huishouden.objects.filter(team__naam="Wijkteam Noord").exists()
    assert Huishouden.objects.filter(team__naam="Wijkteam Zuid").exists()
    user = User.objects.get(username="professional.noord")
    assert user.check_password("een-test-wachtwoord")
    assert user.teams.get().naam == "Wijkteam Noord"
    assert "demo" in capsys.readouterr().out


@pytest.mark.django_db
def test_seed_demo_adds_only_the_missing_households():
    call_command("seed_demo", households=3)
    demo = Huishouden.objects.filter(referentie__startswith="DEMO-").order_by("referentie")
    names = list(demo.values_list("naam", flat=True))
    call_command("seed_demo", households=5)
    again = list(demo.values_list("naam", flat=True))
    assert again[:3] == names
    assert len(again) == 5


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "-production-secret-key-with-enough-entropy-0123456789",
        "ALLOWED_HOSTS": "eenplan.voorbeeldstad.nl",
        "CSRF_TRUSTED_ORIGINS": "https://eenplan.voorbeeldstad.nl",
        "DATABASE_URL": "postgres://eenplan@db.voorbeeldstad.nl:5432/eenplan",
        "TESTING": "",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # test-only, set by conftest
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_docker_compose_file_is_valid():
    """`docker compose config -q`, or the v1 `docker-compose` where v2 is not installed."""
    import shutil

    for command in (["docker", "compose"], ["docker-compose"]):
        if not shutil.which(command[0]):
            continue
        probe = subprocess.run([*command, "version"], capture_output=True, check=False)
        if probe.returncode != 0:
            continue
        env = {
            **os.environ,
            "SECRET_KEY": "x" * 50,
            "POSTGRES_PASSWORD": "geheim",
            "APP_DB_PASSWORD": "ook-geheim",
        }
        result = subprocess.run(
            [*command, "config", "-q"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        return
    pytest.skip("neither `docker compose` nor `docker-compose` is installed")
