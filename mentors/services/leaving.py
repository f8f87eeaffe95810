"""Removing a mentor from the school: they are leaving or have left it, or they stay but will no longer mentor
(docs/journeys/leaving.md). Only this school's mentor period ends: a teacher who mentors at two schools stays a mentor
at the other."""

from __future__ import annotations

import datetime

from django.db import transaction

from ecf.events import Author, record_event
from ecf.govuk.filters import govuk_date
from ecf.notifications import queue_email
from ects.leaving.services import check_leaving_date, end_periods
from mentors.models import MentorAtSchoolPeriod

LEFT_SCHOOL = MentorAtSchoolPeriod.LeavingReason.LEFT_SCHOOL
NO_LONGER_MENTORING = MentorAtSchoolPeriod.LeavingReason.NO_LONGER_MENTORING


def remove_mentor(
    *,
    mentor_period: MentorAtSchoolPeriod,
    leaving_on: datetime.date,
    reason: str,
    author: Author,
    expected_version: str | None = None,
    today: datetime.date | None = None,
) -> MentorAtSchoolPeriod:
    """End the mentor's time as a mentor at their school on `leaving_on` (their last day) and email them.

    reason: a `MentorAtSchoolPeriod.LeavingReason` value (leaving the school, or no longer mentoring there).
    The mentor period finishes on `leaving_on`; their mentorships and mentor training at this school finish on it, or
    are removed when they start after it (mentorships that ended earlier, say with an ECT who left first, stay as they
    are). From the next day their ECTs need a new mentor. The mentor gets the `mentor_removed` email once this
    commits, so they can report a mistake (docs/journeys/leaving.md, "What changes").

    expected_version: `ects.leaving.services.leaving_version(mentor_period)` when the user gave the date. Returns the
    mentor period; its `ended_mentorships` are the mentorships the removal finished or removed ({"finished": [ids],
    "removed": [ids]}: none when no ECT had them as mentor from then on). Raises DomainError with the message to show:
    already reported or gone, a date not after the mentor's start.
    """
    if reason not in MentorAtSchoolPeriod.LeavingReason.values:
        raise ValueError(f"Unknown leaving reason {reason!r}")
    today = today or datetime.date.today()
    with transaction.atomic():
        mentor = (
            MentorAtSchoolPeriod.objects.select_for_update(of=("self",))
            .select_related("teacher", "school")
            .get(pk=mentor_period.pk)
        )
        name = mentor.teacher.full_name
        check_leaving_date(
            name=name, period=mentor, leaving_on=leaving_on, expected_version=expected_version, today=today
        )
        links = {"teacher_id": mentor.teacher_id, "school_id": mentor.school_id, "mentor_at_school_period": mentor}

        def describe_mentorship(mentorship, what):
            ect = {"ect_at_school_period_id": mentorship.mentee_id}
            if what == "removed":
                return "mentorship_removed", f"{name}’s mentoring planned after their last day was removed", ect
            return (
                "teacher_finishes_mentoring",
                f"{name} finished mentoring at {mentor.school.name}",
                {
                    **ect,
                    "mentorship_period": mentorship,
                },
            )

        def describe_training(training, what):
            if what == "removed":
                return (
                    "training_period_removed",
                    f"{name}’s mentor training planned after their last day was removed",
                    {},
                )
            return (
                "teacher_finishes_training_period",
                f"{name}’s mentor training at {mentor.school.name} finished",
                {"training_period": training},
            )

        mentorships = end_periods(
            mentor.mentorship_periods.select_for_update().order_by("started_on"),
            last_day=leaving_on,
            describe=describe_mentorship,
            author=author,
            links=links,
        )
        training = end_periods(
            mentor.training_periods.select_for_update().order_by("started_on"),
            last_day=leaving_on,
            describe=describe_training,
            author=author,
            links=links,
        )
        mentor.finished_on, mentor.reported_leaving_on, mentor.leaving_reason = leaving_on, today, reason
        mentor.save(update_fields=["finished_on", "reported_leaving_on", "leaving_reason", "updated_at"])
        mentor.ended_mentorships = mentorships
        # `leaving_on` is their last day, so "on" it they leave and "after" it they no longer mentor.
        what = "is leaving on" if reason == LEFT_SCHOOL else "will no longer be a mentor after"
        record_event(
            event_type="mentor_removed_by_school",
            heading=f"{mentor.school.name} reported that {name} {what} {govuk_date(leaving_on)}",
            author=author,
            metadata={
                "finished_on": leaving_on.isoformat(),
                "reason": reason,
                "mentorships": mentorships,
                "training_periods": training,
            },
            **links,
        )
        queue_email(
            template="mentor_removed",
            to=mentor.email,
            personalisation={
                "mentor_name": name,
                "school_name": mentor.school.name,
                "last_day": govuk_date(leaving_on),
            },
        )
    return mentor
