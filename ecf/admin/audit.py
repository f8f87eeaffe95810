"""The audit trail and the email outbox: read-only."""

from django.contrib import admin, messages

from ecf.admin.base import SafeChangelistMixin
from ecf.events import Author, record_event
from ecf.models import (
    EmailMessage,
    Event,
)
from ecf.notifications import MAX_ATTEMPTS, deliver
from ecf.notifications.backends import LocalBackend

# ---------------------------------------------------------------------------------------------------
# The audit trail and the email outbox: read-only


@admin.register(Event)
class EventAdmin(SafeChangelistMixin, admin.ModelAdmin):
    list_display = ["happened_at", "heading", "event_type", "author_type", "author_name", "teacher", "school"]
    list_filter = ["author_type", "event_type"]
    list_select_related = ["teacher", "school"]
    search_fields = [
        "heading",
        "=event_type",
        "=teacher__trn",
        "=school__urn",
        "author_name",
        "author_email",
        "=request_id",
    ]
    date_hierarchy = "happened_at"
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EmailMessage)
class EmailMessageAdmin(SafeChangelistMixin, admin.ModelAdmin):
    list_display = ["created_at", "template", "to", "delivery", "attempts", "sent_at"]
    fields = [
        "template",
        "to",
        "personalisation",
        "status",
        "delivery",
        "attempts",
        "last_error",
        "provider_id",
        "reference",
        "created_at",
        "sent_at",
    ]
    readonly_fields = ["delivery", "reference", "created_at"]
    list_filter = ["status", "template"]
    search_fields = ["to", "=template", "=reference", "=provider_id"]
    date_hierarchy = "created_at"
    actions = ["retry_delivery"]

    @admin.display(description="Delivery", ordering="status")
    def delivery(self, message: EmailMessage) -> str:
        """The status, told honestly: "sent" by the local backend (outside production) means only logged."""
        if LocalBackend.sent(message):
            return "Not delivered: the local backend only logged it (no GOV.UK Notify here)"
        if message.status == EmailMessage.Status.SENT:
            return "Sent to GOV.UK Notify"
        return message.get_status_display()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request):
        """Retrying sends an email again: it needs the model's change permission, not just view.

        The record itself stays read-only (has_change_permission is False for everyone); the permission
        `ecf.change_emailmessage` is what says a member of staff may act on the outbox.
        """
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    @admin.action(description="Retry delivery", permissions=["retry"])
    def retry_delivery(self, request, queryset):
        """Try once more to send failed or pending emails (sent ones are left alone)."""
        outcomes = dict.fromkeys(EmailMessage.Status.values, 0)
        retried = []
        for message in queryset.exclude(status=EmailMessage.Status.SENT).order_by("created_at", "pk"):
            # A failed email has used its attempts: give it one more.
            EmailMessage.objects.filter(pk=message.pk, status=EmailMessage.Status.FAILED).update(
                status=EmailMessage.Status.PENDING
            )
            delivered = deliver(message_id=message.pk, max_attempts=max(MAX_ATTEMPTS, message.attempts + 1))
            if delivered is not None:
                outcomes[delivered.status] += 1
                retried.append(str(message.reference))
        if retried:
            record_event(
                event_type="email_delivery_retried",
                heading=f"Delivery of {len(retried)} email(s) retried by DfE staff",
                author=Author.dfe_staff(request.user),
                metadata={"references": retried, "outcomes": outcomes},
            )
        self.message_user(
            request,
            f"Retried {len(retried)} email(s): {outcomes['sent']} sent, {outcomes['pending']} still pending, "
            f"{outcomes['failed']} failed.",
            messages.SUCCESS if retried and not outcomes["failed"] else messages.WARNING,
        )
