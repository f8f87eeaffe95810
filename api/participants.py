"""GET /participants, GET /participants/{id} (and the withdraw, defer and resume actions, api/actions.py)."""

import datetime
import re
import uuid

from django.http import HttpRequest
from ninja import Query, Router

from api import queries
from api.errors import BadRequest, NotFound
from api.pagination import page_from
from api.schemas import AccessDenied, Errors, ParticipantFilters, ParticipantResponse, ParticipantsResponse
from ecf.models import Teacher, TrainingPeriod

router = Router(tags=["participants"])

BAD_UPDATED_SINCE = "The filter '#/updated_since' must be a valid ISO 8601 date"
RFC_3339 = re.compile(r"\A\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\Z")
ERRORS = {400: Errors, 401: AccessDenied, 404: Errors, 429: Errors}


def parse_uuid(value: str) -> uuid.UUID:
    """An id in a path: anything but a UUID is an id nobody has, so 404."""
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound() from None


def parse_updated_since(value: str | None) -> datetime.datetime | None:
    """An RFC 3339 date and time (ISO 8601 with its offset, e.g. 2026-11-13T11:21:55Z), as the document says.
    Raises BadRequest with the reference's message for anything else, an empty value included."""
    if value is None:
        return None
    if not RFC_3339.match(value):
        raise BadRequest(BAD_UPDATED_SINCE)
    try:
        parsed = datetime.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        raise BadRequest(BAD_UPDATED_SINCE) from None
    try:
        # In UTC: PostgreSQL refuses offsets beyond 15:59 that RFC 3339 allows.
        return parsed.astimezone(datetime.UTC)
    except OverflowError:  # the first moments of year 1, east of Greenwich: before anything changed
        return datetime.datetime.min.replace(tzinfo=datetime.UTC)


def parse_cohorts(value: str | None) -> list[int] | None:
    """`2024,2025`: unknown or malformed years match nothing, as the reference filters by them."""
    if not value:
        return None
    years = [part.strip() for part in value.split(",")]
    return [int(year) for year in years if year.isascii() and year.isdigit() and len(year) == 4] or [-1]


def participant_status(at_school, today: datetime.date) -> str:
    """`joining`, `active`, `leaving` or `left`, from the at-school period's dates (worked out on reading, so it
    can change without `updated_at` changing, as in the reference)."""
    if at_school.started_on > today:
        return "joining"
    if at_school.finished_on is not None:
        return "left" if at_school.finished_on < today else "leaving"
    return "active"


def reason_and_date(reason: str, at: datetime.datetime | None) -> dict | None:
    return {"reason": reason, "date": at} if at else None


def enrolment(period: TrainingPeriod, today: datetime.date) -> dict:
    at_school = period.ect_at_school_period or period.mentor_at_school_period
    mentor_id = None
    if period.is_ect:
        current = next(iter(period.ect_at_school_period.current_mentorships), None)
        mentor_id = current.mentor.teacher.api_id if current else None
    partnership = period.school_partnership
    return {
        "training_record_id": period.api_id,
        "email": at_school.email,
        "mentor_id": mentor_id,
        "school_urn": str(at_school.school.urn),
        "participant_type": "ect" if period.is_ect else "mentor",
        "cohort": str(period.cohort),
        "training_status": period.status,
        "participant_status": participant_status(at_school, today),
        "withdrawal": reason_and_date(period.withdrawal_reason, period.withdrawn_at),
        "deferral": reason_and_date(period.deferral_reason, period.deferred_at),
        "created_at": period.created_at,
        "working_pattern": at_school.working_pattern if period.is_ect else None,
        "delivery_partner_id": (partnership.delivery_partner.api_id if partnership else None),
    }


def participant_payload(teacher: Teacher, today: datetime.date | None = None) -> dict:
    today = today or datetime.date.today()
    return {
        "id": teacher.api_id,
        "type": "participant",
        "attributes": {
            "full_name": teacher.full_name,
            "teacher_reference_number": teacher.trn,
            "updated_at": teacher.api_updated_at,
            "ecf_enrolments": [enrolment(period, today) for period in teacher.enrolments],
            "participant_id_changes": [],
        },
    }


@router.get("/participants", response={200: ParticipantsResponse, **ERRORS}, summary="List participants")
def list_participants(request: HttpRequest, filters: Query[ParticipantFilters]):
    page = page_from(filters.page, filters.per_page)
    from_participant_id = None
    if filters.from_participant_id:
        try:
            from_participant_id = uuid.UUID(filters.from_participant_id)
        except ValueError:
            return {"data": []}
    teachers = queries.participants(
        request.lead_provider,
        cohorts=parse_cohorts(filters.cohort),
        updated_since=parse_updated_since(filters.updated_since),
        training_status=filters.training_status,
        from_participant_id=from_participant_id,
        sort=filters.sort or "created_at",
    )
    today = datetime.date.today()
    return {
        "data": [
            participant_payload(teacher, today)
            for teacher in queries.with_enrolments(page.slice(teachers), request.lead_provider, today)
        ]
    }


@router.get("/participants/{id}", response={200: ParticipantResponse, **ERRORS}, summary="Get a participant")
def show_participant(request: HttpRequest, id: str):
    today = datetime.date.today()
    teacher = queries.participant(request.lead_provider, parse_uuid(id), today)
    if teacher is None:
        raise NotFound()
    return {"data": participant_payload(teacher, today)}
