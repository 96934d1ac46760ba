from django.conf import settings
from oauth2_provider.oauth2_validators import OAuth2Validator


class Validator(OAuth2Validator):
    """Every claim of the user in the ID token and from the userinfo endpoint."""

    oidc_claim_scope = None

    def get_additional_claims(self, request):
        return {"preferred_username": request.user.username} | settings.GEBRUIKERS.get(
            request.user.username, {}
        )
