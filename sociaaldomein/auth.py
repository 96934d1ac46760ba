from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.postgres.aggregates import ArrayAgg, JSONBAgg
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, JSONObject

from sociaaldomein.models import Notificatie


class RoleAwareModelBackend(ModelBackend):
    """ModelBackend that loads the user with roles, teams and the number of unread
    notifications in a single query.

    Every request needs the roles (navigation, permissions), the team ids (scoping of
    case data) and the count in the header; loading them with the user keeps the per-page
    query count constant.
    """

    def get_user(self, user_id):
        User = get_user_model()
        user = (
            User._default_manager.filter(pk=user_id)
            .annotate(
                _rol_namen=ArrayAgg(
                    "groups__name", distinct=True, filter=Q(groups__isnull=False), default=[]
                ),
                _team_info=JSONBAgg(
                    JSONObject(id=F("teams__id"), naam=F("teams__naam")),
                    distinct=True,
                    filter=Q(teams__isnull=False),
                    default=[],
                ),
                _ongelezen=Coalesce(
                    Subquery(
                        Notificatie.objects.filter(
                            ontvanger=OuterRef("pk"), gelezen_op__isnull=True
                        )
                        .values("ontvanger")
                        .annotate(n=Count("pk"))
                        .values("n")
                    ),
                    0,
                ),
            )
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        user.rol_namen = frozenset(user._rol_namen)
        user.team_info = sorted(user._team_info, key=lambda team: team["naam"])
        user.ongelezen_meldingen = user._ongelezen
        return user


def axes_username(request, credentials) -> str:
    """The username django-axes records for a login attempt, made safe to store.

    Axes keeps the raw username of failed attempts in a varchar(255); a hostile 100 kB
    string or a NUL byte would turn a failed login into a server error.
    """
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(raw).replace("\x00", "")[:150]
