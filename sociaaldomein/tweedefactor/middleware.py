"""Ask the second factor right after the password, before any other page."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django_htmx.http import HttpResponseClientRedirect

from sociaaldomein import tweedefactor


class TweedeFactorMiddleware:
    """With TWEEDE_FACTOR_VERPLICHT every signed-in user who has not yet confirmed the
    second factor in this session goes to the second-factor page (which sends a user
    without an app to set one up); only signing in and out stay reachable. Must come
    after django_otp's OTPMiddleware."""

    VRIJ = {
        "login",
        "logout",
        "healthz",
        "tweede_factor",
        "tweede_factor_instellen",
        "oidc_authentication_init",
        "oidc_authentication_callback",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if not tweedefactor.required():
            return None
        user = request.user
        if not user.is_authenticated or tweedefactor.is_confirmed(request):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in self.VRIJ and not match.namespace:
            return None
        if match is not None and match.namespace == "otp_webauthn":
            return None  # the passkey ceremonies; registering checks the factor itself
        if getattr(request, "htmx", False):
            current = request.htmx.current_url_abs_path or "/"
            return HttpResponseClientRedirect(tweedefactor.confirm_url(current))
        return redirect(tweedefactor.confirm_url(request.get_full_path()))
