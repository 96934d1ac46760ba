from django.apps import AppConfig


class ToetsingConfig(AppConfig):
    name = "toetsing"
    verbose_name = "Omgekeerde toets en maatwerk"
