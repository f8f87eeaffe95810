"""Looking a teacher up in the Teaching Record System: each lookup that found no one is an audit event, and too
many stop further lookups.

The Teaching Record System checks the date of birth (or National Insurance number) with the TRN, so a wrong
date and an unknown TRN look the same. What stops someone guessing a date of birth, one try after another, is
this limit: after FAILED_LOOKUPS_PER_HOUR lookups that found no one for a TRN, or by a user, in the last
hour, the next lookup is refused without asking TRS (docs/journeys/README.md, "Finding a teacher").
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from ecf.events import Author, record_event
from ecf.models import Event

FAILED_LOOKUPS_PER_HOUR = 6
WINDOW = datetime.timedelta(hours=1)
FAILED_LOOKUP = "teacher_lookup_failed"


@dataclass(frozen=True)
class TeacherLookups:
    """The lookups of `user` (a school user, or None when unknown) acting for `school`."""

    user: object | None
    school: object | None

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
