"""Single sign-on: claims mapped to roles and teams (the journey against a real provider
is tests/browser/test_oidc.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from sociaaldomein import oidc
from sociaaldomein.models import User

pytestmark = pytest.mark.django_db


def test_roles_come_only_from_mapped_claim_values():
    claims = {"roles": ["eenplan-teamleider", "intranet-lezer"]}
    assert oidc.roles_from(claims) == {"Teamleider"}
    assert oidc.roles_from({"roles": "eenplan-auditor"}) == {"Auditor"}
    assert oidc.roles_from({"roles": ["parkeren"]}) == set()
    assert oidc.roles_from({}) == set()


def test_a_second_factor_at_the_provider_is_read_from_amr_or_acr(settings):
    assert oidc.reports_second_factor({"amr": ["pwd", "mfa"]})
    assert oidc.reports_second_factor({"amr": ["hwk"]})
    assert not oidc.reports_second_factor({"amr": ["pwd"]})
    assert not oidc.reports_second_factor({"acr": "substantial"})
    settings.OIDC_ACR_TWEEDE_FACTOR = ["substantial"]
    assert oidc.reports_second_factor({"acr": "substantial"})


def test_claims_set_roles_teams_and_name_and_follow_the_provider(team_noord, team_zuid):
    backend_user = User(username="sso.sanne")
    backend_user.set_unusable_password()
    claims = {"given_name": "Sanne", "roles": ["eenplan-beheerder"], "teams": ["Wijkteam Noord"]}
    user = oidc.apply_claims(user=backend_user, claims=claims, rollen=oidc.roles_from(claims))
    user = User.objects.get(pk=user.pk)
    assert user.first_name == "Sanne" and user.is_beheerder and user.is_staff
    assert list(user.teams.all()) == [team_noord]

    claims = {"roles": ["eenplan-professional"], "teams": ["Wijkteam Zuid", "Onbekend"]}
    oidc.apply_claims(user=user, claims=claims, rollen=oidc.roles_from(claims))
    user = User.objects.get(pk=user.pk)
    assert user.is_professional and not user.is_beheerder and not user.is_staff
    assert list(user.teams.all()) == [team_zuid]


def test_without_a_mapped_role_the_backend_refuses(settings):
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://idp.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "http://idp.example/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "http://idp.example/jwks"
    settings.OIDC_RP_CLIENT_ID = "eenplan"
    backend = oidc.RolOIDCBackend()
    assert not backend.verify_claims({"preferred_username": "ali", "roles": ["parkeren"]})
    assert not backend.verify_claims({"roles": ["eenplan-professional"]})
    assert backend.verify_claims({"preferred_username": "pim", "roles": ["eenplan-professional"]})


def test_switched_off_the_sso_pages_do_not_exist_and_the_login_page_has_no_button(settings):
    settings.OIDC_RP_CLIENT_ID = ""
    client = Client()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback")).status_code == 404
    assert "gemeente-account" not in client.get(reverse("login")).content.decode()


def test_the_login_page_offers_sso_and_explains_a_refusal(settings):
    settings.OIDC_RP_CLIENT_ID = "eenplan"
    page = Client().get(reverse("login") + "?sso=geweigerd").content.decode()
    assert "Inloggen met uw gemeente-account" in page
    assert "uw account heeft geen rol in Eén Plan" in page
