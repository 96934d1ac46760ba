import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils.http import urlencode


class SecurityHeadersMiddleware:
    """Headers Django does not set itself.

    Pages hold personal data: nothing may be stored by browsers or proxies
    (`Cache-Control: no-store`), except the static files WhiteNoise serves before this.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
        )
        if not request.path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            response.headers.setdefault("Cache-Control", "no-store, private")
        return response


class SessionLifetimeMiddleware:
    """An absolute session lifetime on top of the idle timeout (SESSION_COOKIE_AGE).

    A session ends at the latest SESSION_ABSOLUTE_LIFETIME seconds after login, however
    active the user is: a forgotten, shared workstation does not stay logged in for days.
    """

    KEY = "_sessie_begonnen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.setdefault(self.KEY, now)
            if now - started > settings.SESSION_ABSOLUTE_LIFETIME:
                logout(request)
                messages.info(request, "Uw sessie is verlopen. Log opnieuw in.")
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)


class HtmxLoginRequiredMiddleware(LoginRequiredMiddleware):
    """LoginRequiredMiddleware that sends htmx requests to the login page as a whole.

    A plain redirect would make htmx swap the login form into a fragment of the page;
    `HX-Redirect` makes the browser navigate, and back to the page afterwards.
    """

    def handle_no_permission(self, request, view_func):
        if getattr(request, "htmx", False):
            current = request.htmx.current_url_abs_path or "/"
            login_url = resolve_url(self.get_login_url(view_func))
            response = HttpResponse(status=204)
            response["HX-Redirect"] = f"{login_url}?{urlencode({'next': current})}"
            return response
        return super().handle_no_permission(request, view_func)
