"""Settings for Register early career teachers.

Every setting comes from the environment (see README.md, "Configuration"). Local defaults are safe
for a developer's machine; DJANGO_ENV=production refuses anything unsafe.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# Settings come from the process environment only: docker compose passes .env to the container, and a
# .env lying in the checkout never switches a developer's `make run` or `make test` to production.
env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
SECRET_KEY = env.str("SECRET_KEY", default="" if PRODUCTION else "local-only-insecure-secret-key-do-not-deploy")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Persona sign-in lists demo school users and signs in without a password: local and test only.
PERSONAS_ENABLED = env.bool("PERSONAS_ENABLED", default=not PRODUCTION)
# The fake Teaching Record System answers any TRN with made-up people: local and test only. With
# DEBUG off (a shared review or staging server) it must be asked for explicitly with TRS_FAKE=true.
TRS_FAKE = env.bool("TRS_FAKE", default=DEBUG and not PRODUCTION)
TRS_API_BASE_URL = env.str("TRS_API_BASE_URL", default="")
TRS_API_KEY = env.str("TRS_API_KEY", default="")
# 20260120 is the first version that answers 308 for merged records and 410 for deactivated ones.
TRS_API_VERSION = env.str("TRS_API_VERSION", default="20260120")
TRS_TIMEOUT_SECONDS = env.float("TRS_TIMEOUT_SECONDS", default=5.0)

NOTIFY_API_KEY = env.str("NOTIFY_API_KEY", default="")
NOTIFY_BASE_URL = env.str("NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")

if PRODUCTION:
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set in production.")
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production.")
    if PERSONAS_ENABLED:
        raise ImproperlyConfigured("Persona sign-in cannot be enabled in production.")
    if TRS_FAKE:
        raise ImproperlyConfigured("The fake Teaching Record System cannot be used in production.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

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
    "ninja",  # its Swagger UI static files, for /api/docs/v3
    "ecf",
    "schools",
    "ects",
    "mentors",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ecf.auth.middleware.IdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "schools.middleware.CurrentSchoolMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "schools:enter"

# Sessions live in PostgreSQL so web processes stay stateless. A school user is signed out after
# two hours without a request.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_IDLE_TIMEOUT_SECONDS = 2 * 60 * 60
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
NOTIFY_TEMPLATE_NAMES = ("ect_registered_provider_led", "ect_registered_school_led", "mentor_registered")
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
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "api-rate-limit": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "ecf_api_rate_limit"},
}
RATELIMIT_USE_CACHE = "api-rate-limit"
# If the count cannot be read, serve the request: providers' reporting matters more than the limit.
RATELIMIT_FAIL_OPEN = True

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
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthcheck$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=63072000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "embedded_postgres": {"level": "WARNING"},
        # urllib3 logs whole URLs at DEBUG, and a TRS lookup's URL carries a date of birth.
        "urllib3": {"level": "WARNING"},
    },
}

SERVICE_NAME = "Register early career teachers"
