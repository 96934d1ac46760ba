from django.apps import AppConfig


class VerantwoordingConfig(AppConfig):
    default = True
    name = "verantwoording"
    verbose_name = "Verantwoording"

    def ready(self) -> None:
        # What this app shows on pages of lower apps (sociaaldomein.extensions).
        from verantwoording import extensions  # noqa: F401
