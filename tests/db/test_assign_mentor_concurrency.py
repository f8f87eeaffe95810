"""Two school users assigning or registering mentors at the same moment.

Each user's request runs in its own thread, transaction and connection, having loaded the ECT as its
request would; a barrier releases them together. No sleeps. The races are repeated, because which side
wins varies from round to round.
"""

import datetime
import threading
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection

from ecf.errors import DomainError
from ecf.events import Author
from ecf.models import EmailMessage, Teacher, TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from mentors.queries import mentorship_version
from mentors.services import assign_mentor, register_mentor
from tests.factories import (
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    SchoolFactory,
    SchoolPartnershipFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 20  # seconds; only reached when something is broken
ROUNDS = 5
TODAY = datetime.date.today()
MONTH_AGO = TODAY - datetime.timedelta(days=30)


@dataclass
class Outcome:
    result: object = None
    error: BaseException | None = None


def race(*writes: Callable[[ECTAtSchoolPeriod, str], object], ect_ids: list[int]) -> list[Outcome]:
    """Run each write in its own thread with the ECT it is about and its mentoring as the user saw it (its
    mentorship version), loaded by that thread, all at once."""
    outcomes = [Outcome() for _ in writes]
    start = threading.Barrier(len(writes), timeout=TIMEOUT)

    def run(write, ect_id: int, outcome: Outcome) -> None:
        try:
            ect_period = ECTAtSchoolPeriod.objects.get(pk=ect_id)  # what the user's request loaded
            seen = mentorship_version(ect_period)  # and showed them
            start.wait()
            outcome.result = write(ect_period, seen)
        except BaseException as error:  # reported to the test thread
            outcome.error = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=args) for args in zip(writes, ect_ids, outcomes, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a write hung"
    return outcomes


@pytest.fixture
def school():
    return SchoolFactory(name="Ashdown Primary School")


@pytest.fixture
def partnership(school):
    return SchoolPartnershipFactory(
        school=school, lead_provider_delivery_partnership__active_lead_provider__contract_period=ContractPeriodFactory()
    )


def provider_led_ect(school, partnership, name: str) -> ECTAtSchoolPeriod:
    ect = ECTAtSchoolPeriodFactory(
        school=school, started_on=MONTH_AGO, teacher__trs_first_name=name, teacher__trs_last_name="Lowry"
    )
    TrainingPeriodFactory(ect_at_school_period=ect, school_partnership=partnership, started_on=MONTH_AGO)
    return ect


def test_two_users_assigning_different_mentors_to_one_ect_end_with_one_mentor_and_words_for_the_other(
    school, partnership
):
    for round_number in range(ROUNDS):
        ect = provider_led_ect(school, partnership, f"Kenneth{round_number}")
        mentors = [MentorAtSchoolPeriodFactory(school=school, started_on=MONTH_AGO) for _ in "AB"]

        def assign(mentor):
            return lambda ect_period, seen: (
                assign_mentor(
                    ect_period=ect_period,
                    mentor_period=mentor,
                    author=Author.system(f"User {mentor.pk}"),
                    expected_version=seen,
                ).mentorship
            )

        outcomes = race(assign(mentors[0]), assign(mentors[1]), ect_ids=[ect.pk, ect.pk])

        winners = [outcome for outcome in outcomes if outcome.error is None]
        losers = [outcome for outcome in outcomes if outcome.error is not None]
        assert len(winners) == 1, f"round {round_number}: {[outcome.error for outcome in outcomes]!r}"
        (winner,), (loser,) = winners, losers
        # A DomainError with words for the user, never an IntegrityError or a deadlock (a 500).
        assert isinstance(loser.error, DomainError), f"round {round_number}: the loser failed with {loser.error!r}"
        assert loser.error.message == (
            f"Kenneth{round_number} Lowry has just been assigned a mentor by someone else. "
            "Check their record before changing it."
        )
        # They took turns on the ECT's row lock: the loser saw the winner's mentorship and refused by itself,
        # rather than meeting it in the exclusion constraint (whose refusal would be the error's cause).
        assert loser.error.__cause__ is None, f"round {round_number}: refused by the database, not the lock"
        current = MentorshipPeriod.objects.filter(mentee=ect).current_or_future()
        assert list(current) == [winner.result]
        assert MentorshipPeriod.objects.filter(mentee=ect).count() == 1
        # Only the winner's mentor started mentor training.
        trained = TrainingPeriod.objects.filter(mentor_at_school_period__in=mentors)
        assert [training.mentor_at_school_period_id for training in trained] == [winner.result.mentor_id]


def register(school, trn: str, email: str):
    def write(ect_period, seen):  # registering a new mentor takes the ECT as it is (the journey does not check)
        return register_mentor(
            school=school,
            ect_period=ect_period,
            author=Author.system("Concurrency test"),
            trn=trn,
            trs_first_name="Jane",
            trs_last_name="Smith",
            email=email,
            subject="Primary",
            age_range="5 to 11",
            key_stage="Key stage 2",
        ).mentor_period

    return write


def test_registering_one_new_mentor_twice_at_once_for_one_ect_ends_with_one_mentor(school, partnership):
    """A double submit, or two tabs: both succeed, and there is one mentor, one mentorship, one email."""
    for round_number in range(ROUNDS):
        ect = provider_led_ect(school, partnership, f"Kenneth{round_number}")
        trn = f"{5100000 + round_number:07d}"
        email = f"jane.{trn}@example.com"

        outcomes = race(register(school, trn, email), register(school, trn, email), ect_ids=[ect.pk, ect.pk])

        assert [outcome.error for outcome in outcomes] == [None, None]
        periods = MentorAtSchoolPeriod.objects.filter(teacher__trn=trn, school=school)
        assert periods.count() == 1
        assert {outcome.result.pk for outcome in outcomes} == {periods.get().pk}
        assert Teacher.objects.filter(trn=trn).count() == 1
        assert MentorshipPeriod.objects.filter(mentee=ect).get().mentor == periods.get()
        assert TrainingPeriod.objects.filter(mentor_at_school_period__teacher__trn=trn).count() == 1
        assert EmailMessage.objects.filter(to=email).count() == 1


def test_registering_one_new_mentor_for_two_ects_at_once_ends_with_one_mentor_for_both(school, partnership):
    for round_number in range(ROUNDS):
        ects = [provider_led_ect(school, partnership, f"{side}{round_number}") for side in "AB"]
        trn = f"{5200000 + round_number:07d}"
        email = f"jane.{trn}@example.com"

        outcomes = race(register(school, trn, email), register(school, trn, email), ect_ids=[ect.pk for ect in ects])

        assert [outcome.error for outcome in outcomes] == [None, None]
        period = MentorAtSchoolPeriod.objects.get(teacher__trn=trn, school=school)
        assert [MentorshipPeriod.objects.get(mentee=ect).mentor for ect in ects] == [period, period]
        assert period.training_periods.count() == 1
