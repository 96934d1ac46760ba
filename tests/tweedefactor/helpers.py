"""Codes for the tests: what an authenticator app would show right now."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from sociaaldomein.tweedefactor import services


def code_for(device: TOTPDevice) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def app_for(user) -> tuple[TOTPDevice, list[str]]:
    """A confirmed app with its recovery codes, as the set-up page leaves it."""
    device = services.device_for_setup(user=user)
    device.confirmed = True
    device.save()
    return device, services.new_recovery_codes(user=user)


def confirm(client, user) -> list[str]:
    """Sign the client's session off with a recovery code (can be repeated; an app code
    is accepted only once per 30 seconds)."""
    _, codes = app_for(user)
    response = client.post("/accounts/tweede-factor/", {"code": codes[0], "next": "/"})
    assert response.status_code == 302, response.content.decode()[:500]
    return codes[1:]
