"""`mentor_id` on an ECT's enrolment: the mentor the school has for them now, as the reference reports it (the
earliest mentorship not finished before today: the running one, else the next), never a mentor who has gone."""

import datetime

import pytest

from ecf.events import Author
from mentors.services.leaving import LEFT_SCHOOL, remove_mentor
from tests.factories import MentorAtSchoolPeriodFactory, MentorshipPeriodFactory, TeacherFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def mentor_id(api, ect_training):
    teacher = ect_training.ect_at_school_period.teacher
    [enrolment] = api.get(f"/participants/{teacher.api_id}").json()["data"]["attributes"]["ecf_enrolments"]
    [listed] = api.get("/participants").json()["data"][0]["attributes"]["ecf_enrolments"]
    assert listed["mentor_id"] == enrolment["mentor_id"]
    return enrolment["mentor_id"]


def a_mentor(ect_training, name):
    ect = ect_training.ect_at_school_period
    return MentorAtSchoolPeriodFactory(
        school=ect.school, started_on=ect.started_on, teacher=TeacherFactory(trs_first_name=name)
    )


def test_a_mentor_reported_as_left_is_no_longer_the_ects_mentor(api, ect_training):
    today = datetime.date.today()
    ect = ect_training.ect_at_school_period
    grace = a_mentor(ect_training, "Grace")
    MentorshipPeriodFactory(mentee=ect, mentor=grace, started_on=ect.started_on)
    assert mentor_id(api, ect_training) == str(grace.teacher.api_id)
    updated_at = ect.teacher.api_updated_at

    remove_mentor(mentor_period=grace, leaving_on=today - DAY, reason=LEFT_SCHOOL, author=Author.system())

    assert mentor_id(api, ect_training) is None
    ect.teacher.refresh_from_db()
    assert ect.teacher.api_updated_at > updated_at, "providers asking what changed hear of it"


def test_a_mentor_whose_last_day_is_today_is_still_the_mentor(api, ect_training):
    today = datetime.date.today()
    ect = ect_training.ect_at_school_period
    grace = a_mentor(ect_training, "Grace")
    MentorshipPeriodFactory(mentee=ect, mentor=grace, started_on=ect.started_on, finished_on=today)
    assert mentor_id(api, ect_training) == str(grace.teacher.api_id)


def test_the_current_mentor_not_a_past_or_a_later_one(api, ect_training):
    today = datetime.date.today()
    ect = ect_training.ect_at_school_period
    past, current, later = (a_mentor(ect_training, name) for name in ("Grace", "Ada", "Alan"))
    MentorshipPeriodFactory(mentee=ect, mentor=past, started_on=ect.started_on, finished_on=today - 30 * DAY)
    MentorshipPeriodFactory(mentee=ect, mentor=current, started_on=today - 29 * DAY, finished_on=today + 9 * DAY)
    MentorshipPeriodFactory(mentee=ect, mentor=later, started_on=today + 10 * DAY)
    assert mentor_id(api, ect_training) == str(current.teacher.api_id)


def test_between_mentors_the_next_one_is_named(api, ect_training):
    today = datetime.date.today()
    ect = ect_training.ect_at_school_period
    past, later = (a_mentor(ect_training, name) for name in ("Grace", "Alan"))
    MentorshipPeriodFactory(mentee=ect, mentor=past, started_on=ect.started_on, finished_on=today - 30 * DAY)
    MentorshipPeriodFactory(mentee=ect, mentor=later, started_on=today + 10 * DAY)
    assert mentor_id(api, ect_training) == str(later.teacher.api_id)
