from django.apps import AppConfig


class InwonerConfig(AppConfig):
    default = True
    name = "inwoner"
    verbose_name = "Mijn plan (inwoner)"

    def ready(self) -> None:
        # What this app shows on pages of lower apps (sociaaldomein.extensions).
        from inwoner import extensions  # noqa: F401
