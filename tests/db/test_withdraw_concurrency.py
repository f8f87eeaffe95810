"""Ten identical withdraws at once (a provider's client retrying): exactly one transition, the others are told
"already withdrawn", none fails. Each in its own thread, connection and transaction, released by a barrier."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from ecf.errors import DomainError
from ecf.models import Event, TrainingPeriod
from ecf.training.provider_actions import withdraw_training
from tests.factories import (
    ActiveLeadProviderFactory,
    LeadProviderDeliveryPartnershipFactory,
    SchoolPartnershipFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)
RACERS = 10
TIMEOUT = 20  # seconds; only reached when something is broken


def test_ten_simultaneous_withdraws_make_one_transition():
    partnership = SchoolPartnershipFactory(
        lead_provider_delivery_partnership=LeadProviderDeliveryPartnershipFactory(
            active_lead_provider=ActiveLeadProviderFactory()
        )
    )
    period = TrainingPeriodFactory(school_partnership=partnership, ect_at_school_period__school=partnership.school)
    teacher = period.ect_at_school_period.teacher
    lead_provider = partnership.lead_provider
    start = threading.Barrier(RACERS, timeout=TIMEOUT)

    def withdraw(_):
        try:
            start.wait()
            withdraw_training(
                lead_provider=lead_provider, teacher=teacher, course_identifier="ecf-induction", reason="other"
            )
            return "withdrawn"
        except DomainError as error:
            return error.message
        finally:
            connection.close()

    with ThreadPoolExecutor(RACERS) as pool:
        outcomes = list(pool.map(withdraw, range(RACERS), timeout=TIMEOUT))

    assert sorted(outcomes) == ["The '#/participant_id' is already withdrawn."] * (RACERS - 1) + ["withdrawn"]
    assert TrainingPeriod.objects.get(pk=period.pk).status == "withdrawn"
    assert Event.objects.filter(event_type="teacher_withdraws_training_period").count() == 1
