"""The reads the mentor journeys use: who is offered, whether mentor training is needed, and with whom."""

import datetime

import pytest

from ecf.models import Teacher
from ecf.training.queries import ect_lead_provider
from ects.register.journey import REGISTER_ECT
from mentors.queries import (
    OfferedECT,
    current_mentor_period_at_school,
    ects_offered_for,
    lead_providers_for_mentor_training,
    mentor_training_needed,
    mentors_offered_for,
)
from mentors.register.journey import REGISTER_MENTOR
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)
from tests.unit.mentor_services.periods import (
    DAY,
    MONTH_AGO,
    TODAY,
    TRN,
    a_mentor,
    an_ect,
    provider_led_through_eoi,
    provider_led_through_partnership,
    school_led,
)

pytestmark = pytest.mark.django_db


def test_mentors_offered_are_the_schools_current_mentors_by_surname_then_first_name(school):
    ect = an_ect(school)
    current = MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school, "Current Mentor"), started_on=MONTH_AGO)
    zoe, adam = a_mentor(school, "Zoe Adams"), a_mentor(school, "adam Zed")
    future = a_mentor(school, "Future Mentor", started_on=TODAY + 10 * DAY)
    a_mentor(school, "Left Mentor", started_on=MONTH_AGO - 30 * DAY, finished_on=TODAY - DAY)
    a_mentor(SchoolFactory(), "Other School")
    a_mentor(school, teacher=ect.teacher)  # the ECT themself, also a mentor here

    offered = mentors_offered_for(ect)

    assert offered == [zoe, future, adam]  # Adams, Mentor, Zed: as the lists sort
    assert current.mentor not in offered


@pytest.mark.parametrize("reason", ["left_school", "no_longer_mentoring"])
def test_mentors_reported_leaving_or_no_longer_mentoring_are_not_offered(school, reason):
    # Their ECTs would need another mentor from the day after their last day.
    ect = an_ect(school)
    staying = a_mentor(school, "Grace Staying")
    a_mentor(school, "Ruth Going", finished_on=TODAY, leaving_reason=reason, reported_leaving_on=TODAY)
    a_mentor(school, "David Later", finished_on=TODAY + 14 * DAY, leaving_reason=reason, reported_leaving_on=TODAY)

    assert mentors_offered_for(ect) == [staying]


def test_mentors_offered_run_one_query_however_many(school, django_assert_num_queries):
    ect = an_ect(school)
    for number in range(20):
        a_mentor(school, f"Mentor {number}")

    with django_assert_num_queries(1):
        names = [period.teacher.full_name for period in mentors_offered_for(ect)]

    assert len(names) == 20


def test_ects_offered_put_those_without_a_mentor_first_then_by_name(school):
    mentor = a_mentor(school, "Jane Smith")
    other_mentor = a_mentor(school, "Other Mentor")
    mentored = an_ect(school, "Amal Khan")
    MentorshipPeriodFactory(mentee=mentored, mentor=other_mentor, started_on=MONTH_AGO)
    zed, bea = an_ect(school, "Zed Young"), an_ect(school, "bea Brown")
    future = an_ect(school, "Future Starter", started_on=TODAY + 20 * DAY)
    already_hers = an_ect(school, "Already Hers")
    MentorshipPeriodFactory(mentee=already_hers, mentor=mentor, started_on=MONTH_AGO)
    an_ect(school, "Left Early", started_on=MONTH_AGO - 30 * DAY, finished_on=TODAY - DAY)
    an_ect(SchoolFactory(), "Other School")
    an_ect(school, teacher=mentor.teacher)  # the mentor themself, also an ECT here

    offered = ects_offered_for(mentor)

    assert offered == [
        OfferedECT(bea, "bea Brown", ""),
        OfferedECT(future, "Future Starter", ""),
        OfferedECT(zed, "Zed Young", ""),
        OfferedECT(mentored, "Amal Khan", "Other Mentor"),
    ]


def test_an_ect_whose_mentorship_ended_is_not_currently_mentored(school):
    mentor = a_mentor(school)
    ect = an_ect(school)
    MentorshipPeriodFactory(
        mentee=ect, mentor=a_mentor(school, "Old Mentor"), started_on=MONTH_AGO, finished_on=TODAY - DAY
    )

    assert ects_offered_for(mentor) == [OfferedECT(ect, "Kenneth Lowry", "")]


def test_ects_offered_run_one_query_however_many(school, django_assert_num_queries):
    mentor = a_mentor(school)
    other = a_mentor(school, "Other Mentor")
    for number in range(20):
        ect = an_ect(school, f"ECT {number}")
        if number % 2:
            MentorshipPeriodFactory(mentee=ect, mentor=other, started_on=MONTH_AGO)

    with django_assert_num_queries(1):
        offered = ects_offered_for(mentor)
        hints = [(item.name, item.current_mentor_name) for item in offered]

    assert len(hints) == 20
    assert [mentor_name for _name, mentor_name in hints] == [""] * 10 + ["Other Mentor"] * 10


