"""Reads about teachers that ECT and mentor pages share."""

from __future__ import annotations

import datetime

from ecf.models import Teacher
from ecf.models.periods import not_finished_before

# The teacher's at-school periods that hold an email address (ECT and mentor), by their related names.
AT_SCHOOL_PERIODS = ("ect_at_school_periods", "mentor_at_school_periods")


def email_in_use_by_someone_else(email: str, trn: str, *, today: datetime.date | None = None) -> bool:
    """Whether a *different* teacher's current ECT or mentor period uses this email (case-insensitive).

    Current = not finished before today, so a future starter's email is taken too. The same teacher reusing
    their own email (say, moving school) is fine. At most two queries.
    """
    email = email.strip()
    if not email:
        return False
    today = today or datetime.date.today()
    others = Teacher.objects.exclude(trn=trn)
    return any(
        others.filter(not_finished_before(today, f"{periods}__"), **{f"{periods}__email__iexact": email}).exists()
        for periods in AT_SCHOOL_PERIODS
    )
