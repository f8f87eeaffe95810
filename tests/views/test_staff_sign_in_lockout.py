"""Staff sign-in to the admin resists guessing (django-axes): locked per account and per address.

Before, thirty wrong passwords for the superuser in a row, then the right one, signed in.
"""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User

from ecf.auth.lockout import STAFF_SIGN_IN_LOCKED_OUT
from ecf.models import Event

LOGIN = "/admin/login/"
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    # Each failed try hashes the password guessed; the default hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin@example.com", "admin@example.com", PASSWORD)


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, superuser):
    for _ in range(30):
        sign_in(client, superuser.username, "wrong")

    response = sign_in(client, superuser.username, PASSWORD)

    assert response.status_code == 429
    assert not signed_in(client)
    html = response.content.decode()
    assert "You cannot sign in at the moment" in html
    assert "You can try again in 30 minutes." in html
    assert "govuk-header" in html


def test_the_account_is_locked_from_another_address_too(client, superuser):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, superuser.username, "wrong", address="203.0.113.7")

    assert sign_in(client, superuser.username, PASSWORD, address="198.51.100.9").status_code == 429


def test_one_address_guessing_many_accounts_is_locked(client, superuser):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess{number}@example.com", "wrong", address="203.0.113.7")

    assert sign_in(client, superuser.username, PASSWORD, address="203.0.113.7").status_code == 429
    assert not signed_in(client)


def test_fewer_failures_than_the_limit_then_the_right_password_signs_in(client, superuser):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, superuser.username, "wrong")

    response = sign_in(client, superuser.username, PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_the_lock_lifts_after_the_cool_off(client, superuser):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, superuser.username, "wrong")
    assert sign_in(client, superuser.username, PASSWORD).status_code == 429

    # As if the last failure was 31 minutes ago.
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=31))

    assert sign_in(client, superuser.username, PASSWORD).status_code == 302
    assert signed_in(client)


def test_each_lockout_is_an_audit_event_support_staff_can_see(client, admin_client, superuser):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        sign_in(client, superuser.username, "wrong")

    events = Event.objects.filter(event_type=STAFF_SIGN_IN_LOCKED_OUT)
    assert events.count() >= 1
    event = events.first()
    assert event.metadata == {"username": superuser.username, "ip_address": "203.0.113.7"}
    assert event.author_type == Event.AuthorType.SYSTEM
    listing = admin_client.get(f"/admin/ecf/event/?event_type={STAFF_SIGN_IN_LOCKED_OUT}").content.decode()
    assert "Staff sign-in locked for admin@example.com" in listing
