"""Settings for Register early career teachers.

Every setting comes from the environment (see README.md, "Configuration"). Local defaults are safe
for a developer's machine; DJANGO_ENV=production refuses anything unsafe, and a DJANGO_ENV that is not
one of ENVIRONMENTS refuses to start at all (docs/adr/0011-security-defaults.md).
"""

import datetime
import logging
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from ecf import logs

BASE_DIR = Path(__file__).resolve().parent.parent

# Settings come from the process environment only: docker compose passes .env to the container, and a
# .env lying in the checkout never switches a developer's `make run` or `make test` to production.
env = environ.Env()

# A misspelt environment ("Production", "prod", "staging") must not quietly become a development one
# with DEBUG, persona sign-in and the fake TRS: only these names start.
ENVIRONMENTS = ("development", "test", "production")
DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in ENVIRONMENTS:
    raise ImproperlyConfigured(
        f"DJANGO_ENV must be one of {', '.join(ENVIRONMENTS)}, not {DJANGO_ENV!r}. "
        "Use production for every deployed environment."
    )
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
LOCAL_SECRET_KEY = "local-only-insecure-secret-key-do-not-deploy"  # noqa: S105 (refused in production)
# The placeholder in .env.example: a copied example must not reach production unchanged.
EXAMPLE_SECRET_KEY = "replace-me-with-50-random-characters-before-anything-but-a-local-trial"  # noqa: S105
# Django's own check --deploy asks for at least 50 characters (security.W009).
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5  # Django's, django/core/checks/security/base.py
SECRET_KEY = env.str("SECRET_KEY", default="" if PRODUCTION else LOCAL_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Persona sign-in lists demo school users and signs in without a password: local and test only. With
# DEBUG off (a shared review server) it must be asked for explicitly with PERSONAS_ENABLED=true.
PERSONAS_ENABLED = env.bool("PERSONAS_ENABLED", default=DEBUG and not PRODUCTION)
# The fake Teaching Record System answers any TRN with made-up people: local and test only. With
# DEBUG off (a shared review or staging server) it must be asked for explicitly with TRS_FAKE=true.
TRS_FAKE = env.bool("TRS_FAKE", default=DEBUG and not PRODUCTION)
TRS_API_BASE_URL = env.str("TRS_API_BASE_URL", default="")
TRS_API_KEY = env.str("TRS_API_KEY", default="")
# 20260120 is the first version that answers 308 for merged records and 410 for deactivated ones.
TRS_API_VERSION = env.str("TRS_API_VERSION", default="20260120")
TRS_TIMEOUT_SECONDS = env.float("TRS_TIMEOUT_SECONDS", default=5.0)

# DfE Sign-in (OpenID Connect) signs school users in: always in production, locally when an issuer is given
# (the loopback provider of `make dfe-sign-in-mock`, see README.md). docs/adr/0013-dfe-sign-in.md says why.
DFE_SIGN_IN_ISSUER = env.str("DFE_SIGN_IN_ISSUER", default="").rstrip("/")
DFE_SIGN_IN_ENABLED = env.bool("DFE_SIGN_IN_ENABLED", default=PRODUCTION or bool(DFE_SIGN_IN_ISSUER))
DFE_SIGN_IN_CLIENT_ID = env.str("DFE_SIGN_IN_CLIENT_ID", default="")
DFE_SIGN_IN_CLIENT_SECRET = env.str("DFE_SIGN_IN_CLIENT_SECRET", default="")
# The public API that tells which roles a user holds for this service at an organisation.
DFE_SIGN_IN_API_URL = env.str("DFE_SIGN_IN_API_URL", default="").rstrip("/")
DFE_SIGN_IN_API_SECRET = env.str("DFE_SIGN_IN_API_SECRET", default="")
# The service's id in DfE Sign-in's public API paths; DfE Sign-in gives services the client id as their id.
DFE_SIGN_IN_SERVICE_ID = env.str("DFE_SIGN_IN_SERVICE_ID", default="") or DFE_SIGN_IN_CLIENT_ID
DFE_SIGN_IN_ROLE_CODE = env.str("DFE_SIGN_IN_ROLE_CODE", default="SchoolUser")
DFE_SIGN_IN_TIMEOUT_SECONDS = env.float("DFE_SIGN_IN_TIMEOUT_SECONDS", default=5.0)
DFE_SIGN_IN_SETTINGS = ("ISSUER", "CLIENT_ID", "CLIENT_SECRET", "API_URL", "API_SECRET")

# Sign-in is limited per IP address, as the live service does (5 attempts in 20 seconds), and the lead provider
# API per token (API_RATE_LIMIT below), both counted in one PostgreSQL cache table so that every web process
# shares the counts.
RATELIMIT_ENABLE = env.bool("RATELIMIT_ENABLE", default=True)
RATELIMIT_USE_CACHE = "ratelimit"
SIGN_IN_RATE = "5/20s"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "ecf_cache"},
}
# django-ratelimit warns that the database cache does not increment atomically: two requests at the same
# instant may both be counted as the same attempt. For 5 sign-in attempts in 20 seconds that slack is
# harmless, and it spares the service a Redis or memcached server.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# If the count cannot be read, serve the request: providers' reporting matters more than the limit, and a
# sign-in needs the same database anyway.
RATELIMIT_FAIL_OPEN = True

