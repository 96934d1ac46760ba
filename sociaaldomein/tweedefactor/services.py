"""Setting up, confirming and resetting a user's second factor (keyword-only, atomic)."""

from __future__ import annotations

from base64 import b32encode

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from sociaaldomein.accesslog import Actie, Doel, log_access

HERSTELCODES = 10
APP_NAAM = "Authenticator-app"
HERSTEL_NAAM = "Herstelcodes"


def has_app(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def has_passkey(user) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def device_for_setup(*, user) -> TOTPDevice:
    """The app being set up: one unconfirmed device per user, kept while the page is
    reloaded so the QR code stays the same."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAAM, confirmed=False)


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in groups of four, for typing it into an app without a camera."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@transaction.atomic
def confirm_app(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the app with its first code; it replaces an earlier app, and new recovery
    codes replace the old ones. None when the code is wrong."""
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    return new_recovery_codes(user=device.user)


@transaction.atomic
def new_recovery_codes(*, user) -> list[str]:
    """Ten one-time recovery codes, shown once; earlier codes stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=HERSTEL_NAAM)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def reset_second_factor(*, gebruiker, request) -> None:
    """The functioneel beheerder removes a user's app, passkeys and recovery codes;
    at the next sign-in the user sets up a new app. Written to the access log."""
    if not request.user.can_reset_second_factor:
        raise PermissionDenied("Alleen de functioneel beheerder stelt dit opnieuw in.")
    for model in (TOTPDevice, StaticDevice, WebAuthnCredential):
        model.objects.filter(user=gebruiker).delete()
    log_access(
        request,
        actie=Actie.GEWIJZIGD,
        onderwerp="tweede factor",
        object_id=gebruiker.pk,
        doel=Doel.VERANTWOORDING,
        reden=f"Tweede factor van {gebruiker.get_username()} opnieuw ingesteld",
    )
