"""The audit trail: one Event for every change to domain state, written by the service that made it."""

from django.conf import settings
from django.db import models


class Event(models.Model):
    class AuthorType(models.TextChoices):
        SCHOOL_USER = "school_user", "School user"
        DFE_STAFF = "dfe_staff", "DfE staff"
        LEAD_PROVIDER_API = "lead_provider_api", "Lead provider API"
        SYSTEM = "system", "System"

    event_type = models.CharField(max_length=100, db_index=True)
    heading = models.CharField(max_length=500)
    happened_at = models.DateTimeField(db_index=True)
    author_type = models.CharField(max_length=30, choices=AuthorType.choices)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_name = models.CharField(max_length=300, blank=True)
    author_email = models.CharField(max_length=300, blank=True)
    teacher = models.ForeignKey("ecf.Teacher", on_delete=models.PROTECT, null=True, blank=True, related_name="events")
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="events")
    ect_at_school_period = models.ForeignKey(
        "ects.ECTAtSchoolPeriod", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    mentor_at_school_period = models.ForeignKey(
        "mentors.MentorAtSchoolPeriod", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    mentorship_period = models.ForeignKey(
        "mentors.MentorshipPeriod", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    training_period = models.ForeignKey(
        "ecf.TrainingPeriod", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    lead_provider = models.ForeignKey(
        "ecf.LeadProvider", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    delivery_partner = models.ForeignKey(
        "ecf.DeliveryPartner", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    school_partnership = models.ForeignKey(
        "ecf.SchoolPartnership", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    appropriate_body = models.ForeignKey(
        "ecf.AppropriateBody", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    request_id = models.CharField(
        "request ID",
        max_length=128,
        blank=True,
        db_index=True,
        help_text="The request (its X-Request-ID and log lines) or command run that caused this; blank if neither.",
    )
    changes = models.JSONField(default=dict, blank=True)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-happened_at", "-id"]

    def __str__(self) -> str:
        return self.heading
