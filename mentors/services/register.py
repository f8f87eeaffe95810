"""Registering a new mentor for an ECT: the mentor at the school, assigned to the ECT, emailed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction

from ecf.errors import DomainError
from ecf.events import Author, record_event
from ecf.models import LeadProvider
from ecf.notifications import queue_email
from ecf.teachers.queries import email_in_use_by_someone_else
from ecf.teachers.services import EMAIL_IN_USE, find_or_create_teacher
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod
from mentors.services.assign import CANNOT_MENTOR_THEMSELF, MentorAssignment, assign_mentor
from mentors.services.record import teaching_details
from schools.models import School

ECT_AT_ANOTHER_SCHOOL = "ECT missing or not registered at this school"


@dataclass(frozen=True)
class MentorRegistration:
    """What registering a mentor did: their mentor period at the school, whether this registration created it
    (False when the school already had them as a mentor), and their assignment to the ECT."""

    mentor_period: MentorAtSchoolPeriod
    newly_registered: bool
    assignment: MentorAssignment


def register_mentor(
    *,
    school: School,
    ect_period: ECTAtSchoolPeriod,
    author: Author,
    trn: str,
    trs_first_name: str,
    trs_last_name: str,
    trs_induction_status: str = "",
    corrected_name: str = "",
    trs_qts_awarded_on: datetime.date | None = None,
    email: str,
    subject: str,
    age_range: str,
    key_stage: str,
    mentor_training_lead_provider: LeadProvider | None = None,
) -> MentorRegistration:
    """Register the teacher as a mentor at `school` (from today) and assign them to `ect_period`, in one
    transaction, and email them.

    Reuses the school's current mentor period for the teacher when there is one (say, a second tab registered
    them a moment ago); a teacher mentoring at another school gets a period here too. Raises DomainError with
    the message to show.
    """
    corrected_name = " ".join(corrected_name.split())
    email = email.strip()
    details = teaching_details(subject=subject, age_range=age_range, key_stage=key_stage)
    if ect_period.school_id != school.pk:
        raise DomainError(ECT_AT_ANOTHER_SCHOOL)
    if not email:
        raise DomainError("Enter an email address")
    today = datetime.date.today()
    with transaction.atomic():
        # The teacher's row lock first: registrations of one teacher take turns, so the second finds the
        # first's mentor period and reuses it instead of adding another.
        teacher, teacher_changes = find_or_create_teacher(
            trn=trn,
            trs_first_name=trs_first_name,
            trs_last_name=trs_last_name,
            trs_induction_status=trs_induction_status,
            trs_qts_awarded_on=trs_qts_awarded_on,
            corrected_name=corrected_name,
        )
        ect_teacher_id = ECTAtSchoolPeriod.objects.filter(pk=ect_period.pk).values_list("teacher_id", flat=True).get()
        if teacher.pk == ect_teacher_id:
            raise DomainError(CANNOT_MENTOR_THEMSELF)
        if email_in_use_by_someone_else(email, trn, today=today):
            raise DomainError(EMAIL_IN_USE)
        mentor_period, newly_registered = _mentor_period_at(
            school, teacher, values={"email": email, **details}, today=today, author=author, changes=teacher_changes
        )
        assignment = assign_mentor(
            ect_period=ect_period,
            mentor_period=mentor_period,
            author=author,
            mentor_training_lead_provider=mentor_training_lead_provider,
            today=today,
        )
    return MentorRegistration(mentor_period, newly_registered=newly_registered, assignment=assignment)


def _mentor_period_at(
    school: School, teacher, *, values: dict, today: datetime.date, author: Author, changes: dict
) -> tuple[MentorAtSchoolPeriod, bool]:
    """(the teacher's mentor period at the school, whether it is new): their current one, locked and brought up
    to date with `values` (email, teaching details), else a new one from today, announced by email."""
    mentor_period = (
        MentorAtSchoolPeriod.objects.select_for_update()
        .current_or_future(today)
        .filter(school=school, teacher=teacher)
        .order_by("started_on", "pk")
        .first()
    )
    if mentor_period is not None:
        mentor_period.teacher, mentor_period.school = teacher, school
        _update_details(mentor_period, values, author=author, teacher_changes=changes)
        return mentor_period, False
    mentor_period = MentorAtSchoolPeriod.objects.create(teacher=teacher, school=school, started_on=today, **values)
    _record_registered(mentor_period, author=author, teacher_changes=changes)
    return mentor_period, True


def _record_registered(mentor_period: MentorAtSchoolPeriod, *, author: Author, teacher_changes: dict) -> None:
    """The audit event and the mentor's email for a new mentor period."""
    teacher, school = mentor_period.teacher, mentor_period.school
    details = {field: getattr(mentor_period, field) for field in ("subject", "age_range", "key_stage")}
    record_event(
        event_type="teacher_registered_as_mentor",
        heading=f"{teacher.full_name} was registered as a mentor at {school.name}",
        author=author,
        changes=teacher_changes,
        metadata={"started_on": mentor_period.started_on.isoformat(), **details},
        mentor_at_school_period=mentor_period,
        teacher=teacher,
        school=school,
    )
    queue_email(
        template="mentor_registered",
        to=mentor_period.email,
        personalisation={"mentor_name": teacher.full_name, "school_name": school.name},
    )


def _update_details(mentor_period: MentorAtSchoolPeriod, new_values: dict, *, author: Author, teacher_changes: dict):
    """Registering the school's existing mentor again: their email and teaching details as given now."""
    changes = {
        field: [getattr(mentor_period, field), value]
        for field, value in new_values.items()
        if getattr(mentor_period, field) != value
    }
    if not (changes or teacher_changes):
        return
    for field, value in new_values.items():
        setattr(mentor_period, field, value)
    mentor_period.save(update_fields=[*changes, "updated_at"])
    record_event(
        event_type="mentor_details_updated",
        heading=f"{mentor_period.teacher.full_name}’s mentor details were updated when registering them again",
        author=author,
        changes={**teacher_changes, **changes},
        mentor_at_school_period=mentor_period,
        teacher=mentor_period.teacher,
        school=mentor_period.school,
    )
