"""A tiny OpenID provider for the tests: django-oauth-toolkit with OIDC enabled, run as
its own Django project in its own process and port (tests/browser/test_oidc.py starts
it). It stands in for the municipality's Entra ID, ADFS or Keycloak: its users carry
role, team and `amr` claims (GEBRUIKERS in settings.py)."""