NOTIFY_API_KEY = env.str("NOTIFY_API_KEY", default="")
NOTIFY_BASE_URL = env.str("NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")

if PRODUCTION:
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set in production.")
    if SECRET_KEY.strip() in (EXAMPLE_SECRET_KEY, LOCAL_SECRET_KEY):  # stripped: a pasted space is no disguise
        raise ImproperlyConfigured("SECRET_KEY is the example's placeholder: generate a random one for production.")
    if len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH:
        raise ImproperlyConfigured(f"SECRET_KEY must be at least {SECRET_KEY_MIN_LENGTH} characters in production.")
    # Django's own test of a weak key (check --deploy's security.W009, which only warns): few distinct characters,
    # or the prefix of a key `startproject` generated.
    if len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS or SECRET_KEY.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            "SECRET_KEY is not random enough (check --deploy's security.W009): generate a random one."
        )
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production.")
    if PERSONAS_ENABLED:
        raise ImproperlyConfigured("Persona sign-in cannot be enabled in production.")
    if TRS_FAKE:
        raise ImproperlyConfigured("The fake Teaching Record System cannot be used in production.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")
    if not DFE_SIGN_IN_ENABLED:
        raise ImproperlyConfigured("DfE Sign-in is the only way school users sign in in production.")
if DFE_SIGN_IN_ENABLED:
    missing = [f"DFE_SIGN_IN_{name}" for name in DFE_SIGN_IN_SETTINGS if not globals()[f"DFE_SIGN_IN_{name}"]]
    if missing:
        raise ImproperlyConfigured(f"DfE Sign-in needs {', '.join(missing)}.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_structlog",
    "django_ratelimit",
    "axes",
    "ninja",  # its Swagger UI static files, for /api/docs/v3
    "ecf",
    "schools",
    "ects",
    "mentors",
]

