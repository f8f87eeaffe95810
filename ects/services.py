"""Writes for ECTs: registering one at a school, and the ECT record's one-page changes.

Every function runs in one transaction, locks the rows it reasons about before reading what it
decides on, writes audit Events, and refuses with a `DomainError` whose message is GOV.UK copy.
"""

import datetime

from django.db import transaction

from ecf.errors import DomainError, refused_by_constraints
from ecf.events import Author, record_event
from ecf.govuk.filters import govuk_date
from ecf.models import AppropriateBody, LeadProvider, Teacher, TrainingPeriod
from ecf.models.periods import not_finished_before
from ecf.models.teachers import display_name
from ecf.notifications import queue_email
from ecf.teachers.queries import email_in_use_by_someone_else
from ecf.teachers.services import EMAIL_IN_USE, change_period_email, change_teacher_name, find_or_create_teacher
from ecf.training.queries import contract_period_for, partnership_or_interest
from ects import queries
from ects.models import ECTAtSchoolPeriod
from schools.models import School

PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED
SCHOOL_LED = TrainingPeriod.Programme.SCHOOL_LED

# The constraints that refuse a second ECT period for a teacher; any other IntegrityError is a bug.
ONE_SCHOOL_AT_A_TIME = frozenset({"ect_at_one_school_at_a_time", "one_open_ect_period_per_teacher"})

WORKING_PATTERN_REQUIRED = "Select if the ECT’s working pattern is full or part time"


# Register an ECT ---------------------------------------------------------------------------------


def register_ect(
    *,
    school: School,
    author: Author,
    trn: str,
    trs_first_name: str,
    trs_last_name: str,
    trs_induction_status: str = "",
    trs_qts_awarded_on: datetime.date | None = None,
    corrected_name: str = "",
    email: str,
    started_on: datetime.date,
    working_pattern: str,
    appropriate_body: AppropriateBody,
    training_programme: str,
    lead_provider: LeadProvider | None = None,
) -> ECTAtSchoolPeriod:
    """Register the teacher as an ECT at `school` from `started_on`, with their training, and email them.

    A teacher still an ECT at another school moves: that period (with its training and mentorships) is
    finished the day before. Raises DomainError with the message to show when the registration cannot
    happen, including when the database refuses it because another school registered them meanwhile.
    """
    if working_pattern not in ECTAtSchoolPeriod.WorkingPattern.values:
        raise ValueError(f"Unknown working pattern {working_pattern!r}")
    if training_programme not in TrainingPeriod.Programme.values:
        raise ValueError(f"Unknown training programme {training_programme!r}")
    corrected_name = corrected_name.strip()
    name = display_name(corrected_name=corrected_name, first_name=trs_first_name, last_name=trs_last_name)
    # Registrations take turns on the teacher's row lock (and any insert referencing the teacher waits for
    # that lock), so only a writer that skipped the checks gets refused by the database.
    already_elsewhere = (
        f"{name} is already registered as an ECT at another school. Contact us if you think this is wrong."
    )
    teacher_details = {
        "trn": trn,
        "trs_first_name": trs_first_name,
        "trs_last_name": trs_last_name,
        "trs_induction_status": trs_induction_status,
        "trs_qts_awarded_on": trs_qts_awarded_on,
        "corrected_name": corrected_name,
    }
    with refused_by_constraints(dict.fromkeys(ONE_SCHOOL_AT_A_TIME, already_elsewhere)):
        return _register(
            school=school,
            author=author,
            teacher_details=teacher_details,
            name=name,
            email=email.strip(),
            started_on=started_on,
            working_pattern=working_pattern,
            appropriate_body=appropriate_body,
            training_programme=training_programme,
            lead_provider=lead_provider if training_programme == PROVIDER_LED else None,
        )


