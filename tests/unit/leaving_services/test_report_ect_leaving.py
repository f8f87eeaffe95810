"""report_ect_leaving (docs/journeys/leaving.md): the ECT period, their mentorships and training finish on the leaving
date or are removed when they start after it; reported twice or after they have gone is refused."""

import pytest

from ecf.errors import DomainError
from ecf.models import Event, TrainingPeriod
from ects.leaving.services import leaving_version, report_ect_leaving
from ects.services import register_ect
from mentors.models import MentorshipPeriod
from mentors.services.leaving import LEFT_SCHOOL, remove_mentor
from tests.factories import (
    AppropriateBodyFactory,
    ContractPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TrainingPeriodFactory,
    current_contract_year,
)
from tests.unit.mentor_services.periods import DAY, MONTH_AGO, TODAY, a_mentor, an_ect

pytestmark = pytest.mark.django_db


def fresh(period):
    period.refresh_from_db()
    return period


def test_a_future_leaving_date_finishes_the_ect_period_training_and_mentorship_on_that_day(school, author):
    ect = an_ect(school)
    training = TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)
    mentorship = MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school))
    leaving_on = TODAY + 30 * DAY
    teacher_updated_at, training_updated_at = ect.teacher.api_updated_at, training.updated_at

    report_ect_leaving(ect_period=ect, leaving_on=leaving_on, author=author)

    assert (fresh(ect).finished_on, ect.reported_leaving_on) == (leaving_on, TODAY)
    assert fresh(training).finished_on == leaving_on
    assert fresh(mentorship).finished_on == leaving_on
    # Lead providers see the change through the API's updated_since.
    assert fresh(ect.teacher).api_updated_at > teacher_updated_at
    assert training.updated_at > training_updated_at
    assert {event.event_type for event in Event.objects.all()} == {
        "teacher_left_school_as_ect",
        "teacher_finishes_training_period",
        "teacher_finishes_being_mentored",
    }
    left = Event.objects.get(event_type="teacher_left_school_as_ect")
    assert left.author_user == author.user
    assert left.ect_at_school_period == ect


def test_a_past_leaving_date_is_taken_and_periods_that_ended_before_it_are_left_as_they_are(school, author):
    ect = an_ect(school, started_on=MONTH_AGO - 60 * DAY)
    old_mentorship = MentorshipPeriodFactory(
        mentee=ect, mentor=a_mentor(school, started_on=ect.started_on), finished_on=MONTH_AGO - 30 * DAY
    )
    updated_at = old_mentorship.updated_at

    report_ect_leaving(ect_period=ect, leaving_on=MONTH_AGO, author=author)

    assert fresh(ect).finished_on == MONTH_AGO
    assert fresh(old_mentorship).finished_on == MONTH_AGO - 30 * DAY
    assert old_mentorship.updated_at == updated_at


def test_mentorships_and_training_that_start_after_the_leaving_date_are_removed_and_their_events_kept(school, author):
    ect = an_ect(school)
    current = TrainingPeriodFactory(ect_at_school_period=ect, school_led=True, finished_on=TODAY + 9 * DAY)
    later = TrainingPeriodFactory(ect_at_school_period=ect, school_led=True, started_on=TODAY + 10 * DAY)
    planned = MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school), started_on=TODAY + 20 * DAY)
    earlier_event = Event.objects.create(
        event_type="teacher_starts_being_mentored",
        heading="planned",
        happened_at=ect.created_at,
        author_type="system",
        mentorship_period=planned,
    )

    report_ect_leaving(ect_period=ect, leaving_on=TODAY + 5 * DAY, author=author)

    assert not TrainingPeriod.objects.filter(pk=later.pk).exists()
    assert not MentorshipPeriod.objects.filter(pk=planned.pk).exists()
    assert fresh(current).finished_on == TODAY + 5 * DAY
    earlier_event.refresh_from_db()
    assert earlier_event.mentorship_period is None
    assert Event.objects.filter(event_type="mentorship_removed").count() == 1
    assert Event.objects.filter(event_type="training_period_removed").count() == 1


