"""Partnerships (confirming turns expressions of interest into confirmed training), schools, delivery partners."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ecf.models import ActiveLeadProvider, Event
from tests.api.conftest import errors
from tests.factories import (
    ActiveLeadProviderFactory,
    DeliveryPartnerFactory,
    LeadProviderDeliveryPartnershipFactory,
    SchoolFactory,
    SchoolPartnershipFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivery_partnership(lead_provider):
    return LeadProviderDeliveryPartnershipFactory(
        active_lead_provider=ActiveLeadProviderFactory(lead_provider=lead_provider)
    )


def new_partnership(school, delivery_partnership, year=None):
    return {
        "data": {
            "type": "partnership",
            "attributes": {
                "cohort": year or delivery_partnership.active_lead_provider.contract_period_id,
                "school_id": str(school.api_id),
                "delivery_partner_id": str(delivery_partnership.delivery_partner.api_id),
            },
        }
    }


def test_confirming_a_partnership_confirms_the_schools_expressions_of_interest(api, delivery_partnership):
    school = SchoolFactory()
    interested = TrainingPeriodFactory(
        with_eoi=True,
        ect_at_school_period__school=school,
        expression_of_interest=delivery_partnership.active_lead_provider,
    )

    response = api.post("/partnerships", new_partnership(school, delivery_partnership))

    assert response.status_code == 200
    attributes = response.json()["data"]["attributes"]
    assert attributes["school_id"] == str(school.api_id)
    assert attributes["delivery_partner_name"] == delivery_partnership.delivery_partner.name
    interested.refresh_from_db()
    assert interested.school_partnership.api_id.hex == response.json()["data"]["id"].replace("-", "")
    assert interested.expression_of_interest is None
    assert Event.objects.filter(event_type="training_period_assigned_to_school_partnership").count() == 1
    assert api.get(f"/partnerships/{response.json()['data']['id']}").status_code == 200
    assert len(api.get("/partnerships").json()["data"]) == 1


def test_a_second_partnership_for_the_same_school_and_year_is_refused(api, delivery_partnership):
    school = SchoolFactory()
    api.post("/partnerships", new_partnership(school, delivery_partnership))
    response = api.post("/partnerships", new_partnership(school, delivery_partnership))
    assert response.status_code == 422
    assert errors(response)[0][0] == "school_id"


def test_a_delivery_partner_the_provider_does_not_work_with_is_refused(api, delivery_partnership):
    other = LeadProviderDeliveryPartnershipFactory(active_lead_provider=delivery_partnership.active_lead_provider)
    other.delivery_partner = DeliveryPartnerFactory()  # not saved: one the provider does not work with
    response = api.post("/partnerships", new_partnership(SchoolFactory(), other))
    assert response.status_code == 422
    assert errors(response)[0][0] == "delivery_partner_id"


def test_changing_the_delivery_partner_moves_the_participants(api, delivery_partnership, lead_provider):
    school = SchoolFactory()
    partnership_id = api.post("/partnerships", new_partnership(school, delivery_partnership)).json()["data"]["id"]
    another = LeadProviderDeliveryPartnershipFactory(active_lead_provider=delivery_partnership.active_lead_provider)
    response = api.put(
        f"/partnerships/{partnership_id}",
        {"data": {"type": "partnership", "attributes": {"delivery_partner_id": str(another.delivery_partner.api_id)}}},
    )
    assert response.status_code == 200
    assert response.json()["data"]["attributes"]["delivery_partner_id"] == str(another.delivery_partner.api_id)


def test_another_providers_partnership_is_not_found(api):
    assert api.get(f"/partnerships/{SchoolPartnershipFactory().api_id}").status_code == 404


def test_schools_need_a_cohort(api):
    response = api.get("/schools")
    assert response.status_code == 400
    assert errors(response) == [("Bad request", "The filter '#/cohort' must be included in your request")]


def test_schools_show_partnership_and_interest(api, delivery_partnership):
    year = delivery_partnership.active_lead_provider.contract_period_id
    school = SchoolFactory()
    TrainingPeriodFactory(
        with_eoi=True,
        ect_at_school_period__school=school,
        expression_of_interest=delivery_partnership.active_lead_provider,
    )
    [listed] = [
        s for s in api.get("/schools", {"filter[cohort]": str(year)}).json()["data"] if s["id"] == str(school.api_id)
    ]
    assert listed["attributes"]["expression_of_interest"] is True
    assert listed["attributes"]["in_partnership"] is False
    shown = api.get(f"/schools/{school.api_id}", {"filter[cohort]": str(year)})
    assert shown.json()["data"]["attributes"]["urn"] == str(school.urn)


def test_delivery_partners_are_the_providers_own(api, delivery_partnership):
    LeadProviderDeliveryPartnershipFactory()  # another provider's
    [partner] = api.get("/delivery-partners").json()["data"]
    assert partner["id"] == str(delivery_partnership.delivery_partner.api_id)
    assert partner["attributes"]["cohort"] == [str(delivery_partnership.active_lead_provider.contract_period_id)]
    assert api.get(f"/delivery-partners/{partner['id']}").status_code == 200


def make_rows(lead_provider, count):
    active = ActiveLeadProvider.objects.filter(lead_provider=lead_provider).first() or ActiveLeadProviderFactory(
        lead_provider=lead_provider
    )
    for _ in range(count):
        SchoolPartnershipFactory(
            lead_provider_delivery_partnership=LeadProviderDeliveryPartnershipFactory(active_lead_provider=active)
        )
    return active.contract_period_id


def list_queries(captured):
    return [
        query["sql"]
        for query in captured.captured_queries
        if not any(part in query["sql"] for part in ("ecf_cache", "ecf_apitoken", "SAVEPOINT"))
    ]


@pytest.mark.parametrize("path", ["/partnerships", "/schools", "/delivery-partners"])
def test_lists_run_a_constant_number_of_queries(api, lead_provider, path):
    year = make_rows(lead_provider, 1)
    params = {"filter[cohort]": str(year)}
    with CaptureQueriesContext(connection) as one:
        assert len(api.get(path, params).json()["data"]) >= 1
    make_rows(lead_provider, 20)
    with CaptureQueriesContext(connection) as many:
        assert len(api.get(path, params).json()["data"]) >= 21
    # The token and rate-limit bookkeeping differs between a first and a later request; the list's own queries
    # are the same for 1 and 21 rows.
    assert len(list_queries(many)) == len(list_queries(one))
