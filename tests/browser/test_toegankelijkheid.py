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


def _hoofdpaginas(w) -> dict[str, list[str]]:
    """The main pages of each role, on the case data of tests/wereld.py."""
    from django.urls import reverse

    hh = w.huishouden.pk
    casus = [
        reverse("huishoudens:lijst"),
        reverse("huishoudens:detail", args=[hh]),
        reverse("huishoudens:lid_wijzigen", args=[hh, w.lid.pk]),
        reverse("huishoudens:beoordelen", args=[hh, w.lid.pk, "financien"]),
        reverse("huishoudens:beoordelen_lid", args=[hh, w.lid.pk]),
        reverse("casussen:plan", kwargs={"huishouden_pk": hh}),
        reverse("toetsing:lijst", args=[hh]),
        reverse("toetsing:toets", args=[hh, w.toets_ingediend.pk]),
        reverse("toetsing:stap1", args=[hh, w.toets_concept.pk]),
        reverse("toetsing:stap2", args=[hh, w.toets_stap2.pk]),
        reverse("maatwerk:register"),
        # issue 16
        reverse("socialekaart:zoeken") + "?q=gezin",
        reverse("socialekaart:dienst", args=[w.dienst.pk]),
        reverse("verwijzingen:nieuw", args=[hh, w.actie.pk]),
        reverse("casussen:actie_wijzigen", args=[hh, w.actie.pk]),
    ]
    besluiten = [
        reverse("maatwerk:inbox"),
        reverse("maatwerk:verzoek", args=[w.verzoek.pk]),
        reverse("maatwerk:budget"),
        reverse("maatwerk:raad"),
    ]
    return {
        "professional": casus,
        "teamleider": [*casus, reverse("huishoudens:delen", args=[hh]), *besluiten],
        "auditor": [
            reverse("huishoudens:lijst"),
            reverse("huishoudens:detail", args=[hh]),
            reverse("casussen:plan", kwargs={"huishouden_pk": hh}),
            reverse("toetsing:toets", args=[hh, w.toets_ingediend.pk]),
            *besluiten,
            reverse("verantwoording:toegangslog"),
        ],
    }


@pytest.mark.parametrize("rol", ["professional", "teamleider", "auditor"])
def test_the_main_pages_of_every_role_are_accessible(page, live_server, login, axe, wereld, rol):
    login(wereld.users[rol].username)
    for pad in _hoofdpaginas(wereld)[rol]:
        response = page.goto(f"{live_server.url}{pad}")
        assert response.status == 200, pad
        axe()


def test_the_beheerders_team_form_in_beheer_is_accessible(page, live_server, login, axe, wereld):
    """Issue 14: the members widget of the team form had aria-prohibited-attr (serious)."""
    from sociaaldomein.models import Team

    login(wereld.users["beheerder"].username)
    team = Team.objects.order_by("pk").first()
    for pad in (
        "/beheer/",
        "/beheer/sociaaldomein/team/add/",
        f"/beheer/sociaaldomein/team/{team.pk}/change/",
    ):
        response = page.goto(f"{live_server.url}{pad}")
        assert response.status == 200, pad
        axe()
