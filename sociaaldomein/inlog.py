"""Login brute force (django-axes): the client's address behind trusted proxies, and a
limit per address on top of axes' lock per username and address."""

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def client_ip(request) -> str:
    """The client's address as django-axes records it (`AXES_CLIENT_IP_CALLABLE`).

    Without trusted proxies (`TRUSTED_PROXY_COUNT = 0`) REMOTE_ADDR, and a forged
    X-Forwarded-For is ignored. Behind N proxies that each append the address they saw,
    the N-th entry from the right is the one the outermost trusted proxy saw: entries
    further left are whatever the client claimed.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    aantal = settings.TRUSTED_PROXY_COUNT
    if aantal <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    adressen = [deel.strip() for deel in forwarded.split(",") if deel.strip()]
    if len(adressen) < aantal:
        return remote
    return adressen[-aantal][:45]


class InlogHandler(AxesDatabaseHandler):
    """django-axes' database handler plus a limit per address: five failures lock one
    username from one address (the default), and `INLOG_MAX_PER_ADRES` failures from
    one address within the cool-off lock that address for every username (password
    spraying)."""

    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        adres = getattr(request, "axes_ip_address", None) or client_ip(request)
        sinds = timezone.now() - settings.AXES_COOLOFF_TIME
        mislukt = AccessAttempt.objects.filter(ip_address=adres, attempt_time__gte=sinds).aggregate(
            totaal=Sum("failures_since_start")
        )["totaal"]
        if (mislukt or 0) < settings.INLOG_MAX_PER_ADRES:
            return False
        # axes answers with its lockout page (429) only when this flag is set; its own
        # per-username check sets it when the failure is counted, which this is not
        request.axes_locked_out = True
        return True
