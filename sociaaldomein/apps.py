from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class SociaaldomeinConfig(AppConfig):
    default = True
    name = "sociaaldomein"
    verbose_name = "Organisatie en rollen"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from sociaaldomein.roles import sync_role_permissions

        # Groups and their model permissions follow the code after every migrate.
        post_migrate.connect(sync_role_permissions, sender=self)


class BeheerAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "sociaaldomein.admin_site.BeheerAdminSite"
