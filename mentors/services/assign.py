"""Assigning a mentor to an ECT, and the mentor training a first provider-led assignment starts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ecf.errors import DomainError, refused_by_constraints
from ecf.events import Author, record_event
from ecf.govuk.filters import govuk_date
from ecf.models import Event, LeadProvider, TrainingPeriod
from ecf.models.periods import not_finished_before
from ecf.training.changes import start_mentor_training_if_first
from ecf.training.queries import current_ect_training_period
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from mentors.queries import mentorship_version

PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED
CANNOT_MENTOR_THEMSELF = "You cannot assign an ECT as their own mentor"
MENTOR_AT_ANOTHER_SCHOOL = "This mentor is not registered at this school"
ONE_MENTOR_AT_A_TIME = "ect_has_one_mentor_at_a_time"


def mentor_has_a_last_day(mentor: MentorAtSchoolPeriod) -> str:
    """Why a mentor the school has told us is leaving, or will stop mentoring, takes no new ECT."""
    name, last_day = mentor.teacher.full_name, govuk_date(mentor.finished_on)
    if mentor.leaving_reason == MentorAtSchoolPeriod.LeavingReason.LEFT_SCHOOL:
        return f"You cannot assign an ECT to {name} because they are leaving your school on {last_day}"
    return f"You cannot assign an ECT to {name} because they will no longer be a mentor at your school after {last_day}"


def just_assigned_by_someone_else(ect_name: str) -> str:
    return f"{ect_name} has just been assigned a mentor by someone else. Check their record before changing it."


@dataclass(frozen=True)
class MentorAssignment:
    """What assigning a mentor did: the mentorship (the existing one when the mentor already mentors the ECT),
    the mentor training it started (None when it started none), and whether the ECT had had another mentor."""

    mentorship: MentorshipPeriod
    mentor_training: TrainingPeriod | None = None
    had_a_mentor_before: bool = False


def assign_mentor(
    *,
    ect_period: ECTAtSchoolPeriod,
    mentor_period: MentorAtSchoolPeriod,
    author: Author,
    mentor_training_lead_provider: LeadProvider | None = None,
    expected_version: str | None = None,
    today: datetime.date | None = None,
) -> MentorAssignment:
    """Make `mentor_period` the ECT's mentor from the latest of the ECT's start, the mentor's start and today.

    A current mentorship that started earlier finishes the day before; one starting on that day or later is
    replaced. Assigning the current mentor again changes nothing. The mentor's first provider-led assignment
    (when they have not completed mentor training) starts their mentor training with
    `mentor_training_lead_provider`, else the ECT's lead provider.

    expected_version: the ECT's `mentors.queries.mentorship_version` when the user chose the mentor. When someone
    else has assigned the ECT a mentor since, this refuses rather than silently replacing their choice. None
    (the admin, a service that has just loaded the ECT) does not check.

    Assignments to one ECT take turns on the ECT period's row lock. Raises DomainError with the message to show.
    """
    today = today or datetime.date.today()
    # The last line of defence, for a writer that did not take the ECT's lock: the database refuses a second
    # mentor in the same dates.
    refused = {ONE_MENTOR_AT_A_TIME: lambda: just_assigned_by_someone_else(ect_period.teacher.full_name)}
    with refused_by_constraints(refused):
        return _assign(
            ect_period=ect_period,
            mentor_period=mentor_period,
            author=author,
            mentor_training_lead_provider=mentor_training_lead_provider,
            expected_version=expected_version,
            today=today,
        )


def _assign(
    *,
    ect_period: ECTAtSchoolPeriod,
    mentor_period: MentorAtSchoolPeriod,
    author: Author,
    mentor_training_lead_provider: LeadProvider | None,
    expected_version: str | None,
    today: datetime.date,
) -> MentorAssignment:
    # The ECT first, always: every assignment to this ECT waits here for the one before to commit.
    ect = (
        ECTAtSchoolPeriod.objects.select_for_update(of=("self",))
        .select_related("teacher", "school")
        .get(pk=ect_period.pk)
    )
    mentor = (
        MentorAtSchoolPeriod.objects.select_for_update(of=("self",)).select_related("teacher").get(pk=mentor_period.pk)
    )
    started_on, finished_on = _mentoring_dates(ect, mentor, today=today)
    running = list(
        ect.mentorship_periods.select_for_update(of=("self",))
        .filter(not_finished_before(started_on))
        .select_related("mentor__teacher")
        .order_by("started_on", "pk")
    )
    for mentorship in running:
        if mentorship.mentor_id == mentor.pk and (finished_on is None or mentorship.started_on <= finished_on):
            return MentorAssignment(mentorship)  # already their mentor: nothing to do (a double submit ends here)
    if running and expected_version is not None and mentorship_version(ect, today=today) != expected_version:
        # Someone assigned a mentor after the user chose theirs, and we waited for them on the lock: their choice
        # stands until the user has seen it.
        raise DomainError(just_assigned_by_someone_else(ect.teacher.full_name))

    had_a_mentor_before = ect.mentorship_periods.exists()
    for mentorship in running:
        if mentorship.started_on < started_on:
            _finish_mentorship(mentorship, last_day=started_on - datetime.timedelta(days=1), ect=ect, author=author)
        else:
            _replace_mentorship(mentorship, ect=ect, new_mentor_name=mentor.teacher.full_name, author=author)
    new_mentorship = MentorshipPeriod.objects.create(
        mentee=ect, mentor=mentor, started_on=started_on, finished_on=finished_on
    )
    _record_mentoring_started(new_mentorship, author=author)
    training = _start_mentor_training_if_first(
        ect=ect,
        mentor=mentor,
        started_on=started_on,
        lead_provider=mentor_training_lead_provider,
        author=author,
        today=today,
    )
    return MentorAssignment(new_mentorship, mentor_training=training, had_a_mentor_before=had_a_mentor_before)


def _mentoring_dates(
    ect: ECTAtSchoolPeriod, mentor: MentorAtSchoolPeriod, *, today: datetime.date
) -> tuple[datetime.date, datetime.date | None]:
    """When `mentor` can mentor `ect` from today: (first day, last day or None). Raises DomainError when they
    cannot: another school's mentor, the ECT themself, either gone, or never at the school together."""
    ect_name, mentor_name = ect.teacher.full_name, mentor.teacher.full_name
    if mentor.school_id != ect.school_id:
        raise DomainError(MENTOR_AT_ANOTHER_SCHOOL)
    if mentor.teacher_id == ect.teacher_id:
        raise DomainError(CANNOT_MENTOR_THEMSELF)
    if ect.finished_on is not None and ect.finished_on < today:
        raise DomainError(f"You cannot assign a mentor to {ect_name} because they have left your school")
    if mentor.finished_on is not None and mentor.finished_on < today:
        raise DomainError(f"{mentor_name} is no longer a mentor at your school. Select a different mentor.")
    if mentor.finished_on is not None:
        # Reported leaving, or no longer mentoring (docs/journeys/leaving.md): the ECT would need another mentor
        # from the day after, so they take no new ECTs.
        raise DomainError(mentor_has_a_last_day(mentor))
    started_on = max(ect.started_on, mentor.started_on, today)
    last_days = [day for day in (ect.finished_on, mentor.finished_on) if day is not None]
    finished_on = min(last_days) if last_days else None
    if finished_on is not None and finished_on < started_on:
        raise DomainError(
            f"You cannot assign {mentor_name} to mentor {ect_name} because they are not at your school at the same time"
        )
    return started_on, finished_on


