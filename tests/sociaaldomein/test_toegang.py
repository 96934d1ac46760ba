"""Login is required everywhere, roles open the right doors, sessions end in time."""

import time

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sociaaldomein.middleware import SessionLifetimeMiddleware

# the activation page of a member's letter (issue 15) is public by design
PUBLIC = {"login", "healthz", "inwoner:activeren"}
# the public page that tells a resident DigiD found no account (403, nothing personal)
WEIGERPAGINA = {"inwoner:digid_geweigerd"}
# single sign-on is reachable without login too, and does not exist while it is not set
# up (as here; tests/browser/test_oidc.py signs in against a real provider)
SSO = {
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "inwoner:digid_inloggen",
    "inwoner:digid_terug",
}
# a partner posts signals with its own token, never with a login (tests/vroegsignalering)
TOKEN = {"vroegsignalering:api_signalen"}


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name or ''}"


def _example_path(route: str) -> str:
    """Turn a route into a concrete path: <int:pk> → 1, <str:x> → x, regex → best effort."""
    import re

    path = re.sub(r"<int:[^>]+>", "1", route)
    path = re.sub(r"<(?:str|slug):[^>]+>", "x", path)
    path = re.sub(r"<path:[^>]+>", "x", path)
    path = re.sub(r"<uuid:[^>]+>", "00000000-0000-0000-0000-000000000000", path)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", path)
    return "/" + path.lstrip("^").rstrip("$").replace("\\", "")


ALL_ROUTES = sorted(set(_walk(get_resolver().url_patterns)))


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "name"), ALL_ROUTES, ids=[r for r, _ in ALL_ROUTES])
def test_every_page_but_login_and_healthz_requires_login(client, route, name):
    path = _example_path(route)
    response = client.get(path)
    if name in PUBLIC:
        assert response.status_code in {200, 405}
        return
    if name in WEIGERPAGINA:
        assert response.status_code == 403 and "DigiD" in response.text
        return
    if name in SSO:
        assert response.status_code == 404
        return
    if name.startswith("admin:"):
        # the admin sends anonymous users to the one login page of the product
        assert response.status_code == 302
        follow = client.get(response["Location"])
        assert follow.status_code in {200, 302}
        return
    if response.status_code == 405:  # POST-only endpoint: check the POST
        response = client.post(path)
    if name in TOKEN:
        assert response.status_code == 401, f"{path} accepts a request without its token"
        return
    assert response.status_code == 302, f"{path} is reachable without login"
    assert response["Location"].startswith(reverse("login"))


def test_the_walk_finds_the_pages_of_every_app():
    names = {name for _, name in ALL_ROUTES}
    assert {"start", "login", "logout", "healthz", "huishoudens:lijst"} <= names


@pytest.mark.django_db
def test_htmx_request_without_login_navigates_to_the_login_page(client, htmx_headers):
    response = client.get(reverse("start"), headers=htmx_headers)
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("login") + "?next=")


@pytest.mark.django_db
def test_login_with_dutch_error_and_then_the_start_page(client, professional):
    wrong = client.post(reverse("login"), {"username": "professional.noord", "password": "nee"})
    assert wrong.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet" in wrong.text
    ok = client.post(
        reverse("login"), {"username": "professional.noord", "password": "correct-horse-battery"}
    )
    assert ok.status_code == 302
    assert ok["Location"] == reverse("start")


@pytest.mark.django_db
def test_start_page_shows_team_and_role_in_constant_queries(
    client_for, professional, team_zuid, django_assert_num_queries
):
    team_zuid.leden.add(professional)
    client = client_for(professional)
    client.get(reverse("start"))  # the first request after login records activity
    # the session, the user with roles, teams and unread count in one query, and the
    # caseload of Mijn werk: my household ids, all counts in one query, one list per block
    # (six; my households with their next evaluation, casussen.selectors.caseload), and
    # the omgekeerde toetsen in bewerking (toetsing.selectors.toetsen_in_bewerking), Mijn
    # plan's contributions, AVG requests and digital agreements (3, inwoner), the
    # vroegsignalen on my plans and the team's queue (2)
    with django_assert_num_queries(2 + 8 + 1 + 3 + 2):
        response = client.get(reverse("start"))
    assert response.status_code == 200
    assert "Professional" in response.text
    assert "Wijkteam Noord, Wijkteam Zuid" in response.text


