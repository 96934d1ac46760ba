"""`make run` serves the product as it is (issue 14): DEBUG off, so a refused URL shows
the product's own Dutch 403/404/500 pages; the static files are collected and served by
whitenoise; `make dev` keeps Django's debug pages. `make bench` checks what it needs
before it seeds anything."""

import re
from pathlib import Path

import pytest

from tests.bench import vereisten

MAKEFILE = (Path(__file__).resolve().parents[2] / "Makefile").read_text()


def recept(doel: str) -> str:
    match = re.search(rf"^{doel}:.*\n((?:\t.*\n)+)", MAKEFILE, flags=re.MULTILINE)
    assert match, doel
    return match.group(1)


def test_make_run_serves_with_debug_off_and_collected_static_files():
    run = recept("run")
    assert 'DEBUG="$${DEBUG:-false}"' in run
    assert 'HTTPS="$${HTTPS:-false}"' in run  # plain http on 127.0.0.1
    assert "collectstatic --noinput" in run  # whitenoise serves them with DEBUG off
    assert "SECRET_KEY" in run


def test_make_dev_is_make_run_with_debug_on():
    assert "DEBUG=true $(MAKE) --no-print-directory run" in recept("dev")


def test_make_bench_checks_its_prerequisites_before_seeding():
    bench = recept("bench")
    assert bench.index("tests.bench.vereisten") < bench.index("tests.bench.bench_schermen")


def test_without_wrk_the_check_says_what_is_missing_and_how_to_install(monkeypatch, capsys):
    monkeypatch.setattr(vereisten.shutil, "which", lambda naam: None)
    assert vereisten.main() == 2
    assert "wrk ontbreekt" in capsys.readouterr().err


def test_with_everything_present_the_check_passes(monkeypatch):
    monkeypatch.setattr(vereisten.shutil, "which", lambda naam: f"/usr/bin/{naam}")
    assert vereisten.ontbrekend() == []


@pytest.mark.django_db
def test_with_debug_off_a_refused_url_is_the_dutch_page(client, settings):
    settings.DEBUG = False
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Niet gevonden" in response.text and "URLconf" not in response.text
