"""The mentor record's changes: name, email address, teaching details and additional details. Each runs in one
transaction, writes what changed with one audit event, and refuses with a DomainError whose message is GOV.UK
copy."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import capfirst

from ecf.errors import DomainError
from ecf.events import Author, record_event
from ecf.teachers.services import change_period_email, change_teacher_name
from mentors.models import MentorAtSchoolPeriod

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


def teaching_details(**details: str | None) -> dict[str, str]:
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


def _record_links(mentor_period: MentorAtSchoolPeriod) -> dict:
    """What an event about the mentor record is linked to, besides the teacher."""
    return {"school_id": mentor_period.school_id, "mentor_at_school_period": mentor_period}


def _lock_mentor_period(mentor_period: MentorAtSchoolPeriod) -> MentorAtSchoolPeriod:
    return (
        MentorAtSchoolPeriod.objects.select_for_update(of=("self",)).select_related("teacher").get(pk=mentor_period.pk)
    )


def change_mentor_name(
    *, mentor_period: MentorAtSchoolPeriod, corrected_name: str, author: Author
) -> MentorAtSchoolPeriod:
    """Record the name the school gives for the mentor (TRS's name stays as TRS has it)."""
    mentor_period.teacher = change_teacher_name(
        teacher_id=mentor_period.teacher_id,
        corrected_name=corrected_name,
        author=author,
        **_record_links(mentor_period),
    )
    return mentor_period


def change_mentor_email(*, mentor_period: MentorAtSchoolPeriod, email: str, author: Author) -> MentorAtSchoolPeriod:
    """Change the mentor's email, unless another current ECT or mentor uses it (DomainError)."""
    return change_period_email(period=mentor_period, email=email, author=author, **_record_links(mentor_period))


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
    new_values = teaching_details(**{field: value for field, value in given.items() if value is not None})
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
                teacher_id=locked.teacher_id,
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
