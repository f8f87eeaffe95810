"""Two schools registering the same ECT at the same moment: one registration, and words for the other.

Each school's registration runs in its own thread, transaction and connection; a barrier releases
them together. No sleeps. The race is repeated, because which side wins (and where the loser waits:
on the new teacher's unique TRN, or on the existing teacher's row lock) varies from round to round.
"""

import datetime
import threading
from dataclasses import dataclass

import pytest
from django.db import connection

from ecf.errors import DomainError
from ecf.events import Author
from ecf.models import EmailMessage, Teacher, TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from ects.services import register_ect
from tests.factories import AppropriateBodyFactory, ContractPeriodFactory, SchoolFactory, TeacherFactory

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 20  # seconds; only reached when something is broken
ROUNDS = 5
SEP_1 = datetime.date(2025, 9, 1)


@dataclass
class Outcome:
    school_name: str
    period: ECTAtSchoolPeriod | None = None
    error: BaseException | None = None


def race_two_schools(trn: str) -> list[Outcome]:
    """Register `trn` at two new schools at once; return what each registration got."""
    appropriate_body = AppropriateBodyFactory()
    schools = [SchoolFactory(name=f"School {side} for {trn}") for side in "AB"]
    outcomes = [Outcome(school.name) for school in schools]
    start = threading.Barrier(len(schools), timeout=TIMEOUT)

    def run(school, outcome: Outcome) -> None:
        try:
            connection.ensure_connection()  # connect before the barrier so both start together
            start.wait()
            outcome.period = register_ect(
                school=school,
                author=Author.system("Concurrency test"),
                trn=trn,
                trs_first_name="Kenneth",
                trs_last_name="Lowry",
                email=f"kenneth.lowry.{trn}@example.com",
                started_on=SEP_1,
                working_pattern=ECTAtSchoolPeriod.WorkingPattern.FULL_TIME,
                appropriate_body=appropriate_body,
                training_programme=TrainingPeriod.Programme.SCHOOL_LED,
            )
        except BaseException as error:  # reported to the test thread
            outcome.error = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in zip(schools, outcomes, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a registration hung"
    return outcomes


def assert_one_registered_and_the_other_told_why(trn: str, outcomes: list[Outcome]) -> None:
    winners = [outcome for outcome in outcomes if outcome.error is None]
    losers = [outcome for outcome in outcomes if outcome.error is not None]
    assert len(winners) == 1, f"{len(winners)} registrations succeeded: {[o.error for o in outcomes]!r}"
    (winner,), (loser,) = winners, losers
    # A DomainError, never an IntegrityError or a deadlock (OperationalError) that would be a 500.
    assert isinstance(loser.error, DomainError), f"the loser failed with {loser.error!r}"
    # The teacher's row lock makes the two take turns, so the loser sees the winner's period (started the
    # same day) and gets the start-date step's message. Without the lock they meet in the exclusion
    # constraint instead (the database's refusal, or a deadlock): this message proves they took turns.
    assert loser.error.message == (
        f"Our records show that Kenneth Lowry started teaching at {winner.school_name} on 1 September 2025. "
        "Enter a start date after 1 September 2025."
    )
    periods = ECTAtSchoolPeriod.objects.filter(teacher__trn=trn)
    assert periods.count() == 1
    assert periods.filter(finished_on__isnull=True).get().pk == winner.period.pk
    assert Teacher.objects.filter(trn=trn).count() == 1
    assert TrainingPeriod.objects.filter(ect_at_school_period__teacher__trn=trn).count() == 1
    assert EmailMessage.objects.filter(to=f"kenneth.lowry.{trn}@example.com").count() == 1  # the loser sent nothing


@pytest.fixture
def contract_period():
    return ContractPeriodFactory(year=2025)


def test_two_schools_registering_a_new_teacher_at_once_end_with_one_registration(contract_period):
    for round_number in range(ROUNDS):
        trn = f"{4100000 + round_number:07d}"

        outcomes = race_two_schools(trn)

        assert_one_registered_and_the_other_told_why(trn, outcomes)


def test_two_schools_registering_a_known_teacher_at_once_end_with_one_registration(contract_period):
    for round_number in range(ROUNDS):
        trn = f"{4200000 + round_number:07d}"
        TeacherFactory(trn=trn, trs_first_name="Kenneth", trs_last_name="Lowry")

        outcomes = race_two_schools(trn)

        assert_one_registered_and_the_other_told_why(trn, outcomes)
