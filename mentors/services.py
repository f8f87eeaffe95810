"""Writes for mentors: assigning a mentor to an ECT, registering a new mentor for an ECT, and the mentor
record's changes.

Every function runs in one transaction, locks the rows it reasons about before reading what it decides
on, writes audit Events, and refuses with a `DomainError` whose message is GOV.UK copy.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import capfirst

from ecf.errors import DomainError
from ecf.events import Author, record_event
from ecf.models import Event, LeadProvider, TrainingPeriod
from ecf.notifications import queue_email
from ecf.teachers.services import EMAIL_IN_USE, change_period_email, change_teacher_name, find_or_create_teacher
from ects import registration as ect_registration
from ects.models import ECTAtSchoolPeriod
from mentors import registration
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from schools.models import School

PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED

CANNOT_MENTOR_THEMSELF = "You cannot assign an ECT as their own mentor"
MENTOR_AT_ANOTHER_SCHOOL = "This mentor is not registered at this school"
ECT_AT_ANOTHER_SCHOOL = "ECT missing or not registered at this school"
TEACHING_DETAIL_REQUIRED = {
    "subject": "Select a subject",
    "age_range": "Select an age range",
    "key_stage": "Select a key stage",
}
TEACHING_DETAIL_LABELS = {"subject": "Subject", "age_range": "Age range", "key_stage": "Key stage"}
ADDITIONAL_DETAILS = (
    "started_mentoring",
    "provider_training",
    "send_training",
    "subject_networks",
    "other_experiences",
)
ONE_MENTOR_AT_A_TIME = "ect_has_one_mentor_at_a_time"


def _just_assigned_by_someone_else(ect_name: str) -> str:
    return f"{ect_name} has just been assigned a mentor by someone else. Check their record before changing it."


def _constraint_name(error: IntegrityError) -> str | None:
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None)


def _earliest_finish(*days: datetime.date | None) -> datetime.date | None:
    known = [day for day in days if day is not None]
    return min(known) if known else None


# Assign a mentor to an ECT ----------------------------------------------------------------------------------


def assign_mentor(
    *,
    ect_period: ECTAtSchoolPeriod,
    mentor_period: MentorAtSchoolPeriod,
    author: Author,
    mentor_training_lead_provider: LeadProvider | None = None,
    today: datetime.date | None = None,
) -> MentorshipPeriod:
    """Make `mentor_period` the ECT's mentor from the latest of the ECT's start, the mentor's start and today.

    A current mentorship that started earlier finishes the day before; one starting on that day or later is
    replaced. Assigning the current mentor again changes nothing and returns their mentorship. The mentor's
    first provider-led assignment (when they have not completed mentor training) starts their mentor
    training with `mentor_training_lead_provider`, else the ECT's lead provider.

    Assignments to one ECT take turns on the ECT period's row lock. `ect_period` is the record as the caller
    loaded it: when someone else has assigned this ECT a mentor since then, this refuses rather than
    silently replacing their choice.
    """
    today = today or datetime.date.today()
    try:
        # A savepoint when the caller holds a transaction (register_mentor, a journey's completion), so a
        # refusal by the database rolls back only this and the caller can show the message.
        with transaction.atomic():
            return _assign(
                ect_period=ect_period,
                mentor_period=mentor_period,
                author=author,
                mentor_training_lead_provider=mentor_training_lead_provider,
                today=today,
            )
    except IntegrityError as error:
        # The last line of defence for a writer that did not take the ECT's lock: the database refuses a
        # second mentor in the same dates, and the user gets words, not a 500.
        if _constraint_name(error) == ONE_MENTOR_AT_A_TIME:
            name = ECTAtSchoolPeriod.objects.select_related("teacher").get(pk=ect_period.pk).teacher.full_name
            raise DomainError(_just_assigned_by_someone_else(name)) from error
        raise


def _assign(
    *,
    ect_period: ECTAtSchoolPeriod,
    mentor_period: MentorAtSchoolPeriod,
    author: Author,
    mentor_training_lead_provider: LeadProvider | None,
    today: datetime.date,
) -> MentorshipPeriod:
    # The ECT first, always: every assignment to this ECT waits here for the one before to commit.
    ect = (
        ECTAtSchoolPeriod.objects.select_for_update(of=("self",))
        .select_related("teacher", "school")
        .get(pk=ect_period.pk)
    )
    mentor = (
        MentorAtSchoolPeriod.objects.select_for_update(of=("self",)).select_related("teacher").get(pk=mentor_period.pk)
    )
    ect_name, mentor_name = ect.teacher.full_name, mentor.teacher.full_name

    if mentor.school_id != ect.school_id:
        raise DomainError(MENTOR_AT_ANOTHER_SCHOOL)
    if mentor.teacher_id == ect.teacher_id:
        raise DomainError(CANNOT_MENTOR_THEMSELF)
    if ect.finished_on is not None and ect.finished_on < today:
        raise DomainError(f"You cannot assign a mentor to {ect_name} because they have left your school")
    if mentor.finished_on is not None and mentor.finished_on < today:
        raise DomainError(f"{mentor_name} is no longer a mentor at your school. Select a different mentor.")
    started_on = max(ect.started_on, mentor.started_on, today)
    finished_on = _earliest_finish(ect.finished_on, mentor.finished_on)
    if finished_on is not None and finished_on < started_on:
        raise DomainError(
            f"You cannot assign {mentor_name} to mentor {ect_name} because they are not at your school at the same time"
        )

    running = list(
        MentorshipPeriod.objects.select_for_update(of=("self",))
        .filter(Q(finished_on__isnull=True) | Q(finished_on__gte=started_on), mentee=ect)
        .select_related("mentor__teacher")
        .order_by("started_on", "pk")
    )
    for mentorship in running:
        if mentorship.mentor_id == mentor.pk and (finished_on is None or mentorship.started_on <= finished_on):
            return mentorship  # already their mentor: nothing to do (a double submit ends here too)
    if running and ect_period.updated_at is not None and ect.updated_at != ect_period.updated_at:
        # Someone assigned a mentor (or otherwise changed this ECT) after the caller loaded it, and we waited
        # for them on the lock: their choice stands until the user has seen it.
        raise DomainError(_just_assigned_by_someone_else(ect_name))

    links = {"school": ect.school, "ect_at_school_period": ect, "mentor_at_school_period": mentor}
    for mentorship in running:
        if mentorship.started_on < started_on:
            _finish_mentorship(mentorship, last_day=started_on - datetime.timedelta(days=1), ect=ect, author=author)
        else:
            _replace_mentorship(mentorship, ect=ect, new_mentor_name=mentor_name, author=author)

    new_mentorship = MentorshipPeriod.objects.create(
        mentee=ect, mentor=mentor, started_on=started_on, finished_on=finished_on
    )
    # The ECT's version moves on, so a concurrent assignment that loaded the old one refuses (above).
    ect.save(update_fields=["updated_at"])
    ect_period.updated_at = ect.updated_at

    metadata = {"started_on": started_on.isoformat(), "finished_on": finished_on.isoformat() if finished_on else None}
    record_event(
        event_type="teacher_starts_being_mentored",
        heading=f"{mentor_name} is mentoring {ect_name}",
        author=author,
        metadata=metadata,
        teacher=ect.teacher,
        mentorship_period=new_mentorship,
        **links,
    )
    record_event(
        event_type="teacher_starts_mentoring",
        heading=f"{mentor_name} started mentoring {ect_name}",
        author=author,
        metadata=metadata,
        teacher=mentor.teacher,
        mentorship_period=new_mentorship,
        **links,
    )
    _start_mentor_training_if_first(
        ect=ect,
        mentor=mentor,
        started_on=started_on,
        lead_provider=mentor_training_lead_provider,
        author=author,
        today=today,
    )
    return new_mentorship


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
    """The first provider-led assignment of an eligible mentor starts their provider-led mentor training.

    Never for a school-led ECT, a mentor who completed mentor training, or one who has had mentor training
    (at any school). The lead provider works with the school through a confirmed partnership in the ECT's
    training contract period if there is one, else by an expression of interest for that period.
    """
    ect_training = registration.current_ect_training_period(ect, today=today)
    if ect_training is None or ect_training.training_programme != PROVIDER_LED:
        return None
    if mentor.teacher.mentor_training_completed_on is not None or registration.mentor_has_had_training(
        mentor.teacher_id
    ):
        return None
    lead_provider = lead_provider or ect_training.lead_provider
    contract_period = registration.mentor_training_contract_period(ect_training)
    if lead_provider is None or contract_period is None:
        return None  # cannot happen for provider-led training: it always has one of the two

    school_partnership = ect_registration.confirmed_partnership(ect.school, lead_provider, contract_period)
    expression_of_interest = None
    if school_partnership is None:
        expression_of_interest = ect_registration.active_lead_provider(lead_provider, contract_period)
        if expression_of_interest is None:
            raise DomainError(
                f"{lead_provider.name} is not providing training in the {contract_period.year} to "
                f"{contract_period.year + 1} academic year. Select a different lead provider."
            )
    training_period = TrainingPeriod.objects.create(
        mentor_at_school_period=mentor,
        started_on=started_on,
        finished_on=mentor.finished_on,
        training_programme=PROVIDER_LED,
        school_partnership=school_partnership,
        expression_of_interest=expression_of_interest,
    )
    source = "confirmed partnership" if school_partnership else "awaiting confirmation"
    record_event(
        event_type="teacher_starts_training_period",
        heading=f"{mentor.teacher.full_name} started mentor training with {lead_provider.name} ({source})",
        author=author,
        metadata={
            "started_on": started_on.isoformat(),
            "training_programme": PROVIDER_LED,
            "contract_period": contract_period.year,
            "expression_of_interest": expression_of_interest is not None,
        },
        teacher_id=mentor.teacher_id,
        school_id=mentor.school_id,
        mentor_at_school_period=mentor,
        training_period=training_period,
        lead_provider=lead_provider,
        school_partnership=school_partnership,
        delivery_partner=school_partnership.delivery_partner if school_partnership else None,
    )
    return training_period


# Register a new mentor for an ECT ---------------------------------------------------------------------------


def register_mentor(
    *,
    school: School,
    ect_period: ECTAtSchoolPeriod,
    author: Author,
    trn: str,
    trs_first_name: str,
    trs_last_name: str,
    corrected_name: str = "",
    trs_qts_awarded_on: datetime.date | None = None,
    email: str,
    subject: str,
    age_range: str,
    key_stage: str,
    mentor_training_lead_provider: LeadProvider | None = None,
) -> MentorAtSchoolPeriod:
    """Register the teacher as a mentor at `school` (from today) and assign them to `ect_period`, in one
    transaction, and email them.

    Reuses the school's current mentor period for the teacher when there is one (say, a second tab registered
    them a moment ago); a teacher mentoring at another school gets a period here too.
    """
    corrected_name = " ".join(corrected_name.split())
    email = email.strip()
    details = _teaching_details(subject=subject, age_range=age_range, key_stage=key_stage)
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
            trs_induction_status="",
            trs_qts_awarded_on=trs_qts_awarded_on,
            corrected_name=corrected_name,
        )
        ect_teacher_id = ECTAtSchoolPeriod.objects.filter(pk=ect_period.pk).values_list("teacher_id", flat=True).get()
        if teacher.pk == ect_teacher_id:
            raise DomainError(CANNOT_MENTOR_THEMSELF)
        if ect_registration.email_in_use_by_someone_else(email, trn, today=today):
            raise DomainError(EMAIL_IN_USE)

        name = teacher.full_name
        links = {"teacher": teacher, "school": school}
        mentor_period = (
            MentorAtSchoolPeriod.objects.select_for_update()
            .filter(Q(finished_on__isnull=True) | Q(finished_on__gte=today), school=school, teacher=teacher)
            .order_by("started_on", "pk")
            .first()
        )
        if mentor_period is None:
            mentor_period = MentorAtSchoolPeriod.objects.create(
                teacher=teacher, school=school, started_on=today, email=email, **details
            )
            record_event(
                event_type="teacher_registered_as_mentor",
                heading=f"{name} was registered as a mentor at {school.name}",
                author=author,
                changes=teacher_changes,
                metadata={"started_on": today.isoformat(), **details},
                mentor_at_school_period=mentor_period,
                **links,
            )
            queue_email(
                template="mentor_registered",
                to=email,
                personalisation={"mentor_name": name, "school_name": school.name},
            )
        else:
            new_values = {"email": email, **details}
            changes = {
                field: [getattr(mentor_period, field), value]
                for field, value in new_values.items()
                if getattr(mentor_period, field) != value
            }
            if changes or teacher_changes:
                for field, value in new_values.items():
                    setattr(mentor_period, field, value)
                mentor_period.save(update_fields=[*changes, "updated_at"])
                record_event(
                    event_type="mentor_details_updated",
                    heading=f"{name}’s mentor details were updated when registering them again",
                    author=author,
                    changes={**teacher_changes, **changes},
                    mentor_at_school_period=mentor_period,
                    **links,
                )
        mentor_period.teacher = teacher
        assign_mentor(
            ect_period=ect_period,
            mentor_period=mentor_period,
            author=author,
            mentor_training_lead_provider=mentor_training_lead_provider,
            today=today,
        )
    return mentor_period


def _teaching_details(**details: str | None) -> dict[str, str]:
    """The teaching details, stripped; each required (the journey's questions have no empty answer)."""
    cleaned = {}
    for field, value in details.items():
        value = (value or "").strip()
        if not value:
            raise DomainError(TEACHING_DETAIL_REQUIRED[field])
        max_length = MentorAtSchoolPeriod._meta.get_field(field).max_length
        if len(value) > max_length:
            raise DomainError(TEACHING_DETAIL_REQUIRED[field])
        cleaned[field] = value
    return cleaned


# The mentor record's Change pages --------------------------------------------------------------------------


def _record_links(mentor_period: MentorAtSchoolPeriod) -> dict:
    return {
        "teacher_id": mentor_period.teacher_id,
        "school_id": mentor_period.school_id,
        "mentor_at_school_period": mentor_period,
    }


def _lock_mentor_period(mentor_period: MentorAtSchoolPeriod) -> MentorAtSchoolPeriod:
    return (
        MentorAtSchoolPeriod.objects.select_for_update(of=("self",)).select_related("teacher").get(pk=mentor_period.pk)
    )


def change_mentor_name(
    *, mentor_period: MentorAtSchoolPeriod, corrected_name: str, author: Author
) -> MentorAtSchoolPeriod:
    """Record the name the school gives for the mentor (TRS's name stays as TRS has it)."""
    links = _record_links(mentor_period)
    links.pop("teacher_id")
    mentor_period.teacher = change_teacher_name(
        teacher_id=mentor_period.teacher_id, corrected_name=corrected_name, author=author, **links
    )
    return mentor_period


def change_mentor_email(*, mentor_period: MentorAtSchoolPeriod, email: str, author: Author) -> MentorAtSchoolPeriod:
    links = _record_links(mentor_period)
    links.pop("teacher_id")
    return change_period_email(period=mentor_period, email=email, author=author, **links)


def change_mentor_teaching_details(
    *,
    mentor_period: MentorAtSchoolPeriod,
    author: Author,
    subject: str | None = None,
    age_range: str | None = None,
    key_stage: str | None = None,
) -> MentorAtSchoolPeriod:
    """Change any of subject, age range and key stage (None leaves one as it is)."""
    given = {"subject": subject, "age_range": age_range, "key_stage": key_stage}
    new_values = _teaching_details(**{field: value for field, value in given.items() if value is not None})
    return _change_fields(
        mentor_period=mentor_period,
        new_values=new_values,
        author=author,
        event_type="mentor_teaching_details_updated",
        labels=TEACHING_DETAIL_LABELS,
    )


def change_mentor_additional_details(
    *, mentor_period: MentorAtSchoolPeriod, author: Author, **fields: str
) -> MentorAtSchoolPeriod:
    """Change any of the optional additional details (started_mentoring, provider_training, send_training,
    subject_networks, other_experiences); an empty value clears one."""
    unknown = sorted(set(fields) - set(ADDITIONAL_DETAILS))
    if unknown:
        raise TypeError(f"Not an additional detail: {', '.join(unknown)}")
    new_values = {}
    labels = {}
    for field, value in fields.items():
        model_field = MentorAtSchoolPeriod._meta.get_field(field)
        labels[field] = capfirst(model_field.verbose_name)
        value = " ".join((value or "").split())
        if len(value) > model_field.max_length:
            raise DomainError(f"{labels[field]} must be {model_field.max_length} characters or less")
        new_values[field] = value
    return _change_fields(
        mentor_period=mentor_period,
        new_values=new_values,
        author=author,
        event_type="mentor_additional_details_updated",
        labels=labels,
    )


def _change_fields(
    *,
    mentor_period: MentorAtSchoolPeriod,
    new_values: dict[str, str],
    author: Author,
    event_type: str,
    labels: dict[str, str],
) -> MentorAtSchoolPeriod:
    """Write what changed, with one event listing each change; nothing at all when nothing changed."""
    with transaction.atomic():
        locked = _lock_mentor_period(mentor_period)
        changes = {
            field: [getattr(locked, field), value]
            for field, value in new_values.items()
            if getattr(locked, field) != value
        }
        if changes:
            for field, (_old, new) in changes.items():
                setattr(locked, field, new)
            locked.save(update_fields=[*changes, "updated_at"])
            record_event(
                event_type=event_type,
                heading="; ".join(_change_heading(labels[field], old, new) for field, (old, new) in changes.items()),
                author=author,
                changes=changes,
                **_record_links(locked),
            )
        for field in new_values:
            setattr(mentor_period, field, getattr(locked, field))
    return mentor_period


def _change_heading(label: str, old: str, new: str) -> str:
    if not old:
        return f"{label} set to {new}"
    if not new:
        return f"{label} removed"
    return f"{label} changed from {old} to {new}"
