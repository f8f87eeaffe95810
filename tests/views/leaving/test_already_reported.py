"""A leaving reported meanwhile (another tab, a stale record page) (docs/journeys/leaving.md): the date question gives
way to a clear page saying so, with the date and the way back to the list, never a question that refuses every answer.
Found walking the journeys."""

import pytest

from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory, TeacherFactory
from tests.views.journey_client import h1, html, title
from tests.views.leaving.test_what_the_school_is_told import (
    DAY,
    LEAVING,
    TODAY,
    ECTLeaving,
    RemoveMentor,
    date_data,
    govuk,
)


@pytest.fixture
def ect(school):
    teacher = TeacherFactory(trs_first_name="Kenneth", trs_last_name="Lowry")
    return ECTAtSchoolPeriodFactory(school=school, started_on=TODAY - 300 * DAY, teacher=teacher)


@pytest.fixture
def mentor(school):
    teacher = TeacherFactory(trs_first_name="Jane", trs_last_name="Smith")
    return MentorAtSchoolPeriodFactory(school=school, started_on=TODAY - 300 * DAY, teacher=teacher)


@pytest.mark.parametrize(
    ("first", "told"),
    [
        (TODAY - DAY, f"You’ve already told us that Jane Smith left your school on {govuk(TODAY - DAY)}"),
        (TODAY + 5 * DAY, f"You’ve already told us that Jane Smith is leaving your school on {govuk(TODAY + 5 * DAY)}"),
    ],
)
def test_a_second_tab_confirming_a_mentor_already_reported_is_told_so_and_shown_the_way_back(
    school_client, mentor, first, told
):
    first_tab, second_tab = RemoveMentor(school_client, mentor), RemoveMentor(school_client, mentor)
    for tab, day in ((first_tab, first), (second_tab, TODAY + 14 * DAY)):
        tab.post("reason", LEAVING)
        tab.post("leaving-date", date_data(day))
    first_tab.post("check-answers")

    page = school_client.get(second_tab.post("check-answers").url)

    assert page.status_code == 200
    assert h1(page) == told
    assert "Jane" not in title(page)
    assert 'href="/school/home/mentors">Back to mentors</a>' in html(page)
    assert "leaving_on" not in html(page)  # no question that refuses every answer


STOPPING = {"reason": "no_longer_mentoring"}


@pytest.mark.parametrize(
    ("first", "told"),
    [
        (
            TODAY - DAY,
            f"You’ve already told us that Jane Smith stopped being a mentor at your school on {govuk(TODAY - DAY)}",
        ),
        (
            TODAY + 5 * DAY,
            f"You’ve already told us that Jane Smith will no longer be a mentor at your school after "
            f"{govuk(TODAY + 5 * DAY)}",
        ),
    ],
)
def test_a_second_tab_removing_a_mentor_who_already_stopped_mentoring_is_told_in_those_words(
    school_client, mentor, first, told
):
    first_tab, second_tab = RemoveMentor(school_client, mentor), RemoveMentor(school_client, mentor)
    for tab, day in ((first_tab, first), (second_tab, TODAY + 14 * DAY)):
        tab.post("reason", STOPPING)
        tab.post("leaving-date", date_data(day))
    first_tab.post("check-answers")

    page = school_client.get(second_tab.post("check-answers").url)

    assert h1(page) == told
    assert "leaving your school" not in html(page)


@pytest.mark.parametrize(
    ("first", "told"),
    [
        (TODAY - DAY, f"You’ve already told us that Kenneth Lowry left your school on {govuk(TODAY - DAY)}"),
        (
            TODAY + 5 * DAY,
            f"You’ve already told us that Kenneth Lowry is leaving your school on {govuk(TODAY + 5 * DAY)}",
        ),
    ],
)
def test_a_second_tab_confirming_an_ect_already_reported_is_told_so_and_shown_the_way_back(
    school_client, ect, first, told
):
    first_tab, second_tab = ECTLeaving(school_client, ect), ECTLeaving(school_client, ect)
    first_tab.post("leaving-date", date_data(first))
    second_tab.post("leaving-date", date_data(TODAY + 14 * DAY))
    first_tab.post("check-answers")

    page = school_client.get(second_tab.post("check-answers").url)

    assert page.status_code == 200
    assert h1(page) == told
    assert 'href="/school/home/ects">Back to ECTs</a>' in html(page)
    assert "leaving_on" not in html(page)
