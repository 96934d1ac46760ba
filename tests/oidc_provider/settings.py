"""Settings of the test OpenID provider (not the product's)."""

import os
from pathlib import Path

SECRET_KEY = "test-openid-provider-only-not-a-secret-0123456789abcdefghijklmnop"
DEBUG = True
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oauth2_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.oidc_provider.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
# its own database on the project's PostgreSQL server (made and dropped by the test)
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ["OIDC_PROVIDER_DB_NAME"],
        "HOST": os.environ.get("OIDC_PROVIDER_DB_HOST", ""),
        "PORT": os.environ.get("OIDC_PROVIDER_DB_PORT", ""),
        "USER": os.environ.get("OIDC_PROVIDER_DB_USER", ""),
        "PASSWORD": os.environ.get("OIDC_PROVIDER_DB_PASSWORD", ""),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
LOGIN_URL = "/login/"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": Path(os.environ["OIDC_PROVIDER_KEY_FILE"]).read_text(),
    "OAUTH2_VALIDATOR_CLASS": "tests.oidc_provider.validator.Validator",
    "SCOPES": {"openid": "OpenID Connect", "email": "E-mail", "profile": "Profiel"},
    "PKCE_REQUIRED": True,
}

# The provider's users and the claims it gives about them.
from tests.oidc_provider.gebruikers import GEBRUIKERS, WACHTWOORD  # noqa: E402, F401
