"""Looking a teacher up in the Teaching Record System: each lookup that found no one is an audit event, and too
many stop further lookups.

The Teaching Record System checks the date of birth (or National Insurance number) with the TRN, so a wrong
date and an unknown TRN look the same. What stops someone guessing a date of birth, one try after another, is
this limit: after FAILED_LOOKUPS_PER_HOUR lookups that found no one for a TRN, or by a user, in the last
hour, the next lookup is refused without asking TRS (docs/journeys/README.md, "Finding a teacher").

Lookups of one TRN, and lookups by one user, wait for each other (`one_at_a_time`): counting the failures, asking
TRS and recording the failure are one step, or twenty guesses sent at once would all be counted before any was
recorded and all be answered.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import DatabaseError, connection
from django.db.models import Count, Q
from django.utils import timezone

from ecf.events import Author, record_event
from ecf.models import Event

FAILED_LOOKUPS_PER_HOUR = 6
WINDOW = datetime.timedelta(hours=1)
FAILED_LOOKUP = "teacher_lookup_failed"
# The first key of PostgreSQL's two-key advisory locks, naming what the second key is.
TRN_LOCK = 0x7EC1
USER_LOCK = 0x7EC2


@dataclass(frozen=True)
class TeacherLookups:
    """The lookups of `user` (a school user, or None when unknown) acting for `school`."""

    user: object | None
    school: object | None

    @contextmanager
    def one_at_a_time(self, trn: str) -> Iterator[None]:
        """Holds PostgreSQL advisory locks on `trn` (7 digits) and on the user while the block runs: the lookups of
        one TRN, or by one user, run one after another, in every web process. The TRN's lock is always taken
        before the user's, so two lookups cannot wait for each other."""
        # Session locks, released in `finally` (or by PostgreSQL if the connection dies), not a transaction's: a
        # failed TRS lookup raises ValidationError in here, which must not roll back the request's transaction.
        # One query to take both (PostgreSQL evaluates the select list in order) and one to release them.
        locks = [(TRN_LOCK, int(trn))] + ([(USER_LOCK, self.user.pk)] if self._user_known else [])
        keys = [key for lock in locks for key in lock]
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(["pg_advisory_lock(%s, %s)"] * len(locks)), keys)
            try:
                yield
            finally:
                try:
                    cursor.execute("SELECT " + ", ".join(["pg_advisory_unlock(%s, %s)"] * len(locks)), keys)
                except DatabaseError:  # a failed transaction cannot unlock: closing the connection does
                    connection.close()
                    raise

    def refused(self, trn: str) -> bool:
        """Whether a lookup of `trn` is refused now: too many found no one for this TRN, or by this user. One
        query over the last hour's failed lookups."""
        recent = Event.objects.filter(event_type=FAILED_LOOKUP, happened_at__gte=timezone.now() - WINDOW)
        counts = {"for_trn": Count("pk", filter=Q(metadata__trn=trn))}
        if self._user_known:
            counts["by_user"] = Count("pk", filter=Q(author_user=self.user))
        return max(recent.aggregate(**counts).values()) >= FAILED_LOOKUPS_PER_HOUR

    def record_failure(self, trn: str, *, checked: str) -> None:
        """An audit event for a lookup that found no one: the TRN and what was checked with it ("date of birth"
        or "National Insurance number"), never the value typed."""
        author = Author.school_user(self.user) if self._user_known else Author.system("Unknown user")
        record_event(
            event_type=FAILED_LOOKUP,
            heading=f"Looking up TRN {trn} with a {checked} found no teacher",
            author=author,
            metadata={"trn": trn, "checked": checked},
            school=self.school,
        )

    @property
    def _user_known(self) -> bool:
        return getattr(self.user, "pk", None) is not None
