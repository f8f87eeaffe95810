"""The register-a-mentor journey's lead providers, its provider-led and school-led ECTs, and a secondary school."""

import pytest

from schools.models import School
from tests.conftest import sign_in
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    LeadProviderFactory,
    SchoolFactory,
    SchoolUserFactory,
)
from tests.views.register_mentor.steps import ect_at


@pytest.fixture
def providers(db):
    contract_period = ContractPeriodFactory()
    ambition = LeadProviderFactory(name="Ambition Institute")
    teach_first = LeadProviderFactory(name="Teach First")
    active = ActiveLeadProviderFactory(lead_provider=ambition, contract_period=contract_period)
    ActiveLeadProviderFactory(lead_provider=teach_first, contract_period=contract_period)
    return {"ambition": ambition, "teach_first": teach_first, "active_ambition": active}


@pytest.fixture
def provider_led_ect(school, providers):
    return ect_at(school, providers=providers)


@pytest.fixture
def school_led_ect(school):
    return ect_at(school, programme="school_led")


@pytest.fixture
def secondary_school(db):
    return SchoolFactory(name="Ashdown Academy", phase=School.Phase.SECONDARY)


@pytest.fixture
def secondary_client(client, secondary_school):
    return sign_in(client, SchoolUserFactory(schools=[secondary_school]), secondary_school)
