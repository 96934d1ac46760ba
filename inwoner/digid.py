"""Residents sign in with DigiD through the municipality's OIDC broker (for example Signicat,
Anoigo, or an Open Forms-style DigiD gateway), matched on BSN. The local route stays the
invitation letter: DigiD signs in a member who already has an activated account.

The same library as staff single sign-on (mozilla-django-oidc, `sociaaldomein.oidc`) with
its own client: every `OIDC_*` setting of the resident client is read from
`INWONER_OIDC_*` (README, "DigiD"). Switched on by `INWONER_OIDC_RP_CLIENT_ID`.

Matching: the BSN claim (`INWONER_OIDC_BSN_CLAIM`, default "bsn"; "s00000000:123456789"
as some brokers send it works too) must be the BSN of an active member whose Mijn plan
account is active and whose user has the role Inwoner and no other role. No match, no
access: nobody is created, and a staff account is never signed in this way. A DigiD
level reported in `acr` that is in `INWONER_OIDC_ACR_TWEEDE_FACTOR` (Midden and up)
counts as the second factor; otherwise the local one is asked as after a password.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.http import HttpResponseRedirect
from django.urls import reverse
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from sociaaldomein import oidc
from sociaaldomein.models import User
from sociaaldomein.roles import Rol

# mozilla-django-oidc settings this client has its own value for (INWONER_ + name).
EIGEN = {
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
    "OIDC_RP_SIGN_ALGO",
    "OIDC_RP_SCOPES",
}
VAST = {
    "OIDC_CREATE_USER": False,
    "OIDC_AUTHENTICATION_CALLBACK_URL": "inwoner:digid_terug",
    "LOGIN_REDIRECT_URL": "inwoner:mijn_plan",
}


def digid_setting(attr: str, *args):
    if attr in VAST:
        return VAST[attr]
    return import_from_settings(f"INWONER_{attr}" if attr in EIGEN else attr, *args)


def enabled() -> bool:
    return bool(settings.INWONER_OIDC_RP_CLIENT_ID)


def bsn_from(claims: dict) -> str:
    """The BSN in the claim, nine digits, or '' (absent or not a BSN)."""
    value = str(claims.get(settings.INWONER_OIDC_BSN_CLAIM) or "").strip()
    value = value.rsplit(":", 1)[-1].strip()  # "s00000000:123456789" (SAML NameID style)
    if not value.isdigit() or not 8 <= len(value) <= 9:
        return ""
    return value.zfill(9)


def users_with_bsn(bsn: str):
    """The member accounts DigiD may sign in for this BSN: an active member, an active
    user with the role Inwoner and no other role (never staff)."""
    andere_rollen = Group.objects.exclude(name=Rol.INWONER.value)
    return (
        User.objects.filter(
            lidaccount__lid__bsn=bsn,
            lidaccount__lid__einddatum__isnull=True,
            is_active=True,
            is_staff=False,
            is_superuser=False,
            groups__name=Rol.INWONER.value,
        )
        .exclude(groups__in=andere_rollen)
        .distinct()
    )


def reports_second_factor(claims: dict) -> bool:
    return claims.get("acr") in settings.INWONER_OIDC_ACR_TWEEDE_FACTOR


class DigidBackend(oidc.ClientBackend):
    """Finds the member account by BSN; never creates or changes a user."""

    get_settings = staticmethod(digid_setting)
    terugkeer = "inwoner:digid_terug"

    def second_factor_in(self, claims: dict) -> bool:
        return reports_second_factor(claims)

    def verify_claims(self, claims) -> bool:
        return bool(bsn_from(claims))

    def filter_users_by_claims(self, claims):
        return users_with_bsn(bsn_from(claims))

    def describe_user_by_claims(self, claims) -> str:
        return "een inwoner zonder account voor Mijn plan"  # never the BSN in a log

    def create_user(self, claims):  # pragma: no cover - OIDC_CREATE_USER is False
        return None

    def update_user(self, user, claims):
        return user


class _Alleen(oidc.AlleenIngesteld):
    get_settings = staticmethod(digid_setting)
    niet_ingesteld = "Inloggen met DigiD is niet ingesteld."

    def ingesteld(self) -> bool:
        return enabled()


class Inloggen(_Alleen, OIDCAuthenticationRequestView):
    """Off to the DigiD broker."""


class Terugkeer(_Alleen, oidc.TerugkeerBasis):
    """Back from the broker: signed in on Mijn plan, or the page that says why not."""

    @property
    def failure_url(self) -> str:
        return reverse("inwoner:digid_geweigerd")

    def login_failure(self):
        return HttpResponseRedirect(self.failure_url)


inloggen = oidc.sign_in_view(Inloggen)
terugkeer = oidc.sign_in_view(Terugkeer)
