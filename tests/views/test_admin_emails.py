"""Admin → Emails tells staff the truth about delivery: an email the local backend (ecf/notifications/backends.py)
"sent" only went to the log, so the admin says it was not delivered; one GOV.UK Notify accepted shows as sent."""

import uuid

import pytest
from django.urls import reverse

from ecf.models import EmailMessage
from ecf.notifications import deliver
from tests.factories import EmailMessageFactory

pytestmark = pytest.mark.django_db
NOT_DELIVERED = "Not delivered: the local backend only logged it (no GOV.UK Notify here)"


@pytest.fixture
def sent_locally(settings):
    settings.NOTIFICATIONS_BACKEND = "ecf.notifications.backends.LocalBackend"
    message = deliver(message_id=EmailMessageFactory().pk)
    assert (message.status, message.provider_id) == (EmailMessage.Status.SENT, f"local-{message.reference}")
    return message


@pytest.fixture
def sent_through_notify():
    return EmailMessageFactory(status=EmailMessage.Status.SENT, attempts=1, provider_id=str(uuid.uuid4()))


def test_an_email_the_local_backend_sent_is_shown_as_not_delivered(admin_client, sent_locally):
    page = admin_client.get(reverse("admin:ecf_emailmessage_change", args=[sent_locally.pk])).content.decode()
    assert NOT_DELIVERED in page

    listed = admin_client.get(reverse("admin:ecf_emailmessage_changelist")).content.decode()
    assert NOT_DELIVERED in listed


def test_an_email_notify_accepted_is_shown_as_sent(admin_client, sent_through_notify):
    page = admin_client.get(reverse("admin:ecf_emailmessage_change", args=[sent_through_notify.pk])).content.decode()
    assert "Sent to GOV.UK Notify" in page
    assert NOT_DELIVERED not in page
    listed = admin_client.get(reverse("admin:ecf_emailmessage_changelist")).content.decode()
    assert "Sent to GOV.UK Notify" in listed
    assert NOT_DELIVERED not in listed


def test_pending_and_failed_emails_keep_their_status(admin_client):
    EmailMessageFactory(status=EmailMessage.Status.FAILED, attempts=5, last_error="Notify was down")
    listed = admin_client.get(reverse("admin:ecf_emailmessage_changelist")).content.decode()
    assert "Failed" in listed
    assert NOT_DELIVERED not in listed
