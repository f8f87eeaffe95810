"""Writing the audit trail. Every service that changes domain state calls `record_event` in its transaction."""

import datetime
import decimal
import uuid
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from ecf.logs import current_request_id
from ecf.models import Event


@dataclass(frozen=True)
class Author:
    """Who made a change: a school user, DfE staff (admin), a lead provider through the API, or the system."""

    author_type: str
    user: object | None = None
    name: str = ""
    email: str = ""

    @classmethod
    def school_user(cls, user) -> "Author":
        return cls(Event.AuthorType.SCHOOL_USER, user, user.get_full_name() or user.get_username(), user.email)

    @classmethod
    def dfe_staff(cls, user) -> "Author":
        return cls(Event.AuthorType.DFE_STAFF, user, user.get_full_name() or user.get_username(), user.email)

    @classmethod
    def lead_provider(cls, lead_provider) -> "Author":
        """A lead provider acting through the API: its name is the author's."""
        return cls(Event.AuthorType.LEAD_PROVIDER_API, None, str(lead_provider))

    @classmethod
    def system(cls, name: str = "System") -> "Author":
        return cls(Event.AuthorType.SYSTEM, None, name)


def jsonable(value):
    """A value for Event.changes: plain JSON, readable by people."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set | models.QuerySet):
        return [jsonable(item) for item in value]
    return str(value)


def shorten(text: str, length: int) -> str:
    """Headings may quote what changed; the full values are in `changes`, so a long one is cut."""
    return text if len(text) <= length else text[: length - 1] + "…"


def record_event(*, event_type: str, heading: str, author: Author, changes: dict | None = None, metadata=None, **links):
    """`links` name the records the event is about: teacher=, school=, ect_at_school_period=, ...

    The event keeps the id of the request that caused it (bound by ecf/request_ids.py), or of the command
    run that bound one (`import_gias`), so support can find its log lines; otherwise it is blank."""
    return Event.objects.create(
        event_type=event_type,
        heading=shorten(heading, Event._meta.get_field("heading").max_length),
        happened_at=timezone.now(),
        author_type=author.author_type,
        author_user=author.user if author.user is not None and author.user.pk else None,
        author_name=author.name,
        author_email=author.email,
        changes=changes or {},
        metadata=metadata or {},
        request_id=current_request_id(),
        **links,
    )
