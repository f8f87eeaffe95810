"""Two school users reporting the same leaving at the same moment, and a leaving mentor racing an assignment
(docs/journeys/leaving.md). Each write runs in its own thread, transaction and connection; a barrier releases them
together. No sleeps; the races are repeated, because which side wins varies from round to round."""

import datetime
import threading
from collections.abc import Callable

import pytest
from django.db import connection

from ecf.errors import DomainError
from ecf.events import Author
from ecf.models import EmailMessage, Event
from ects.leaving.services import leaving_version, report_ect_leaving
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from mentors.services import assign_mentor
from mentors.services.leaving import LEFT_SCHOOL, remove_mentor
from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory, SchoolFactory

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 20  # seconds; only reached when something is broken
ROUNDS = 5
TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
AUTHOR = Author.system("Test")


def race(*writes: Callable[[], object]) -> list[BaseException | None]:
    """Run the writes at once, each in its own thread; each one's error (None when it succeeded)."""
    errors: list[BaseException | None] = [None] * len(writes)
    start = threading.Barrier(len(writes), timeout=TIMEOUT)

    def run(index: int, write) -> None:
        try:
            start.wait()
            write()
        except BaseException as error:  # reported to the test thread
            errors[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, write)) for index, write in enumerate(writes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a write hung"
    return errors


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_two_tabs_reporting_an_ect_leaving_at_once_report_it_once(round_number):
    ect = ECTAtSchoolPeriodFactory(started_on=TODAY - 100 * DAY)
    seen = leaving_version(ect)
    dates = [TODAY + 5 * DAY, TODAY + 9 * DAY]

    errors = race(
        *(
            lambda day=day: report_ect_leaving(ect_period=ect, leaving_on=day, author=AUTHOR, expected_version=seen)
            for day in dates
        )
    )

    refused = [error for error in errors if error is not None]
    assert len(refused) == 1, errors
    assert isinstance(refused[0], DomainError), errors
    ect.refresh_from_db()
    assert ect.finished_on in dates
    assert Event.objects.filter(event_type="teacher_left_school_as_ect").count() == 1


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_removing_a_mentor_while_they_are_assigned_an_ect_leaves_no_mentorship_past_their_last_day(round_number):
    school = SchoolFactory()
    mentor = MentorAtSchoolPeriodFactory(school=school, started_on=TODAY - 100 * DAY)
    ect = ECTAtSchoolPeriodFactory(school=school, started_on=TODAY - 100 * DAY)
    last_day = TODAY + 3 * DAY

    errors = race(
        lambda: remove_mentor(mentor_period=mentor, leaving_on=last_day, reason=LEFT_SCHOOL, author=AUTHOR),
        lambda: assign_mentor(ect_period=ect, mentor_period=mentor, author=AUTHOR),
    )

    # Whichever commits first: assigned then removed (the mentorship ends on the last day), or removed then
    # refused (a mentor with a last day takes no new ECT). Never a mentorship past the mentor's last day.
    removal_error, assignment_error = errors
    assert removal_error is None
    assert MentorAtSchoolPeriod.objects.get(pk=mentor.pk).finished_on == last_day
    mentorships = [m.finished_on for m in MentorshipPeriod.objects.filter(mentee=ect)]
    if assignment_error is None:
        assert mentorships == [last_day]
    else:
        assert isinstance(assignment_error, DomainError)
        assert "because they are leaving your school on" in str(assignment_error)
        assert mentorships == []
    assert ECTAtSchoolPeriod.objects.get(pk=ect.pk).finished_on is None
    assert EmailMessage.objects.filter(template="mentor_removed").count() == 1
