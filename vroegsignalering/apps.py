from django.apps import AppConfig


class VroegsignaleringConfig(AppConfig):
    name = "vroegsignalering"
    verbose_name = "Vroegsignalering"

    def ready(self) -> None:
        # What this app shows on pages of lower apps (sociaaldomein.extensions).
        from vroegsignalering import extensions  # noqa: F401
