from django.apps import AppConfig


class SocialekaartConfig(AppConfig):
    name = "socialekaart"
    verbose_name = "Sociale kaart"

    def ready(self) -> None:
        # What this app shows on pages of lower apps (sociaaldomein.extensions).
        from socialekaart import extensions  # noqa: F401
