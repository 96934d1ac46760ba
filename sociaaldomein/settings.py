"""Settings for Eén Plan, all deploy-varying values read from the environment (12-factor).

Local use needs no variables: `make run` serves with DEBUG off (the product's own Dutch
error pages, static files collected and served by whitenoise, plain http, a local key),
`make dev` with DEBUG=true; the database defaults to the project-local cluster
(sociaaldomein/devdb.py). Production sets at least SECRET_KEY,
ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS and DATABASE_URL; `manage.py check --deploy` is then
clean.
"""

import datetime
import json
import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from sociaaldomein import devdb

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


TESTING = "pytest" in sys.modules or env_bool("TESTING", False)
# Without DATABASE_URL the project-local cluster is used: a developer's machine.
LOCAL = not os.environ.get("DATABASE_URL")

# --- Core -------------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING or LOCAL):
        raise ImproperlyConfigured("Zet SECRET_KEY (of DEBUG=true voor lokaal gebruik).")
    SECRET_KEY = "django-insecure-only-for-local-development-and-tests"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "sociaaldomein.apps.BeheerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",
    "django_htmx",
    "guardian",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "sociaaldomein",
    "huishoudens",
    "socialekaart",
    "casussen",
    "toetsing",
    "verwijzingen",
    "verantwoording",
    "vroegsignalering",
    "wijk",
    "archief",
    "inwoner",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "sociaaldomein.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "sociaaldomein.middleware.RequestSizeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "sociaaldomein.middleware.HtmxLoginRequiredMiddleware",
    "sociaaldomein.middleware.RoleAreaMiddleware",
    "sociaaldomein.tweedefactor.middleware.TweedeFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "sociaaldomein.middleware.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

FORM_RENDERER = "sociaaldomein.forms.FormRenderer"
if not (DEBUG or TESTING):
    # Static files from gunicorn in production; runserver and the test server serve
    # them from the finders themselves.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("sociaaldomein.middleware.SecurityHeadersMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )

# Any N+1 query pattern inside a request fails the test (django-zeal, dev only). The
# benchmarks run with TESTING for the test client but switch it off (ZEAL=false): it
# records every query with its stack and would distort the figures.
if TESTING and env_bool("ZEAL", True):
    INSTALLED_APPS.append("zeal")
    MIDDLEWARE.insert(0, "zeal.middleware.zeal_middleware")
    ZEAL_RAISE = True
    # Django's own login/logout read the session row more than once; not our N+1.
    ZEAL_ALLOWLIST = [{"model": "sessions.Session"}]

ROOT_URLCONF = "sociaaldomein.urls"
WSGI_APPLICATION = "sociaaldomein.wsgi.application"
ASGI_APPLICATION = "sociaaldomein.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sociaaldomein.context_processors.navigation",
            ],
            "builtins": ["django_htmx.templatetags.django_htmx"],
            "string_if_invalid": "",
        },
    },
]

# --- Database ---------------------------------------------------------------------------

DATABASE_URL = os.environ.get("DATABASE_URL") or devdb.local_url()
if not DATABASE_URL:
    raise ImproperlyConfigured(
        "Geen database: zet DATABASE_URL of start de lokale cluster met `make db`."
    )
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        # Persistent connections with a health check: after a database restart the
        # first request gets a fresh connection instead of an error.
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DATABASES["default"].setdefault("OPTIONS", {})
# Fail fast while the database is unreachable (a friendly 503, not a hung worker).
DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 3)
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication and sessions --------------------------------------------------------

