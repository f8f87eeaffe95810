"""After an ECT's or mentor's last day at the school (docs/journeys/leaving.md): the record, reached only by its
address, says they have left and shows none of their details; its Change pages and every journey that starts from
them are a 404, as the check page promised ("You will not be able to view or edit {name}’s details after {date}")."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory, TeacherFactory
from tests.views.journey_client import h1, text

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
LAST_DAY = TODAY - 2 * DAY


def govuk(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


@pytest.fixture
def left_ect(school):
    return ECTAtSchoolPeriodFactory(
        school=school,
        started_on=TODAY - 300 * DAY,
        finished_on=LAST_DAY,
        reported_leaving_on=TODAY - 20 * DAY,
        teacher=TeacherFactory(trs_first_name="Kenneth", trs_last_name="Lowry"),
    )


@pytest.fixture
def left_mentor(school):
    return MentorAtSchoolPeriodFactory(
        school=school,
        started_on=TODAY - 300 * DAY,
        finished_on=LAST_DAY,
        reported_leaving_on=TODAY - 20 * DAY,
        leaving_reason="left_school",
        teacher=TeacherFactory(trs_first_name="Jane", trs_last_name="Smith"),
    )


def test_a_left_ects_record_says_they_have_left_and_shows_no_details(school_client, left_ect):
    response = school_client.get(reverse("ects:record", args=[left_ect.pk]))

    assert response.status_code == 200
    assert h1(response) == "Kenneth Lowry has left your school"
    assert f"You told us Kenneth Lowry’s last day was {govuk(LAST_DAY)}." in text(response)
    assert left_ect.email not in text(response)
    assert "Change" not in text(response)
    assert reverse("ects:list") in response.content.decode()


def test_a_left_mentors_record_says_they_have_left_and_shows_no_details(school_client, left_mentor):
    response = school_client.get(reverse("mentors:record", args=[left_mentor.pk]))

    assert response.status_code == 200
    assert h1(response) == "Jane Smith has left your school"
    assert f"You told us Jane Smith’s last day was {govuk(LAST_DAY)}." in text(response)
    assert left_mentor.email not in text(response)
    assert "Change" not in text(response)


def test_a_mentor_who_stopped_mentoring_is_worded_so(school_client, left_mentor):
    left_mentor.leaving_reason = "no_longer_mentoring"
    left_mentor.save()

    response = school_client.get(reverse("mentors:record", args=[left_mentor.pk]))

    assert h1(response) == "Jane Smith has stopped mentoring at your school"


def test_an_ect_who_left_unreported_is_not_this_schools_any_more(school_client, left_ect):
    left_ect.reported_leaving_on = None
    left_ect.save()

    assert school_client.get(reverse("ects:record", args=[left_ect.pk])).status_code == 404


ECT_PAGES = [
    "ects:change-name",
    "ects:change-email-address",
    "ects:change-working-pattern",
    "ects:change-lead-provider-start",
    "ects:change-training-programme-start",
]
MENTOR_PAGES = [
    "mentors:change-name",
    "mentors:change-email-address",
    "mentors:change-subject",
    "mentors:change-age-range",
    "mentors:change-key-stage",
    "mentors:change-mentor-lead-provider-start",
]


@pytest.mark.parametrize("name", ECT_PAGES)
def test_a_left_ects_change_pages_are_not_found(school_client, left_ect, name):
    assert school_client.get(reverse(name, kwargs={"pk": left_ect.pk})).status_code == 404
    assert school_client.post(reverse(name, kwargs={"pk": left_ect.pk}), {}).status_code in (404, 405)


@pytest.mark.parametrize("name", MENTOR_PAGES)
def test_a_left_mentors_change_pages_are_not_found(school_client, left_mentor, name):
    assert school_client.get(reverse(name, kwargs={"pk": left_mentor.pk})).status_code == 404


def ect_starts(left_ect) -> list[str]:
    return [
        reverse("ects:report-ect-leaving-from-record", kwargs={"ect_id": left_ect.pk}),
        reverse("mentors:assign-mentor-start", kwargs={"ect_id": left_ect.pk}),
        f"/school/report-ect-leaving/new/leaving-date?ect={left_ect.pk}",
        f"/school/change-lead-provider/new/select-lead-provider?ect={left_ect.pk}",
        f"/school/change-training-programme/new/explanation?ect={left_ect.pk}",
        f"/school/assign-mentor/new/who-will-mentor?ect={left_ect.pk}",
    ]


def test_journeys_do_not_start_for_a_left_ect(school_client, left_ect, school):
    MentorAtSchoolPeriodFactory(school=school)  # a mentor to offer, so assigning one does not go elsewhere
    for url in ect_starts(left_ect):
        assert school_client.get(url).status_code == 404, url

    left_ect.finished_on = TODAY  # the control: on their last day every start is still theirs
    left_ect.save()
    for url in ect_starts(left_ect):
        assert school_client.get(url).status_code in (200, 302), url


def mentor_starts(left_mentor) -> list[str]:
    return [
        reverse("mentors:remove-mentor-from-record", kwargs={"mentor_id": left_mentor.pk}),
        reverse("mentors:assign-ect-start", kwargs={"mentor_id": left_mentor.pk}),
        f"/school/remove-mentor/new/reason?mentor={left_mentor.pk}",
        f"/school/change-mentor-lead-provider/new/select-lead-provider?mentor={left_mentor.pk}",
    ]


def test_journeys_do_not_start_for_a_left_mentor(school_client, left_mentor):
    for url in mentor_starts(left_mentor):
        assert school_client.get(url).status_code == 404, url

    left_mentor.finished_on = TODAY  # the control
    left_mentor.save()
    for url in mentor_starts(left_mentor):
        assert school_client.get(url).status_code in (200, 302), url


def test_on_their_last_day_the_record_is_still_theirs(school_client, left_ect):
    left_ect.finished_on = TODAY
    left_ect.save()

    response = school_client.get(reverse("ects:record", args=[left_ect.pk]))

    assert h1(response) == "Kenneth Lowry"
    assert school_client.get(reverse("ects:change-name", kwargs={"pk": left_ect.pk})).status_code == 200
