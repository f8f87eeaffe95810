"""Remove a mentor (docs/journeys/leaving.md): why, when, check answers, confirmation and the email; the mentor's ECTs
need a new mentor from the next day; the lists and record keep their query budgets."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecf.models import EmailMessage, Event
from mentors.models import MentorAtSchoolPeriod
from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TeacherFactory,
)
from tests.views.journey_client import JourneyClient, back_link, error_messages, h1, radio_labels, text, title

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
LEAVING = {"reason": "left_school"}
STOPPING = {"reason": "no_longer_mentoring"}


def govuk(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def date_data(day: datetime.date) -> dict:
    return {"leaving_on-day": day.day, "leaving_on-month": day.month, "leaving_on-year": day.year}


class Journey(JourneyClient):
    def __init__(self, client, mentor):
        super().__init__(client, reverse("mentors:remove-mentor-from-record", kwargs={"mentor_id": mentor.pk}))


@pytest.fixture
def mentor(school):
    return MentorAtSchoolPeriodFactory(
        school=school,
        started_on=TODAY - 300 * DAY,
        teacher=TeacherFactory(trs_first_name="Jane", trs_last_name="Smith"),
    )


@pytest.fixture
def ect(school, mentor):
    period = ECTAtSchoolPeriodFactory(
        school=school,
        started_on=TODAY - 200 * DAY,
        teacher=TeacherFactory(trs_first_name="Kenneth", trs_last_name="Lowry"),
    )
    MentorshipPeriodFactory(mentee=period, mentor=mentor)
    return period


def test_the_record_offers_to_tell_us_if_the_mentor_is_leaving(school_client, mentor):
    page = text(school_client.get(reverse("mentors:record", args=[mentor.pk])))
    assert "Tell us if Jane Smith has left or is leaving your school permanently" in page
    assert "You should, however, tell their training provider (if they’re on a provider-led programme)." in page
    assert "Tell us if Jane Smith is leaving permanently" in page


def test_the_first_question_asks_why(school_client, mentor):
    journey = Journey(school_client, mentor)
    page = journey.get("reason")
    assert journey.first_step == "reason"
    assert h1(page) == "Why are you removing Jane Smith?"
    assert radio_labels(page) == [
        "They’re leaving or have left your school",
        "They will no longer be a mentor at your school",
    ]
    assert back_link(page) == f"/school/mentors/{mentor.pk}"
    assert "Jane" not in title(page)


def test_no_reason_is_an_error(school_client, mentor):
    page = Journey(school_client, mentor).post("reason", {})
    assert error_messages(page) == ["Select why you are removing Jane Smith"]
    assert title(page).startswith("Error: ")


def test_a_leaving_mentor_is_removed_their_ects_need_a_mentor_after_the_day_and_they_are_emailed(
    school_client, mentor, ect
):
    last_day = TODAY + 10 * DAY
    journey = Journey(school_client, mentor)
    assert journey.step_after("reason", LEAVING) == "leaving-date"
    date_page = journey.get("leaving-date")
    assert h1(date_page) == "Tell us if Jane Smith has left or is leaving your school permanently"
    assert "When did or when will Jane Smith be leaving your school?" in text(date_page)
    assert back_link(date_page).endswith("/reason")
    assert journey.step_after("leaving-date", date_data(last_day)) == "check-answers"
    check = journey.get("check-answers")
    assert h1(check) == "Confirm that Jane Smith is leaving your school permanently"

    assert journey.post("check-answers").url == journey.confirmation_url

    confirmation = text(school_client.get(journey.confirmation_url))
    assert f"Jane Smith will be removed from your school’s mentor list after {govuk(last_day)}" in confirmation
    assert "ECTs currently assigned to Jane Smith will need to be reassigned to another mentor." in confirmation
    assert "If Jane Smith is doing mentor training" in confirmation
    assert "Back to Mentors" in confirmation
    mentor.refresh_from_db()
    assert mentor.finished_on == last_day
    assert EmailMessage.objects.get().template == "mentor_removed"
    record = text(school_client.get(reverse("mentors:record", args=[mentor.pk])))
    assert "Jane Smith is leaving your school" in record
    assert "Leaving school" in text(school_client.get(reverse("mentors:list")))
    # Until the last day the ECT keeps their mentor.
    assert "Jane Smith" in text(school_client.get(reverse("ects:record", args=[ect.pk])))


def test_a_mentor_reported_as_having_left_yesterday_leaves_their_ects_asking_for_a_mentor_today(
    school_client, mentor, ect
):
    """What the school sees "from the day after" the leaving date, shown today with a date in the past."""
    journey = Journey(school_client, mentor)
    journey.step_after("reason", LEAVING)
    journey.step_after("leaving-date", date_data(TODAY - DAY))
    journey.post("check-answers")

    ects = text(school_client.get(reverse("ects:list")))
    assert "A mentor needs to be assigned to Kenneth Lowry." in ects
    assert "Jane Smith" not in ects
    assert "Jane Smith" not in text(school_client.get(reverse("mentors:list")))
    assert "A mentor needs to be assigned to Kenneth Lowry." in text(
        school_client.get(reverse("ects:record", args=[ect.pk]))
    )


def test_a_mentor_who_has_left_is_confirmed_in_the_past_tense_in_the_title_too(school_client, mentor):
    journey = Journey(school_client, mentor)
    journey.post("reason", LEAVING)
    journey.post("leaving-date", date_data(TODAY - 2 * DAY))

    check = journey.get("check-answers")
    assert h1(check) == "Confirm that Jane Smith has left your school permanently"
    assert title(check).startswith("Confirm that the mentor has left - ")


def test_a_mentor_who_will_no_longer_mentor_is_asked_and_told_in_those_words(school_client, mentor, ect):
    journey = Journey(school_client, mentor)
    journey.post("reason", STOPPING)
    date_page = journey.get("leaving-date")
    assert h1(date_page) == "When did or when will Jane Smith stop mentoring at your school?"
    # The <title> words it the same way (generic: no names reach analytics), not as leaving.
    assert title(date_page).startswith("When will the mentor stop mentoring? - ")
    error = journey.post("leaving-date", {})
    assert error_messages(error) == ["Enter the date the teacher stopped or will stop mentoring at your school"]

    journey.post("leaving-date", date_data(TODAY + 5 * DAY))
    check = journey.get("check-answers")
    assert h1(check) == "Confirm that Jane Smith will no longer be a mentor at your school"
    assert title(check).startswith("Confirm that the mentor will no longer mentor - ")
    journey.post("check-answers")

    assert Event.objects.get(event_type="mentor_removed_by_school").metadata["reason"] == "no_longer_mentoring"
    record = text(school_client.get(reverse("mentors:record", args=[mentor.pk])))
    assert "Jane Smith will no longer be a mentor at your school" in record


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"leaving_on-day": "30", "leaving_on-month": "2", "leaving_on-year": "2027"}, "correct format"),
        ({"leaving_on-day": "1", "leaving_on-month": "111", "leaving_on-year": "2027"}, "correct format"),
        (date_data(TODAY + 200 * DAY), "no further than 4 months"),
        (date_data(TODAY - 400 * DAY), "Our records show that Jane Smith started teaching at your school on"),
    ],
)
def test_each_bad_date_is_a_govuk_error(school_client, mentor, data, message):
    journey = Journey(school_client, mentor)
    journey.post("reason", LEAVING)
    page = journey.post("leaving-date", data)
    assert page.status_code == 200
    assert message in error_messages(page)[0]


def test_a_double_submit_removes_once_and_emails_once(school_client, mentor):
    journey = Journey(school_client, mentor)
    journey.post("reason", LEAVING)
    journey.post("leaving-date", date_data(TODAY + 5 * DAY))

    assert journey.post("check-answers").url == journey.post("check-answers").url == journey.confirmation_url
    assert EmailMessage.objects.count() == 1


def test_a_second_tab_is_told_the_mentor_was_already_removed(school_client, mentor):
    first_tab, second_tab = Journey(school_client, mentor), Journey(school_client, mentor)
    for tab, day in ((first_tab, TODAY + 5 * DAY), (second_tab, TODAY + 9 * DAY)):
        tab.post("reason", LEAVING)
        tab.post("leaving-date", date_data(day))
    first_tab.post("check-answers")

    refused = school_client.get(second_tab.post("check-answers").url)

    assert h1(refused) == f"You’ve already told us that Jane Smith is leaving your school on {govuk(TODAY + 5 * DAY)}"
    assert EmailMessage.objects.count() == 1


def test_another_schools_mentor_period_of_the_same_teacher_is_unchanged(school_client, mentor):
    elsewhere = MentorAtSchoolPeriodFactory(school=SchoolFactory(), teacher=mentor.teacher)
    journey = Journey(school_client, mentor)
    journey.post("reason", LEAVING)
    journey.post("leaving-date", date_data(TODAY + 5 * DAY))
    journey.post("check-answers")
    elsewhere.refresh_from_db()
    assert elsewhere.finished_on is None


def mentors_list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("mentors:list")).status_code == 200
    return len(queries)


def test_the_mentors_list_with_leaving_mentors_runs_the_same_queries_for_1_or_50(school_client, school, mentor):
    MentorAtSchoolPeriod.objects.filter(pk=mentor.pk).update(finished_on=TODAY + 5 * DAY, reported_leaving_on=TODAY)
    with_one = mentors_list_queries(school_client)
    for _ in range(49):
        MentorAtSchoolPeriodFactory(school=school, finished_on=TODAY + 5 * DAY, reported_leaving_on=TODAY)
    assert mentors_list_queries(school_client) == with_one <= 10


def test_the_ects_list_with_a_leaving_ect_runs_the_same_queries_for_1_or_50(school_client, school):
    def ects_list_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert school_client.get(reverse("ects:list")).status_code == 200
        return len(queries)

    ECTAtSchoolPeriodFactory(school=school, finished_on=TODAY + 5 * DAY, reported_leaving_on=TODAY)
    with_one = ects_list_queries()
    for _ in range(49):
        ECTAtSchoolPeriodFactory(school=school, finished_on=TODAY + 5 * DAY, reported_leaving_on=TODAY)
    assert ects_list_queries() == with_one <= 10


def test_the_mentor_record_of_a_leaving_mentor_runs_no_queries_in_its_template(
    school_client, mentor, ect, templates_run_no_queries
):
    MentorAtSchoolPeriod.objects.filter(pk=mentor.pk).update(finished_on=TODAY + 5 * DAY, reported_leaving_on=TODAY)
    assert school_client.get(reverse("mentors:record", args=[mentor.pk])).status_code == 200


def test_a_leaving_mentors_record_runs_the_same_queries_with_1_or_50_ects(school_client, school, mentor, ect):
    def record_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert school_client.get(reverse("mentors:record", args=[mentor.pk])).status_code == 200
        return len(queries)

    MentorAtSchoolPeriod.objects.filter(pk=mentor.pk).update(finished_on=TODAY + 5 * DAY, reported_leaving_on=TODAY)
    with_one = record_queries()
    for _ in range(49):
        MentorshipPeriodFactory(mentee=ECTAtSchoolPeriodFactory(school=school), mentor=mentor)
    assert record_queries() == with_one <= 10


def test_the_confirmation_of_a_journey_still_under_way_leads_back_to_it_not_to_expired(school_client, mentor):
    # Found walking the journeys: a hand-typed /confirmation before confirming said "This page has expired" (404)
    # although the journey was alive; it now goes to the furthest page the answers allow.
    journey = Journey(school_client, mentor)
    journey.post("reason", LEAVING)

    response = school_client.get(journey.confirmation_url)

    assert response.status_code == 302
    assert response.url == journey.url("leaving-date")
    assert not MentorAtSchoolPeriod.objects.get(pk=mentor.pk).reported_leaving_on