def _register(
    *,
    school: School,
    author: Author,
    teacher_details: dict,
    name: str,
    email: str,
    started_on: datetime.date,
    working_pattern: str,
    appropriate_body: AppropriateBody,
    training_programme: str,
    lead_provider: LeadProvider | None,
) -> ECTAtSchoolPeriod:
    # Checks that need no lock come first, so a refusal costs no teacher row.
    contract_period, school_partnership, expression_of_interest = _training_arrangement(
        school=school,
        name=name,
        started_on=started_on,
        appropriate_body=appropriate_body,
        training_programme=training_programme,
        lead_provider=lead_provider,
    )
    teacher, teacher_changes = find_or_create_teacher(**teacher_details)
    # From here the teacher's row is locked: another registration of them waits for this transaction,
    # then sees its result, so the checks below cannot be overtaken by one that did the same.
    if email_in_use_by_someone_else(email, teacher.trn):
        raise DomainError(EMAIL_IN_USE)
    overlapping = _ect_periods_running_from(teacher=teacher, started_on=started_on)
    if any(period.school_id == school.pk for period in overlapping):
        raise DomainError(f"{name} is already registered at your school")
    for previous in overlapping:
        _finish_previous_ect_period(previous, started_on=started_on, name=name, author=author)

    ect_period = ECTAtSchoolPeriod.objects.create(
        teacher=teacher,
        school=school,
        started_on=started_on,
        email=email,
        working_pattern=working_pattern,
        appropriate_body=appropriate_body,
    )
    training_period = TrainingPeriod.objects.create(
        ect_at_school_period=ect_period,
        started_on=started_on,
        training_programme=training_programme,
        school_partnership=school_partnership,
        expression_of_interest=expression_of_interest,
    )
    _remember_programme_choices(
        school=school,
        appropriate_body=appropriate_body,
        training_programme=training_programme,
        lead_provider=lead_provider,
    )
    _record_registration(
        ect_period=ect_period,
        training_period=training_period,
        name=name,
        author=author,
        teacher_changes=teacher_changes,
        contract_year=contract_period.year,
        lead_provider=lead_provider,
    )
    queue_email(
        template="ect_registered_provider_led" if training_programme == PROVIDER_LED else "ect_registered_school_led",
        to=email,
        personalisation={"ect_name": name, "school_name": school.name},
    )
    return ect_period


def _training_arrangement(
    *,
    school: School,
    name: str,
    started_on: datetime.date,
    appropriate_body: AppropriateBody,
    training_programme: str,
    lead_provider: LeadProvider | None,
):
    """(contract period, school partnership, expression of interest) for training from `started_on`: the
    contract period must be open for registration (or the start in the past), the appropriate body one the
    school may choose, and a provider-led choice a lead provider training in that contract period.

    Raises DomainError with the message to show otherwise.
    """
    contract_period = contract_period_for(started_on)
    if contract_period is None or (not contract_period.enabled and started_on > datetime.date.today()):
        year = f"the {contract_period.academic_year} academic year" if contract_period else "this start date"
        raise DomainError(f"You cannot register {name} yet. Registration for {year} is not open.")
    if message := queries.appropriate_body_error(school, appropriate_body):
        raise DomainError(message)
    if training_programme != PROVIDER_LED:
        return contract_period, None, None
    if lead_provider is None:
        raise DomainError("Select which lead provider will be training the ECT")
    return contract_period, *partnership_or_interest(school, lead_provider, contract_period)


def _record_registration(
    *,
    ect_period: ECTAtSchoolPeriod,
    training_period: TrainingPeriod,
    name: str,
    author: Author,
    teacher_changes: dict,
    contract_year: int,
    lead_provider: LeadProvider | None,
) -> None:
    """The audit events of a registration: the ECT registered, and their training started."""
    school_partnership = training_period.school_partnership
    links = {
        "teacher": ect_period.teacher,
        "school": ect_period.school,
        "ect_at_school_period": ect_period,
        "training_period": training_period,
        "lead_provider": lead_provider,
        "appropriate_body": ect_period.appropriate_body,
        "school_partnership": school_partnership,
        "delivery_partner": school_partnership.delivery_partner if school_partnership else None,
    }
    started = {
        "started_on": ect_period.started_on.isoformat(),
        "training_programme": training_period.training_programme,
        "contract_period": contract_year,
    }
    record_event(
        event_type="teacher_registered_as_ect",
        heading=f"{name} was registered as an ECT at {ect_period.school.name}",
        author=author,
        changes=teacher_changes,
        metadata={**started, "working_pattern": ect_period.working_pattern},
        **links,
    )
    if school_partnership is not None:
        source = f"with {lead_provider.name} (confirmed partnership)"
    elif lead_provider is not None:
        source = f"with {lead_provider.name} (awaiting confirmation)"
    else:
        source = "designed and delivered by the school"
    record_event(
        event_type="teacher_starts_training_period",
        heading=f"{name} started {training_period.get_training_programme_display().lower()} training {source}",
        author=author,
        metadata={**started, "expression_of_interest": training_period.expression_of_interest_id is not None},
        **links,
    )


def _ect_periods_running_from(*, teacher: Teacher, started_on: datetime.date) -> list[ECTAtSchoolPeriod]:
    """Every ECT period of the teacher's still running on or after `started_on`, locked, oldest first."""
    return list(
        ECTAtSchoolPeriod.objects.select_for_update(of=("self",))
        .filter(not_finished_before(started_on), teacher=teacher)
        .select_related("school")
        .order_by("started_on", "pk")
    )


