"""The email outbox: written in the same transaction as the change, delivered after commit."""

import uuid

from django.db import models


class EmailMessage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    template = models.CharField(max_length=100, help_text="The name of the email, as in ecf.notifications.TEMPLATES.")
    to = models.EmailField(max_length=254)
    personalisation = models.JSONField(default=dict, blank=True)
    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    provider_id = models.CharField("Notify id", max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "email"

    def __str__(self) -> str:
        return f"{self.template} to {self.to}"
