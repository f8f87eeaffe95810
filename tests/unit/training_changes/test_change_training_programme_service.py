"""`change_training_programme`: both ways, by the date rules of docs/journeys/change-lead-provider.md, and the mentor
training that moving to provider-led starts."""

import datetime

import pytest

from ecf.errors import DomainError
from ecf.models import Event, Teacher, TrainingPeriod
from ecf.training.changes import change_training_programme, current_training, training_version
from tests.factories import (
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolPartnershipFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

DAY = datetime.timedelta(days=1)
PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED
SCHOOL_LED = TrainingPeriod.Programme.SCHOOL_LED


def to_school_led(ect, author, today, **kwargs):
    return change_training_programme(
        ect_period=ect, training_programme=SCHOOL_LED, lead_provider=None, author=author, today=today, **kwargs
    )


def to_provider_led(ect, lead_provider, author, today, **kwargs):
    return change_training_programme(
        ect_period=ect,
        training_programme=PROVIDER_LED,
        lead_provider=lead_provider,
        author=author,
        today=today,
        **kwargs,
    )


def provider_led(ect, active_lead_provider, **fields):
    partnership = SchoolPartnershipFactory(
        school=ect.school, lead_provider_delivery_partnership__active_lead_provider=active_lead_provider
    )
    return TrainingPeriodFactory(ect_at_school_period=ect, school_partnership=partnership, **fields)


def test_provider_led_training_that_started_earlier_finishes_yesterday_and_school_led_starts_today(
    ect, active_lead_provider, author, today
):
    old = provider_led(ect, active_lead_provider)

    result = to_school_led(ect, author, today)

    old.refresh_from_db()
    assert old.finished_on == today - DAY
    new = result.training_period
    assert (new.training_programme, new.started_on, new.school_partnership, new.expression_of_interest) == (
        SCHOOL_LED,
        today,
        None,
        None,
    )
    assert (result.previous_programme, result.previous_lead_provider_name) == (PROVIDER_LED, "Best Practice Network")


@pytest.mark.parametrize("starts", [0, 5], ids=["today", "later"])
def test_training_starting_today_or_later_changes_in_place(ect, active_lead_provider, author, today, starts):
    old = provider_led(ect, active_lead_provider, started_on=today + starts * DAY)

    new = to_school_led(ect, author, today).training_period

    assert (new.pk, new.started_on, new.training_programme) == (old.pk, today + starts * DAY, SCHOOL_LED)


def test_school_led_that_started_earlier_finishes_yesterday_and_provider_led_starts_today(
    ect, lead_provider, author, today
):
    old = TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)

    new = to_provider_led(ect, lead_provider, author, today).training_period

    old.refresh_from_db()
    assert old.finished_on == today - DAY
    assert (new.training_programme, new.started_on, new.expression_of_interest.lead_provider) == (
        PROVIDER_LED,
        today,
        lead_provider,
    )


def test_provider_led_uses_the_schools_confirmed_partnership(ect, lead_provider, partnership, author, today):
    TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)

    assert to_provider_led(ect, lead_provider, author, today).training_period.school_partnership == partnership


def test_moving_to_provider_led_starts_training_for_an_eligible_mentor_never_trained(ect, lead_provider, author, today):
    TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)
    mentor = MentorAtSchoolPeriodFactory(school=ect.school, started_on=ect.started_on)
    MentorshipPeriodFactory(mentee=ect, mentor=mentor)

    result = to_provider_led(ect, lead_provider, author, today)

    training = result.mentor_training
    assert (training.mentor_at_school_period, training.started_on, training.lead_provider) == (
        mentor,
        today,
        lead_provider,
    )
    assert Event.objects.filter(event_type="teacher_starts_training_period", mentor_at_school_period=mentor).exists()


@pytest.mark.parametrize("reason", ["completed", "trained before"])
def test_no_mentor_training_for_a_mentor_who_completed_it_or_had_some(
    ect, lead_provider, active_lead_provider, author, today, reason
):
    TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)
    completed = {
        "mentor_training_completed_on": today - 100 * DAY,
        "mentor_training_completion_reason": Teacher.MentorTrainingCompletionReason.COMPLETED_DECLARATION_RECEIVED,
    }
    teacher = TeacherFactory(**(completed if reason == "completed" else {}))
    mentor = MentorAtSchoolPeriodFactory(school=ect.school, started_on=ect.started_on, teacher=teacher)
    MentorshipPeriodFactory(mentee=ect, mentor=mentor)
    if reason == "trained before":
        TrainingPeriodFactory(
            for_mentor=True,
            mentor_at_school_period__teacher=teacher,
            school_partnership=None,
            expression_of_interest=active_lead_provider,
        )

    assert to_provider_led(ect, lead_provider, author, today).mentor_training is None


def test_moving_to_school_led_starts_no_mentor_training(ect, active_lead_provider, author, today):
    provider_led(ect, active_lead_provider)
    MentorshipPeriodFactory(mentee=ect, mentor=MentorAtSchoolPeriodFactory(school=ect.school))

    assert to_school_led(ect, author, today).mentor_training is None
    assert not TrainingPeriod.objects.filter(mentor_at_school_period__isnull=False).exists()


def test_an_ect_without_training_can_start_either(ect, lead_provider, author, today):
    assert to_provider_led(ect, lead_provider, author, today).training_period.started_on == today


def test_the_same_programme_is_refused(ect, author, today):
    TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)

    with pytest.raises(DomainError, match="training programme is already school-led"):
        to_school_led(ect, author, today)


def test_a_second_tab_is_refused(ect, active_lead_provider, author, today):
    provider_led(ect, active_lead_provider)
    seen = training_version(current_training(ect, today=today))
    to_school_led(ect, author, today, expected_version=seen)

    with pytest.raises(DomainError, match="has just been changed by someone else"):
        to_school_led(ect, author, today, expected_version=seen)
    assert Event.objects.filter(event_type="teacher_training_programme_changed").count() == 1


def test_an_audit_event(ect, active_lead_provider, author, today):
    provider_led(ect, active_lead_provider)

    to_school_led(ect, author, today)

    event = Event.objects.get(event_type="teacher_training_programme_changed")
    assert event.heading == "Ada Lovelace’s training programme changed to school-led"
    assert event.changes == {"training_programme": [PROVIDER_LED, SCHOOL_LED]}
