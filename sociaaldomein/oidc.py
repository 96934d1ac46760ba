"""Single sign-on through OpenID Connect (mozilla-django-oidc), for municipalities with
Entra ID, ADFS or Keycloak.

The identity provider's claims decide the roles and teams (`OIDC_ROLLEN`, the roles
claim; the teams claim holds team names); a user without a mapped role gets no access.
When the ID token reports a second factor (`amr` holds one of `OIDC_AMR_TWEEDE_FACTOR`,
or `acr` is one of `OIDC_ACR_TWEEDE_FACTOR`) the local second factor is skipped;
otherwise it is asked as after a password. Switched on by setting `OIDC_RP_CLIENT_ID`
(README, "Staff sign-in").
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from sociaaldomein import tweedefactor
from sociaaldomein.auth import RoleAwareModelBackend
from sociaaldomein.models import Team, User
from sociaaldomein.roles import Rol, open_to


def enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def _values(claims: dict, name: str) -> list[str]:
    value = claims.get(name) or []
    return [value] if isinstance(value, str) else [str(item) for item in value]


def roles_from(claims: dict) -> set[str]:
    """The roles of Eén Plan the claims map to (none: no access)."""
    mapping = settings.OIDC_ROLLEN
    return {
        mapping[value] for value in _values(claims, settings.OIDC_ROLLEN_CLAIM) if value in mapping
    }


def reports_second_factor(claims: dict) -> bool:
    amr = set(_values(claims, "amr"))
    return bool(amr & set(settings.OIDC_AMR_TWEEDE_FACTOR)) or (
        claims.get("acr") in settings.OIDC_ACR_TWEEDE_FACTOR
    )


@transaction.atomic
def apply_claims(*, user: User, claims: dict, rollen: set[str]) -> User:
    """Roles, teams and name follow the identity provider at every sign-in."""
    user.first_name = claims.get("given_name", user.first_name)[:150]
    user.last_name = claims.get("family_name", user.last_name)[:150]
    user.email = claims.get("email", user.email)
    user.is_staff = Rol.BEHEERDER.value in rollen
    user.save()
    user.groups.set(Group.objects.filter(name__in=rollen))
    user.teams.set(Team.objects.filter(naam__in=_values(claims, settings.OIDC_TEAMS_CLAIM)))
    return user


class ClientBackend(OIDCAuthenticationBackend):
    """What the backends of both OIDC clients (staff here, DigiD for residents in
    inwoner.digid) share: each answers only on its own return URL (`terugkeer`, a URL
    name: the other client's code means nothing to this provider), remembers on the user
    whether the provider reported a second factor (`second_factor_in`), and loads the
    user as after a password sign-in."""

    terugkeer = ""

    def authenticate(self, request, **kwargs):
        if request is None or request.path != reverse(self.terugkeer):
            return None
        return super().authenticate(request, **kwargs)

    def second_factor_in(self, claims: dict) -> bool:
        raise NotImplementedError

    def get_or_create_user(self, access_token, id_token, payload):
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None:
            user.tweede_factor_bij_idp = self.second_factor_in(payload)
        return user

    def get_user(self, user_id):
        # the same single query for roles and teams as after a password sign-in
        return RoleAwareModelBackend().get_user(user_id)


class RolOIDCBackend(ClientBackend):
    """mozilla-django-oidc's backend with the user found by username and the roles and
    teams taken from the claims."""

    terugkeer = "oidc_authentication_callback"

    def second_factor_in(self, claims: dict) -> bool:
        return reports_second_factor(claims)

    def _username(self, claims: dict) -> str:
        return str(claims.get(settings.OIDC_GEBRUIKERSNAAM_CLAIM) or "")[:150]

    def verify_claims(self, claims) -> bool:
        return bool(self._username(claims)) and bool(roles_from(claims))

    def filter_users_by_claims(self, claims):
        return User.objects.filter(username=self._username(claims))

    def create_user(self, claims) -> User:
        user = User(username=self._username(claims))
        user.set_unusable_password()
        return apply_claims(user=user, claims=claims, rollen=roles_from(claims))

    def update_user(self, user, claims) -> User:
        return apply_claims(user=user, claims=claims, rollen=roles_from(claims))


class AlleenIngesteld:
    """A view of an OIDC client: not found while the client is not set up."""

    niet_ingesteld = "Inloggen via de gemeente is niet ingesteld."

    def ingesteld(self) -> bool:
        return enabled()

    def dispatch(self, request, *args, **kwargs):
        if not self.ingesteld():
            raise Http404(self.niet_ingesteld)
        return super().dispatch(request, *args, **kwargs)


class TerugkeerBasis(OIDCAuthenticationCallbackView):
    """Back from the provider: signed in, and the second factor counted as given when
    the provider reported one (`ClientBackend`)."""

    def login_success(self):
        response = super().login_success()
        if getattr(self.user, "tweede_factor_bij_idp", False):
            tweedefactor.mark_confirmed(self.request, None)
        return response


class Inloggen(AlleenIngesteld, OIDCAuthenticationRequestView):
    """Off to the identity provider."""


class Terugkeer(AlleenIngesteld, TerugkeerBasis):
    """Back from the identity provider."""


def sign_in_view(view_class):
    """A view of an OIDC sign-in round trip: no login needed, and open to residents,
    providers and archivists as well as to the staff."""
    return open_to(Rol.INWONER, Rol.AANBIEDER, Rol.ARCHIVARIS)(
        login_not_required(view_class.as_view())
    )


inloggen = sign_in_view(Inloggen)
terugkeer = sign_in_view(Terugkeer)
