"""Emails through GOV.UK Notify, via an outbox written in the caller's transaction.

from ecf.notifications import queue_email

with transaction.atomic():
    ...  # register the ECT
    queue_email(template="ect_registered_school_led", to=email, personalisation={...})
"""

from ecf.notifications.outbox import MAX_ATTEMPTS, DeliveryRun, deliver, deliver_pending, queue_email
from ecf.notifications.templates import TEMPLATES, NotifyTemplate

__all__ = ["MAX_ATTEMPTS", "TEMPLATES", "DeliveryRun", "NotifyTemplate", "deliver", "deliver_pending", "queue_email"]
