from django.db import models
from django.db.models import Q

from ecf.models import Period
from ecf.models.periods import PeriodQuerySet


class ECTAtSchoolPeriod(Period):
    """A teacher's time as an early career teacher at one school."""

    class WorkingPattern(models.TextChoices):
        FULL_TIME = "full_time", "Full time"
        PART_TIME = "part_time", "Part time"

    teacher = models.ForeignKey("ecf.Teacher", on_delete=models.PROTECT, related_name="ect_at_school_periods")
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="ect_periods")
    email = models.EmailField(max_length=254)
    working_pattern = models.CharField(max_length=20, choices=WorkingPattern.choices)
    appropriate_body = models.ForeignKey(
        "ecf.AppropriateBody", on_delete=models.PROTECT, null=True, blank=True, related_name="ect_periods"
    )
    reported_leaving_on = models.DateField(
        null=True, blank=True, help_text="When the school reported that the ECT is leaving."
    )

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = "ECT at school period"
        ordering = ["-started_on"]
        constraints = [
            Period.finished_after_started("ect_at_school_period_finished_after_started"),
            Period.never_overlapping(
                "ect_at_one_school_at_a_time",
                "teacher",
                message="This teacher is already an ECT at a school in these dates.",
            ),
            models.UniqueConstraint(
                fields=["teacher"],
                condition=Q(finished_on__isnull=True),
                name="one_open_ect_period_per_teacher",
                violation_error_message="This teacher is already registered as an ECT.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} at {self.school_id} from {self.started_on}"
