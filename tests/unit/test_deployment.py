"""The deployment files agree with the settings: Dockerfile, docker-compose.yml, .env.example, README.

Docker is not needed to run these. PyYAML is not a dependency, so the compose file is checked as text.
"""

import importlib.machinery
import importlib.util
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

BASE_DIR = settings.BASE_DIR


def read(path: str) -> str:
    return (BASE_DIR / path).read_text()


def variables_settings_read() -> set[str]:
    source = read("ecf/settings.py")
    names = set(re.findall(r"""env\.\w+\(\s*["']([A-Z][A-Z0-9_]+)["']""", source))
    names |= {f"NOTIFY_TEMPLATE_{name.upper()}" for name in settings.NOTIFY_TEMPLATE_NAMES}
    return names


def env_file_assignments(text: str) -> dict[str, str]:
    return dict(re.findall(r"^([A-Z][A-Z0-9_]*)=(.*)$", text, flags=re.MULTILINE))


def dockerfile_build_environment() -> dict[str, str]:
    """The NAME=value pairs the Dockerfile sets for collectstatic."""
    dockerfile = read("Dockerfile")
    command = re.search(r"^RUN (DJANGO_ENV=.*?)python manage\.py collectstatic", dockerfile, re.MULTILINE | re.DOTALL)
    assert command, "the Dockerfile runs collectstatic with production settings"
    return dict(re.findall(r"([A-Z][A-Z0-9_]*)=(\S+)", command.group(1)))


def run_manage(*args: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    base = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    return subprocess.run(  # noqa: S603 (our own manage.py, no shell)
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        env={**base, "PYTHONDONTWRITEBYTECODE": "1", **environment},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_settings_read_the_variables_this_test_knows_how_to_find():
    # Guards the regular expression: if it stopped matching, the documentation tests would pass on nothing.
    assert {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "DJANGO_ENV"} <= variables_settings_read()


@pytest.mark.parametrize("name", sorted(variables_settings_read()))
def test_every_variable_is_documented_in_env_example_and_readme(name):
    assert re.search(rf"^#? ?{name}=", read(".env.example"), re.MULTILINE), f"{name} missing from .env.example"
    assert f"`{name}`" in read("README.md"), f"{name} missing from the README's configuration table"


def test_env_example_gives_compose_a_production_configuration_that_loads_once_given_a_secret_key():
    environment = env_file_assignments(read(".env.example"))

    assert environment["DJANGO_ENV"] == "production"
    assert "@db:5432/" in environment["DATABASE_URL"]
    result = run_manage("check", environment={**environment, "SECRET_KEY": secrets.token_urlsafe(50)})
    assert result.returncode == 0, result.stderr


def test_env_example_copied_unchanged_refuses_to_start_with_its_placeholder_secret_key():
    environment = env_file_assignments(read(".env.example"))

    assert environment["SECRET_KEY"] == settings.EXAMPLE_SECRET_KEY
    result = run_manage("check", environment=environment)
    assert result.returncode != 0
    assert "SECRET_KEY is the example's placeholder" in result.stderr


def test_the_dockerfile_gives_collectstatic_every_variable_production_settings_require():
    result = run_manage("collectstatic", "--no-input", "--dry-run", environment=dockerfile_build_environment())

    assert result.returncode == 0, result.stderr


def test_the_image_builds_assets_with_node_and_serves_with_gunicorn_as_a_non_root_user():
    dockerfile = read("Dockerfile")

    assert re.search(r"^FROM node:20\S* AS assets$", dockerfile, re.MULTILINE)
    assert "RUN npm ci" in dockerfile
    assert "RUN npm run build" in dockerfile
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, re.MULTILINE)
    assert 'pip install "pip>=25.1"' in dockerfile
    assert "pip install --group app -c constraints.txt" in dockerfile
    assert "COPY --from=assets /app/static/build static/build" in dockerfile
    assert re.search(r"^USER (?!root)\w+$", dockerfile, re.MULTILINE)
    assert re.search(r"^EXPOSE 8000$", dockerfile, re.MULTILINE)
    assert re.search(r"^HEALTHCHECK .*bin/healthcheck", dockerfile, re.MULTILINE)
    assert "gunicorn ecf.wsgi --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3}" in dockerfile
    # django-structlog writes each request's line as JSON; gunicorn's access log would add a second, plain
    # line with the query string, which can hold a search for a name or TRN.
    assert "--access-logfile" not in dockerfile


@pytest.mark.parametrize("ignored", [".git", ".env", ".venv", "node_modules", ".local", "static/build", "staticfiles"])
def test_the_image_never_receives_local_state_or_secrets(ignored):
    assert ignored in read(".dockerignore").splitlines()


def test_compose_runs_migrations_then_gunicorn_once_postgresql_is_healthy():
    compose = read("docker-compose.yml")

    assert re.search(r"^  web:$", compose, re.MULTILINE)
    assert re.search(r"^  db:$", compose, re.MULTILINE)
    assert "env_file: .env" in compose
    assert re.search(r"depends_on:\s+db:\s+condition: service_healthy", compose)
    assert re.search(r"manage\.py migrate --no-input\s+&& exec gunicorn ecf\.wsgi", compose)
    assert '["CMD", "python", "bin/healthcheck"]' in compose
    assert "image: postgres:16" in compose
    assert "pg_isready" in compose
    assert "postgres-data:/var/lib/postgresql/data" in compose
    assert "\t" not in compose


@pytest.fixture
def healthcheck_script():
    loader = importlib.machinery.SourceFileLoader("healthcheck_script", str(BASE_DIR / "bin" / "healthcheck"))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("allowed_hosts", "host"),
    [
        ("register.example.gov.uk,localhost", "register.example.gov.uk"),
        (".example.gov.uk", "example.gov.uk"),
        ("*", "localhost"),
    ],
)
def test_the_container_healthcheck_asks_with_a_host_django_allows(
    healthcheck_script, httpserver, monkeypatch, allowed_hosts, host
):
    monkeypatch.setenv("ALLOWED_HOSTS", allowed_hosts)
    monkeypatch.setattr(healthcheck_script, "URL", httpserver.url_for("/healthcheck"))
    httpserver.expect_request("/healthcheck", headers={"Host": host}).respond_with_json({"status": "ok"})

    assert healthcheck_script.main() == 0


def test_the_container_healthcheck_fails_when_the_service_is_unavailable(healthcheck_script, httpserver, monkeypatch):
    monkeypatch.setattr(healthcheck_script, "URL", httpserver.url_for("/healthcheck"))
    httpserver.expect_request("/healthcheck").respond_with_json({"status": "unavailable"}, status=503)

    assert healthcheck_script.main() == 1


@pytest.mark.parametrize(("command", "seconds"), [("clearsessions", 3600), ("deliver_emails", 300)])
def test_compose_runs_the_scheduled_jobs_production_needs(command, seconds):
    # Expired sessions (which may hold a journey's answers) are deleted only by clearsessions.
    compose = read("docker-compose.yml")

    assert f"while true; do python manage.py {command}; sleep {seconds}; done" in compose
    assert f"`manage.py {command}`" in read("README.md")
