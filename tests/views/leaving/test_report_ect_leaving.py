"""Report that an ECT has left or is leaving (docs/journeys/leaving.md): from the record, the date, check answers, the
confirmation, each error, and the submits that must change nothing (double submit, a second tab, back and resubmit)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecf.models import Event
from ects.models import ECTAtSchoolPeriod
from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)
from tests.views.journey_client import JourneyClient, back_link, error_messages, h1, html, text, title

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


def govuk(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def date_data(day: datetime.date) -> dict:
    return {"leaving_on-day": day.day, "leaving_on-month": day.month, "leaving_on-year": day.year}


class Journey(JourneyClient):
    def __init__(self, client, ect):
        super().__init__(client, reverse("ects:report-ect-leaving-from-record", kwargs={"ect_id": ect.pk}))


@pytest.fixture
def ect(school):
    period = ECTAtSchoolPeriodFactory(
        school=school,
        started_on=TODAY - 300 * DAY,
        teacher=TeacherFactory(trs_first_name="Kenneth", trs_last_name="Lowry"),
    )
    TrainingPeriodFactory(ect_at_school_period=period, school_led=True)
    return period


def test_the_record_offers_to_tell_us_if_the_ect_is_leaving(school_client, ect):
    page = school_client.get(reverse("ects:record", args=[ect.pk]))
    assert "Tell us if Kenneth Lowry has left or is leaving your school permanently" in text(page)
    assert "We need to know if Kenneth Lowry is leaving your school and not expected to return." in text(page)
    assert (
        "You should, however, tell their appropriate body and training provider (if they’re on a provider-led "
        "programme)." in text(page)
    )
    assert f'href="/school/ects/{ect.pk}/report-leaving">Tell us if Kenneth Lowry is leaving permanently' in html(page)


def test_starting_stores_nothing_until_the_date_is_answered(school_client, ect):
    journey = Journey(school_client, ect)
    page = journey.get(journey.first_step)
    assert journey.first_step == "leaving-date"
    assert h1(page) == "Tell us if Kenneth Lowry has left or is leaving your school permanently"
    assert "When did or when will Kenneth Lowry be leaving your school?" in text(page)
    assert "For example, 31 3 2025" in text(page)
    assert back_link(page) == f"/school/ects/{ect.pk}"
    assert "Kenneth" not in title(page)
    assert "journeys" not in school_client.session


def test_a_future_date_is_confirmed_and_the_ect_shows_leaving_until_then(school_client, ect):
    leaving_on = TODAY + 30 * DAY
    journey = Journey(school_client, ect)
    assert journey.step_after("leaving-date", date_data(leaving_on)) == "check-answers"

    check = journey.get("check-answers")
    assert h1(check) == "Confirm that Kenneth Lowry is leaving your school permanently"
    assert f"You’ve told us that Kenneth Lowry is leaving your school on {govuk(leaving_on)}." in text(check)
    assert f"You will not be able to view or edit Kenneth Lowry’s details after {govuk(leaving_on)}." in text(check)
    assert back_link(check).endswith("/leaving-date")

    done = journey.post("check-answers")
    assert done.url == journey.confirmation_url
    confirmation = school_client.get(journey.confirmation_url)
    assert f"Kenneth Lowry will be removed from your school’s ECT list after {govuk(leaving_on)}" in text(confirmation)
    assert "Kenneth Lowry should continue with their current training programme until their leaving date." in text(
        confirmation
    )
    assert "Back to ECTs" in text(confirmation)

    ect.refresh_from_db()
    assert ect.finished_on == leaving_on
    record = text(school_client.get(reverse("ects:record", args=[ect.pk])))
    assert "Kenneth Lowry is leaving your school" in record
    assert f"You’ve told us Kenneth Lowry is leaving your school on {govuk(leaving_on)}." in record
    assert "Leaving school" in record
    assert "Tell us if Kenneth Lowry is leaving permanently" not in record
    assert "Leaving school" in text(school_client.get(reverse("ects:list")))


def test_a_past_date_says_they_have_left_and_they_leave_the_list(school_client, ect):
    leaving_on = TODAY - 2 * DAY
    journey = Journey(school_client, ect)
    journey.post("leaving-date", date_data(leaving_on))

    check = journey.get("check-answers")
    assert h1(check) == "Confirm that Kenneth Lowry has left your school permanently"
    assert title(check).startswith("Confirm that the ECT has left - ")  # the tense of the <h1>
    assert f"You’ve told us that Kenneth Lowry left your school on {govuk(leaving_on)}." in text(check)
    assert "You will not be able to view or edit Kenneth Lowry’s details." in text(check)

    journey.post("check-answers")
    confirmation = text(school_client.get(journey.confirmation_url))
    assert "Kenneth Lowry has been removed from your school’s ECT list" in confirmation
    assert "Kenneth Lowry" not in text(school_client.get(reverse("ects:list")))
    record = text(school_client.get(reverse("ects:record", args=[ect.pk])))
    assert "Kenneth Lowry has left your school" in record
    assert f"You told us Kenneth Lowry’s last day was {govuk(leaving_on)}." in record


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the date the teacher left or will be leaving your school"),
        (
            {"leaving_on-day": "30", "leaving_on-month": "2", "leaving_on-year": "2027"},
            "Enter the date in the correct format, for example 30 06 2001",
        ),
        (
            {"leaving_on-day": "1", "leaving_on-month": "111", "leaving_on-year": "2027"},
            "Enter the date in the correct format, for example 30 06 2001",
        ),
        (date_data(TODAY + 200 * DAY), "Enter a date no further than 4 months from today"),
    ],
)
def test_each_bad_date_is_a_govuk_error(school_client, ect, data, message):
    journey = Journey(school_client, ect)
    page = journey.post("leaving-date", data)
    assert page.status_code == 200
    assert error_messages(page) == [message]
    assert title(page).startswith("Error: ")
    ect.refresh_from_db()
    assert ect.finished_on is None


def test_a_date_before_the_start_names_the_start_date(school_client, ect):
    page = Journey(school_client, ect).post("leaving-date", date_data(ect.started_on - DAY))
    started = govuk(ect.started_on)
    assert error_messages(page) == [
        f"Our records show that Kenneth Lowry started teaching at your school on {started}. "
        f"Enter a date after {started}."
    ]


def test_a_double_submit_reports_once_and_both_reach_the_confirmation(school_client, ect):
    journey = Journey(school_client, ect)
    journey.post("leaving-date", date_data(TODAY + 5 * DAY))

    first, second = journey.post("check-answers"), journey.post("check-answers")

    assert first.url == second.url == journey.confirmation_url
    assert Event.objects.filter(event_type="teacher_left_school_as_ect").count() == 1


def test_a_second_tab_is_told_the_leaving_was_already_reported(school_client, ect):
    first_tab, second_tab = Journey(school_client, ect), Journey(school_client, ect)
    first_tab.post("leaving-date", date_data(TODAY + 5 * DAY))
    second_tab.post("leaving-date", date_data(TODAY + 50 * DAY))
    first_tab.post("check-answers")

    refused = school_client.get(second_tab.post("check-answers").url)

    assert (
        h1(refused) == f"You’ve already told us that Kenneth Lowry is leaving your school on {govuk(TODAY + 5 * DAY)}"
    )
    ect.refresh_from_db()
    assert ect.finished_on == TODAY + 5 * DAY
    assert Event.objects.filter(event_type="teacher_left_school_as_ect").count() == 1


def test_back_and_resubmitting_a_completed_journey_changes_nothing(school_client, ect):
    journey = Journey(school_client, ect)
    journey.post("leaving-date", date_data(TODAY + 5 * DAY))
    journey.post("check-answers")

    again = journey.post("leaving-date", date_data(TODAY + 60 * DAY))

    assert again.url == journey.confirmation_url
    ect.refresh_from_db()
    assert ect.finished_on == TODAY + 5 * DAY


def test_a_leaving_mentor_does_not_stop_the_ect_leaving_earlier(school_client, school, ect):
    mentor = MentorAtSchoolPeriodFactory(school=school, started_on=ect.started_on, finished_on=TODAY + 40 * DAY)
    mentorship = MentorshipPeriodFactory(mentee=ect, mentor=mentor, finished_on=TODAY + 40 * DAY)
    journey = Journey(school_client, ect)
    journey.post("leaving-date", date_data(TODAY + 10 * DAY))
    assert journey.post("check-answers").url == journey.confirmation_url
    mentorship.refresh_from_db()
    assert mentorship.finished_on == TODAY + 10 * DAY


def test_the_journeys_pages_run_a_constant_number_of_queries(school_client, ect, templates_run_no_queries):
    journey = Journey(school_client, ect)
    journey.post("leaving-date", date_data(TODAY + 5 * DAY))
    with CaptureQueriesContext(connection) as queries:
        assert journey.get("check-answers").status_code == 200
    assert len(queries) <= 10


def test_the_record_of_a_leaving_ect_runs_the_same_queries_as_any_other(school_client, school, ect):
    other = ECTAtSchoolPeriodFactory(school=school)
    with CaptureQueriesContext(connection) as before:
        school_client.get(reverse("ects:record", args=[other.pk]))
    ECTAtSchoolPeriod.objects.filter(pk=ect.pk).update(finished_on=TODAY + 3 * DAY, reported_leaving_on=TODAY)
    with CaptureQueriesContext(connection) as leaving:
        school_client.get(reverse("ects:record", args=[ect.pk]))
    assert len(before) == len(leaving)


def test_a_leaving_ect_without_a_mentor_is_not_asked_for_one_on_the_list(school_client, school, ect):
    ECTAtSchoolPeriod.objects.filter(pk=ect.pk).update(finished_on=TODAY + 3 * DAY, reported_leaving_on=TODAY)
    staying = ECTAtSchoolPeriodFactory(school=school)

    page = html(school_client.get(reverse("ects:list")))

    assert f"/school/ects/{staying.pk}/assign-mentor" in page
    assert f"/school/ects/{ect.pk}/assign-mentor" not in page
