import subprocess

import pytest

from tests.bench.zwaar import seed_zwaar_huishouden
from tests.toetsing.conftest import gezin, toets  # noqa: F401 - a household with a toets

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def zwaar(team_noord, professional, teamleider, auditor):
    """The heavy demo household of team Noord: three years of casework (zwaar.py)."""
    return seed_zwaar_huishouden(
        team=team_noord, professional=professional, teamleider=teamleider, auditor=auditor
    )


@pytest.fixture
def direct_taken(settings):
    """Background tasks run at once, in the request (Django's ImmediateBackend)."""
    settings.TASKS = IMMEDIATE
    return settings


def pdf_tekst(pdf: bytes, *, kop: str = "") -> str:
    """The text of a PDF as one line: the running header ('Vertrouwelijk' and `kop`) and
    the footer ('pagina X van Y') of every page removed, so a paragraph that continues on
    the next page reads as one."""
    raw = subprocess.run(
        ["pdftotext", "-", "-"], input=bytes(pdf), capture_output=True, check=True
    ).stdout.decode()
    pages = []
    for page in raw.split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if lines[:1] == ["Vertrouwelijk"]:
            lines = lines[1:]
        if kop and lines[:1] == [kop]:
            lines = lines[1:]
        if lines and lines[-1].startswith("pagina ") and " van " in lines[-1]:
            lines = lines[:-1]
        pages.append(" ".join(lines))
    return " ".join(" ".join(pages).split())


def pagina_teksten(pdf: bytes) -> list[str]:
    raw = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=bytes(pdf), capture_output=True, check=True
    ).stdout.decode()
    return [page for page in raw.split("\f") if page.strip()]
