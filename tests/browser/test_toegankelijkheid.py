"""axe-core on the pages every role sees: no serious or critical WCAG 2.1 AA violations."""

import pytest


def test_login_page_is_accessible(page, live_server, axe):
    page.goto(f"{live_server.url}/accounts/login/")
    axe()


def test_login_errors_are_accessible(page, live_server, axe, professional):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("button", name="Inloggen").click()
    axe()


@pytest.mark.parametrize("who", ["professional", "teamleider", "auditor", "beheerder"])
def test_start_and_notifications_are_accessible_for_every_role(
    page, live_server, login, axe, request, who
):
    user = request.getfixturevalue(who)
    login(user.username)
    axe()
    page.goto(f"{live_server.url}/meldingen/")
    axe()


def test_keyboard_users_can_skip_to_the_content(page, live_server, login, professional):
    login("professional.noord")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
