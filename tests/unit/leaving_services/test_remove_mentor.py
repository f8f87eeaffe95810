"""remove_mentor (docs/journeys/leaving.md): only this school's mentor period ends, with its mentorships and mentor
training; the ECTs need a new mentor from the next day; the mentor is emailed once, after commit."""

import pytest

from ecf.errors import DomainError
from ecf.models import EmailMessage, Event, TrainingPeriod
from ects.queries import ect_summary
from mentors.models import MentorshipPeriod
from mentors.services.leaving import LEFT_SCHOOL, NO_LONGER_MENTORING, remove_mentor
from tests.factories import MentorshipPeriodFactory, SchoolFactory, TrainingPeriodFactory
from tests.unit.mentor_services.periods import DAY, TODAY, a_mentor, an_ect

pytestmark = pytest.mark.django_db


def fresh(period):
    period.refresh_from_db()
    return period


def test_a_leaving_mentor_finishes_their_mentorships_and_training_and_is_emailed(school, author):
    mentor = a_mentor(school)
    ects = [an_ect(school, name=name) for name in ("Kenneth Lowry", "Ada Byron")]
    mentorships = [MentorshipPeriodFactory(mentee=ect, mentor=mentor) for ect in ects]
    training = TrainingPeriodFactory(for_mentor=True, mentor_at_school_period=mentor)
    last_day = TODAY + 14 * DAY
    teacher_updated_at = mentor.teacher.api_updated_at

    remove_mentor(mentor_period=mentor, leaving_on=last_day, reason=LEFT_SCHOOL, author=author)

    assert (fresh(mentor).finished_on, mentor.reported_leaving_on, mentor.leaving_reason) == (
        last_day,
        TODAY,
        LEFT_SCHOOL,
    )
    assert [fresh(mentorship).finished_on for mentorship in mentorships] == [last_day, last_day]
    assert fresh(training).finished_on == last_day
    assert fresh(mentor.teacher).api_updated_at > teacher_updated_at
    email = EmailMessage.objects.get()
    assert (email.template, email.to) == ("mentor_removed", mentor.email)
    assert email.personalisation == {
        "mentor_name": "Jane Smith",
        "school_name": school.name,
        "last_day": f"{last_day.day} {last_day:%B %Y}",
    }
    removed = Event.objects.get(event_type="mentor_removed_by_school")
    assert removed.metadata["reason"] == LEFT_SCHOOL
    assert removed.heading.endswith(f"Jane Smith is leaving on {last_day.day} {last_day:%B %Y}")  # as an ECT's says
    assert Event.objects.filter(event_type="teacher_finishes_mentoring").count() == 2


def test_the_mentors_ects_keep_them_until_the_last_day_and_need_a_mentor_from_the_next(school, author):
    mentor = a_mentor(school)
    ect = an_ect(school)
    MentorshipPeriodFactory(mentee=ect, mentor=mentor)
    last_day = TODAY + 3 * DAY
    remove_mentor(mentor_period=mentor, leaving_on=last_day, reason=LEFT_SCHOOL, author=author)

    on_the_last_day = ect_summary(school, ect.pk, today=last_day)
    the_day_after = ect_summary(school, ect.pk, today=last_day + DAY)

    assert (on_the_last_day.mentor_name, on_the_last_day.status.text) == ("Jane Smith", "Registered")
    assert (the_day_after.mentor_name, the_day_after.status.text) == ("", "Action required")
    assert the_day_after.status.message == "A mentor needs to be assigned to Kenneth Lowry."


def test_a_mentor_at_two_schools_leaves_only_the_school_that_reported_it(school, author):
    mentor_here = a_mentor(school)
    other_school = SchoolFactory()
    mentor_there = a_mentor(other_school, teacher=mentor_here.teacher)
    mentorship_there = MentorshipPeriodFactory(mentee=an_ect(other_school), mentor=mentor_there)
    MentorshipPeriodFactory(mentee=an_ect(school, name="Ada Byron"), mentor=mentor_here)
    updated_at = mentor_there.updated_at

    remove_mentor(mentor_period=mentor_here, leaving_on=TODAY + 7 * DAY, reason=LEFT_SCHOOL, author=author)

    assert fresh(mentor_here).finished_on == TODAY + 7 * DAY
    assert fresh(mentor_there).finished_on is None
    assert mentor_there.updated_at == updated_at
    assert fresh(mentorship_there).finished_on is None


def test_a_mentor_who_stays_but_no_longer_mentors_is_removed_the_same_way(school, author):
    mentor = a_mentor(school)
    mentorship = MentorshipPeriodFactory(mentee=an_ect(school), mentor=mentor)

    remove_mentor(mentor_period=mentor, leaving_on=TODAY, reason=NO_LONGER_MENTORING, author=author)

    assert (fresh(mentor).finished_on, mentor.leaving_reason) == (TODAY, NO_LONGER_MENTORING)
    assert fresh(mentorship).finished_on == TODAY
    # The date is their last day as a mentor: "after" it, as the school's confirmation and the email say.
    assert Event.objects.get(event_type="mentor_removed_by_school").heading.endswith(
        f"will no longer be a mentor after {TODAY.day} {TODAY:%B %Y}"
    )
    assert EmailMessage.objects.filter(template="mentor_removed").count() == 1


def test_mentorships_and_training_planned_after_the_last_day_are_removed(school, author):
    mentor = a_mentor(school)
    planned = MentorshipPeriodFactory(mentee=an_ect(school), mentor=mentor, started_on=TODAY + 10 * DAY)
    training = TrainingPeriodFactory(for_mentor=True, mentor_at_school_period=mentor, started_on=TODAY + 10 * DAY)

    remove_mentor(mentor_period=mentor, leaving_on=TODAY + 2 * DAY, reason=LEFT_SCHOOL, author=author)

    assert not MentorshipPeriod.objects.filter(pk=planned.pk).exists()
    assert not TrainingPeriod.objects.filter(pk=training.pk).exists()


def test_removing_a_mentor_twice_is_refused_and_emails_once(school, author):
    mentor = a_mentor(school)
    remove_mentor(mentor_period=mentor, leaving_on=TODAY + 2 * DAY, reason=LEFT_SCHOOL, author=author)

    with pytest.raises(DomainError, match="You’ve already told us that Jane Smith is leaving your school"):
        remove_mentor(mentor_period=mentor, leaving_on=TODAY + 5 * DAY, reason=LEFT_SCHOOL, author=author)

    assert fresh(mentor).finished_on == TODAY + 2 * DAY
    assert EmailMessage.objects.count() == 1


def test_a_refused_removal_queues_no_email(school, author):
    mentor = a_mentor(school)
    with pytest.raises(DomainError, match="Our records show that Jane Smith started teaching at your school"):
        remove_mentor(mentor_period=mentor, leaving_on=mentor.started_on, reason=LEFT_SCHOOL, author=author)
    assert not EmailMessage.objects.exists()
    assert fresh(mentor).finished_on is None
