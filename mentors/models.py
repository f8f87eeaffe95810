from django.db import models

from ecf.models import Period
from ecf.models.periods import PeriodQuerySet


class MentorAtSchoolPeriod(Period):
    """A teacher's time as a mentor at one school. A teacher may mentor at two schools at once."""

    teacher = models.ForeignKey("ecf.Teacher", on_delete=models.PROTECT, related_name="mentor_at_school_periods")
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="mentor_periods")
    email = models.EmailField(max_length=254)

    # Teaching details: one of the options the register-a-mentor journey offers for the school's phase.
    subject = models.CharField(max_length=100, blank=True)
    age_range = models.CharField(max_length=50, blank=True)
    key_stage = models.CharField(max_length=50, blank=True)

    # Additional details: optional and short; the school fills them in from the mentor record.
    started_mentoring = models.CharField("date started mentoring", max_length=100, blank=True)
    provider_training = models.CharField(max_length=500, blank=True)
    send_training = models.CharField("SEND training", max_length=500, blank=True)
    subject_networks = models.CharField("subject networks and associations", max_length=500, blank=True)
    other_experiences = models.CharField(max_length=500, blank=True)

    class LeavingReason(models.TextChoices):
        LEFT_SCHOOL = "left_school", "They’re leaving or have left your school"
        NO_LONGER_MENTORING = "no_longer_mentoring", "They will no longer be a mentor at your school"

    # Set when the school reports that the mentor is leaving or will no longer mentor (finished_on is their last day).
    reported_leaving_on = models.DateField(
        null=True, blank=True, help_text="When the school reported that the mentor is leaving or will stop mentoring."
    )
    leaving_reason = models.CharField(max_length=30, choices=LeavingReason.choices, blank=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            Period.finished_after_started("mentor_at_school_period_finished_after_started"),
            Period.never_overlapping(
                "mentor_periods_at_a_school_never_overlap",
                "teacher",
                "school",
                message="This teacher is already a mentor at this school in these dates.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} mentoring at {self.school_id} from {self.started_on}"


class MentorshipPeriod(Period):
    """A mentor assigned to an ECT ("mentorship"). An ECT has one mentor at a time."""

    mentee = models.ForeignKey("ects.ECTAtSchoolPeriod", on_delete=models.PROTECT, related_name="mentorship_periods")
    mentor = models.ForeignKey(MentorAtSchoolPeriod, on_delete=models.PROTECT, related_name="mentorship_periods")

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            Period.finished_after_started("mentorship_period_finished_after_started"),
            Period.never_overlapping(
                "ect_has_one_mentor_at_a_time", "mentee", message="This ECT already has a mentor in these dates."
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor_id} mentors {self.mentee_id} from {self.started_on}"
