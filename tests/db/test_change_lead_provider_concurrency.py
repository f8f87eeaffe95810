"""A school changes an ECT's lead provider while the lead provider withdraws the same ECT, and two tabs change it at
once: one consistent outcome, never a 500.

Each side runs in its own thread, transaction and connection; a barrier releases them together. No sleeps. The races
are repeated, because which side wins varies from round to round. The lead provider's side is the API's withdraw
service (`ecf.training.provider_actions.withdraw_training`).
"""

import datetime
import threading
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection

from ecf.errors import DomainError
from ecf.events import Author
from ecf.models import TrainingPeriod
from ecf.training.changes import change_lead_provider, current_training, training_version
from ecf.training.provider_actions import ProviderActionError, withdraw_training
from ects.models import ECTAtSchoolPeriod
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
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


def race(*writes: Callable[[], object]) -> list[Outcome]:
    outcomes = [Outcome() for _ in writes]
    start = threading.Barrier(len(writes), timeout=TIMEOUT)

    def run(write, outcome: Outcome) -> None:
        try:
            start.wait()
            outcome.result = write()
        except BaseException as error:  # reported to the test thread
            outcome.error = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=args) for args in zip(writes, outcomes, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a write hung"
    return outcomes


@pytest.fixture
def setting():
    contract_period = ContractPeriodFactory()
    school = SchoolFactory()
    old = ActiveLeadProviderFactory(lead_provider__name="Ambition", contract_period=contract_period)
    new = ActiveLeadProviderFactory(lead_provider__name="Teach First", contract_period=contract_period)
    other = ActiveLeadProviderFactory(lead_provider__name="UCL", contract_period=contract_period)
    return school, old, new.lead_provider, other.lead_provider


def an_ect_trained_by(school, active_lead_provider) -> tuple[ECTAtSchoolPeriod, TrainingPeriod]:
    ect = ECTAtSchoolPeriodFactory(school=school, started_on=MONTH_AGO)
    partnership = SchoolPartnershipFactory(
        school=school, lead_provider_delivery_partnership__active_lead_provider=active_lead_provider
    )
    return ect, TrainingPeriodFactory(ect_at_school_period=ect, school_partnership=partnership, started_on=MONTH_AGO)


def withdraw(ect: ECTAtSchoolPeriod, active_lead_provider) -> TrainingPeriod:
    return withdraw_training(
        lead_provider=active_lead_provider.lead_provider,
        teacher=ect.teacher,
        course_identifier="ecf-induction",
        reason="moved-school",
    )


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_a_school_changing_the_lead_provider_while_the_provider_withdraws(setting, round_):
    school, old, new, _ = setting
    ect, training = an_ect_trained_by(school, old)
    seen = training_version(current_training(ect))

    school_side, provider_side = race(
        lambda: change_lead_provider(
            at_school_period=ect, lead_provider=new, author=Author.system(), expected_version=seen
        ),
        lambda: withdraw(ect, old),
    )

    assert school_side.error is None
    assert provider_side.error is None
    training.refresh_from_db()
    assert (training.finished_on, training.status) == (TODAY - datetime.timedelta(days=1), "withdrawn")
    current = TrainingPeriod.objects.get(ect_at_school_period=ect, finished_on__isnull=True)
    assert (current.lead_provider, current.status, current.started_on) == (new, "active", TODAY)


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_a_choice_no_provider_confirmed_changed_while_that_provider_withdraws(setting, round_):
    """The school's choice nobody confirmed is changed in place: the provider either withdraws it before the change
    (which then replaces it, withdrawal and all) or finds it no longer theirs; the new provider's training is never
    withdrawn by the old one."""
    school, old, new, _ = setting
    ect = ECTAtSchoolPeriodFactory(school=school, started_on=MONTH_AGO)
    TrainingPeriodFactory(ect_at_school_period=ect, school_partnership=None, expression_of_interest=old)
    seen = training_version(current_training(ect))

    school_side, provider_side = race(
        lambda: change_lead_provider(
            at_school_period=ect, lead_provider=new, author=Author.system(), expected_version=seen
        ),
        lambda: withdraw(ect, old),
    )

    assert school_side.error is None
    assert provider_side.error is None or isinstance(provider_side.error, ProviderActionError), provider_side.error
    current = TrainingPeriod.objects.get(ect_at_school_period=ect)
    assert (current.lead_provider, current.status) == (new, "active")


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_tabs_changing_the_lead_provider_at_once_change_it_once(setting, round_):
    school, old, new, other = setting
    ect, _ = an_ect_trained_by(school, old)
    seen = training_version(current_training(ect))

    outcomes = race(
        *[
            lambda provider=provider: change_lead_provider(
                at_school_period=ect, lead_provider=provider, author=Author.system(), expected_version=seen
            )
            for provider in (new, other)
        ]
    )

    errors = [outcome.error for outcome in outcomes if outcome.error is not None]
    assert len(errors) == 1, errors
    assert isinstance(errors[0], DomainError)
    assert TrainingPeriod.objects.filter(ect_at_school_period=ect).count() == 2
    assert TrainingPeriod.objects.get(ect_at_school_period=ect, finished_on__isnull=True).lead_provider in (new, other)
