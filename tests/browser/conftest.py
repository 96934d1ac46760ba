"""Playwright journeys in Debian's Chromium against pytest-django's live server.

`playwright install` cannot download browsers here, so the suite uses the system
Chromium (apt package `chromium`, installed by .ci/run).
"""

import json
import shutil
from pathlib import Path

import pytest

from tests.browser.provider import oidc_provider_server, provider  # noqa: F401 (fixtures)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def page(page):
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(15_000)
    return page


@pytest.fixture
def login(page, live_server):
    """Log in through the real login form and land on Mijn werk."""

    def do_login(username: str, password: str = "correct-horse-battery"):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return do_login


@pytest.fixture
def axe(page):
    """Run axe-core (vendored from npm) on the current page: no serious or critical
    WCAG 2.1 AA violations. Returns the full result for further assertions."""

    def check(context: str = "document"):
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # evaluated through the DevTools protocol: the page's CSP (no inline scripts)
            # stays in force for everything else
            page.evaluate(AXE.read_text() + "\n;undefined")
        result = page.evaluate(
            "([ctx, tags]) => axe.run(ctx === 'document' ? document : ctx,"
            " {runOnly: {type: 'tag', values: tags}})",
            [context, WCAG_AA],
        )
        serious = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not serious, f"{page.url}: " + json.dumps(serious, indent=2, ensure_ascii=False)
        return result

    return check
