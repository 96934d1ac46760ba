"""DigiD through an OIDC broker for residents (inwoner.digid): the BSN claim matches an
activated member account only; nobody is created, staff never signed in. The journey
against a real provider is tests/browser/test_digid.py."""

import pytest
from django.core.exceptions import SuspiciousOperation
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from inwoner import digid
from sociaaldomein.models import User
from sociaaldomein.roles import Rol
from tests.sociaaldomein.factories import UserFactory

pytestmark = pytest.mark.django_db

MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"
BASIS = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"


@pytest.fixture
def ingesteld(settings):
    settings.INWONER_OIDC_RP_CLIENT_ID = "eenplan-digid"
    settings.INWONER_OIDC_OP_AUTHORIZATION_ENDPOINT = "https://broker.example/authorize"
    settings.INWONER_OIDC_OP_TOKEN_ENDPOINT = "https://broker.example/token"
    settings.INWONER_OIDC_OP_USER_ENDPOINT = "https://broker.example/userinfo"
    settings.INWONER_OIDC_OP_JWKS_ENDPOINT = "https://broker.example/jwks"


def _backend() -> digid.DigidBackend:
    backend = digid.DigidBackend()
    backend.request = RequestFactory().get(reverse("inwoner:digid_terug"))
    return backend


def test_the_bsn_is_read_from_the_configured_claim(settings):
    assert digid.bsn_from({"bsn": "111222333"}) == "111222333"
    assert digid.bsn_from({"bsn": 12345678}) == "012345678"  # a number loses its zero
    assert digid.bsn_from({"bsn": "s00000000:111222333"}) == "111222333"
    assert digid.bsn_from({"bsn": "abc"}) == digid.bsn_from({}) == ""
    settings.INWONER_OIDC_BSN_CLAIM = "urn:nl:bsn"
    assert digid.bsn_from({"urn:nl:bsn": "111222333", "bsn": "999999990"}) == "111222333"


def test_the_settings_of_the_resident_client_are_its_own(ingesteld, settings):
    settings.OIDC_RP_CLIENT_ID = "eenplan-medewerkers"
    backend = digid.DigidBackend()
    assert backend.OIDC_RP_CLIENT_ID == "eenplan-digid"
    assert backend.OIDC_OP_TOKEN_ENDPOINT == "https://broker.example/token"
    assert digid.digid_setting("OIDC_CREATE_USER") is False


def test_claims_match_the_member_with_an_account_and_digid_midden_is_a_second_factor(
    gezin, ingesteld
):
    backend = _backend()
    claims = {"bsn": "111222333", "acr": MIDDEN}
    # the userinfo fetch is the provider's; the matching on the claims is ours
    backend.get_userinfo = lambda access_token, id_token, payload: payload
    user = backend.get_or_create_user("token", "id-token", claims)
    assert user == gezin.user and user.tweede_factor_bij_idp
    basis = backend.get_or_create_user("token", "id-token", {"bsn": "111222333", "acr": BASIS})
    assert basis == gezin.user and not basis.tweede_factor_bij_idp


def test_no_account_a_member_who_left_or_staff_with_the_bsn_get_no_access(gezin, ingesteld):
    backend = _backend()
    backend.get_userinfo = lambda access_token, id_token, payload: payload
    aantal = User.objects.count()
    # the partner has a BSN but no account: nobody is created
    assert backend.get_or_create_user("t", "i", {"bsn": "123456782"}) is None
    with pytest.raises(SuspiciousOperation):  # no BSN in the claims at all
        backend.get_or_create_user("t", "i", {"sub": "x"})
    assert User.objects.count() == aantal

    # a member account that also holds a staff role is never signed in through DigiD
    gezin.user.groups.add(UserFactory(rol=Rol.PROFESSIONAL).groups.get())
    assert backend.get_or_create_user("t", "i", {"bsn": "111222333"}) is None
    gezin.user.groups.set(gezin.user.groups.filter(name=Rol.INWONER.value))
    assert backend.get_or_create_user("t", "i", {"bsn": "111222333"}) == gezin.user

    gezin.ik.einddatum = timezone.localdate()
    gezin.ik.save()
    assert backend.get_or_create_user("t", "i", {"bsn": "111222333"}) is None


def test_each_backend_answers_only_on_its_own_return_url(ingesteld, settings):
    from sociaaldomein.oidc import RolOIDCBackend

    settings.OIDC_RP_CLIENT_ID = "eenplan-medewerkers"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.example/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example/jwks"
    factory = RequestFactory()
    op_digid = factory.get(reverse("inwoner:digid_terug"), {"code": "c", "state": "s"})
    op_sso = factory.get(reverse("oidc_authentication_callback"), {"code": "c", "state": "s"})
    # neither contacts its provider for the other's code (no network here: None, no error)
    assert RolOIDCBackend().authenticate(op_digid, nonce="n") is None
    assert digid.DigidBackend().authenticate(op_sso, nonce="n") is None


def test_switched_off_there_is_no_button_and_no_digid_pages(settings):
    settings.INWONER_OIDC_RP_CLIENT_ID = ""
    client = Client()
    assert "Inloggen met DigiD" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("inwoner:digid_inloggen")).status_code == 404
    assert client.get(reverse("inwoner:digid_terug")).status_code == 404


def test_configured_the_login_page_offers_digid_and_the_refusal_is_explained(ingesteld):
    client = Client()
    page = client.get(reverse("login")).content.decode()
    assert "Inloggen met DigiD" in page and reverse("inwoner:digid_inloggen") in page
    start = client.get(reverse("inwoner:digid_inloggen"))
    assert start.status_code == 302
    assert start["Location"].startswith("https://broker.example/authorize?")
    assert "client_id=eenplan-digid" in start["Location"]
    assert "inloggen%2Fdigid%2Fterug" in start["Location"]
    geweigerd = client.get(reverse("inwoner:digid_geweigerd"))
    assert geweigerd.status_code == 403
    assert "geen account voor Mijn plan" in geweigerd.content.decode()
