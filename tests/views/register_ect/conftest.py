"""The register-an-ECT journey's setting: contract periods around today, appropriate bodies and lead providers."""

import pytest

from ecf.models import AppropriateBody
from tests.factories import (
    ActiveLeadProviderFactory,
    AppropriateBodyFactory,
    ContractPeriodFactory,
    LeadProviderFactory,
    current_contract_year,
)


@pytest.fixture
def setting(school):
    """Contract periods around today (the current one open, next year's not yet), appropriate bodies, providers."""
    year = current_contract_year()
    for offset in (-2, -1, 0):
        ContractPeriodFactory(year=year + offset, enabled=True)
    next_year = ContractPeriodFactory(year=year + 1, enabled=False)
    hub = AppropriateBodyFactory(name="Riverside Teaching School Hub")
    AppropriateBodyFactory(name="Pennine Teaching School Hub")
    istip = AppropriateBodyFactory(
        name="Independent Schools Teacher Induction Panel (ISTIP)", body_type=AppropriateBody.BodyType.NATIONAL
    )
    ambition = LeadProviderFactory(name="Ambition Institute")
    ActiveLeadProviderFactory(lead_provider=ambition, contract_period_id=year)
    teach_first = LeadProviderFactory(name="Teach First")
    ActiveLeadProviderFactory(lead_provider=teach_first, contract_period_id=year)
    return {"hub": hub, "istip": istip, "ambition": ambition, "teach_first": teach_first, "next_year": next_year}
