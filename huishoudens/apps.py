from django.apps import AppConfig


class HuishoudensConfig(AppConfig):
    name = "huishoudens"
    verbose_name = "Huishoudens en leefdomeinen"

    def ready(self) -> None:
        # What this app shows on pages of lower apps (sociaaldomein.extensions).
        from huishoudens import extensions  # noqa: F401
