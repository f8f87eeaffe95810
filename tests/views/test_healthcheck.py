"""/healthcheck: what load balancers and docker compose ask before sending traffic to a web process."""

import pytest
from django.db import OperationalError, connection


@pytest.fixture
def unreachable_database(monkeypatch):
    def cursor(*args, **kwargs):
        raise OperationalError('connection to server at "db" (10.0.0.5), port 5432 failed: password=s3cret')

    monkeypatch.setattr(connection, "cursor", cursor)


@pytest.mark.django_db
def test_is_ok_when_the_database_answers(client):
    response = client.get("/healthcheck")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_is_unavailable_when_the_database_does_not_answer(client, unreachable_database):
    response = client.get("/healthcheck")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}
    # The database's error (hosts, users, sometimes secrets) stays out of a public response.
    assert b"s3cret" not in response.content
    assert b"10.0.0.5" not in response.content


@pytest.mark.django_db
def test_needs_no_sign_in_and_is_never_cached(client):
    response = client.get("/healthcheck", follow=False)

    assert response.status_code == 200
    assert "no-cache" in response.headers["Cache-Control"]
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_says_nothing_about_users_or_schools(client, school_user):
    response = client.get("/healthcheck")

    assert response.json() == {"status": "ok", "database": "ok"}
    assert school_user.username.encode() not in response.content
