import pytest

from ecf.events import Author
from ecf.training.api_tokens import create_api_token
from tests.factories import (
    ActiveLeadProviderFactory,
    LeadProviderDeliveryPartnershipFactory,
    LeadProviderFactory,
    SchoolFactory,
    SchoolPartnershipFactory,
    TrainingPeriodFactory,
)


@pytest.fixture(autouse=True)
def api_rate_limit_is_on(settings):
    """Every API request is counted, as in production (tests/conftest.py turns the limits off elsewhere): the
    query counts of the API's tests include the count's own queries."""
    settings.RATELIMIT_ENABLE = True


@pytest.fixture
def lead_provider(db):
    return LeadProviderFactory(name="Ambition Institute")


@pytest.fixture
def token(lead_provider):
    return create_api_token(lead_provider=lead_provider, author=Author.system())[1]


class APIClient:
    """Django's test client with the bearer token and JSON bodies."""

    def __init__(self, client, token):
        self.client, self.token = client, token

    def headers(self):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def get(self, path, params=None):
        return self.client.get(f"/api/v3{path}", params or {}, **self.headers())

    def put(self, path, body=None):
        return self.client.put(f"/api/v3{path}", body or {}, content_type="application/json", **self.headers())

    def post(self, path, body=None):
        return self.client.post(f"/api/v3{path}", body or {}, content_type="application/json", **self.headers())


@pytest.fixture
def api(client, token):
    return APIClient(client, token)


@pytest.fixture
def partnership(lead_provider):
    """A school partnered with the lead provider this contract year."""
    active = ActiveLeadProviderFactory(lead_provider=lead_provider)
    return SchoolPartnershipFactory(
        school=SchoolFactory(),
        lead_provider_delivery_partnership=LeadProviderDeliveryPartnershipFactory(active_lead_provider=active),
    )


@pytest.fixture
def ect_training(partnership):
    """An ECT in training with the lead provider, since the start of this contract year."""
    return TrainingPeriodFactory(
        ect_at_school_period__school=partnership.school,
        school_partnership=partnership,
    )


def errors(response) -> list[tuple[str, str]]:
    return [(error["title"], error["detail"]) for error in response.json()["errors"]]