def _record_mentoring_started(mentorship: MentorshipPeriod, *, author: Author) -> None:
    ect, mentor = mentorship.mentee, mentorship.mentor
    ect_name, mentor_name = ect.teacher.full_name, mentor.teacher.full_name
    links = {
        "school": ect.school,
        "ect_at_school_period": ect,
        "mentor_at_school_period": mentor,
        "mentorship_period": mentorship,
    }
    finished_on = mentorship.finished_on.isoformat() if mentorship.finished_on else None
    metadata = {"started_on": mentorship.started_on.isoformat(), "finished_on": finished_on}
    record_event(
        event_type="teacher_starts_being_mentored",
        heading=f"{mentor_name} is mentoring {ect_name}",
        author=author,
        metadata=metadata,
        teacher=ect.teacher,
        **links,
    )
    record_event(
        event_type="teacher_starts_mentoring",
        heading=f"{mentor_name} started mentoring {ect_name}",
        author=author,
        metadata=metadata,
        teacher=mentor.teacher,
        **links,
    )


def _finish_mentorship(
    mentorship: MentorshipPeriod, *, last_day: datetime.date, ect: ECTAtSchoolPeriod, author: Author
) -> None:
    old_mentor = mentorship.mentor
    ect_name, old_mentor_name = ect.teacher.full_name, old_mentor.teacher.full_name
    mentorship.finished_on = last_day
    mentorship.save(update_fields=["finished_on", "updated_at"])
    links = {
        "school_id": ect.school_id,
        "ect_at_school_period": ect,
        "mentor_at_school_period": old_mentor,
        "mentorship_period": mentorship,
    }
    metadata = {"finished_on": last_day.isoformat(), "reason": "another mentor was assigned"}
    record_event(
        event_type="teacher_finishes_being_mentored",
        heading=f"{old_mentor_name} stopped mentoring {ect_name}",
        author=author,
        metadata=metadata,
        teacher_id=ect.teacher_id,
        **links,
    )
    record_event(
        event_type="teacher_finishes_mentoring",
        heading=f"{old_mentor_name} finished mentoring {ect_name}",
        author=author,
        metadata=metadata,
        teacher_id=old_mentor.teacher_id,
        **links,
    )


