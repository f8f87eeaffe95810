"""The leaving date question's messages (docs/journeys/leaving.md, "The date"): GOV.UK format errors for dates that
do not exist, never a rolled-over date; at most 4 months ahead; after the school start date."""

import datetime

import pytest
from django.utils import timezone

from ects.leaving.forms import (
    LEAVING_DATE_INVALID,
    LEAVING_DATE_REQUIRED,
    LEAVING_DATE_TOO_FAR_AHEAD,
    STOPPING_DATE_REQUIRED,
    LeavingDateForm,
)
from ects.models import ECTAtSchoolPeriod
from ects.register.forms import add_months

TODAY = timezone.localdate()
STARTED = TODAY - datetime.timedelta(days=400)


def form(day, month, year, *, period=None, **kwargs):
    period = period or ECTAtSchoolPeriod(started_on=STARTED)
    data = {"leaving_on-day": str(day), "leaving_on-month": str(month), "leaving_on-year": str(year)}
    return LeavingDateForm(data, period=period, name="Kenneth Lowry", **kwargs)


def errors(bound) -> list[str]:
    assert not bound.is_valid()
    return bound.errors["leaving_on"]


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [(30, 2, TODAY.year), (1, 111, TODAY.year), (31, 4, TODAY.year), (29, 2, 2027), ("x", 3, 2027), (1, 3, 27)],
)
def test_a_date_that_does_not_exist_is_a_format_error_never_rolled_over(day, month, year):
    assert errors(form(day, month, year)) == [LEAVING_DATE_INVALID]


def test_nothing_entered_asks_for_the_date():
    assert errors(form("", "", "")) == [LEAVING_DATE_REQUIRED]


def test_a_mentor_who_stays_is_asked_when_they_stop_mentoring():
    bound = form("", "", "", stopping_mentoring=True)
    assert errors(bound) == [STOPPING_DATE_REQUIRED]
    assert bound.fields["leaving_on"].label == "When did or when will Kenneth Lowry stop mentoring at your school?"


def test_the_question_names_the_teacher():
    assert form("", "", "").fields["leaving_on"].label == "When did or when will Kenneth Lowry be leaving your school?"


def test_four_months_from_today_is_the_latest_date():
    latest = add_months(TODAY, 4)
    assert form(latest.day, latest.month, latest.year).is_valid()
    too_late = latest + datetime.timedelta(days=1)
    assert errors(form(too_late.day, too_late.month, too_late.year)) == [LEAVING_DATE_TOO_FAR_AHEAD]


def test_the_date_must_be_after_the_school_start_date():
    started = f"{STARTED.day} {STARTED:%B %Y}"
    message = (
        f"Our records show that Kenneth Lowry started teaching at your school on {started}. "
        f"Enter a date after {started}."
    )
    assert errors(form(STARTED.day, STARTED.month, STARTED.year)) == [message]
    next_day = STARTED + datetime.timedelta(days=1)
    assert form(next_day.day, next_day.month, next_day.year).is_valid()


def test_a_valid_date_gives_the_facts_the_journey_keeps():
    bound = form(TODAY.day, TODAY.month, TODAY.year)
    assert bound.is_valid()
    assert bound.facts() == {"leaving_on": TODAY.isoformat(), "leaving_version": ""}


def test_leaving_already_reported_is_a_clear_message():
    leaving_on = TODAY + datetime.timedelta(days=3)
    period = ECTAtSchoolPeriod(started_on=STARTED, finished_on=leaving_on, reported_leaving_on=TODAY)
    expected = (
        f"You’ve already told us that Kenneth Lowry is leaving your school on {leaving_on.day} {leaving_on:%B %Y}"
    )
    assert errors(form(TODAY.day, TODAY.month, TODAY.year, period=period)) == [expected]