def test_mentor_training_is_needed_for_a_provider_led_ect_and_an_eligible_mentor(school, partnership):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    mentor = a_mentor(school)

    assert mentor_training_needed(ect_period=ect, mentor_teacher=mentor.teacher)
    assert mentor_training_needed(ect_period=ect, trn=mentor.teacher.trn)
    assert mentor_training_needed(ect_period=ect, trn="7654321")  # not known yet: eligible


def test_mentor_training_is_needed_with_an_expression_of_interest_too(school, active_lead_provider):
    ect = an_ect(school)
    provider_led_through_eoi(ect, active_lead_provider)

    assert mentor_training_needed(ect_period=ect, trn="7654321")


def test_mentor_training_is_not_needed_for_a_school_led_ect_or_one_without_training(school):
    ect = an_ect(school)

    assert not mentor_training_needed(ect_period=ect, trn="7654321")
    school_led(ect)
    assert not mentor_training_needed(ect_period=ect, trn="7654321")


def test_mentor_training_is_not_needed_when_completed_or_already_training(school, partnership):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    completed = TeacherFactory(
        mentor_training_completed_on=datetime.date(2024, 7, 1),
        mentor_training_completion_reason=Teacher.MentorTrainingCompletionReason.COMPLETED_DURING_EARLY_ROLL_OUT,
    )
    training = TrainingPeriodFactory(for_mentor=True).mentor_at_school_period.teacher

    assert not mentor_training_needed(ect_period=ect, mentor_teacher=completed)
    assert not mentor_training_needed(ect_period=ect, trn=completed.trn)
    assert not mentor_training_needed(ect_period=ect, mentor_teacher=training)


def test_the_ects_lead_provider_is_that_of_their_current_training(school, partnership, active_lead_provider):
    ect = an_ect(school)
    assert ect_lead_provider(ect) is None
    provider_led_through_partnership(ect, partnership)
    assert ect_lead_provider(ect) == partnership.lead_provider

    eoi_ect = an_ect(school, "Amal Khan")
    provider_led_through_eoi(eoi_ect, active_lead_provider)
    assert ect_lead_provider(eoi_ect) == active_lead_provider.lead_provider

    school_led_ect = an_ect(school, "Zed Young")
    school_led(school_led_ect)
    assert ect_lead_provider(school_led_ect) is None


def test_an_ect_who_changed_lead_provider_has_the_new_one(school, partnership, contract_period):
    ect = an_ect(school, started_on=MONTH_AGO - 30 * DAY)
    TrainingPeriodFactory(
        ect_at_school_period=ect, school_partnership=partnership, started_on=ect.started_on, finished_on=MONTH_AGO
    )
    new = ActiveLeadProviderFactory(lead_provider__name="Teach First", contract_period=contract_period)
    TrainingPeriodFactory(
        ect_at_school_period=ect, school_partnership=None, expression_of_interest=new, started_on=MONTH_AGO + DAY
    )

    assert ect_lead_provider(ect) == new.lead_provider


def test_lead_providers_for_mentor_training_are_those_active_in_the_ects_contract_period(
    school, partnership, contract_period
):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    ActiveLeadProviderFactory(lead_provider__name="Ambition Institute", contract_period=contract_period)
    ActiveLeadProviderFactory(lead_provider__name="Old Provider", contract_period=ContractPeriodFactory(year=1999))

    names = [provider.name for provider in lead_providers_for_mentor_training(ect)]

    assert names == ["Ambition Institute", "Best Practice Network"]
    assert list(lead_providers_for_mentor_training(an_ect(school, "No Training"))) == []


def test_current_mentor_period_at_school(school):
    teacher = TeacherFactory(trn=TRN)
    assert current_mentor_period_at_school(school, TRN) is None
    a_mentor(school, teacher=teacher, started_on=MONTH_AGO - 60 * DAY, finished_on=MONTH_AGO)
    elsewhere = a_mentor(SchoolFactory(), teacher=teacher)
    assert current_mentor_period_at_school(school, TRN) is None
    assert current_mentor_period_at_school(elsewhere.school, TRN) == elsewhere

    leaving = a_mentor(school, teacher=teacher, started_on=MONTH_AGO + DAY, finished_on=TODAY)

    assert current_mentor_period_at_school(school, TRN) == leaving


def test_email_in_use_is_the_ect_rule():
    """Both register journeys ask for the email with one form, so one rule says whether it is in use."""
    assert REGISTER_MENTOR.step("email-address").form_class is REGISTER_ECT.step("email-address").form_class