def _finish_previous_ect_period(
    previous: ECTAtSchoolPeriod, *, started_on: datetime.date, name: str, author: Author
) -> None:
    """End an ECT period at another school the day before the new start, with its training and mentorships.

    Refuses when something there started on or after the new start date: it could not end before it.
    """
    last_day = started_on - datetime.timedelta(days=1)
    previous_school = previous.school.name
    if previous.started_on >= started_on:
        started = govuk_date(previous.started_on)
        raise DomainError(
            f"Our records show that {name} started teaching at {previous_school} on {started}. "
            f"Enter a start date after {started}."
        )
    training_periods = list(previous.training_periods.select_for_update().filter(not_finished_before(started_on)))
    mentorships = list(previous.mentorship_periods.select_for_update().filter(not_finished_before(started_on)))
    latest = max([*training_periods, *mentorships], key=lambda period: period.started_on, default=None)
    if latest is not None and latest.started_on >= started_on:
        started = govuk_date(latest.started_on)
        raise DomainError(
            f"Our records show that {name} started their latest training at {previous_school} on {started}. "
            f"Enter a start date after {started}."
        )
    links = {"teacher_id": previous.teacher_id, "school_id": previous.school_id, "ect_at_school_period": previous}
    finished = {"finished_on": last_day.isoformat()}
    for training_period in training_periods:
        _finish(training_period, last_day)
        record_event(
            event_type="teacher_finishes_training_period",
            heading=f"{name}’s training at {previous_school} finished because they moved school",
            author=author,
            metadata=finished,
            training_period=training_period,
            **links,
        )
    for mentorship in mentorships:
        _finish(mentorship, last_day)
        record_event(
            event_type="teacher_finishes_being_mentored",
            heading=f"{name} stopped being mentored at {previous_school} because they moved school",
            author=author,
            metadata=finished,
            mentorship_period=mentorship,
            **links,
        )
    _finish(previous, last_day)
    record_event(
        event_type="teacher_left_school_as_ect",
        heading=f"{name} left {previous_school} as an ECT",
        author=author,
        metadata={**finished, "reason": "registered at another school"},
        **links,
    )


def _finish(period, last_day: datetime.date) -> None:
    period.finished_on = last_day
    period.save(update_fields=["finished_on", "updated_at"])


def _remember_programme_choices(
    *, school: School, appropriate_body: AppropriateBody, training_programme: str, lead_provider: LeadProvider | None
) -> None:
    """Offered next time as "Programme choices used by your school previously".

    An UPDATE of just these columns: the caller's School instance may be stale in its other fields.
    """
    choices = {
        "last_chosen_appropriate_body": appropriate_body,
        "last_chosen_training_programme": training_programme,
        "last_chosen_lead_provider": lead_provider,
    }
    School.objects.filter(pk=school.pk).update(**choices)
    for field, value in choices.items():
        setattr(school, field, value)


# The ECT record's Change pages ------------------------------------------------------------------


def change_ect_name(*, ect_period: ECTAtSchoolPeriod, corrected_name: str, author: Author) -> ECTAtSchoolPeriod:
    """Record the name the school gives for the ECT (TRS's name stays as TRS has it)."""
    ect_period.teacher = change_teacher_name(
        teacher_id=ect_period.teacher_id,
        corrected_name=corrected_name,
        author=author,
        school_id=ect_period.school_id,
        ect_at_school_period=ect_period,
    )
    return ect_period


def change_ect_email(*, ect_period: ECTAtSchoolPeriod, email: str, author: Author) -> ECTAtSchoolPeriod:
    return change_period_email(
        period=ect_period, email=email, author=author, school_id=ect_period.school_id, ect_at_school_period=ect_period
    )


def change_ect_working_pattern(
    *, ect_period: ECTAtSchoolPeriod, working_pattern: str, author: Author
) -> ECTAtSchoolPeriod:
    if working_pattern not in ECTAtSchoolPeriod.WorkingPattern.values:
        raise DomainError(WORKING_PATTERN_REQUIRED)
    with transaction.atomic():
        locked = ECTAtSchoolPeriod.objects.select_for_update().get(pk=ect_period.pk)
        old_pattern = locked.working_pattern
        if working_pattern != old_pattern:
            locked.working_pattern = working_pattern
            locked.save(update_fields=["working_pattern", "updated_at"])
            labels = dict(ECTAtSchoolPeriod.WorkingPattern.choices)
            record_event(
                event_type="teacher_working_pattern_updated",
                heading=(
                    f"Working pattern changed from {labels.get(old_pattern, old_pattern).lower()} "
                    f"to {labels[working_pattern].lower()}"
                ),
                author=author,
                changes={"working_pattern": [old_pattern, working_pattern]},
                teacher_id=locked.teacher_id,
                school_id=locked.school_id,
                ect_at_school_period=locked,
            )
        ect_period.working_pattern = locked.working_pattern
    return ect_period
