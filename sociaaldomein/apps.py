from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class SociaaldomeinConfig(AppConfig):
    default = True
    name = "sociaaldomein"
    verbose_name = "Organisatie en rollen"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from sociaaldomein.extensions import nav_item
        from sociaaldomein.roles import sync_role_permissions
        from sociaaldomein.tweedefactor import checks  # noqa: F401  (registers the check)

        # Groups and their model permissions follow the code after every migrate.
        post_migrate.connect(sync_role_permissions, sender=self)
        # The navigation items of this app; every other app registers its own.
        nav_item(
            "Mijn werk",
            "start",
            order=10,
            visible=lambda user: user.is_medewerker,
            active=("start",),
        )
        nav_item(
            "Beheer",
            "admin:index",
            order=90,
            visible=lambda user: user.is_beheerder or user.is_superuser,
            active=("admin:",),
        )


class BeheerAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "sociaaldomein.admin_site.BeheerAdminSite"
