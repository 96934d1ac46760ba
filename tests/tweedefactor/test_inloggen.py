"""Signing in with a second factor (TWEEDE_FACTOR_VERPLICHT on, as in production)."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from sociaaldomein.models import Toegangslog
from sociaaldomein.tweedefactor import checks, services
from tests.conftest import PASSWORD
from tests.tweedefactor.helpers import app_for, code_for

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
CONFIRM = reverse("tweede_factor")
SETUP = reverse("tweede_factor_instellen")


@pytest.fixture(autouse=True)
def verplicht(settings):
    settings.TWEEDE_FACTOR_VERPLICHT = True


def _sign_in(user, next_url="/") -> Client:
    client = Client()
    response = client.post(
        LOGIN, {"username": user.username, "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302
    return client


def test_a_new_user_sets_up_the_app_and_gets_recovery_codes(professional):
    client = _sign_in(professional, "/huishoudens/")
    # every page asks the second factor first, and remembers where the user was going
    response = client.get("/huishoudens/")
    assert response.status_code == 302
    assert response["Location"] == f"{CONFIRM}?next=%2Fhuishoudens%2F"
    response = client.get(response["Location"])
    assert response["Location"] == f"{SETUP}?next=%2Fhuishoudens%2F"

    page = client.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200 and "Tweede factor instellen" in text
    assert 'src="data:image/svg+xml' in text  # the QR code, no inline script or style
    device = TOTPDevice.objects.get(user=professional, confirmed=False)

    fout = client.post(SETUP, {"code": "000000", "next": "/huishoudens/"})
    assert "Deze code klopt niet" in fout.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    device.throttle_reset()  # django-otp makes the next try wait a second after a wrong one

    done = client.post(SETUP, {"code": code_for(device), "next": "/huishoudens/"})
    text = done.content.decode()
    assert done.status_code == 200 and "Uw herstelcodes" in text
    codes = StaticDevice.objects.get(user=professional).token_set.values_list("token", flat=True)
    assert len(codes) == 10 and all(code in text for code in codes)
    assert client.get("/huishoudens/").status_code == 200


def test_with_an_app_the_code_is_asked_and_a_wrong_one_refused_in_dutch(professional):
    device, _ = app_for(professional)
    client = _sign_in(professional)
    assert client.get("/")["Location"].startswith(CONFIRM)
    page = client.get(CONFIRM + "?next=/")
    assert "Vul de code in die uw authenticator-app nu toont" in page.content.decode()

    fout = client.post(CONFIRM, {"code": "123456", "next": "/"})
    assert fout.status_code == 200 and "Deze code klopt niet" in fout.content.decode()
    assert client.get("/").status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes the next try wait a second after a wrong one

    ok = client.post(CONFIRM, {"code": code_for(device), "next": "/"})
    assert ok.status_code == 302 and ok["Location"] == "/"
    assert client.get("/").status_code == 200


def test_a_recovery_code_works_once(professional):
    _, codes = app_for(professional)
    first = _sign_in(professional)
    assert first.post(CONFIRM, {"code": codes[0].upper(), "next": "/"}).status_code == 302
    again = _sign_in(professional)
    assert again.post(CONFIRM, {"code": codes[0], "next": "/"}).status_code == 200
    assert again.get("/").status_code == 302


def test_a_password_alone_never_enrols_a_new_app(professional):
    app_for(professional)
    client = _sign_in(professional)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(CONFIRM)
    assert not TOTPDevice.objects.filter(user=professional, confirmed=False).exists()


def test_next_stays_on_this_site(professional):
    _, codes = app_for(professional)
    client = _sign_in(professional)
    response = client.post(CONFIRM, {"code": codes[0], "next": "https://elders.example/"})
    assert response["Location"] == "/"


def test_htmx_requests_go_to_the_second_factor_as_a_whole_page(professional, htmx_headers):
    app_for(professional)
    client = _sign_in(professional)
    response = client.get("/meldingen/teller/", headers=htmx_headers)
    assert response.status_code == 200 and response["HX-Redirect"].startswith(CONFIRM)


def test_signing_out_stays_possible(professional):
    client = _sign_in(professional)
    assert client.post(reverse("logout")).status_code == 302


def test_switched_off_the_password_is_enough(settings, professional):
    settings.TWEEDE_FACTOR_VERPLICHT = False
    assert _sign_in(professional).get("/").status_code == 200


def test_the_beheerder_resets_a_lost_app_and_it_is_logged(beheerder, professional):
    app_for(professional)
    admin = Client()
    admin.force_login(beheerder)
    _, codes = app_for(beheerder)
    assert admin.get("/beheer/").status_code == 302  # the beheerder too confirms first
    admin.post(CONFIRM, {"code": codes[0], "next": "/beheer/"})

    url = reverse("admin:sociaaldomein_user_changelist")
    response = admin.post(
        url, {"action": "reset_tweede_factor", "_selected_action": [professional.pk]}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=professional).exists()
    assert not StaticDevice.objects.filter(user=professional).exists()
    entry = Toegangslog.objects.get(onderwerp="tweede factor")
    assert entry.gebruiker == beheerder and entry.object_id == str(professional.pk)
    assert professional.username in entry.reden
    assert LogEntry.objects.filter(object_id=str(professional.pk)).exists()

    # the user signs in with the password and sets up a new app
    client = _sign_in(professional)
    assert client.get(CONFIRM)["Location"].startswith(SETUP)


def test_only_the_beheerder_may_reset(professional, teamleider):
    app_for(professional)
    request = RequestFactory().post("/")
    request.user = teamleider
    with pytest.raises(PermissionDenied):
        services.reset_second_factor(gebruiker=professional, request=request)
    assert TOTPDevice.objects.filter(user=professional).exists()


def test_check_deploy_warns_while_it_is_off(settings, capsys):
    assert checks.second_factor_required(None) == []
    settings.TWEEDE_FACTOR_VERPLICHT = False
    assert [w.id for w in checks.second_factor_required(None)] == ["sociaaldomein.W001"]
    call_command("check", "--deploy", "--tag", "security")
    output = capsys.readouterr()
    assert "sociaaldomein.W001" in output.out + output.err


def test_the_second_factor_pages_cost_a_fixed_number_of_queries(
    professional, django_assert_num_queries
):
    client = _sign_in(professional)
    client.get(SETUP)  # makes the unconfirmed app
    with django_assert_num_queries(QUERIES_SETUP):
        assert client.get(SETUP).status_code == 200
    app_for(professional)
    with django_assert_num_queries(QUERIES_CONFIRM):
        assert client.get(CONFIRM).status_code == 200


# the session, the user with roles and teams, "has an app?", the unconfirmed app, and
# django-otp's lookup of the device
QUERIES_SETUP = 5
# the session, the user with roles and teams, "has an app?", "has a passkey?"
QUERIES_CONFIRM = 4


def test_check_deploy_warns_about_an_incomplete_or_plain_http_oidc_client(settings):
    assert checks.oidc_clients_complete(None) == []  # both clients off: nothing to say
    settings.INWONER_OIDC_RP_CLIENT_ID = "eenplan-digid"
    settings.INWONER_OIDC_RP_CLIENT_SECRET = "geheim"
    for endpoint in checks.OIDC_ENDPOINTS:
        setattr(settings, f"INWONER_OIDC_OP_{endpoint}_ENDPOINT", "https://broker.example/o/")
    assert checks.oidc_clients_complete(None) == []  # complete and over https
    settings.INWONER_OIDC_OP_TOKEN_ENDPOINT = "http://broker.example/o/token/"
    settings.OIDC_RP_CLIENT_ID = "eenplan"
    settings.OIDC_RP_CLIENT_SECRET = ""
    warnings = {w.id: w.msg for w in checks.oidc_clients_complete(None)}
    assert set(warnings) == {"sociaaldomein.W002", "sociaaldomein.W003"}
    assert "INWONER_OIDC_OP_TOKEN_ENDPOINT gebruikt geen https" in warnings["sociaaldomein.W003"]
    assert "OIDC_RP_CLIENT_SECRET ontbreekt" in warnings["sociaaldomein.W002"]
    assert "OIDC_OP_JWKS_ENDPOINT ontbreekt" in warnings["sociaaldomein.W002"]
