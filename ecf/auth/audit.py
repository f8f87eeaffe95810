"""Audit events for signing in and out (ecf/events.py): every sign-in, every refusal and every sign-out.

Each also writes one structured log line (`signed_in`, `sign_in_refused`, `signed_out`) so that operations can
watch sign-ins and refusals in the logs as they happen (a burst of refusals is an incident). The lines carry
codes and ids only, never a name or email: the audit event holds those, for support staff.
"""

import structlog

from ecf.events import Author, record_event
from ecf.models import Event

logger = structlog.get_logger(__name__)

SIGNED_IN = "school_user_signed_in"
SIGN_IN_REFUSED = "school_user_sign_in_refused"
SIGNED_OUT = "school_user_signed_out"


def record_signed_in(user, *, method: str, school=None, metadata: dict | None = None):
    """`method` is "dfe_sign_in" or "persona"; `school` the one school they act for, if only one."""
    logger.info("signed_in", method=method, signed_in_user_id=user.pk, **_school(school))
    return record_event(
        event_type=SIGNED_IN,
        heading=f"{user.get_full_name() or user.get_username()} signed in",
        author=Author.school_user(user),
        school=school,
        metadata={"method": method, **(metadata or {})},
    )


def record_sign_in_refused(reason: str, heading: str, *, name: str = "", email: str = "", school=None, metadata=None):
    """`reason` is a code (unknown_organisation, school_not_eligible, no_role, cancelled, failed,
    too_many_attempts); the person may be unknown (a wrong `state`), so only their name and email are kept."""
    logger.warning("sign_in_refused", reason=reason, **_school(school))
    return record_event(
        event_type=SIGN_IN_REFUSED,
        heading=heading,
        author=Author(Event.AuthorType.SCHOOL_USER, None, name, email)
        if name or email
        else Author.system("DfE Sign-in"),
        school=school,
        metadata={"reason": reason, **(metadata or {})},
    )


def record_signed_out(user):
    logger.info("signed_out", signed_out_user_id=user.pk)
    return record_event(
        event_type=SIGNED_OUT,
        heading=f"{user.get_full_name() or user.get_username()} signed out",
        author=Author.school_user(user),
    )


def _school(school) -> dict:
    # Only when known: otherwise the request's own school_urn, bound by schools.middleware, stays on the line.
    return {"school_urn": school.urn} if school else {}
