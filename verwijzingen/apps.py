from django.apps import AppConfig


class VerwijzingenConfig(AppConfig):
    name = "verwijzingen"
    verbose_name = "Verwijzingen en gegevensdeling"

    def ready(self) -> None:
        # What this app shows on pages of lower apps (sociaaldomein.extensions).
        from verwijzingen import extensions  # noqa: F401
