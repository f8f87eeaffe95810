"""Writes to teachers that ECT and mentor services share: finding or creating the teacher, their name, an email."""

import datetime

from django.db import transaction

from ecf.errors import DomainError
from ecf.events import Author, jsonable, record_event
from ecf.models import Teacher
from ecf.teachers.queries import email_in_use_by_someone_else

CORRECTED_NAME_MAX_LENGTH = Teacher._meta.get_field("corrected_name").max_length


def find_or_create_teacher(
    *,
    trn: str,
    trs_first_name: str,
    trs_last_name: str,
    trs_induction_status: str,
    trs_qts_awarded_on: datetime.date | None,
    corrected_name: str,
) -> tuple[Teacher, dict]:
    """The teacher by TRN, created if new, locked, and brought up to date with TRS.

    get_or_create inserts in a savepoint: two registrations of a new TRN race on the unique index, the
    second waits for the first to commit and then finds its row. Locking the row afterwards makes every
    later step of every registration of this teacher take turns; without it two inserts of ECT periods
    meet in the exclusion constraint, where PostgreSQL may answer with a deadlock instead.
    """
    trs_values = {
        "trs_first_name": trs_first_name,
        "trs_last_name": trs_last_name,
        # Only what TRS told us: an empty induction status or QTS date means "not asked", not "none".
        **({"trs_induction_status": trs_induction_status} if trs_induction_status else {}),
        **({"trs_qts_awarded_on": trs_qts_awarded_on} if trs_qts_awarded_on else {}),
        **({"corrected_name": corrected_name} if corrected_name else {}),
    }
    if len(corrected_name) > CORRECTED_NAME_MAX_LENGTH:
        raise DomainError(f"Corrected name must be {CORRECTED_NAME_MAX_LENGTH} characters or less")
    teacher, created = Teacher.objects.get_or_create(trn=trn, defaults=trs_values)
    teacher = Teacher.objects.select_for_update().get(pk=teacher.pk)
    if created:
        return teacher, {}
    changes = {
        field: [jsonable(getattr(teacher, field)), jsonable(value)]
        for field, value in trs_values.items()
        if getattr(teacher, field) != value
    }
    if changes:
        for field, value in trs_values.items():
            setattr(teacher, field, value)
        teacher.save(update_fields=[*changes, "updated_at"])
    return teacher, changes


def change_teacher_name(*, teacher_id: int, corrected_name: str, author: Author, **links) -> Teacher:
    """Record the name the school gives for a teacher (TRS's name stays as TRS has it).

    `links` name the records the audit event is also about (the ECT or mentor period, the school).
    """
    corrected_name = " ".join(corrected_name.split())
    if not corrected_name:
        raise DomainError("Enter the correct full name")
    if len(corrected_name) > CORRECTED_NAME_MAX_LENGTH:
        raise DomainError(f"Corrected name must be {CORRECTED_NAME_MAX_LENGTH} characters or less")
    with transaction.atomic():
        teacher = Teacher.objects.select_for_update().get(pk=teacher_id)
        old_name = teacher.full_name
        if corrected_name != old_name:
            old_corrected_name = teacher.corrected_name
            teacher.corrected_name = corrected_name
            teacher.save(update_fields=["corrected_name", "updated_at"])
            record_event(
                event_type="teacher_name_updated_by_user",
                heading=f"Name changed from {old_name} to {corrected_name}",
                author=author,
                changes={"corrected_name": [old_corrected_name, corrected_name]},
                teacher=teacher,
                **links,
            )
    return teacher


EMAIL_IN_USE = "This email is already in use for a different ECT or mentor"


def change_period_email(*, period, email: str, author: Author, **links):
    """Change the email of an ECT or mentor period (locked), unless another current ECT or mentor uses it.

    `links` name the records the audit event is about, besides the teacher.
    """
    email = email.strip()
    if not email:
        raise DomainError("Enter an email address")
    with transaction.atomic():
        locked = type(period).objects.select_for_update(of=("self",)).select_related("teacher").get(pk=period.pk)
        old_email = locked.email
        if email != old_email:
            if email_in_use_by_someone_else(email, locked.teacher.trn):
                raise DomainError(EMAIL_IN_USE)
            locked.email = email
            locked.save(update_fields=["email", "updated_at"])
            record_event(
                event_type="teacher_email_updated",
                heading=f"Email address changed from {old_email} to {email}",
                author=author,
                changes={"email": [old_email, email]},
                teacher_id=locked.teacher_id,
                **links,
            )
    period.email = locked.email
    return period
