"""The mentor services' contract period (the one containing today) and the school's partnership in it."""

import pytest

from tests.factories import ContractPeriodFactory, SchoolPartnershipFactory


@pytest.fixture
def contract_period():
    return ContractPeriodFactory()  # the one containing today


@pytest.fixture
def partnership(school, active_lead_provider):
    return SchoolPartnershipFactory(
        school=school, lead_provider_delivery_partnership__active_lead_provider=active_lead_provider
    )
