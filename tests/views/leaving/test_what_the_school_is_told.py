"""What the leaving journeys' confirmations tell the school (docs/journeys/leaving.md): only what is true of this
teacher. Found walking the journeys."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    TeacherFactory,
)
from tests.views.journey_client import JourneyClient, text

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
LEAVING = {"reason": "left_school"}
STOPPING = {"reason": "no_longer_mentoring"}
MENTOR_CONTINUES = "Kenneth Lowry’s mentor can continue their mentor training"
REASSIGN = "ECTs currently assigned to Jane Smith will need to be reassigned to another mentor."
CONTINUE_TRAINING = "They should continue with their current training programme"


def govuk(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def date_data(day: datetime.date) -> dict:
    return {"leaving_on-day": day.day, "leaving_on-month": day.month, "leaving_on-year": day.year}


class ECTLeaving(JourneyClient):
    def __init__(self, client, ect):
        super().__init__(client, reverse("ects:report-ect-leaving-from-record", kwargs={"ect_id": ect.pk}))


class RemoveMentor(JourneyClient):
    def __init__(self, client, mentor):
        super().__init__(client, reverse("mentors:remove-mentor-from-record", kwargs={"mentor_id": mentor.pk}))


@pytest.fixture
def ect(school):
    return ECTAtSchoolPeriodFactory(
        school=school,
        started_on=TODAY - 300 * DAY,
        teacher=TeacherFactory(trs_first_name="Kenneth", trs_last_name="Lowry"),
    )


@pytest.fixture
def mentor(school):
    return MentorAtSchoolPeriodFactory(
        school=school,
        started_on=TODAY - 300 * DAY,
        teacher=TeacherFactory(trs_first_name="Jane", trs_last_name="Smith"),
    )


def report_ect_leaving(client, ect, day) -> str:
    journey = ECTLeaving(client, ect)
    journey.post("leaving-date", date_data(day))
    journey.post("check-answers")
    return text(client.get(journey.confirmation_url))


def remove_mentor(client, mentor, day, reason=LEAVING) -> str:
    journey = RemoveMentor(client, mentor)
    journey.post("reason", reason)
    journey.post("leaving-date", date_data(day))
    journey.post("check-answers")
    return text(client.get(journey.confirmation_url))


def test_an_ect_with_a_mentor_is_told_their_mentor_can_continue_training(school_client, ect, mentor):
    MentorshipPeriodFactory(mentee=ect, mentor=mentor, started_on=TODAY - 100 * DAY)

    assert MENTOR_CONTINUES in report_ect_leaving(school_client, ect, TODAY + 5 * DAY)


@pytest.mark.parametrize("days", [5, -1])
def test_an_ect_without_a_mentor_is_not_told_about_their_mentor(school_client, ect, days):
    confirmation = report_ect_leaving(school_client, ect, TODAY + days * DAY)

    assert "Kenneth Lowry" in confirmation
    assert "mentor" not in confirmation


def test_a_mentor_with_ects_needs_them_reassigned(school_client, mentor, ect):
    MentorshipPeriodFactory(mentee=ect, mentor=mentor, started_on=TODAY - 100 * DAY)

    assert REASSIGN in remove_mentor(school_client, mentor, TODAY + 5 * DAY)


def test_a_mentor_with_no_ects_has_none_to_reassign(school_client, mentor):
    confirmation = remove_mentor(school_client, mentor, TODAY + 5 * DAY)

    assert "Jane Smith will be removed from your school’s mentor list" in confirmation
    assert "reassigned" not in confirmation


def test_a_mentor_leaving_is_told_to_continue_training_until_their_leaving_date(school_client, mentor):
    confirmation = remove_mentor(school_client, mentor, TODAY + 5 * DAY)

    assert "If Jane Smith is doing mentor training" in confirmation
    assert f"{CONTINUE_TRAINING} until their leaving date." in confirmation


def test_a_mentor_who_will_stop_mentoring_continues_training_until_they_stop(school_client, mentor):
    confirmation = remove_mentor(school_client, mentor, TODAY + 5 * DAY, reason=STOPPING)

    assert f"{CONTINUE_TRAINING} until they stop mentoring." in confirmation


@pytest.mark.parametrize("reason", [LEAVING, STOPPING])
def test_a_mentor_whose_last_day_has_passed_is_not_told_to_continue_training(school_client, mentor, reason):
    confirmation = remove_mentor(school_client, mentor, TODAY - DAY, reason=reason)

    assert "Jane Smith has been removed from your school’s mentor list" in confirmation
    assert CONTINUE_TRAINING not in confirmation
    assert "If Jane Smith is doing mentor training" not in confirmation
