"""The second-factor pages: confirm (after the password, and for step-up) and set up.

Opened to every role: a household member or provider with an account signs in the same
way (`roles.open_to`)."""

import segno
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from sociaaldomein import tweedefactor
from sociaaldomein.roles import Rol, open_to
from sociaaldomein.tweedefactor import services
from sociaaldomein.tweedefactor.forms import CodeForm, InstelForm

GET_POST = require_http_methods(["GET", "POST"])
IEDEREEN = (Rol.INWONER, Rol.AANBIEDER, Rol.ARCHIVARIS)


@open_to(*IEDEREEN)
@GET_POST
def tweede_factor(request: HttpRequest) -> HttpResponse:
    """Confirm with the app or a recovery code; a user without an app sets one up."""
    next_url = tweedefactor.safe_next(request)
    if not services.has_app(request.user):
        return redirect(f"{reverse('tweede_factor_instellen')}?{urlencode({'next': next_url})}")
    form = CodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        tweedefactor.mark_confirmed(request, form.device)
        return redirect(next_url)
    context = {
        "form": form,
        "next": next_url,
        "stap_omhoog": tweedefactor.is_confirmed(request),
        "passkey": services.has_passkey(request.user),
    }
    return render(request, "registration/tweede_factor.html", context)


@open_to(*IEDEREEN)
@GET_POST
def tweede_factor_instellen(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app. A new app replaces an old one only after the old one
    was confirmed in this session: a password alone never enrols a device."""
    next_url = tweedefactor.safe_next(request)
    if services.has_app(request.user) and not request.user.is_verified():
        return redirect(tweedefactor.confirm_url(next_url))
    device = services.device_for_setup(user=request.user)
    form = InstelForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        tweedefactor.mark_confirmed(request, device)
        messages.success(request, "Uw authenticator-app is ingesteld.")
        context = {"codes": form.herstelcodes, "next": next_url}
        return render(request, "registration/herstelcodes.html", context)
    qr = segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)
    sleutel = services.secret_for_typing(device)
    context = {"form": form, "next": next_url, "qr": qr, "sleutel": sleutel}
    return render(request, "registration/tweede_factor_instellen.html", context)