def _replace_mentorship(mentorship: MentorshipPeriod, *, ect: ECTAtSchoolPeriod, new_mentor_name: str, author: Author):
    """Delete a mentorship that has not started before the new one would (it never happened).

    Its earlier events stay in the audit trail, still linked to the ECT, the mentor and the teachers; only
    their link to the deleted row goes. The replacement is an event of its own.
    """
    old_mentor = mentorship.mentor
    ect_name, old_mentor_name = ect.teacher.full_name, old_mentor.teacher.full_name
    Event.objects.filter(mentorship_period=mentorship).update(mentorship_period=None)
    deleted = {
        "mentorship_period_id": mentorship.pk,
        "started_on": mentorship.started_on.isoformat(),
        "finished_on": mentorship.finished_on.isoformat() if mentorship.finished_on else None,
        "mentor_name": old_mentor_name,
    }
    mentorship.delete()
    record_event(
        event_type="mentorship_replaced",
        heading=f"{new_mentor_name} replaced {old_mentor_name} as {ect_name}’s mentor before the mentoring started",
        author=author,
        metadata={"deleted_mentorship": deleted},
        teacher_id=ect.teacher_id,
        school_id=ect.school_id,
        ect_at_school_period=ect,
        mentor_at_school_period=old_mentor,
    )


def _start_mentor_training_if_first(
    *,
    ect: ECTAtSchoolPeriod,
    mentor: MentorAtSchoolPeriod,
    started_on: datetime.date,
    lead_provider: LeadProvider | None,
    author: Author,
    today: datetime.date,
) -> TrainingPeriod | None:
    """The first provider-led assignment of an eligible mentor starts their provider-led mentor training
    (`ecf.training.changes.start_mentor_training_if_first`, which changing the ECT to provider-led also uses)."""
    return start_mentor_training_if_first(
        ect_training=current_ect_training_period(ect, today=today),
        mentor=mentor,
        started_on=started_on,
        lead_provider=lead_provider,
        author=author,
    )
