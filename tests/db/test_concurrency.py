"""Two requests racing to break a period invariant: PostgreSQL lets exactly one of them commit.

Each racer works in its own thread, transaction and connection, and threads are released together by a
barrier. No sleeps: every wait is on an event that a thread or the database reports.

- `race_while_both_are_in_flight`: the first racer inserts and holds its transaction open; the second
  inserts while that row is uncommitted, and the monitor waits until PostgreSQL shows the second insert
  blocked on the first transaction (`pg_blocking_pids`) before letting the first commit. The loser must
  then get the constraint violation.
- `race_repeatedly`: both insert and commit at once, many rounds. When both rows reach the exclusion
  check together, each waits on the other and PostgreSQL's deadlock detector aborts one (40P01, after
  `deadlock_timeout`); the invariant still holds. Services lock the owner row first ("inside the same
  locked transaction"), and the `..._with_the_owner_locked` tests show that makes the loser's error
  always the constraint violation.
"""

import datetime
import threading
import time
from dataclasses import dataclass, field

import pytest
from django.db import IntegrityError, OperationalError, connection, transaction

from ecf.models import Teacher
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorshipPeriod
from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory, SchoolFactory, TeacherFactory

pytestmark = pytest.mark.django_db(transaction=True)

EXCLUSION_VIOLATION = "23P01"
UNIQUE_VIOLATION = "23505"
DEADLOCK_DETECTED = "40P01"
TIMEOUT = 20  # seconds; only reached when something is broken
SEP_1 = datetime.date(2024, 9, 1)


@dataclass
class Racer:
    name: str
    insert: object  # a callable doing one insert in the racer's transaction
    pid: int | None = None
    inserted: threading.Event = field(default_factory=threading.Event)
    committed: bool = False
    error: BaseException | None = None


def backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def race_while_both_are_in_flight(first_insert, second_insert) -> tuple[list[Racer], bool]:
    """Return the racers and whether the second insert was seen waiting on the first's transaction."""
    first, second = racers = [Racer("first", first_insert), Racer("second", second_insert)]
    pids_known = threading.Barrier(3, timeout=TIMEOUT)
    start = threading.Barrier(2, timeout=TIMEOUT)
    may_commit = threading.Event()

    def run(racer: Racer) -> None:
        try:
            racer.pid = backend_pid()
            pids_known.wait()
            with transaction.atomic():
                start.wait()
                if racer is second:
                    assert first.inserted.wait(TIMEOUT), "the first racer never inserted"
                racer.insert()
                racer.inserted.set()
                # The first holds its row uncommitted until the monitor has seen the second wait for it.
                assert may_commit.wait(TIMEOUT), "the monitor never released the commit"
            racer.committed = True
        except BaseException as error:  # reported to the test thread
            racer.error = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(racer,), name=racer.name) for racer in racers]
    for thread in threads:
        thread.start()
    blocked = False
    try:
        pids_known.wait()
        deadline = time.monotonic() + TIMEOUT
        with connection.cursor() as cursor:
            # Poll the database (no sleeping) until the second insert waits on the first transaction, or it
            # got through (the constraint did not serialise them), or a racer died.
            while time.monotonic() < deadline:
                cursor.execute("SELECT %s = ANY(pg_blocking_pids(%s))", [first.pid, second.pid])
                if cursor.fetchone()[0]:
                    blocked = True
                    break
                if second.inserted.is_set() or any(racer.error is not None for racer in racers):
                    break
    finally:
        may_commit.set()
        for thread in threads:
            thread.join(TIMEOUT)
        connection.close()
    assert not any(thread.is_alive() for thread in threads), "a racer hung"
    return racers, blocked


def race_repeatedly(*inserts) -> list[Racer]:
    """One round: released together, each inserts and commits at once."""
    racers = [Racer(f"racer-{i}", insert) for i, insert in enumerate(inserts)]
    start = threading.Barrier(len(racers), timeout=TIMEOUT)

    def run(racer: Racer) -> None:
        try:
            connection.ensure_connection()
            start.wait()
            with transaction.atomic():
                racer.insert()
            racer.committed = True
        except BaseException as error:  # reported to the test thread
            racer.error = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(racer,)) for racer in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a racer hung"
    return racers


def the_loser(racers: list[Racer]) -> Racer:
    winners = [racer for racer in racers if racer.committed]
    assert len(winners) == 1, f"{len(winners)} racers committed; errors: {[racer.error for racer in racers]}"
    (loser,) = [racer for racer in racers if not racer.committed]
    return loser


def assert_refused_by_constraint(loser: Racer, sqlstates: set[str], constraint_names: set[str]) -> None:
    assert isinstance(loser.error, IntegrityError), f"the loser failed with {loser.error!r}"
    assert loser.error.__cause__.sqlstate in sqlstates
    assert loser.error.__cause__.diag.constraint_name in constraint_names


def assert_refused_by_constraint_or_deadlock(loser: Racer, sqlstates: set[str], constraint_names: set[str]) -> None:
    if isinstance(loser.error, OperationalError) and loser.error.__cause__.sqlstate == DEADLOCK_DETECTED:
        return
    assert_refused_by_constraint(loser, sqlstates, constraint_names)


ROUNDS = 10

# One mentor at a time per ECT --------------------------------------------------------------------

