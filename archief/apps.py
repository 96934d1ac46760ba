from django.apps import AppConfig


class ArchiefConfig(AppConfig):
    default = True
    name = "archief"
    verbose_name = "Archief"

    def ready(self) -> None:
        from archief import extensions  # noqa: F401
