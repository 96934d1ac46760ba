import logging
import sys

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from sociaaldomein.accesslog import Actie, log_access
from sociaaldomein.extensions import home_for, panels
from sociaaldomein.middleware import background
from sociaaldomein.models import Notificatie
from sociaaldomein.roles import Rol, open_to

logger = logging.getLogger(__name__)


class Inloggen(LoginView):
    """Django's login page, with the button for the municipality's single sign-on when it
    is set up, and the message when the identity provider gave no role."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sso=bool(settings.OIDC_RP_CLIENT_ID),
            sso_geweigerd=self.request.GET.get("sso") == "geweigerd",
            extra=panels("inloggen"),
            **kwargs,
        )


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Mijn werk: the start page after login. Every app contributes its blocks (slot
    "mijn_werk", see sociaaldomein.extensions); each block costs a fixed number of queries.
    The households the blocks name are a look at personal data: one log entry for all."""
    if not request.user.is_medewerker:
        eigen = home_for(request.user)
        if eigen is None:
            raise PermissionDenied("U heeft (nog) geen rol in Eén Plan.")
        return redirect(eigen)
    werk = panels("mijn_werk", user=request.user)
    if werk.huishoudens:
        log_access(
            request, actie=Actie.GEZOCHT, onderwerp="mijn_werk", huishoudens=werk.huishoudens
        )
    return render(request, "sociaaldomein/start.html", {"werk": werk})


@open_to(*Rol)
@require_GET
def meldingen(request: HttpRequest) -> HttpResponse:
    """The user's own notifications, newest first."""
    page = Paginator(request.user.notificaties.all(), 25).get_page(request.GET.get("pagina"))
    return render(request, "sociaaldomein/meldingen.html", {"page": page})


@open_to(*Rol)
@require_POST
def melding_gelezen(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go where it points (only the user's own)."""
    melding = get_object_or_404(Notificatie, pk=pk, ontvanger=request.user)
    if melding.gelezen_op is None:
        Notificatie.objects.filter(pk=melding.pk).update(gelezen_op=timezone.now())
    target = melding.url if url_has_allowed_host_and_scheme(melding.url, None) else ""
    return redirect(target or "meldingen")


@open_to(*Rol)
@require_POST
def meldingen_gelezen(request: HttpRequest) -> HttpResponse:
    request.user.notificaties.filter(gelezen_op__isnull=True).update(gelezen_op=timezone.now())
    return redirect("meldingen")


@open_to(*Rol)
@background
@require_GET
def meldingen_teller(request: HttpRequest) -> HttpResponse:
    """The header counter, polled by htmx; a poll does not keep the session alive."""
    return render(request, "base.html#meldingen-teller")


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness in one: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("healthz: database niet bereikbaar", exc_info=True)
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


# --- error pages: Dutch, friendly, nothing internal ------------------------------------


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "400.html", status=400)


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 when the cause is the database being unreachable.

    Rendered without a request context: the database (session, user) may be the very
    thing that failed.
    """
    exc = sys.exc_info()[1]
    if isinstance(exc, (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "5"
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)
