"""`manage.py check --deploy` warns while the second factor is switched off, and when an
OpenID client (staff or DigiD) is switched on but incomplete or on plain http."""

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


# The two OpenID clients: staff single sign-on and residents' DigiD through the broker.
# Each is on when its client id is set; then every endpoint must be set and use https.
OIDC_CLIENTS = {
    "": ("medewerkers (single sign-on)", "sociaaldomein.W002"),
    "INWONER_": ("inwoners (DigiD via de broker)", "sociaaldomein.W003"),
}
OIDC_ENDPOINTS = ("AUTHORIZATION", "TOKEN", "USER", "JWKS")


@register(Tags.security, deploy=True)
def oidc_clients_complete(app_configs, **kwargs):
    """An OpenID client that is switched on but lacks its secret or an endpoint, or talks
    plain http to the provider, fails at the first sign-in: say so at deploy time."""
    warnings = []
    for prefix, (voor, check_id) in OIDC_CLIENTS.items():
        if not getattr(settings, f"{prefix}OIDC_RP_CLIENT_ID", ""):
            continue
        problemen = (
            []
            if getattr(settings, f"{prefix}OIDC_RP_CLIENT_SECRET", "")
            else [f"{prefix}OIDC_RP_CLIENT_SECRET ontbreekt"]
        )
        for endpoint in OIDC_ENDPOINTS:
            naam = f"{prefix}OIDC_OP_{endpoint}_ENDPOINT"
            url = getattr(settings, naam, "")
            if not url:
                problemen.append(f"{naam} ontbreekt")
            elif not url.startswith("https://"):
                problemen.append(f"{naam} gebruikt geen https")
        if problemen:
            warnings.append(
                Warning(
                    f"Het inloggen voor {voor} staat aan maar is onvolledig: "
                    + "; ".join(problemen)
                    + ".",
                    hint="Zet het geheim en alle vier de adressen van de provider (https).",
                    id=check_id,
                )
            )
    return warnings
