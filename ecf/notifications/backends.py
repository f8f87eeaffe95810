"""Where emails go: GOV.UK Notify in production, the log locally (the outbox row is the record)."""

import abc
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from notifications_python_client.notifications import NotificationsAPIClient

from ecf.models import EmailMessage
from ecf.notifications.templates import NotifyTemplate

logger = logging.getLogger(__name__)

# Notify's client waits 30 seconds by default; delivery holds the outbox row's lock meanwhile.
NOTIFY_TIMEOUT_SECONDS = 10


class EmailBackend(abc.ABC):
    @abc.abstractmethod
    def send(self, *, message: EmailMessage, template: NotifyTemplate) -> str:
        """Send the message and return the provider's id for it; raise on failure."""


class LocalBackend(EmailBackend):
    # The "provider id" it gives the outbox row: the mark of an email nobody received.
    PROVIDER_ID_PREFIX = "local-"

    def send(self, *, message: EmailMessage, template: NotifyTemplate) -> str:
        # No address or personalisation (names, schools) in the log: logs keep no personal data
        # (docs/adr/0012-structured-logs-and-gias-schools.md). The whole email is in the admin's Emails.
        logger.info("Email %s not sent (local backend): %s", message.reference, template.name)
        return f"{self.PROVIDER_ID_PREFIX}{message.reference}"

    @classmethod
    def sent(cls, message: EmailMessage) -> bool:
        """Whether this backend, not Notify, "sent" the message: it went to the log and reached nobody."""
        return message.status == EmailMessage.Status.SENT and message.provider_id.startswith(cls.PROVIDER_ID_PREFIX)


class NotifyBackend(EmailBackend):
    def __init__(self, *, api_key: str | None = None, base_url: str | None = None) -> None:
        api_key = api_key if api_key is not None else settings.NOTIFY_API_KEY
        if not api_key:
            raise ImproperlyConfigured("NOTIFY_API_KEY must be set to send emails through GOV.UK Notify.")
        self.client = NotificationsAPIClient(
            api_key, base_url=base_url or settings.NOTIFY_BASE_URL, timeout=NOTIFY_TIMEOUT_SECONDS
        )

    def send(self, *, message: EmailMessage, template: NotifyTemplate) -> str:
        # The reference lets anyone match a Notify notification back to its outbox row.
        response = self.client.send_email_notification(
            email_address=message.to,
            template_id=template.id,
            personalisation=message.personalisation,
            reference=str(message.reference),
        )
        return str(response["id"])


def get_backend() -> EmailBackend:
    """A new backend each time: Notify's client is not thread-safe, and tests swap the setting."""
    return import_string(settings.NOTIFICATIONS_BACKEND)()
