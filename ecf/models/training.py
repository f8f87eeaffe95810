"""Training periods: how an ECT or mentor is trained while at a school, and what providers report."""

import uuid

from django.db import models
from django.db.models import Q

from ecf.models.periods import Period


class TrainingPeriod(Period):
    class Programme(models.TextChoices):
        PROVIDER_LED = "provider_led", "Provider-led"
        SCHOOL_LED = "school_led", "School-led"

    class WithdrawalReason(models.TextChoices):
        LEFT_TEACHING_PROFESSION = "left-teaching-profession", "Left the teaching profession"
        MOVED_SCHOOL = "moved-school", "Moved school"
        MENTOR_NO_LONGER_BEING_MENTOR = "mentor-no-longer-being-mentor", "No longer being a mentor"
        SWITCHED_TO_SCHOOL_LED = "switched-to-school-led", "Switched to school-led"
        CHANGED_LEAD_PROVIDER = "changed-lead-provider", "Changed lead provider"
        OTHER = "other", "Other"

    class DeferralReason(models.TextChoices):
        BEREAVEMENT = "bereavement", "Bereavement"
        LONG_TERM_SICKNESS = "long-term-sickness", "Long-term sickness"
        PARENTAL_LEAVE = "parental-leave", "Parental leave"
        CAREER_BREAK = "career-break", "Career break"
        OTHER = "other", "Other"

    ect_at_school_period = models.ForeignKey(
        "ects.ECTAtSchoolPeriod", on_delete=models.PROTECT, null=True, blank=True, related_name="training_periods"
    )
    mentor_at_school_period = models.ForeignKey(
        "mentors.MentorAtSchoolPeriod",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_periods",
    )
    training_programme = models.CharField(max_length=20, choices=Programme.choices)
    school_partnership = models.ForeignKey(
        "ecf.SchoolPartnership", on_delete=models.PROTECT, null=True, blank=True, related_name="training_periods"
    )
    expression_of_interest = models.ForeignKey(
        "ecf.ActiveLeadProvider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expressions_of_interest",
        help_text="The lead provider the school chose, before it has confirmed a partnership.",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.CharField(max_length=40, choices=WithdrawalReason.choices, blank=True)
    deferred_at = models.DateTimeField(null=True, blank=True)
    deferral_reason = models.CharField(max_length=40, choices=DeferralReason.choices, blank=True)
    api_id = models.UUIDField("API id", default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["started_on"]
        indexes = [
            # The ECTs list sorts ECTs whose lead provider withdrew or deferred them first (ects/queries.py): few
            # rows, looked up once per ECT of the school.
            models.Index(
                fields=["ect_at_school_period"],
                condition=Q(withdrawn_at__isnull=False) | Q(deferred_at__isnull=False),
                name="training_stopped_ect_idx",
            ),
        ]
        constraints = [
            Period.finished_after_started("training_period_finished_after_started"),
            models.CheckConstraint(
                condition=Q(ect_at_school_period__isnull=False, mentor_at_school_period__isnull=True)
                | Q(ect_at_school_period__isnull=True, mentor_at_school_period__isnull=False),
                name="training_period_belongs_to_exactly_one_of_ect_or_mentor",
                violation_error_message="A training period belongs to either an ECT or a mentor.",
            ),
            models.CheckConstraint(
                condition=(
                    Q(training_programme="provider_led")
                    & (
                        Q(school_partnership__isnull=False, expression_of_interest__isnull=True)
                        | Q(school_partnership__isnull=True, expression_of_interest__isnull=False)
                    )
                )
                | Q(
                    training_programme="school_led",
                    school_partnership__isnull=True,
                    expression_of_interest__isnull=True,
                ),
                name="training_period_provider_led_has_partnership_or_interest",
                violation_error_message=(
                    "Provider-led training needs a confirmed partnership or an expression of interest; "
                    "school-led training has neither."
                ),
            ),
            models.CheckConstraint(
                condition=Q(mentor_at_school_period__isnull=True) | Q(training_programme="provider_led"),
                name="training_period_mentor_training_is_provider_led",
                violation_error_message="Mentor training is always provider-led.",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True, withdrawal_reason="")
                | (Q(withdrawn_at__isnull=False) & ~Q(withdrawal_reason="")),
                name="training_period_withdrawn_at_with_reason",
                violation_error_message="A withdrawal needs both a date and a reason.",
            ),
            models.CheckConstraint(
                condition=Q(deferred_at__isnull=True, deferral_reason="")
                | (Q(deferred_at__isnull=False) & ~Q(deferral_reason="")),
                name="training_period_deferred_at_with_reason",
                violation_error_message="A deferral needs both a date and a reason.",
            ),
            Period.never_overlapping(
                "ect_training_periods_never_overlap",
                "ect_at_school_period",
                message="This ECT already has training in these dates.",
            ),
            Period.never_overlapping(
                "mentor_training_periods_never_overlap",
                "mentor_at_school_period",
                message="This mentor already has training in these dates.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_training_programme_display()} from {self.started_on}"

    @property
    def provider_led(self) -> bool:
        return self.training_programme == self.Programme.PROVIDER_LED

    @property
    def lead_provider(self):
        if self.school_partnership_id:
            return self.school_partnership.lead_provider
        if self.expression_of_interest_id:
            return self.expression_of_interest.lead_provider
        return None

    @property
    def delivery_partner(self):
        return self.school_partnership.delivery_partner if self.school_partnership_id else None

    @property
    def status(self) -> str:
        """Training status for the API: the later of withdrawal and deferral wins."""
        if self.withdrawn_at and (not self.deferred_at or self.withdrawn_at >= self.deferred_at):
            return "withdrawn"
        if self.deferred_at:
            return "deferred"
        return "active"
