"""`manage.py check --deploy` warns while the second factor is switched off."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def second_factor_required(app_configs, **kwargs):
    if settings.TWEEDE_FACTOR_VERPLICHT:
        return []
    return [
        Warning(
            "TWEEDE_FACTOR_VERPLICHT staat uit: medewerkers loggen in met alleen een wachtwoord.",
            hint="Alleen voor de demo en tests; zet TWEEDE_FACTOR_VERPLICHT=true in productie "
            "(BIO: twee factoren voor vertrouwelijke gegevens).",
            id="sociaaldomein.W001",
        )
    ]
