"""Twenty wrong dates of birth for one TRN at once (an attacker firing them in parallel, each from its own
session): the limit of failed lookups (ecf/teachers/lookups.py) still holds, so no more than
FAILED_LOOKUPS_PER_HOUR of them reach the Teaching Record System and are answered "not found". Each in its own
thread, connection and transaction, released by a barrier."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from ecf.models import Event
from ecf.teachers.forms import look_up, no_facts
from ecf.teachers.lookups import FAILED_LOOKUP, FAILED_LOOKUPS_PER_HOUR, TeacherLookups
from tests.factories import SchoolFactory, SchoolUserFactory

pytestmark = pytest.mark.django_db(transaction=True)
RACERS = 20
TIMEOUT = 20  # seconds; only reached when something is broken


def test_simultaneous_wrong_dates_of_birth_cannot_exceed_the_limit():
    school = SchoolFactory()
    user = SchoolUserFactory()
    start = threading.Barrier(RACERS, timeout=TIMEOUT)

    def guess(day):
        try:
            start.wait()
            date_of_birth = datetime.date(1990, 1, 1) + datetime.timedelta(days=day)
            facts = look_up(
                "4567890",
                {"date_of_birth": date_of_birth},
                lookups=TeacherLookups(user=user, school=school),
                facts_about=no_facts,
            )
            return "refused" if facts.get("refused") else "not found"
        finally:
            connection.close()

    with ThreadPoolExecutor(RACERS) as pool:
        outcomes = list(pool.map(guess, range(RACERS), timeout=TIMEOUT))

    assert outcomes.count("not found") == FAILED_LOOKUPS_PER_HOUR
    assert Event.objects.filter(event_type=FAILED_LOOKUP).count() == FAILED_LOOKUPS_PER_HOUR
