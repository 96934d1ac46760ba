from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models

from sociaaldomein.roles import Rol


class Team(models.Model):
    """A wijkteam: the unit that owns households and scopes every read of case data."""

    naam = models.CharField("naam", max_length=100, unique=True)
    wijk = models.CharField("wijk", max_length=100)
    leden = models.ManyToManyField(
        "sociaaldomein.User", related_name="teams", blank=True, verbose_name="leden"
    )

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class User(AbstractUser):
    """A user of the product. Roles are groups (see roles.py); teams scope case data.

    `rol_namen` and `team_info` are filled in one query by the authentication backend
    (sociaaldomein.auth), so checking a role or the teams costs no extra query per request.
    """

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        ordering = ["username"]

    def __str__(self) -> str:
        return self.weergavenaam

    @property
    def weergavenaam(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def rol_namen(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    @cached_property
    def team_info(self) -> list[dict]:
        return list(self.teams.order_by("naam").values("id", "naam"))

    @property
    def team_ids(self) -> list[int]:
        return [team["id"] for team in self.team_info]

    @property
    def team_namen(self) -> list[str]:
        return [team["naam"] for team in self.team_info]

    def has_rol(self, rol: Rol) -> bool:
        return self.is_active and rol.value in self.rol_namen

    @property
    def is_professional(self) -> bool:
        return self.has_rol(Rol.PROFESSIONAL)

    @property
    def is_teamleider(self) -> bool:
        return self.has_rol(Rol.TEAMLEIDER)

    @property
    def is_auditor(self) -> bool:
        return self.has_rol(Rol.AUDITOR)

    @property
    def is_beheerder(self) -> bool:
        return self.has_rol(Rol.BEHEERDER)

    @property
    def rol_label(self) -> str:
        """The role shown in the header; a user with several shows them all."""
        order = [Rol.TEAMLEIDER, Rol.PROFESSIONAL, Rol.AUDITOR, Rol.BEHEERDER]
        return ", ".join(rol.label for rol in order if rol.value in self.rol_namen) or "Geen rol"
