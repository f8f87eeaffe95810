"""The school's mentors list (docs/journeys/README.md, "The lists")."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TeacherFactory,
)

URL = "/school/home/mentors"


def test_an_empty_school_says_it_has_no_mentors(school_client):
    html = school_client.get(URL).content.decode()

    assert '<h1 class="govuk-heading-l">Mentors</h1>' in html
    assert "To add a new mentor you need to assign one to an ECT." in html
    assert "Your school currently has no registered mentors." in html


def test_mentors_show_their_trn_and_assigned_ects(school_client, school):
    mentor = MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trn="3456789", trs_first_name="Grace", trs_last_name="Hopper")
    )
    ect = ECTAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trs_first_name="Ada", trs_last_name="Byron"))
    MentorshipPeriodFactory(mentee=ect, mentor=mentor)
    MentorAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trs_first_name="Alan", trs_last_name="Turing"))

    html = school_client.get(URL).content.decode()

    assert "Grace Hopper" in html
    assert "3456789" in html
    assert f'href="/school/ects/{ect.pk}">Ada Byron</a>' in html
    assert "No ECTs assigned" in html


def test_other_schools_mentors_are_not_listed(school_client):
    MentorAtSchoolPeriodFactory(school=SchoolFactory(), teacher=TeacherFactory(trs_last_name="Elsewhere"))

    assert "Elsewhere" not in school_client.get(URL).content.decode()


def test_search_finds_a_mentor_by_name_or_trn(school_client, school):
    MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trn="3456789", trs_first_name="Grace", trs_last_name="Hopper")
    )

    assert "Grace Hopper" in school_client.get(URL, {"q": "hopper"}).content.decode()
    assert "Grace Hopper" in school_client.get(URL, {"q": "3456789"}).content.decode()
    assert "Grace Hopper" in school_client.get(URL, {"q": "Hopper  Grace"}).content.decode()
    assert "There are no mentors that match your search." in school_client.get(URL, {"q": "nobody"}).content.decode()


def queries_for_page(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def populate(school, count):
    for _ in range(count):
        mentor = MentorAtSchoolPeriodFactory(school=school)
        MentorshipPeriodFactory(mentee=ECTAtSchoolPeriodFactory(school=school), mentor=mentor)


def test_the_list_runs_the_same_small_number_of_queries_for_1_or_50_mentors(school_client, school):
    populate(school, 1)
    with_one = queries_for_page(school_client)
    populate(school, 49)
    with_fifty = queries_for_page(school_client)

    assert with_one == with_fifty <= 10


def test_the_list_template_runs_no_queries(school_client, school, templates_run_no_queries):
    populate(school, 3)

    assert school_client.get(URL).status_code == 200


def test_a_search_with_a_nul_character_is_no_error(school_client, school):
    assert school_client.get(URL, {"q": "Hop\x00per"}).status_code == 200


def tags(html: str) -> list[str]:
    return re.findall(r'<strong class="govuk-tag govuk-tag--yellow">([^<]*)</strong>', html)


@pytest.mark.parametrize(
    ("reason", "tag"), [("left_school", "Leaving school"), ("no_longer_mentoring", "No longer mentoring")]
)
def test_a_mentor_reported_leaving_or_no_longer_mentoring_is_tagged_with_what_is_true(
    school_client, school, reason, tag
):
    # One who stays at the school but stops mentoring is not "Leaving school".
    today = datetime.date.today()
    MentorAtSchoolPeriodFactory(
        school=school,
        teacher=TeacherFactory(trs_first_name="Ruth", trs_last_name="Patel"),
        finished_on=today + datetime.timedelta(days=14),
        reported_leaving_on=today,
        leaving_reason=reason,
    )
    MentorAtSchoolPeriodFactory(school=school)

    assert tags(school_client.get(URL).content.decode()) == [tag]


def test_the_list_says_which_mentors_of_how_many_it_shows(school_client, school):
    MentorAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trs_first_name="Ruth", trs_last_name="Patel"))

    assert "Showing 1 to 1 of 1 mentor" in school_client.get(URL).content.decode()
    MentorAtSchoolPeriodFactory.create_batch(21, school=school)
    assert "Showing 21 to 22 of 22 mentors" in school_client.get(URL, {"page": 2}).content.decode()
    assert "Showing" not in school_client.get(URL, {"q": "nobody"}).content.decode()
