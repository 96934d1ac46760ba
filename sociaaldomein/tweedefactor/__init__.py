"""The second factor of staff sign-in, on django-otp: an authenticator app (TOTP) with
recovery codes (static tokens), asked right after the password (`middleware`), and
asked again before the weightiest actions (`requires_recent_second_factor`, step-up).

`settings.TWEEDE_FACTOR_VERPLICHT` (default true, off for the tests and `make run`)
switches both on; `manage.py check --deploy` warns while it is off (`checks`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps

import django_otp
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from sociaaldomein.htmx import go_to

BEVESTIGD_OP = "_tweede_factor_op"
BIJ_IDP = "_tweede_factor_bij_idp"


def required() -> bool:
    return bool(settings.TWEEDE_FACTOR_VERPLICHT)


def mark_confirmed(request: HttpRequest, device) -> None:
    """The user proved the second factor with `device` (app or recovery code), or the
    identity provider reported one (`device` None): confirmed for this session, and the
    moment kept for step-up."""
    if device is None:
        request.session[BIJ_IDP] = True
    else:
        django_otp.login(request, device)
    request.session[BEVESTIGD_OP] = time.time()


def is_confirmed(request: HttpRequest) -> bool:
    return request.user.is_verified() or bool(request.session.get(BIJ_IDP))


def recently_confirmed(request: HttpRequest) -> bool:
    moment = request.session.get(BEVESTIGD_OP)
    window = settings.TWEEDE_FACTOR_STAP_OMHOOG_MINUTEN * 60
    return moment is not None and time.time() - moment <= window


def confirm_url(next_url: str) -> str:
    return f"{reverse('tweede_factor')}?{urlencode({'next': next_url})}"


def safe_next(request: HttpRequest, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else default


def requires_recent_second_factor(
    when: Callable[[HttpRequest], bool] | None = None,
    back: Callable[..., str] | None = None,
):
    """Step-up: the view runs only if the second factor was confirmed within the last
    TWEEDE_FACTOR_STAP_OMHOOG_MINUTEN minutes; otherwise the user confirms it and comes
    back to `back(request, **kwargs)` (default: this URL; for a POST, the form's page).
    `when(request)` limits it to the weighty case (approving, not asking)."""

    def decorator(view_func):
        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            if required() and (when is None or when(request)) and not recently_confirmed(request):
                terug = back(request, *args, **kwargs) if back else request.get_full_path()
                messages.info(
                    request, "Bevestig met uw tweede factor; daarna kunt u verder waar u was."
                )
                return go_to(request, confirm_url(terug))
            return view_func(request, *args, **kwargs)

        return wrapper

    return decorator
