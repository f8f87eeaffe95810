"""Audit events for signing in and out (ecf/events.py): every sign-in, every refusal and every sign-out."""

from ecf.events import Author, record_event
from ecf.models import Event

SIGNED_IN = "school_user_signed_in"
SIGN_IN_REFUSED = "school_user_sign_in_refused"
SIGNED_OUT = "school_user_signed_out"


def record_signed_in(user, *, method: str, school=None, metadata: dict | None = None):
    """`method` is "dfe_sign_in" or "persona"; `school` the one school they act for, if only one."""
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
    return record_event(
        event_type=SIGNED_OUT,
        heading=f"{user.get_full_name() or user.get_username()} signed out",
        author=Author.school_user(user),
    )
