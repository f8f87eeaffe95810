"""`filter[updated_since]` misses nothing: every change recorded as an event moves the participant's updated_at
(the trigger in ecf/migrations/0009_events_move_teacher_api_updated_at.py; docs/adr/0014-lead-provider-api.md)."""

import datetime

import pytest
from django.utils import timezone

from ecf.events import Author
from ecf.models import Teacher
from ecf.training.changes import change_lead_provider, change_training_programme
from ects import services as ect_services
from ects.leaving.services import report_ect_leaving
from ects.services import register_ect
from mentors.services import change_mentor_teaching_details
from mentors.services.assign import assign_mentor
from mentors.services.register import register_mentor
from tests.factories import (
    ActiveLeadProviderFactory,
    MentorAtSchoolPeriodFactory,
    SchoolFactory,
    SchoolUserFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db


def long_ago(*teachers):
    Teacher.objects.filter(pk__in=[t.pk for t in teachers]).update(
        api_updated_at=timezone.now() - datetime.timedelta(days=2)
    )


def updated_since_yesterday(api) -> set[str]:
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    return {p["id"] for p in api.get("/participants", {"filter[updated_since]": since}).json()["data"]}


@pytest.fixture
def school_author(partnership):
    return Author.school_user(SchoolUserFactory(schools=[partnership.school]))


@pytest.mark.parametrize(
    "change",
    [
        lambda ect, author: ect_services.change_ect_name(ect_period=ect, corrected_name="Ada King", author=author),
        lambda ect, author: ect_services.change_ect_email(ect_period=ect, email="ada@example.com", author=author),
        lambda ect, author: ect_services.change_ect_working_pattern(
            ect_period=ect, working_pattern="part_time", author=author
        ),
    ],
    ids=["name", "email", "working pattern"],
)
def test_a_school_change_to_the_ect_moves_updated_at(api, ect_training, school_author, change):
    ect = ect_training.ect_at_school_period
    long_ago(ect.teacher)
    assert updated_since_yesterday(api) == set()

    change(ect, school_author)

    assert updated_since_yesterday(api) == {str(ect.teacher.api_id)}


def test_assigning_a_mentor_moves_both_teachers(api, ect_training, partnership, school_author):
    ect = ect_training.ect_at_school_period
    mentor = MentorAtSchoolPeriodFactory(school=partnership.school)
    TrainingPeriodFactory(for_mentor=True, mentor_at_school_period=mentor, school_partnership=partnership)
    long_ago(ect.teacher, mentor.teacher)

    assign_mentor(ect_period=ect, mentor_period=mentor, author=school_author)

    assert updated_since_yesterday(api) == {str(ect.teacher.api_id), str(mentor.teacher.api_id)}


def test_a_provider_action_moves_updated_at(api, ect_training):
    teacher = ect_training.ect_at_school_period.teacher
    long_ago(teacher)
    api.put(
        f"/participants/{teacher.api_id}/withdraw",
        {
            "data": {
                "type": "participant-withdraw",
                "attributes": {"reason": "other", "course_identifier": "ecf-induction"},
            }
        },
    )
    assert updated_since_yesterday(api) == {str(teacher.api_id)}


def test_registering_an_ect_moves_updated_at(api, ect_training, lead_provider, partnership):
    """The provider's ECT is registered by another school (a move): the participant shows as updated."""
    ect = ect_training.ect_at_school_period
    teacher = ect.teacher
    long_ago(teacher)
    other_school = SchoolFactory()
    register_ect(
        school=other_school,
        author=Author.school_user(SchoolUserFactory(schools=[other_school])),
        trn=teacher.trn,
        trs_first_name=teacher.trs_first_name,
        trs_last_name=teacher.trs_last_name,
        email="moved@example.com",
        started_on=timezone.localdate(),
        working_pattern="full_time",
        appropriate_body=ect.appropriate_body,
        training_programme="provider_led",
        lead_provider=lead_provider,
    )
    assert str(teacher.api_id) in updated_since_yesterday(api)


def test_registering_a_mentor_for_the_providers_ect_moves_the_ect(api, ect_training, lead_provider, school_author):
    ect = ect_training.ect_at_school_period
    long_ago(ect.teacher)
    register_mentor(
        school=ect.school,
        ect_period=ect,
        author=school_author,
        trn="7654321",
        trs_first_name="Mary",
        trs_last_name="Somerville",
        email="mary@example.com",
        subject="Primary",
        age_range="5 to 11",
        key_stage="Key stage 2",
        mentor_training_lead_provider=lead_provider,
    )
    assert str(ect.teacher.api_id) in updated_since_yesterday(api)


def test_changing_a_mentors_teaching_details_moves_updated_at(api, partnership, school_author):
    mentor = MentorAtSchoolPeriodFactory(school=partnership.school)
    TrainingPeriodFactory(for_mentor=True, mentor_at_school_period=mentor, school_partnership=partnership)
    long_ago(mentor.teacher)

    change_mentor_teaching_details(mentor_period=mentor, author=school_author, subject="Mathematics")

    assert updated_since_yesterday(api) == {str(mentor.teacher.api_id)}


def another_active_lead_provider(ect):
    """A lead provider training in the contract period of the ECT's training, other than theirs."""
    partnership = ect.training_periods.get().school_partnership
    contract_period = partnership.lead_provider_delivery_partnership.active_lead_provider.contract_period
    return ActiveLeadProviderFactory(contract_period=contract_period).lead_provider


@pytest.mark.parametrize(
    "change",
    [
        lambda ect, author: report_ect_leaving(
            ect_period=ect, leaving_on=datetime.date.today() + datetime.timedelta(days=7), author=author
        ),
        lambda ect, author: change_lead_provider(
            at_school_period=ect, lead_provider=another_active_lead_provider(ect), author=author
        ),
        lambda ect, author: change_training_programme(
            ect_period=ect, training_programme="school_led", lead_provider=None, author=author
        ),
    ],
    ids=["reported leaving", "new lead provider", "school-led"],
)
def test_the_schools_answers_to_the_provider_move_updated_at(api, ect_training, school_author, change):
    # The provider that trained the ECT sees each of these in filter[updated_since], even when the ECT is no
    # longer theirs from today.
    ect = ect_training.ect_at_school_period
    long_ago(ect.teacher)
    assert updated_since_yesterday(api) == set()

    change(ect, school_author)

    assert updated_since_yesterday(api) == {str(ect.teacher.api_id)}
