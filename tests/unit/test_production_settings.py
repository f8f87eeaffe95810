"""Production settings: Django's deployment checklist passes, and unsafe configurations refuse to start.

Settings are read once per process, so each production configuration runs `manage.py` in a
subprocess with an environment built from scratch. Variables that must be missing are set to an
empty string rather than left out, so nothing inherited can fill them in.
"""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

MANAGE_PY = settings.BASE_DIR / "manage.py"


def production_environment(**overrides: str) -> dict[str, str]:
    environment = {
        **{name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ},
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "example.gov.uk",
        # Nothing below connects to it: the checks run without a database.
        "DATABASE_URL": "postgres://ecf@database.invalid:5432/ecf",
        "DEBUG": "false",
        "PERSONAS_ENABLED": "false",
        "TRS_FAKE": "false",
        "TRS_API_BASE_URL": "https://trs.example.gov.uk",
        "TRS_API_KEY": "trs-api-key",
        "NOTIFY_API_KEY": "notify-api-key",
        "SECURE_SSL_REDIRECT": "true",
        "DFE_SIGN_IN_ISSUER": "https://oidc.signin.education.gov.uk",
        "DFE_SIGN_IN_CLIENT_ID": "register-ects",
        "DFE_SIGN_IN_CLIENT_SECRET": "client-secret",
        "DFE_SIGN_IN_API_URL": "https://api.signin.education.gov.uk",
        "DFE_SIGN_IN_API_SECRET": "api-secret",
        **{f"NOTIFY_TEMPLATE_{name.upper()}": f"template-{name}" for name in settings.NOTIFY_TEMPLATE_NAMES},
    }
    environment.update(overrides)
    return environment


