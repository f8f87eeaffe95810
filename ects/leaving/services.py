"""Reporting that an ECT has left or is leaving the school (docs/journeys/leaving.md), and the period arithmetic that
reporting a mentor leaving shares (`mentors/services/leaving.py`).

A leaving date is the teacher's last day at the school: the at-school period finishes on it (periods are inclusive,
docs/adr/0004-periods-as-inclusive-date-ranges-with-exclusion-constraints.md). Mentorships and training periods that
cover it finish on it; those that start after it never happen and are removed. The rules follow DfE's service
(`app/services/ect_at_school_periods/finish.rb` in https://github.com/DFE-Digital/register-early-career-teachers-public).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import models, transaction

from ecf.errors import DomainError
from ecf.events import Author, record_event
from ecf.govuk.filters import govuk_date
from ecf.models import Event, Teacher
from ects.models import ECTAtSchoolPeriod
from ects.register.forms import add_months

LEAVING_DATE_TOO_FAR_AHEAD = "Enter a date no further than 4 months from today"
# DfE's service takes leaving dates at most this far ahead (docs/journeys/leaving.md).
MONTHS_AHEAD = 4

# The Event column that links to each kind of period `end_periods` may remove.
EVENT_LINKS = {"trainingperiod": "training_period", "mentorshipperiod": "mentorship_period"}


NO_LONGER_MENTORING = "no_longer_mentoring"


def leaving_version(period) -> str:
    """An at-school period's leaving as it stands, to compare later: its last day ("2027-03-01"), or "" while open.
    Captured when the user answers the date question; the services refuse when it has changed since."""
    return period.finished_on.isoformat() if period.finished_on else ""


def already_reported(name: str, period, *, today: datetime.date) -> str:
    """The message for a leaving reported twice (two tabs, a back-button resubmit), or after the teacher has gone."""
    if period.finished_on is not None and getattr(period, "reported_leaving_on", None):
        last_day = govuk_date(period.finished_on)
        # A mentor who stays at the school but stops mentoring (mentors.models.MentorAtSchoolPeriod.LeavingReason;
        # compared by value, as this module may not import the mentors app).
        if getattr(period, "leaving_reason", "") == NO_LONGER_MENTORING:
            if period.finished_on < today:
                return f"You’ve already told us that {name} stopped being a mentor at your school on {last_day}"
            return f"You’ve already told us that {name} will no longer be a mentor at your school after {last_day}"
        left = "left" if period.finished_on < today else "is leaving"
        return f"You’ve already told us that {name} {left} your school on {last_day}"
    if period.finished_on is not None and period.finished_on < today:
        return f"{name} has already left your school"
    if period.finished_on is not None:  # say, registered at another school from the next day
        return f"Our records show that {name} is leaving your school on {govuk_date(period.finished_on)}"
    return ""


def check_leaving_date(*, name: str, period, leaving_on: datetime.date, expected_version: str | None, today) -> None:
    """The rules a leaving date must meet once the period is locked (the date question checks them first, to show
    them by the field): not reported before, not gone, at most 4 months ahead, after the school start date. Raises
    DomainError with the message to show."""
    if expected_version is not None and leaving_version(period) != expected_version:
        raise DomainError(
            already_reported(name, period, today=today) or f"{name}’s details have changed. Check their record."
        )
    if message := already_reported(name, period, today=today):
        raise DomainError(message)
    if leaving_on > add_months(today, MONTHS_AHEAD):
        raise DomainError(LEAVING_DATE_TOO_FAR_AHEAD)
    if leaving_on <= period.started_on:
        started = govuk_date(period.started_on)
        raise DomainError(
            f"Our records show that {name} started teaching at your school on {started}. Enter a date after {started}."
        )


def end_periods(
    periods: Iterable[models.Model], *, last_day: datetime.date, describe, author: Author, links: dict
) -> dict[str, list]:
    """Finish on `last_day` each period (mentorship or training period, locked by the caller) that runs past it, and
    remove each that starts after it. Periods that finished by then are left as they are.

    describe: (period, "finished" | "removed") -> (event_type, heading, extra links) of the audit event.
    Returns {"finished": [ids], "removed": [ids]}. A removed period's earlier events stay in the audit trail, only
    their link to the deleted row goes. Raises DomainError when a period to remove has declarations (payments
    hang on them: support must look).
    """
    done = {"finished": [], "removed": []}
    for period in periods:
        if period.finished_on is not None and period.finished_on <= last_day:
            continue
        metadata = {"started_on": period.started_on.isoformat(), "finished_on": last_day.isoformat()}
        if period.started_on > last_day:
            if getattr(period, "declarations", None) is not None and period.declarations.exists():
                raise DomainError("This teacher has training declarations after that date. Contact us to change it.")
            event_link = EVENT_LINKS[period._meta.model_name]
            Event.objects.filter(**{event_link: period}).update(**{event_link: None})
            event_type, heading, extra = describe(period, "removed")
            done["removed"].append(period.pk)
            metadata = {"removed_id": period.pk, "started_on": period.started_on.isoformat()}
            period.delete()
            record_event(event_type=event_type, heading=heading, author=author, metadata=metadata, **links, **extra)
            continue
        period.finished_on = last_day
        period.save(update_fields=["finished_on", "updated_at"])
        event_type, heading, extra = describe(period, "finished")
        done["finished"].append(period.pk)
        record_event(event_type=event_type, heading=heading, author=author, metadata=metadata, **links, **extra)
    return done


def report_ect_leaving(
    *,
    ect_period: ECTAtSchoolPeriod,
    leaving_on: datetime.date,
    author: Author,
    expected_version: str | None = None,
    today: datetime.date | None = None,
) -> ECTAtSchoolPeriod:
    """Record that the ECT leaves the school permanently, `leaving_on` being their last day there.

    The ECT period finishes on `leaving_on` and records the day it was reported (`reported_leaving_on`); their
    mentorships and training periods finish on it, or are removed when they start after it. The ECT stays on the
    school's list, "Leaving school", until that day.

    expected_version: `leaving_version(ect_period)` when the user gave the date; a change since (another tab reported
    it) is refused. Returns the ECT period; its `ended_mentorships` are the mentorships the leaving finished or removed
    ({"finished": [ids], "removed": [ids]}: none when the ECT had no mentor from then on). Raises DomainError with the
    message to show: leaving already reported or already gone, a date not after the school start date.
    """
    today = today or datetime.date.today()
    with transaction.atomic():
        # The teacher first, as registering them at another school does, so the two take turns.
        Teacher.objects.select_for_update().filter(pk=ect_period.teacher_id).first()
        ect = (
            ECTAtSchoolPeriod.objects.select_for_update(of=("self",))
            .select_related("teacher", "school")
            .get(pk=ect_period.pk)
        )
        name = ect.teacher.full_name
        check_leaving_date(name=name, period=ect, leaving_on=leaving_on, expected_version=expected_version, today=today)
        links = {"teacher_id": ect.teacher_id, "school_id": ect.school_id, "ect_at_school_period": ect}

        def describe_mentorship(mentorship, what):
            if what == "removed":
                return "mentorship_removed", f"{name}’s mentoring planned after their leaving date was removed", {}
            return (
                "teacher_finishes_being_mentored",
                f"{name} stopped being mentored because they are leaving",
                {
                    "mentorship_period": mentorship,
                    "mentor_at_school_period_id": mentorship.mentor_id,
                },
            )

        def describe_training(training, what):
            if what == "removed":
                return "training_period_removed", f"{name}’s training planned after their leaving date was removed", {}
            return (
                "teacher_finishes_training_period",
                f"{name}’s training finished because they are leaving",
                {"training_period": training},
            )

        mentorships = end_periods(
            ect.mentorship_periods.select_for_update().order_by("started_on"),
            last_day=leaving_on,
            describe=describe_mentorship,
            author=author,
            links=links,
        )
        training = end_periods(
            ect.training_periods.select_for_update().order_by("started_on"),
            last_day=leaving_on,
            describe=describe_training,
            author=author,
            links=links,
        )
        ect.finished_on, ect.reported_leaving_on = leaving_on, today
        ect.save(update_fields=["finished_on", "reported_leaving_on", "updated_at"])
        ect.ended_mentorships = mentorships
        record_event(
            event_type="teacher_left_school_as_ect",
            heading=f"{ect.school.name} reported that {name} is leaving on {govuk_date(leaving_on)}",
            author=author,
            metadata={
                "finished_on": leaving_on.isoformat(),
                "reason": "reported leaving by the school",
                "mentorships": mentorships,
                "training_periods": training,
            },
            **links,
        )
    return ect
