"""The email registry, its checks and both backends (Notify against a loopback stub of its API)."""

import json
import logging
import uuid

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from notifications_python_client.authentication import decode_jwt_token, get_token_issuer
from notifications_python_client.errors import HTTPError

from ecf.models import EmailMessage
from ecf.notifications import TEMPLATES, queue_email
from ecf.notifications.backends import LocalBackend, NotifyBackend, get_backend

SERVICE_ID = str(uuid.uuid4())
SECRET = str(uuid.uuid4())
API_KEY = f"ecf_test-{SERVICE_ID}-{SECRET}"  # Notify's format: name, service id, secret
TEMPLATE_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890"


def message(**overrides) -> EmailMessage:
    values = {
        "template": "ect_registered_school_led",
        "to": "kenneth.lowry@example.com",
        "personalisation": {"ect_name": "Kenneth Lowry", "school_name": "Ashdown Primary School"},
    }
    values.update(overrides)
    return EmailMessage(**values)  # unsaved: backends only read it


def test_the_emails_the_journeys_need_are_registered():
    assert {"ect_registered_provider_led", "ect_registered_school_led", "mentor_registered"} <= set(TEMPLATES)
    assert TEMPLATES["ect_registered_school_led"].required_personalisation == {"ect_name", "school_name"}
    assert TEMPLATES["mentor_registered"].required_personalisation == {"mentor_name", "school_name"}


def test_the_removed_mentor_is_told_they_stop_after_their_last_day_not_on_it():
    # `last_day` is the last day they mentor, as the school's confirmation says ("removed ... after {date}").
    description = TEMPLATES["mentor_removed"].description
    assert "after ((last_day)) you will no longer be a mentor" in description
    assert "from ((last_day))" not in description


def test_settings_name_every_template_so_production_demands_an_id_for_each():
    assert set(settings.NOTIFY_TEMPLATE_NAMES) == set(TEMPLATES)


def test_template_ids_are_stable_local_ids_outside_production():
    template = TEMPLATES["mentor_registered"]

    assert template.id == TEMPLATES["mentor_registered"].id
    assert template.id != TEMPLATES["ect_registered_school_led"].id
    uuid.UUID(template.id)


@override_settings(NOTIFY_TEMPLATE_IDS={"mentor_registered": TEMPLATE_ID})
def test_template_ids_come_from_settings_when_set():
    assert TEMPLATES["mentor_registered"].id == TEMPLATE_ID


@override_settings(PRODUCTION=True, NOTIFY_TEMPLATE_IDS={})
def test_production_never_falls_back_to_a_made_up_id():
    with pytest.raises(ImproperlyConfigured, match="NOTIFY_TEMPLATE_MENTOR_REGISTERED"):
        TEMPLATES["mentor_registered"].id  # noqa: B018


def test_queue_email_refuses_an_unknown_template():
    with pytest.raises(ValueError, match="Unknown email template 'ect_registerd'"):
        queue_email(template="ect_registerd", to="a@example.com", personalisation={})


def test_queue_email_refuses_missing_personalisation():
    with pytest.raises(ValueError, match="needs personalisation school_name"):
        queue_email(template="mentor_registered", to="a@example.com", personalisation={"mentor_name": "Ann"})


def test_the_local_backend_logs_which_email_without_personal_data_and_returns_a_local_id(caplog):
    caplog.set_level(logging.INFO, logger="ecf.notifications")
    email = message()

    provider_id = LocalBackend().send(message=email, template=TEMPLATES[email.template])

    assert provider_id == f"local-{email.reference}"
    assert f"Email {email.reference} not sent (local backend): ect_registered_school_led" in caplog.text
    assert "kenneth.lowry@example.com" not in caplog.text
    assert "Ashdown Primary School" not in caplog.text


def test_local_is_the_default_backend_outside_production():
    assert isinstance(get_backend(), LocalBackend)


@override_settings(NOTIFY_API_KEY="")
def test_the_notify_backend_needs_a_key():
    with pytest.raises(ImproperlyConfigured, match="NOTIFY_API_KEY"):
        NotifyBackend()


@override_settings(NOTIFY_TEMPLATE_IDS={"ect_registered_school_led": TEMPLATE_ID})
def test_the_notify_backend_posts_the_email_to_notify(httpserver):
    email = message()
    notification_id = str(uuid.uuid4())
    httpserver.expect_oneshot_request(
        "/v2/notifications/email",
        method="POST",
        json={
            "email_address": "kenneth.lowry@example.com",
            "template_id": TEMPLATE_ID,
            "personalisation": {"ect_name": "Kenneth Lowry", "school_name": "Ashdown Primary School"},
            "reference": str(email.reference),
        },
    ).respond_with_json(
        {
            "id": notification_id,
            "reference": str(email.reference),
            "content": {"subject": "You’ve been registered", "body": "…", "from_email": "x@notify.example"},
            "uri": f"{httpserver.url_for('/')}v2/notifications/{notification_id}",
            "template": {"id": TEMPLATE_ID, "version": 1, "uri": "…"},
        },
        status=201,
    )

    provider_id = NotifyBackend(api_key=API_KEY, base_url=httpserver.url_for("/")).send(
        message=email, template=TEMPLATES[email.template]
    )

    httpserver.check_assertions()
    assert provider_id == notification_id
    request, _ = httpserver.log[0]
    assert request.headers["Content-Type"] == "application/json"
    scheme, token = request.headers["Authorization"].split(" ")
    assert scheme == "Bearer"
    assert get_token_issuer(token) == SERVICE_ID
    assert decode_jwt_token(token, SECRET) is True  # signed with the key's secret, issued just now
    assert SECRET not in request.headers["Authorization"]


def test_the_notify_backend_raises_notifys_error(httpserver):
    httpserver.expect_request("/v2/notifications/email", method="POST").respond_with_json(
        {"status_code": 500, "errors": [{"error": "Exception", "message": "Internal server error"}]}, status=500
    )

    with pytest.raises(HTTPError) as raised:
        NotifyBackend(api_key=API_KEY, base_url=httpserver.url_for("/")).send(
            message=message(), template=TEMPLATES["ect_registered_school_led"]
        )

    assert raised.value.status_code == 500
    assert "Internal server error" in json.dumps(raised.value.message)
