"""The email outbox: rows written in the caller's transaction, delivered after it commits.

A rolled-back change never emails (its row and its on_commit hook vanish together), and a Notify
outage loses nothing: the row stays pending and `manage.py deliver_emails` tries again. Delivery runs
through django-tasks (`deliver_email`): straight after commit locally (ImmediateBackend), by db_worker
processes in production.
Delivery is at least once: if the process dies after Notify accepted a message but before the row
is marked sent, the next run sends it again.
"""

import functools
import logging
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from ecf.models import EmailMessage
from ecf.notifications.backends import get_backend
from ecf.notifications.templates import TEMPLATES, check_personalisation

logger = logging.getLogger(__name__)

# With deliver_emails every few minutes, five attempts ride out a short Notify outage.
MAX_ATTEMPTS = 5


def queue_email(*, template: str, to: str, personalisation: dict[str, Any]) -> EmailMessage:
    """Write the email to the outbox in the current transaction and deliver it once that commits."""
    check_personalisation(template=template, personalisation=personalisation)
    if not to:
        raise ValueError(f"Email {template!r} has no recipient.")
    message = EmailMessage.objects.create(template=template, to=to, personalisation=personalisation)
    # robust: if enqueueing fails (say the task database is briefly unreachable), the row stays
    # pending for deliver_emails rather than breaking the request that already committed.
    transaction.on_commit(functools.partial(deliver_email.enqueue, message_id=message.pk), robust=True)
    return message


def deliver(*, message_id: int, max_attempts: int = MAX_ATTEMPTS) -> EmailMessage | None:
    """Try to send one pending message. Returns it, or None when it is no longer pending or another
    worker holds it (SKIP LOCKED: concurrent workers never send the same row at the same time)."""
    with transaction.atomic():
        message = (
            EmailMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=EmailMessage.Status.PENDING)
            .first()
        )
        if message is None:
            return None
        message.attempts += 1
        try:
            template = TEMPLATES[message.template]
            provider_id = get_backend().send(message=message, template=template)
        except Exception as error:
            # Anything the backend raises (Notify down, bad key, a template removed since the row
            # was written) is recorded on the row; the transaction still commits that record.
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= max_attempts:
                message.status = EmailMessage.Status.FAILED
            logger.warning(
                "Email %s (%s) attempt %s failed: %s",
                message.pk,
                message.template,
                message.attempts,
                message.last_error,
            )
        else:
            message.status = EmailMessage.Status.SENT
            message.provider_id = provider_id
            message.sent_at = timezone.now()
        message.save(update_fields=["attempts", "last_error", "status", "provider_id", "sent_at"])
        return message


@task()
def deliver_email(*, message_id: int) -> str:
    """The background task that delivers one message (`deliver`)."""
    message = deliver(message_id=message_id)
    # The result is stored by database backends: enough to see what happened without the row.
    return "skipped" if message is None else message.status


@dataclass(frozen=True)
class DeliveryRun:
    sent: int
    still_pending: int
    failed: int
    skipped: int


def deliver_pending(*, max_attempts: int = MAX_ATTEMPTS, limit: int | None = None) -> DeliveryRun:
    """Retry every pending message with attempts left, oldest first; give up on those without."""
    ids = list(
        EmailMessage.objects.filter(status=EmailMessage.Status.PENDING, attempts__lt=max_attempts)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = still_pending = failed = skipped = 0
    for message_id in ids:
        message = deliver(message_id=message_id, max_attempts=max_attempts)
        if message is None:
            skipped += 1
        elif message.status == EmailMessage.Status.SENT:
            sent += 1
        elif message.status == EmailMessage.Status.FAILED:
            failed += 1
        else:
            still_pending += 1
    failed += _give_up(max_attempts=max_attempts)
    return DeliveryRun(sent=sent, still_pending=still_pending, failed=failed, skipped=skipped)


def _give_up(*, max_attempts: int) -> int:
    """Mark failed what is still pending with no attempts left (say, after max_attempts was lowered)."""
    with transaction.atomic():
        exhausted = EmailMessage.objects.select_for_update(skip_locked=True).filter(
            status=EmailMessage.Status.PENDING, attempts__gte=max_attempts
        )
        return EmailMessage.objects.filter(pk__in=exhausted.values("pk")).update(status=EmailMessage.Status.FAILED)
