from django.apps import AppConfig


class HuishoudensConfig(AppConfig):
    name = "huishoudens"
    verbose_name = "Huishoudens en leefdomeinen"
