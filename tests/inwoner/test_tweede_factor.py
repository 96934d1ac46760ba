"""The member's second factor (TWEEDE_FACTOR_VERPLICHT on, as in production): activation
is a password, then the authenticator app with its recovery codes; every later sign-in
asks the code before Mijn plan opens. The same django-otp machinery as for staff."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from inwoner import services
from inwoner.models import Lidaccount
from tests.tweedefactor.helpers import code_for

pytestmark = pytest.mark.django_db

MIJN_PLAN = reverse("inwoner:mijn_plan")
CONFIRM = reverse("tweede_factor")
SETUP = reverse("tweede_factor_instellen")
WACHTWOORD = "een lange zin van mij"


@pytest.fixture(autouse=True)
def verplicht(settings):
    settings.TWEEDE_FACTOR_VERPLICHT = True


def test_activation_sets_a_password_then_the_app_and_sign_in_asks_the_code(gezin, professional):
    _, code = services.invite(lid=gezin.partner, door=professional)
    client = Client()
    page = client.get(reverse("inwoner:activeren")).content.decode()
    assert "Daarna koppelt u een app op uw telefoon" in page
    response = client.post(
        reverse("inwoner:activeren"),
        {"code": code, "username": "partner.jansen", "password1": WACHTWOORD,
         "password2": WACHTWOORD},
    )  # fmt: skip
    # step two of the activation: the app, then back to Mijn plan
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fmijn-plan%2F"
    user = Lidaccount.objects.get(lid=gezin.partner).user
    # without the app Mijn plan stays closed
    assert client.get(MIJN_PLAN)["Location"].startswith(CONFIRM)

    setup = client.get(response["Location"]).content.decode()
    assert "Stel nu uw tweede factor in" in setup
    assert "persoonlijke gegevens van u en uw huishouden" in setup
    assert 'src="data:image/svg+xml' in setup  # the QR code
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post(SETUP, {"code": "000000", "next": MIJN_PLAN})
    assert "Deze code klopt niet" in wrong.content.decode()
    device.throttle_reset()
    done = client.post(SETUP, {"code": code_for(device), "next": MIJN_PLAN})
    text = done.content.decode()
    codes = list(StaticDevice.objects.get(user=user).token_set.values_list("token", flat=True))
    assert "Uw herstelcodes" in text and len(codes) == 10 and all(c in text for c in codes)
    assert f'href="{MIJN_PLAN}"' in text
    assert client.get(MIJN_PLAN).status_code == 200

    # a later sign-in: password, then the code of the app
    later = Client()
    login = later.post(reverse("login"), {"username": "partner.jansen", "password": WACHTWOORD})
    assert login.status_code == 302
    assert later.get(MIJN_PLAN)["Location"] == f"{CONFIRM}?next=%2Fmijn-plan%2F"
    ask = later.get(f"{CONFIRM}?next={MIJN_PLAN}").content.decode()
    assert "Bel uw contactpersoon" in ask and "functioneel beheerder" not in ask
    refused = later.post(CONFIRM, {"code": "123456", "next": MIJN_PLAN})
    assert refused.status_code == 200 and "Deze code klopt niet" in refused.content.decode()
    assert later.get(MIJN_PLAN).status_code == 302
    for wrong_tried in (device, StaticDevice.objects.get(user=user)):
        wrong_tried.refresh_from_db()
        wrong_tried.throttle_reset()  # django-otp makes the next try wait after a wrong one
    # the code just used at set-up is spent; a recovery code works once
    ok = later.post(CONFIRM, {"code": codes[0], "next": MIJN_PLAN})
    assert ok.status_code == 302 and ok["Location"] == MIJN_PLAN
    assert later.get(MIJN_PLAN).status_code == 200


def test_sign_in_with_the_apps_code_opens_mijn_plan(gezin):
    device = TOTPDevice.objects.create(user=gezin.user, name="app", confirmed=True)
    client = Client()
    gezin.user.set_password(WACHTWOORD)
    gezin.user.save()
    client.post(reverse("login"), {"username": gezin.user.username, "password": WACHTWOORD})
    assert client.get(MIJN_PLAN).status_code == 302
    ok = client.post(CONFIRM, {"code": code_for(device), "next": MIJN_PLAN})
    assert ok.status_code == 302 and ok["Location"] == MIJN_PLAN
    assert client.get(MIJN_PLAN).status_code == 200


def test_switched_off_activation_goes_straight_to_mijn_plan(gezin, professional, settings):
    settings.TWEEDE_FACTOR_VERPLICHT = False
    _, code = services.invite(lid=gezin.partner, door=professional)
    client = Client()
    assert "Daarna koppelt u" not in client.get(reverse("inwoner:activeren")).content.decode()
    response = client.post(
        reverse("inwoner:activeren"),
        {"code": code, "username": "partner.jansen", "password1": WACHTWOORD,
         "password2": WACHTWOORD},
    )  # fmt: skip
    assert response["Location"] == MIJN_PLAN
