"""Signing in, being refused and signing out each write one log line operations can watch, with codes and ids
only: the audit event keeps the person's name and email for support staff, the logs never do."""

import pytest
from django.contrib.auth.models import User

from ecf.auth.lockout import STAFF_SIGN_IN_LOCKED_OUT
from tests.factories import SchoolFactory, SchoolUserFactory
from tests.views.test_dfe_sign_in import OAKFIELD, given_a_dfe_sign_in_user, sign_in_with_dfe_sign_in

pytestmark = pytest.mark.django_db


def test_a_persona_signing_in_and_out_is_logged_by_id(client, school, production_logs):
    persona = SchoolUserFactory(
        schools=[school], first_name="Pat", last_name="Persona", email="pat.persona@example.com"
    )

    client.post(f"/sign-in/persona/{persona.pk}")
    client.post("/sign-out")

    [signed_in] = production_logs.events("signed_in")
    assert signed_in["method"] == "persona"
    assert signed_in["signed_in_user_id"] == persona.pk
    [signed_out] = production_logs.events("signed_out")
    assert signed_out["signed_out_user_id"] == persona.pk
    assert not any(text in production_logs.text for text in ("Pat", "Persona", "pat.persona@example.com"))


def test_a_dfe_sign_in_user_without_the_role_is_logged_as_refused_without_their_name(
    client, dfe_sign_in, production_logs
):
    SchoolFactory(urn=int(OAKFIELD["urn"]), name=OAKFIELD["name"])
    given_a_dfe_sign_in_user(dfe_sign_in, organisation=OAKFIELD, roles=())

    sign_in_with_dfe_sign_in(client)

    [refused] = production_logs.events("sign_in_refused")
    assert refused["level"] == "warning"
    assert refused["reason"] == "no_role"
    assert refused["school_urn"] == int(OAKFIELD["urn"])
    assert refused["request_id"]
    assert not production_logs.events("signed_in")
    assert not any(text in production_logs.text for text in ("Priya", "Shah", "priya@example.com"))


def test_a_staff_sign_in_lockout_is_logged_without_the_username(client, settings, production_logs):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # each try hashes a guess
    User.objects.create_superuser("admin.person@example.com", "admin.person@example.com", "correct-horse-battery")

    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post("/admin/login/", {"username": "admin.person@example.com", "password": "wrong", "next": "/admin/"})

    [locked_out, *_] = production_logs.events(STAFF_SIGN_IN_LOCKED_OUT)
    assert locked_out["level"] == "warning"
    assert "admin.person@example.com" not in production_logs.text
