import re

from playwright.sync_api import expect


def test_professional_logs_in_sees_mijn_werk_and_logs_out(page, live_server, login, professional):
    login("professional.noord")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    expect(page.locator(".site-header")).to_contain_text("Professional")
    expect(page.locator(".site-header")).to_contain_text("Wijkteam Noord")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/"))


def test_wrong_password_shows_a_dutch_message(page, live_server, professional):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("professional.noord")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Gebruikersnaam of wachtwoord klopt niet")


def test_no_console_errors_and_no_csp_violations(page, live_server, login, professional):
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    login("professional.noord")
    page.reload()
    assert problems == []
    assert page.evaluate("typeof window.htmx") == "object"
