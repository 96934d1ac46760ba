from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.postgres.aggregates import ArrayAgg, JSONBAgg
from django.db.models import F, Q
from django.db.models.functions import JSONObject


class RoleAwareModelBackend(ModelBackend):
    """ModelBackend that loads the user with its roles and teams in a single query.

    Every request needs the roles (navigation, permissions) and the team ids (scoping of
    case data); loading them with the user keeps the per-page query count constant.
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
            )
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        user.rol_namen = frozenset(user._rol_namen)
        user.team_info = sorted(user._team_info, key=lambda team: team["naam"])
        return user