def manage(*args: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (our own manage.py, no shell)
        [sys.executable, str(MANAGE_PY), *args],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_deployment_checklist_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", environment=production_environment())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_logs_one_json_object_per_line():
    result = manage(
        "shell",
        "-c",
        "import logging, structlog; logging.getLogger('ecf.x').warning('plain %s', 'line'); "
        "structlog.get_logger('ecf.y').info('structured', urn=100001)",
        environment=production_environment(),
    )

    assert result.returncode == 0, result.stderr
    plain, structured = (json.loads(line) for line in result.stderr.splitlines())
    assert plain["event"] == "plain line"
    assert plain["level"] == "warning"
    assert plain["timestamp"].endswith("Z")
    assert structured["event"] == "structured"
    assert structured["urn"] == 100001


WEAK_SECRET_KEY = "SECRET_KEY is not random enough (check --deploy's security.W009): generate a random one."


@pytest.mark.parametrize(
    ("unsafe", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set in production."),
        ({"SECRET_KEY": "x"}, "SECRET_KEY must be at least 50 characters in production."),
        ({"SECRET_KEY": "k" * 49}, "SECRET_KEY must be at least 50 characters in production."),
        (
            {"SECRET_KEY": settings.EXAMPLE_SECRET_KEY},
            "SECRET_KEY is the example's placeholder: generate a random one for production.",
        ),
        (
            {"SECRET_KEY": settings.LOCAL_SECRET_KEY},
            "SECRET_KEY is the example's placeholder: generate a random one for production.",
        ),
        (
            {"SECRET_KEY": f" {settings.EXAMPLE_SECRET_KEY} "},
            "SECRET_KEY is the example's placeholder: generate a random one for production.",
        ),
        ({"SECRET_KEY": "a" * 60}, WEAK_SECRET_KEY),
        ({"SECRET_KEY": "django-insecure-" + secrets.token_urlsafe(50)}, WEAK_SECRET_KEY),
        ({"DEBUG": "true"}, "DEBUG must be off in production."),
        ({"PERSONAS_ENABLED": "true"}, "Persona sign-in cannot be enabled in production."),
        ({"TRS_FAKE": "true"}, "The fake Teaching Record System cannot be used in production."),
        ({"DATABASE_URL": ""}, "DATABASE_URL must be set in production."),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must be set in production."),
        ({"DFE_SIGN_IN_ENABLED": "false"}, "DfE Sign-in is the only way school users sign in in production."),
        ({"DFE_SIGN_IN_CLIENT_SECRET": ""}, "DfE Sign-in needs DFE_SIGN_IN_CLIENT_SECRET."),
        (
            {"DFE_SIGN_IN_ISSUER": "", "DFE_SIGN_IN_API_SECRET": ""},
            "DfE Sign-in needs DFE_SIGN_IN_ISSUER, DFE_SIGN_IN_API_SECRET.",
        ),
    ],
    ids=[
        "missing SECRET_KEY",
        "one-character SECRET_KEY",
        "49-character SECRET_KEY",
        ".env.example's SECRET_KEY",
        "the local SECRET_KEY",
        ".env.example's SECRET_KEY between spaces",
        "60 times the same character",
        "a key Django generated for a new project",
        "DEBUG on",
        "personas on",
        "fake TRS",
        "missing DATABASE_URL",
        "no ALLOWED_HOSTS",
        "no DfE Sign-in",
        "missing DfE Sign-in secret",
        "missing DfE Sign-in issuer and API secret",
    ],
)
def test_production_refuses_to_start_with_an_unsafe_setting(unsafe, message):
    result = manage("check", environment=production_environment(**unsafe))

    assert result.returncode != 0
    assert f"django.core.exceptions.ImproperlyConfigured: {message}" in result.stderr


@pytest.mark.parametrize("misspelt", ["Production", "prod", "staging", "PRODUCTION", " production", "dev", ""])
def test_an_environment_outside_the_allow_list_refuses_to_start(misspelt):
    # Before: anything but "production" was silently a development environment (DEBUG, personas, fake TRS).
    result = manage("check", environment=production_environment(DJANGO_ENV=misspelt))

    assert result.returncode != 0
    assert (
        "django.core.exceptions.ImproperlyConfigured: DJANGO_ENV must be one of development, test, production, "
        f"not {misspelt!r}." in result.stderr
    )


def local_setting(name: str, **environment: str) -> str:
    """A setting as a fresh development process computes it: only the variables given are set."""
    base = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    base["DATABASE_URL"] = "postgres://ecf@database.invalid:5432/ecf"  # not the embedded server: nothing connects
    script = f"from django.conf import settings as s; print(s.{name})"
    result = manage(
        "shell",
        "--no-imports",
        "--command",
        script,
        environment={**base, "PYTHONDONTWRITEBYTECODE": "1", **environment},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("name", ["PERSONAS_ENABLED", "TRS_FAKE"])
def test_personas_and_the_fake_trs_are_on_only_on_a_developer_machine_or_when_asked_for(name):
    # `make run` and `make test` set nothing and get them; a server with DEBUG off must ask for them by name.
    assert local_setting(name) == "True"
    assert local_setting(name, DJANGO_ENV="test") == "True"
    assert local_setting(name, DEBUG="false") == "False"
    assert local_setting(name, DJANGO_ENV="development", DEBUG="false") == "False"
    assert local_setting(name, DEBUG="false", **{name: "true"}) == "True"


@pytest.mark.parametrize("path", ["/healthcheck", "/sign-in"])
def test_responses_carry_the_security_headers(client, db, path):
    response = client.get(path)

    policy = dict(
        directive.strip().split(" ", 1) for directive in response.headers["Content-Security-Policy"].split(";")
    )
    assert "'unsafe-inline'" not in policy["script-src"]
    assert settings.GOVUK_TEMPLATE_SCRIPT_HASH in policy["script-src"]
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_sends_hsts_and_secure_cookies_and_keeps_the_healthcheck_on_http():
    script = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'hsts': s.SECURE_HSTS_SECONDS, 'ssl_redirect': s.SECURE_SSL_REDIRECT, 'exempt': s.SECURE_REDIRECT_EXEMPT, "
        "'session_cookie_secure': s.SESSION_COOKIE_SECURE, 'csrf_cookie_secure': s.CSRF_COOKIE_SECURE, "
        "'conn_health_checks': s.DATABASES['default']['CONN_HEALTH_CHECKS'], "
        "'staticfiles': s.STORAGES['staticfiles']['BACKEND']}))"
    )
    result = manage("shell", "--no-imports", "--command", script, environment=production_environment())

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "hsts": 63072000,
        "ssl_redirect": True,
        "exempt": ["^healthcheck$"],
        "session_cookie_secure": True,
        "csrf_cookie_secure": True,
        "conn_health_checks": True,
        "staticfiles": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }
