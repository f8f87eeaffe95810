"""assign_mentor: when a mentorship starts and ends, what it replaces and what it refuses (docs/journeys/mentors.md)."""

import pytest
from django.db import IntegrityError, connection, transaction

from ecf.errors import DomainError
from ecf.govuk.filters import govuk_date
from ecf.models import Event
from mentors.models import MentorshipPeriod
from mentors.queries import mentorship_version
from mentors.services import assign_mentor
from tests.factories import MentorshipPeriodFactory, SchoolFactory
from tests.unit.mentor_services.periods import DAY, MONTH_AGO, TODAY, a_mentor, an_ect, fresh

pytestmark = pytest.mark.django_db


def test_assigning_a_mentor_starts_the_mentorship_today_and_records_who_did_it(school, author, school_user):
    ect, mentor = an_ect(school), a_mentor(school)

    mentorship = assign_mentor(ect_period=ect, mentor_period=mentor, author=author).mentorship

    mentorship.refresh_from_db()
    assert (mentorship.mentee, mentorship.mentor) == (ect, mentor)
    assert (mentorship.started_on, mentorship.finished_on) == (TODAY, None)
    events = {event.event_type: event for event in Event.objects.all()}
    assert set(events) == {"teacher_starts_being_mentored", "teacher_starts_mentoring"}
    mentee_event, mentor_event = events["teacher_starts_being_mentored"], events["teacher_starts_mentoring"]
    assert mentee_event.heading == "Jane Smith is mentoring Kenneth Lowry"
    assert mentee_event.teacher == ect.teacher
    assert mentor_event.teacher == mentor.teacher
    for event in events.values():
        assert event.author_user == school_user
        assert event.author_name == "Sam Tutor"
        assert (event.school, event.ect_at_school_period, event.mentor_at_school_period) == (school, ect, mentor)
        assert event.mentorship_period == mentorship


@pytest.mark.parametrize(
    ("ect_start", "mentor_start", "expected"),
    [
        pytest.param(MONTH_AGO, MONTH_AGO, TODAY, id="both already started: today"),
        pytest.param(TODAY + 10 * DAY, MONTH_AGO, TODAY + 10 * DAY, id="ECT starts later: the ECT's start"),
        pytest.param(MONTH_AGO, TODAY + 20 * DAY, TODAY + 20 * DAY, id="mentor starts later: the mentor's start"),
        pytest.param(TODAY + 10 * DAY, TODAY + 20 * DAY, TODAY + 20 * DAY, id="both in the future: the latest"),
    ],
)
def test_the_mentorship_starts_on_the_latest_of_the_ect_start_the_mentor_start_and_today(
    school, author, ect_start, mentor_start, expected
):
    ect, mentor = an_ect(school, started_on=ect_start), a_mentor(school, started_on=mentor_start)

    mentorship = assign_mentor(ect_period=ect, mentor_period=mentor, author=author).mentorship

    assert mentorship.started_on == expected


def test_the_mentorship_ends_when_the_ect_leaves(school, author):
    ect = an_ect(school, finished_on=TODAY + 60 * DAY)

    mentorship = assign_mentor(ect_period=ect, mentor_period=a_mentor(school), author=author).mentorship

    assert mentorship.finished_on == TODAY + 60 * DAY


STOPPING = "You cannot assign an ECT to Jane Smith because they will no longer be a mentor at your school after {date}"


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("left_school", "You cannot assign an ECT to Jane Smith because they are leaving your school on {date}"),
        ("no_longer_mentoring", STOPPING),
        ("", STOPPING),
    ],
)
def test_a_mentor_with_a_last_day_cannot_be_assigned(school, author, reason, message):
    # Reported leaving or no longer mentoring (a second tab still offering them): the ECT would need a mentor again
    # from the day after their last day, so it is refused rather than completing the ECT's registration.
    last_day = TODAY + 14 * DAY
    reported_on = TODAY if reason else None
    mentor = a_mentor(school, finished_on=last_day, leaving_reason=reason, reported_leaving_on=reported_on)
    ect = an_ect(school)

    with pytest.raises(DomainError) as refused:
        assign_mentor(ect_period=ect, mentor_period=mentor, author=author)

    assert str(refused.value) == message.format(date=govuk_date(last_day))
    assert not MentorshipPeriod.objects.exists()
    assert not Event.objects.exists()


def test_a_mentorship_that_started_earlier_is_finished_the_day_before(school, author):
    ect = an_ect(school)
    previous = MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school, "Old Mentor"), started_on=MONTH_AGO)
    new_mentor = a_mentor(school, "New Mentor")

    mentorship = assign_mentor(ect_period=ect, mentor_period=new_mentor, author=author).mentorship

    previous.refresh_from_db()
    assert previous.finished_on == TODAY - DAY
    assert mentorship.started_on == TODAY
    assert list(ect.mentorship_periods.order_by("started_on")) == [previous, mentorship]
    finished = Event.objects.filter(event_type__in=["teacher_finishes_being_mentored", "teacher_finishes_mentoring"])
    assert {event.teacher_id for event in finished} == {ect.teacher_id, previous.mentor.teacher_id}
    assert {event.mentorship_period_id for event in finished} == {previous.pk}
    assert {event.metadata["finished_on"] for event in finished} == {(TODAY - DAY).isoformat()}
    assert finished.get(event_type="teacher_finishes_being_mentored").heading == (
        "Old Mentor stopped mentoring Kenneth Lowry"
    )


@pytest.mark.parametrize("starts_in", [0, 5], ids=["starting today", "starting in the future"])
def test_a_mentorship_starting_on_the_new_start_or_later_is_replaced(school, author, starts_in):
    ect = an_ect(school)
    old_mentor = a_mentor(school, "Old Mentor")
    old = assign_mentor(
        ect_period=ect, mentor_period=old_mentor, author=author, today=TODAY + starts_in * DAY
    ).mentorship
    new_mentor = a_mentor(school, "New Mentor")

    mentorship = assign_mentor(ect_period=fresh(ect), mentor_period=new_mentor, author=author).mentorship

    assert list(ect.mentorship_periods.all()) == [mentorship]
    assert not MentorshipPeriod.objects.filter(pk=old.pk).exists()
    replaced = Event.objects.get(event_type="mentorship_replaced")
    assert replaced.heading == "New Mentor replaced Old Mentor as Kenneth Lowry’s mentor before the mentoring started"
    assert replaced.metadata["deleted_mentorship"]["mentorship_period_id"] == old.pk
    assert replaced.mentor_at_school_period == old_mentor
    # The old mentorship's own events stay in the audit trail, without the link to the deleted row.
    old_events = Event.objects.filter(event_type="teacher_starts_mentoring", mentor_at_school_period=old_mentor)
    assert old_events.count() == 1
    assert old_events.get().mentorship_period is None


def test_reassigning_the_current_mentor_changes_nothing(school, author):
    ect, mentor = an_ect(school), a_mentor(school)
    current = MentorshipPeriodFactory(mentee=ect, mentor=mentor, started_on=MONTH_AGO)

    mentorship = assign_mentor(ect_period=ect, mentor_period=mentor, author=author).mentorship

    assert mentorship == current
    assert list(ect.mentorship_periods.all()) == [current]
    current.refresh_from_db()
    assert (current.started_on, current.finished_on) == (MONTH_AGO, None)
    assert not Event.objects.exists()


def test_an_ect_cannot_be_their_own_mentor(school, author):
    ect = an_ect(school)
    themself = a_mentor(school, teacher=ect.teacher)

    with pytest.raises(DomainError, match=r"^You cannot assign an ECT as their own mentor$"):
        assign_mentor(ect_period=ect, mentor_period=themself, author=author)

    assert not MentorshipPeriod.objects.exists()


def test_a_mentor_at_another_school_is_refused(school, author):
    ect, elsewhere = an_ect(school), a_mentor(SchoolFactory())

    with pytest.raises(DomainError, match=r"^This mentor is not registered at this school$"):
        assign_mentor(ect_period=ect, mentor_period=elsewhere, author=author)

    assert not MentorshipPeriod.objects.exists()


def test_an_ect_who_has_left_is_refused(school, author):
    ect = an_ect(school, started_on=MONTH_AGO - 30 * DAY, finished_on=TODAY - DAY)

    with pytest.raises(DomainError, match=r"^You cannot assign a mentor to Kenneth Lowry because they have left"):
        assign_mentor(ect_period=ect, mentor_period=a_mentor(school), author=author)

    assert not MentorshipPeriod.objects.exists()


def test_a_mentor_who_has_left_is_refused(school, author):
    mentor = a_mentor(school, started_on=MONTH_AGO - 30 * DAY, finished_on=TODAY - DAY)

    with pytest.raises(DomainError, match=r"^Jane Smith is no longer a mentor at your school"):
        assign_mentor(ect_period=an_ect(school), mentor_period=mentor, author=author)

    assert not MentorshipPeriod.objects.exists()


def test_an_ect_who_leaves_before_the_mentor_starts_is_refused(school, author):
    ect = an_ect(school, finished_on=TODAY + 10 * DAY)
    mentor = a_mentor(school, started_on=TODAY + 30 * DAY)

    with pytest.raises(DomainError, match=r"not at your school at the same time$"):
        assign_mentor(ect_period=ect, mentor_period=mentor, author=author)


def test_someone_elses_assignment_since_the_ect_was_loaded_is_not_overwritten(school, author):
    ect = an_ect(school)
    seen_by_me = mentorship_version(ect)
    theirs = assign_mentor(
        ect_period=fresh(ect), mentor_period=a_mentor(school, "Their Choice"), author=author
    ).mentorship

    with pytest.raises(DomainError) as refused:
        assign_mentor(
            ect_period=ect, mentor_period=a_mentor(school, "My Choice"), author=author, expected_version=seen_by_me
        )

    assert refused.value.message == (
        "Kenneth Lowry has just been assigned a mentor by someone else. Check their record before changing it."
    )
    assert list(ect.mentorship_periods.all()) == [theirs]


def test_the_same_instance_can_assign_twice_in_a_row(school, author):
    ect = an_ect(school)
    assign_mentor(ect_period=ect, mentor_period=a_mentor(school, "First Mentor"), author=author)

    second = assign_mentor(ect_period=ect, mentor_period=a_mentor(school, "Second Mentor"), author=author).mentorship

    assert list(ect.mentorship_periods.all()) == [second]


def test_a_refusal_by_the_database_is_a_message_and_leaves_the_callers_transaction_usable(school, author, monkeypatch):
    """A writer that skipped the lock slips in a mentorship just before ours is inserted."""
    ect, ours, theirs = an_ect(school), a_mentor(school, "Our Mentor"), a_mentor(school, "Their Mentor")
    create = MentorshipPeriod.objects.create

    def create_after_someone_else(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO mentors_mentorshipperiod (mentee_id, mentor_id, started_on, created_at, updated_at) "
                "VALUES (%s, %s, %s, now(), now())",
                [ect.pk, theirs.pk, TODAY],
            )
        return create(**kwargs)

    monkeypatch.setattr(MentorshipPeriod.objects, "create", create_after_someone_else)

    with transaction.atomic():
        with pytest.raises(DomainError) as refused:
            assign_mentor(ect_period=ect, mentor_period=ours, author=author)
        assert Event.objects.count() == 0  # the savepoint rolled back our events; the transaction still works

    assert refused.value.message.startswith("Kenneth Lowry has just been assigned a mentor by someone else.")
    assert not MentorshipPeriod.objects.filter(mentor=ours).exists()


def test_other_integrity_errors_are_not_hidden(school, author, monkeypatch):
    def broken(**kwargs):
        raise IntegrityError("something else")

    monkeypatch.setattr(MentorshipPeriod.objects, "create", broken)

    with pytest.raises(IntegrityError):
        assign_mentor(ect_period=an_ect(school), mentor_period=a_mentor(school), author=author)