AUTH_USER_MODEL = "sociaaldomein.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: refuses a locked-out username/IP before the password is checked
    "axes.backends.AxesStandaloneBackend",
    "sociaaldomein.auth.RoleAwareModelBackend",
    # django-guardian's object permissions, but an expired grant grants nothing
    "sociaaldomein.auth.CurrentGrantBackend",
]
# guardian looks for its own backend by name; ours is its subclass (CurrentGrantBackend)
SILENCED_SYSTEM_CHECKS = ["guardian.W001"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Idle timeout 30 minutes, absolute lifetime 10 hours (SessionLifetimeMiddleware); the
# cookie itself lives no longer than the absolute lifetime and dies with the browser.
SESSION_IDLE_TIMEOUT = 30 * 60
SESSION_ABSOLUTE_LIFETIME = 10 * 60 * 60
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Brute force: 5 failed logins for one username from one IP address lock that combination
# for 15 minutes; other users (and the same user from elsewhere) can still log in.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "sociaaldomein.auth.axes_username"
# Behind the recommended TLS proxy axes would see only the proxy's address: anyone could
# lock any user out. TRUSTED_PROXY_COUNT says how many proxies append to X-Forwarded-For
# (0: none, REMOTE_ADDR is the client; docker compose behind one proxy: 1).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT or None  # the same, for axes' own ipware path
AXES_CLIENT_IP_CALLABLE = "sociaaldomein.inlog.client_ip"
# Password spraying: this many failures from one address (any usernames) within the
# cool-off lock the address (sociaaldomein.inlog.InlogHandler).
INLOG_MAX_PER_ADRES = int(os.environ.get("INLOG_MAX_PER_ADRES", "30"))
AXES_HANDLER = "sociaaldomein.inlog.InlogHandler"

# Second factor (django-otp): required for every account in production. Only the tests
# and `make run` (the demo logins with password "demo") switch it off; `check --deploy`
# warns while it is off. Step-up: approving maatwerk, break the glass and downloading a
# dossier need the second factor confirmed within this many minutes.
TWEEDE_FACTOR_VERPLICHT = env_bool("TWEEDE_FACTOR_VERPLICHT", not TESTING)
TWEEDE_FACTOR_STAP_OMHOOG_MINUTEN = int(os.environ.get("TWEEDE_FACTOR_STAP_OMHOOG_MINUTEN", "15"))
OTP_TOTP_ISSUER = "Eén Plan"
# Passkeys (django-otp-webauthn) as a second factor only, never instead of the password.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_ID_CALLABLE = "sociaaldomein.tweedefactor.passkey.rp_id"
OTP_WEBAUTHN_RP_NAME_CALLABLE = "sociaaldomein.tweedefactor.passkey.rp_name"
OTP_WEBAUTHN_HELPER_CLASS = "sociaaldomein.tweedefactor.passkey.Helper"
# The allowed origin is the site as the browser reached it (passkey.Helper), not a list.
SILENCED_SYSTEM_CHECKS.append("otp_webauthn.E030")

# Single sign-on through OpenID Connect (mozilla-django-oidc; sociaaldomein/oidc.py): on
# when OIDC_RP_CLIENT_ID is set. Roles come from the roles claim through OIDC_ROLLEN (a
# JSON object: claim value → role), teams from the teams claim (team names); no mapped
# role, no access. An `amr`/`acr` reporting a second factor skips the local one.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_GEBRUIKERSNAAM_CLAIM = os.environ.get("OIDC_GEBRUIKERSNAAM_CLAIM", "preferred_username")
OIDC_ROLLEN_CLAIM = os.environ.get("OIDC_ROLLEN_CLAIM", "roles")
OIDC_TEAMS_CLAIM = os.environ.get("OIDC_TEAMS_CLAIM", "teams")
OIDC_ROLLEN = json.loads(
    os.environ.get("OIDC_ROLLEN")
    or json.dumps(
        {
            "eenplan-professional": "Professional",
            "eenplan-teamleider": "Teamleider",
            "eenplan-auditor": "Auditor",
            "eenplan-beheerder": "Functioneel beheerder",
        }
    )
)
OIDC_AMR_TWEEDE_FACTOR = env_list("OIDC_AMR_TWEEDE_FACTOR", "mfa,otp,hwk,fido")
OIDC_ACR_TWEEDE_FACTOR = env_list("OIDC_ACR_TWEEDE_FACTOR")
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/?sso=geweigerd"
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("sociaaldomein.oidc.RolOIDCBackend")

# Residents with DigiD through the municipality's OIDC broker (inwoner/digid.py): a second
# OIDC client, on when INWONER_OIDC_RP_CLIENT_ID is set; matched on the BSN claim to an
# activated Mijn plan account (never creates a user). A DigiD level in `acr` listed in
# INWONER_OIDC_ACR_TWEEDE_FACTOR (default: Midden, Substantieel, Hoog) is the second factor.
INWONER_OIDC_RP_CLIENT_ID = os.environ.get("INWONER_OIDC_RP_CLIENT_ID", "")
INWONER_OIDC_RP_CLIENT_SECRET = os.environ.get("INWONER_OIDC_RP_CLIENT_SECRET", "")
INWONER_OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get(
    "INWONER_OIDC_OP_AUTHORIZATION_ENDPOINT", ""
)
INWONER_OIDC_OP_TOKEN_ENDPOINT = os.environ.get("INWONER_OIDC_OP_TOKEN_ENDPOINT", "")
INWONER_OIDC_OP_USER_ENDPOINT = os.environ.get("INWONER_OIDC_OP_USER_ENDPOINT", "")
INWONER_OIDC_OP_JWKS_ENDPOINT = os.environ.get("INWONER_OIDC_OP_JWKS_ENDPOINT", "")
INWONER_OIDC_RP_SIGN_ALGO = os.environ.get("INWONER_OIDC_RP_SIGN_ALGO", "RS256")
INWONER_OIDC_RP_SCOPES = os.environ.get("INWONER_OIDC_RP_SCOPES", "openid")
INWONER_OIDC_BSN_CLAIM = os.environ.get("INWONER_OIDC_BSN_CLAIM", "bsn")
INWONER_OIDC_ACR_TWEEDE_FACTOR = env_list(
    "INWONER_OIDC_ACR_TWEEDE_FACTOR",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract,"
    "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard,"
    "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
)
if INWONER_OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("inwoner.digid.DigidBackend")

# django-guardian: no anonymous user object; grants are direct foreign-key models.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

# --- Security ---------------------------------------------------------------------------

# Behind TLS in production. HTTPS=false only for a plain-http container on localhost.
HTTPS = env_bool("HTTPS", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# htmx reads no cookie: the token is in hx-headers on <body> (templates/base.html), so
# no script needs to read the cookie either.
CSRF_COOKIE_HTTPONLY = True

# No inline scripts and no inline styles: every script and stylesheet is a static file.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

# --- Internationalisation ---------------------------------------------------------------

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"]
FORMAT_MODULE_PATH = ["sociaaldomein.formats"]

# --- Static files -----------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Background tasks (Django's task framework, database-backed worker) -----------------

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- Logging ----------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}

# --- Product settings -------------------------------------------------------------------

GEMEENTE_NAAM = os.environ.get("GEMEENTE_NAAM", "Gemeente Voorbeeldstad")
# An assessment of a life domain counts as current for this many months (completeness).
LEEFDOMEIN_ACTUEEL_MAANDEN = int(os.environ.get("LEEFDOMEIN_ACTUEEL_MAANDEN", "6"))
# Break the glass: how long access outside the own team lasts, the shortest reason, and
# how many attempts (found or not) a user may make per 24 hours.
DOORBRAAK_UREN = float(os.environ.get("DOORBRAAK_UREN", "4"))
DOORBRAAK_MIN_REDEN = 20
DOORBRAAK_MAX_PER_DAG = int(os.environ.get("DOORBRAAK_MAX_PER_DAG", "10"))
# The access log's anchor outside the database: `manage.py toegangslog_anker` (daily)
# appends the newest entry's number and hash; `verify_toegangslog` checks they are still
# there. Point it at storage the database's owner cannot rewrite (another host, WORM).
TOEGANGSLOG_ANKER = Path(
    os.environ.get("TOEGANGSLOG_ANKER", str(BASE_DIR / "anker" / "toegangslog.txt"))
)
# The BSN uniqueness check: hits on members out of the user's reach a day (logged).
BSN_CONTROLE_MAX_PER_DAG = int(os.environ.get("BSN_CONTROLE_MAX_PER_DAG", "10"))
# Checking a dossier: the largest PDF an auditor may upload.
DOSSIER_UPLOAD_MAX_MB = int(os.environ.get("DOSSIER_UPLOAD_MAX_MB", "50"))

# Vroegsignalering: signals that led to no contact are destroyed this many months after
# their zaak was closed; signals about one resident within this many days form one zaak.
VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN = int(os.environ.get("VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN", "6"))
VROEGSIGNAAL_KOPPELTERMIJN_DAGEN = int(os.environ.get("VROEGSIGNAAL_KOPPELTERMIJN_DAGEN", "92"))
# A partner's CSV file (about 150 bytes a row: 20 MB holds over 100 000 signals).
VROEGSIGNAAL_UPLOAD_MAX_MB = int(os.environ.get("VROEGSIGNAAL_UPLOAD_MAX_MB", "20"))
# Any other request body: refused before parsing above this (RequestSizeMiddleware);
# the dossier check allows DOSSIER_UPLOAD_MAX_MB (+1 MB envelope).
REQUEST_MAX_BYTES = int(os.environ.get("REQUEST_MAX_BYTES", str(2_621_440)))
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_MAX_BYTES
# Mijn plan (issue 15): "Wie heeft mijn gegevens bekeken" names the team or organisation
# and the role, not the staff member, unless the municipality decides otherwise.
INWONER_NAMEN_IN_LOG = env_bool("INWONER_NAMEN_IN_LOG", False)