MIDDLEWARE = [
    # First, so every response (a 500 or a redirect from a middleware included) carries X-Request-ID.
    "ecf.request_ids.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "ecf.auth.middleware.DfESignInFormActionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ecf.auth.middleware.IdleTimeoutMiddleware",
    "ecf.auth.middleware.NoStoreWhenSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "schools.middleware.CurrentSchoolMiddleware",
    # After authentication, so its request lines carry the user id; see ecf/request_ids.py.
    "django_structlog.middlewares.RequestMiddleware",
    # Last, as django-axes asks: refuses a locked staff sign-in before the admin's login view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ecf.urls"
WSGI_APPLICATION = "ecf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "ecf.jinja2.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        # Only the Django admin renders with Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DATABASE_URL, or the embedded PostgreSQL under .local/ when it is unset.
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
elif PRODUCTION:
    raise ImproperlyConfigured("DATABASE_URL must be set in production.")
else:
    from ecf.embedded_postgres import database_url

    DATABASES = {"default": env.db_url_config(database_url(BASE_DIR / ".local" / "pgdata"))}
# Several test runs may share one server (CI, a developer's two terminals): each names its own.
DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DATABASE_NAME", default="test_ecf")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Server-side parameter binding lets psycopg prepare a statement once a connection has run it
# DATABASE_PREPARE_THRESHOLD times, so PostgreSQL stops re-planning the same queries on every request: planning
# the ECTs list's SQL cost more than running it (docs/adr/0015-prepared-statements.md). Empty turns it off, for a
# connection pooler that cannot keep prepared statements.
PREPARE_THRESHOLD = env.str("DATABASE_PREPARE_THRESHOLD", default="5")
DATABASES["default"].setdefault("OPTIONS", {}).update(
    server_side_binding=True, prepare_threshold=int(PREPARE_THRESHOLD) if PREPARE_THRESHOLD else None
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Staff sign in to the admin with a password; django-axes counts failures first (AxesStandaloneBackend).
# Persona sign-in logs users in without authenticate(), so axes never sees it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# 10 failed passwords for one username, or from one address, lock further tries for 30 minutes after
# the last failure; a successful sign-in clears the count. Each refused try is an audit event.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "ecf.auth.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "ecf.auth.lockout.locked_out"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False  # ecf/admin/sign_in.py shows the attempts instead
AXES_DISABLE_ACCESS_LOG = True  # no table of every successful sign-in: the failures are what lock
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "schools:enter"

# Sessions live in PostgreSQL so web processes stay stateless. A user is signed out after two hours
# without a request, and twelve hours after signing in however active (ecf/auth/middleware.py).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_IDLE_TIMEOUT_SECONDS = 2 * 60 * 60
SESSION_ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT_SECONDS
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# `make assets` builds GOV.UK Frontend into static/build: CSS, JS, fonts and images.
STATICFILES_DIRS = [BASE_DIR / "static" / "build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Locally WhiteNoise serves straight from static/build, so a rebuilt stylesheet shows without collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

# Background work (email delivery) runs through django-tasks: immediately after commit locally,
# through the database backend with db_worker processes in production.
TASKS = {"default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}}

NOTIFICATIONS_BACKEND = env.str(
    "NOTIFICATIONS_BACKEND",
    default="ecf.notifications.backends.NotifyBackend" if PRODUCTION else "ecf.notifications.backends.LocalBackend",
)
# One GOV.UK Notify template per email in ecf.notifications.TEMPLATES (a test keeps the two lists
# equal). Production needs NOTIFY_TEMPLATE_<NAME> for each; elsewhere they get made-up local ids.
NOTIFY_TEMPLATE_NAMES = (
    "ect_registered_provider_led",
    "ect_registered_school_led",
    "mentor_registered",
    "mentor_removed",
)
NOTIFY_TEMPLATE_IDS = (
    {name: env.str(f"NOTIFY_TEMPLATE_{name.upper()}") for name in NOTIFY_TEMPLATE_NAMES} if PRODUCTION else {}
)
if PRODUCTION:
    if not TRS_FAKE and not (TRS_API_BASE_URL and TRS_API_KEY):
        raise ImproperlyConfigured("TRS_API_BASE_URL and TRS_API_KEY must be set in production.")
    if NOTIFICATIONS_BACKEND.endswith(".NotifyBackend") and not NOTIFY_API_KEY:
        raise ImproperlyConfigured("NOTIFY_API_KEY must be set in production.")

# The lead provider API's rate limit per token (django-ratelimit's "count/period", e.g. "1000/5m"), counted in
# the database cache so every web process and machine shares one count (docs/adr/0014-lead-provider-api.md).
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="1000/5m")

# Content Security Policy: no inline scripts but GOV.UK's body-class script, allowed by its hash
# (a hash, not a nonce, so error pages rendered without a request keep it too).
GOVUK_TEMPLATE_SCRIPT_HASH = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, GOVUK_TEMPLATE_SCRIPT_HASH],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "ecf.views.csrf_failure"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthcheck$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=63072000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Logs go to standard error: one JSON object per line in production (for the log platform to index),
# readable coloured lines in development. See ecf/logs.py and docs/adr/0012-structured-logs-and-gias-schools.md.
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if PRODUCTION else "console")
LOGGING = logs.logging_config(log_format=LOG_FORMAT, level=env.str("LOG_LEVEL", default="INFO"))
logs.configure_structlog()
# RequestIdMiddleware has already replaced an unsafe incoming X-Request-ID with a new one.
DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = True
# 4xx answers (a 404 for another school's record, a form error) are routine: INFO, not WARNING.
DJANGO_STRUCTLOG_STATUS_4XX_LOG_LEVEL = logging.INFO

SERVICE_NAME = "Register early career teachers"
