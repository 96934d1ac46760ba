from django.apps import AppConfig


class WijkConfig(AppConfig):
    default = True
    name = "wijk"
    verbose_name = "Wijk"

    def ready(self) -> None:
        # What this app shows on pages of lower apps (sociaaldomein.extensions).
        from wijk import extensions  # noqa: F401
