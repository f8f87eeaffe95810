"""Who acts, and a lead provider active in the contract period of the package asking, for tests/unit/*/."""

import pytest

from ecf.events import Author
from tests.factories import ActiveLeadProviderFactory


@pytest.fixture
def author(school_user):
    return Author.school_user(school_user)


@pytest.fixture
def active_lead_provider(contract_period):
    """Best Practice Network, active in the `contract_period` of the package's own conftest.py."""
    return ActiveLeadProviderFactory(lead_provider__name="Best Practice Network", contract_period=contract_period)


@pytest.fixture
def lead_provider(active_lead_provider):
    return active_lead_provider.lead_provider
