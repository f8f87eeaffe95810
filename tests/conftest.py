import os

import pytest
from django.db import connection

from schools.middleware import CURRENT_SCHOOL_SESSION_KEY

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by browser tests
# are still synchronous, so allow them (this process only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Test connections commit without waiting for the WAL to reach the disk (`synchronous_commit=off`).

    Browser and database tests are transactional: every request, factory save and flush commits, about 190
    times a browser test, each waiting ~2 ms for an fsync otherwise. What other sessions see, locks and
    constraints are unchanged; only a crash of the server could lose the last commits of a throwaway database.
    Keeps pytest-django's per-xdist-worker database names (the fixture this one replaces asks for them too).
    """
    from django.conf import settings

    options = settings.DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


@pytest.fixture
def school(db):
    from tests.factories import SchoolFactory

    return SchoolFactory(name="Ashdown Primary School")


@pytest.fixture
def school_user(school):
    from tests.factories import SchoolUserFactory

    return SchoolUserFactory(schools=[school], first_name="Sam", last_name="Tutor")


def sign_in(client, user, school):
    """What the persona sign-in does: a session for the user, acting for the school."""
    client.force_login(user)
    session = client.session
    session[CURRENT_SCHOOL_SESSION_KEY] = school.pk
    session.save()
    return client


@pytest.fixture
def school_client(client, school_user, school):
    return sign_in(client, school_user, school)


class QueryInTemplate(AssertionError):
    pass


@pytest.fixture
def templates_run_no_queries(monkeypatch):
    """Any SQL run while a Jinja template renders fails the test: views must hand templates prepared data."""
    from django.template.backends.jinja2 import Template

    original_render = Template.render

    def refuse(execute, sql, params, many, context):
        raise QueryInTemplate(f"A template ran a query: {sql}")

    def render(self, context=None, request=None):
        with connection.execute_wrapper(refuse):
            return original_render(self, context, request)

    monkeypatch.setattr(Template, "render", render)


@pytest.fixture(autouse=True)
def rate_limits_are_off(settings):
    """Tests sign in far more often than 5 times in 20 seconds from one address, and the API tests share
    tokens; the tests of each limit turn them back on."""
    settings.RATELIMIT_ENABLE = False


@pytest.fixture(scope="session")
def loopback_dfe_sign_in():
    from tests.dfe_sign_in_mock import running

    # Authlib refuses plain HTTP except to localhost; the loopback provider is on localhost.
    with running(client_id="register-ects-test", api_secret="test-api-secret-of-at-least-32-bytes") as dfe:
        yield dfe


@pytest.fixture
def dfe_sign_in(loopback_dfe_sign_in, settings):
    """DfE Sign-in turned on and pointed at the loopback provider and public API (tests/dfe_sign_in_mock.py)."""
    loopback_dfe_sign_in.reset()
    settings.DFE_SIGN_IN_ENABLED = True
    settings.DFE_SIGN_IN_ISSUER = loopback_dfe_sign_in.url
    settings.DFE_SIGN_IN_API_URL = loopback_dfe_sign_in.url
    settings.DFE_SIGN_IN_CLIENT_ID = loopback_dfe_sign_in.client_id
    settings.DFE_SIGN_IN_SERVICE_ID = loopback_dfe_sign_in.client_id
    settings.DFE_SIGN_IN_CLIENT_SECRET = "test-client-secret"
    settings.DFE_SIGN_IN_API_SECRET = loopback_dfe_sign_in.api_secret
    yield loopback_dfe_sign_in
    loopback_dfe_sign_in.reset()