@pytest.mark.parametrize("days_after_start", [0, -1])
def test_a_date_not_after_the_school_start_date_is_refused(school, author, days_after_start):
    ect = an_ect(school)
    with pytest.raises(DomainError) as refused:
        report_ect_leaving(ect_period=ect, leaving_on=ect.started_on + days_after_start * DAY, author=author)
    started = f"{ect.started_on.day} {ect.started_on:%B %Y}"
    assert refused.value.message == (
        f"Our records show that Kenneth Lowry started teaching at your school on {started}. "
        f"Enter a date after {started}."
    )
    assert fresh(ect).finished_on is None


def test_leaving_reported_twice_is_refused_and_changes_nothing(school, author):
    ect = an_ect(school)
    first = TODAY + 10 * DAY
    report_ect_leaving(ect_period=ect, leaving_on=first, author=author)
    events = Event.objects.count()

    with pytest.raises(DomainError) as refused:
        report_ect_leaving(ect_period=ect, leaving_on=TODAY + 20 * DAY, author=author)

    assert refused.value.message == (
        f"You’ve already told us that Kenneth Lowry is leaving your school on {first.day} {first:%B %Y}"
    )
    assert fresh(ect).finished_on == first
    assert Event.objects.count() == events


def test_leaving_reported_after_the_ect_has_gone_is_refused(school, author):
    ect = an_ect(school, started_on=MONTH_AGO - 60 * DAY, finished_on=MONTH_AGO)
    with pytest.raises(DomainError) as refused:
        report_ect_leaving(ect_period=ect, leaving_on=TODAY, author=author)
    assert refused.value.message == "Kenneth Lowry has already left your school"


def test_a_second_tab_with_the_leaving_as_it_was_is_refused(school, author):
    ect = an_ect(school)
    seen = leaving_version(ect)  # both tabs answered the date question before either confirmed
    report_ect_leaving(ect_period=ect, leaving_on=TODAY + 10 * DAY, author=author, expected_version=seen)

    with pytest.raises(DomainError, match="already told us"):
        report_ect_leaving(ect_period=ect, leaving_on=TODAY + 40 * DAY, author=author, expected_version=seen)
    assert fresh(ect).finished_on == TODAY + 10 * DAY


def test_an_ect_reported_leaving_then_registered_earlier_at_another_school_moves_the_day_before(school, author):
    ContractPeriodFactory()
    ContractPeriodFactory(year=current_contract_year() + 1)
    ect = an_ect(school)
    training = TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)
    mentorship = MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school))
    report_ect_leaving(ect_period=ect, leaving_on=TODAY + 60 * DAY, author=author)
    starts_elsewhere = TODAY + 20 * DAY

    new_period = register_ect(
        school=SchoolFactory(),
        author=author,
        trn=ect.teacher.trn,
        trs_first_name="Kenneth",
        trs_last_name="Lowry",
        email="kenneth@example.com",
        started_on=starts_elsewhere,
        working_pattern="full_time",
        appropriate_body=AppropriateBodyFactory(),
        training_programme=TrainingPeriod.Programme.SCHOOL_LED,
    )

    last_day = starts_elsewhere - DAY
    assert new_period.started_on == starts_elsewhere
    assert fresh(ect).finished_on == last_day
    assert fresh(training).finished_on == last_day
    assert fresh(mentorship).finished_on == last_day


def test_an_ect_leaving_before_their_mentor_leaves_keeps_the_mentorship_ending_with_the_ect(school, author):
    ect = an_ect(school)
    mentor = a_mentor(school)
    mentorship = MentorshipPeriodFactory(mentee=ect, mentor=mentor)
    ect_leaves, mentor_leaves = TODAY + 10 * DAY, TODAY + 40 * DAY  # "1 February" and "1 March"

    report_ect_leaving(ect_period=ect, leaving_on=ect_leaves, author=author)
    remove_mentor(mentor_period=mentor, leaving_on=mentor_leaves, reason=LEFT_SCHOOL, author=author)

    assert fresh(mentorship).finished_on == ect_leaves
    assert fresh(mentor).finished_on == mentor_leaves


def test_a_date_more_than_4_months_ahead_is_refused(school, author):
    ect = an_ect(school)
    with pytest.raises(DomainError, match="Enter a date no further than 4 months from today"):
        report_ect_leaving(ect_period=ect, leaving_on=TODAY + 130 * DAY, author=author)
    assert fresh(ect).finished_on is None
