"""`python -m tests.oidc_provider.opzetten CLIENT_ID SECRET REDIRECT_URI`: the provider's
users and the product as its client (after `migrate`)."""

import sys

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402


def main(client_id: str, secret: str, redirect_uri: str) -> None:
    for username in settings.GEBRUIKERS:
        User.objects.create_user(username, password=settings.WACHTWOORD)
    Application.objects.create(
        name="Eén Plan",
        client_id=client_id,
        client_secret=secret,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=redirect_uri,
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
