import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render, resolve_url
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


def background(view_func):
    """Mark a view as a background poll (e.g. the header counter): it does not count as
    activity, so polling never keeps an idle session alive."""
    view_func.achtergrond = True
    return view_func


class SessionLifetimeMiddleware:
    """Idle timeout and absolute lifetime of a session.

    - idle: SESSION_IDLE_TIMEOUT seconds without a request by the user end the session
      (background polls do not count, see `background`);
    - absolute: SESSION_ABSOLUTE_LIFETIME seconds after login, whatever the activity, so
      a forgotten shared workstation does not stay logged in for days.
    The last activity is written at most once a minute, not on every request.
    """

    BEGONNEN = "_sessie_begonnen"
    ACTIEF = "_sessie_actief"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        now = time.time()
        session = request.session
        started = session.setdefault(self.BEGONNEN, now)
        last = session.get(self.ACTIEF, started)
        if now - started > settings.SESSION_ABSOLUTE_LIFETIME:
            return self._expire(request, "Uw sessie is na 10 uur beëindigd. Log opnieuw in.")
        if now - last > settings.SESSION_IDLE_TIMEOUT:
            return self._expire(
                request, "Uw sessie is verlopen na 30 minuten zonder activiteit. Log opnieuw in."
            )
        if not getattr(view_func, "achtergrond", False) and now - last > 60:
            session[self.ACTIEF] = now
        return None

    def _expire(self, request, message: str):
        logout(request)
        messages.info(request, message)
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = resolve_url(settings.LOGIN_URL)
            return response
        return redirect(settings.LOGIN_URL)


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


class RoleAreaMiddleware:
    """Every page belongs to the staff of the sociaal domein unless its view is opened to
    another role as well (`roles.open_to`): a household member, a provider or the
    archivist who types a staff URL gets the 403 page, whatever that page would check
    itself (security by default; the access matrix tests every URL for every role)."""

    ALTIJD = {"login", "logout", "healthz", "start"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_medewerker:
            return None
        match = request.resolver_match
        if match is not None and match.url_name in self.ALTIJD and not match.namespace:
            return None
        if user.rol_namen & getattr(view_func, "open_voor", frozenset()):
            return None
        raise PermissionDenied("Deze pagina is alleen voor medewerkers van de gemeente.")


def max_body(megabytes):
    """Allow a view a larger request body than `REQUEST_MAX_BYTES` (an upload), in MB
    read from the settings when the request comes in: `@max_body(lambda: settings.X)`."""

    def decorator(view_func):
        view_func.max_body_mb = megabytes
        return view_func

    return decorator


class RequestSizeMiddleware:
    """Refuse an oversized request body before anything parses it.

    Placed before `CsrfViewMiddleware`, whose `process_view` reads `request.POST` (the
    whole multipart body, files spooled to disk). The limit is `REQUEST_MAX_BYTES`, or
    the view's own (`max_body`) plus 1 MB for the multipart envelope. A body without a
    Content-Length (chunked) is refused as well: its size cannot be known up front.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in {"GET", "HEAD", "OPTIONS"}:
            return None
        if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return HttpResponse("Een verzoek zonder lengte wordt niet aangenomen.", status=411)
        try:
            lengte = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Ongeldige lengte.", status=400)
        megabytes = getattr(view_func, "max_body_mb", None)
        limiet = (megabytes() + 1) * 1024 * 1024 if megabytes else settings.REQUEST_MAX_BYTES
        if lengte <= limiet:
            return None
        max_mb = megabytes() if megabytes else round(settings.REQUEST_MAX_BYTES / 1024 / 1024, 1)
        return render(request, "413.html", {"max_mb": max_mb}, status=413)