@pytest.mark.django_db
def test_the_user_query_is_compiled_once_but_reads_fresh_roles_teams_and_count(
    professional, team_zuid, django_assert_num_queries
):
    from django.contrib.auth.models import Group

    from sociaaldomein.auth import RoleAwareModelBackend
    from sociaaldomein.models import Notificatie
    from sociaaldomein.roles import Rol

    backend = RoleAwareModelBackend()
    with django_assert_num_queries(1):
        user = backend.get_user(professional.pk)
    assert user.rol_namen == {Rol.PROFESSIONAL}
    assert [t["naam"] for t in user.team_info] == ["Wijkteam Noord"]
    assert user.ongelezen_meldingen == 0
    # a change of role, team or notifications counts on the very next request
    team_zuid.leden.add(professional)
    professional.groups.add(Group.objects.get(name=Rol.TEAMLEIDER))
    Notificatie.objects.create(ontvanger=professional, tekst="Nieuw verzoek", url="/")
    with django_assert_num_queries(1):
        user = backend.get_user(professional.pk)
    assert user.rol_namen == {Rol.PROFESSIONAL, Rol.TEAMLEIDER}
    assert [t["naam"] for t in user.team_info] == ["Wijkteam Noord", "Wijkteam Zuid"]
    assert user.ongelezen_meldingen == 1
    # ids that are no user, or no number, are nobody
    assert backend.get_user(professional.pk + 10_000) is None
    assert backend.get_user("1; DROP TABLE x") is None
    assert backend.get_user(None) is None
    professional.is_active = False
    professional.save()
    assert backend.get_user(professional.pk) is None


@pytest.mark.django_db
def test_logout_ends_the_session(client_for, professional):
    client = client_for(professional)
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("start")).status_code == 302


@pytest.mark.django_db
def test_deactivating_a_user_ends_their_sessions(client_for, professional):
    client = client_for(professional)
    assert client.get(reverse("start")).status_code == 200
    professional.is_active = False
    professional.save()
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_session_ends_after_its_absolute_lifetime(client_for, professional, settings):
    client = client_for(professional)
    assert client.get(reverse("start")).status_code == 200
    session = client.session
    session[SessionLifetimeMiddleware.BEGONNEN] = (
        time.time() - settings.SESSION_ABSOLUTE_LIFETIME - 1
    )
    session[SessionLifetimeMiddleware.ACTIEF] = time.time()  # active until the very end
    session.save()
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert client.get(reverse("start")).status_code == 302


@pytest.mark.django_db
def test_session_ends_after_thirty_idle_minutes(client_for, professional, settings):
    client = client_for(professional)
    assert client.get(reverse("start")).status_code == 200
    session = client.session
    session[SessionLifetimeMiddleware.ACTIEF] = time.time() - 31 * 60
    session.save()
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert client.get(reverse("start")).status_code == 302


@pytest.mark.django_db
def test_activity_within_thirty_minutes_keeps_the_session(client_for, professional):
    client = client_for(professional)
    session = client.session
    session[SessionLifetimeMiddleware.ACTIEF] = time.time() - 29 * 60
    session.save()
    assert client.get(reverse("start")).status_code == 200
    assert client.session[SessionLifetimeMiddleware.ACTIEF] > time.time() - 5


def test_session_limits_are_thirty_minutes_idle_and_ten_hours_absolute(settings):
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
    assert settings.SESSION_ABSOLUTE_LIFETIME == 10 * 60 * 60
    assert settings.SESSION_COOKIE_AGE <= settings.SESSION_ABSOLUTE_LIFETIME


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["professional", "teamleider", "auditor"])
def test_admin_is_closed_to_other_roles(client_for, request, who):
    user = request.getfixturevalue(who)
    user.is_staff = True  # even a staff flag does not open it without the role
    user.save()
    response = client_for(user).get("/beheer/")
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert client_for(user).get(response["Location"]).status_code == 403


@pytest.mark.django_db
def test_admin_is_open_to_the_functioneel_beheerder(client_for, beheerder):
    response = client_for(beheerder).get("/beheer/")
    assert response.status_code == 200
    assert "Team" in response.text