MENTORSHIP_REFUSAL = ({EXCLUSION_VIOLATION}, {"ect_has_one_mentor_at_a_time"})


def mentorship_inserts(lock_the_ect_period=False):
    ect = ECTAtSchoolPeriodFactory(started_on=SEP_1)
    mentors = [MentorAtSchoolPeriodFactory(school=ect.school, started_on=SEP_1) for _ in range(2)]

    def assign(mentor):
        if lock_the_ect_period:
            ECTAtSchoolPeriod.objects.select_for_update().get(pk=ect.pk)
        return MentorshipPeriod.objects.create(mentee=ect, mentor=mentor, started_on=SEP_1)

    return ect, mentors, [lambda mentor=mentor: assign(mentor) for mentor in mentors]


def test_two_users_assigning_different_mentors_to_one_ect_at_once_leaves_one_mentor():
    ect, mentors, inserts = mentorship_inserts()

    racers, blocked = race_while_both_are_in_flight(*inserts)

    assert blocked, "the second insert never waited on the first: the race did not happen"
    assert_refused_by_constraint(the_loser(racers), *MENTORSHIP_REFUSAL)
    open_mentorships = MentorshipPeriod.objects.filter(mentee=ect, finished_on__isnull=True)
    assert open_mentorships.count() == 1
    assert open_mentorships.get().mentor == mentors[0]  # the first to insert holds the row


def test_racing_mentor_assignments_repeatedly_never_leave_two_mentors():
    for _ in range(ROUNDS):
        ect, _mentors, inserts = mentorship_inserts()

        racers = race_repeatedly(*inserts)

        assert_refused_by_constraint_or_deadlock(the_loser(racers), *MENTORSHIP_REFUSAL)
        assert MentorshipPeriod.objects.filter(mentee=ect, finished_on__isnull=True).count() == 1


def test_racing_mentor_assignments_with_the_owner_locked_always_end_in_the_constraint_violation():
    for _ in range(ROUNDS):
        ect, _mentors, inserts = mentorship_inserts(lock_the_ect_period=True)

        racers = race_repeatedly(*inserts)

        assert_refused_by_constraint(the_loser(racers), *MENTORSHIP_REFUSAL)
        assert MentorshipPeriod.objects.filter(mentee=ect, finished_on__isnull=True).count() == 1


# An ECT at one school at a time ------------------------------------------------------------------

# Both open: whichever of the exclusion and the open-period index PostgreSQL checks first refuses.
OPEN_ECT_REFUSAL = (
    {EXCLUSION_VIOLATION, UNIQUE_VIOLATION},
    {"ect_at_one_school_at_a_time", "one_open_ect_period_per_teacher"},
)


def ect_registration_inserts(teacher, finished_on=None, lock_the_teacher=False):
    def register(school):
        if lock_the_teacher:
            Teacher.objects.select_for_update().get(pk=teacher.pk)
        return ECTAtSchoolPeriod.objects.create(
            teacher=teacher,
            school=school,
            started_on=SEP_1,
            finished_on=finished_on,
            email="ect@example.com",
            working_pattern=ECTAtSchoolPeriod.WorkingPattern.FULL_TIME,
        )

    return [lambda school=school: register(school) for school in (SchoolFactory(), SchoolFactory())]


def test_two_schools_registering_the_same_ect_at_once_leaves_one_registration():
    teacher = TeacherFactory()

    racers, blocked = race_while_both_are_in_flight(*ect_registration_inserts(teacher))

    assert blocked, "the second insert never waited on the first: the race did not happen"
    assert_refused_by_constraint(the_loser(racers), *OPEN_ECT_REFUSAL)
    assert ECTAtSchoolPeriod.objects.filter(teacher=teacher).count() == 1
    assert ECTAtSchoolPeriod.objects.filter(teacher=teacher, finished_on__isnull=True).count() == 1


def test_two_schools_recording_overlapping_finished_ect_periods_at_once_keeps_one():
    """Finished periods are out of the open-period index's reach: the exclusion alone serialises them."""
    teacher = TeacherFactory()

    racers, blocked = race_while_both_are_in_flight(*ect_registration_inserts(teacher, datetime.date(2025, 7, 31)))

    assert blocked, "the second insert never waited on the first: the race did not happen"
    assert_refused_by_constraint(the_loser(racers), {EXCLUSION_VIOLATION}, {"ect_at_one_school_at_a_time"})
    assert ECTAtSchoolPeriod.objects.filter(teacher=teacher).count() == 1


def test_racing_ect_registrations_repeatedly_never_leave_two():
    for _ in range(ROUNDS):
        teacher = TeacherFactory()

        racers = race_repeatedly(*ect_registration_inserts(teacher))

        assert_refused_by_constraint_or_deadlock(the_loser(racers), *OPEN_ECT_REFUSAL)
        assert ECTAtSchoolPeriod.objects.filter(teacher=teacher).count() == 1


def test_racing_ect_registrations_with_the_teacher_locked_always_end_in_the_constraint_violation():
    for _ in range(ROUNDS):
        teacher = TeacherFactory()

        racers = race_repeatedly(*ect_registration_inserts(teacher, lock_the_teacher=True))

        assert_refused_by_constraint(the_loser(racers), *OPEN_ECT_REFUSAL)
        assert ECTAtSchoolPeriod.objects.filter(teacher=teacher).count() == 1
