"""Passkeys (WebAuthn) as a second factor, through django-otp-webauthn: registered after
the app, used on the second-factor page instead of a code. The relying party is this
site as the browser reached it (a host ALLOWED_HOSTS accepted)."""

from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views
from django_otp_webauthn.helpers import WebAuthnHelper

from sociaaldomein import tweedefactor
from sociaaldomein.roles import Rol, open_to


def rp_id(request) -> str:
    return request.get_host().rsplit(":", 1)[0] if "]" not in request.get_host() else ""


def rp_name(request) -> str:
    return "Eén Plan"


class Helper(WebAuthnHelper):
    def get_allowed_origins(self) -> list[str]:
        return [f"{self.request.scheme}://{self.request.get_host()}"]


class Bevestigen(views.CompleteCredentialAuthenticationView):
    """A passkey confirms the second factor like a code: the moment counts for step-up."""

    def complete_auth(self, device):
        super().complete_auth(device)
        tweedefactor.mark_confirmed(self.request, device)


_open = open_to(Rol.INWONER, Rol.AANBIEDER, Rol.ARCHIVARIS)

app_name = "otp_webauthn"
urlpatterns = [
    path(
        "registratie/begin/",
        _open(views.BeginCredentialRegistrationView.as_view()),
        name="credential-registration-begin",
    ),
    path(
        "registratie/klaar/",
        _open(views.CompleteCredentialRegistrationView.as_view()),
        name="credential-registration-complete",
    ),
    path(
        "bevestigen/begin/",
        _open(views.BeginCredentialAuthenticationView.as_view()),
        name="credential-authentication-begin",
    ),
    path(
        "bevestigen/klaar/",
        _open(Bevestigen.as_view()),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        _open(JavaScriptCatalog.as_view(packages=["django_otp_webauthn"])),
        name="js-i18n-catalog",
    ),
]
