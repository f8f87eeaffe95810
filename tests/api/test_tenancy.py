"""Another lead provider's records are invisible: every API URL that takes an id answers 404 to outsiders.

The meta-test walks the API's URLs: a new one with an id fails the suite until it is listed in OTHERS_RECORDS.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.api.conftest import errors
from tests.factories import (
    DeclarationFactory,
    LeadProviderDeliveryPartnershipFactory,
    SchoolPartnershipFactory,
    TrainingPeriodFactory,
)

ECT = "ecf-induction"

pytestmark = pytest.mark.django_db


def another_providers_participant():
    return TrainingPeriodFactory().ect_at_school_period.teacher.api_id


# URL name -> (method, path after /api/v3, body, builds another provider's record and returns its id)
def another_providers_declaration():
    return DeclarationFactory().api_id


def another_providers_partnership():
    return SchoolPartnershipFactory().api_id


def another_providers_delivery_partner():
    return LeadProviderDeliveryPartnershipFactory().delivery_partner.api_id


OTHERS_RECORDS = {
    "show_partnership": ("get", "/partnerships/{id}", None, another_providers_partnership),
    "update_partnership": (
        "put",
        "/partnerships/{id}",
        {
            "data": {
                "type": "partnership",
                "attributes": {"delivery_partner_id": "00000000-0000-0000-0000-000000000000"},
            }
        },
        another_providers_partnership,
    ),
    "show_delivery_partner": ("get", "/delivery-partners/{id}", None, another_providers_delivery_partner),
    "show_declaration": ("get", "/participant-declarations/{id}", None, another_providers_declaration),
    "void_participant_declaration": ("put", "/participant-declarations/{id}/void", None, another_providers_declaration),
    "show_participant": ("get", "/participants/{id}", None, another_providers_participant),
    "withdraw_participant": (
        "put",
        "/participants/{id}/withdraw",
        {
            "data": {
                "type": "participant-withdraw",
                "attributes": {"reason": "other", "course_identifier": ECT},
            }
        },
        another_providers_participant,
    ),
    "defer_participant": (
        "put",
        "/participants/{id}/defer",
        {
            "data": {
                "type": "participant-defer",
                "attributes": {"reason": "other", "course_identifier": ECT},
            }
        },
        another_providers_participant,
    ),
    "resume_participant": (
        "put",
        "/participants/{id}/resume",
        {"data": {"type": "participant-resume", "attributes": {"course_identifier": ECT}}},
        another_providers_participant,
    ),
}


# Ids every provider may use, and why.
PUBLIC = {"show_school"}  # schools are public: providers look for schools to partner with


def api_patterns_with_ids():
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace == "api-v3":
            for child in pattern.url_patterns:
                if isinstance(child, URLPattern) and child.pattern.converters:
                    yield child.name


def test_every_api_url_with_an_id_is_covered():
    names = set(api_patterns_with_ids())
    assert names, "the API's URLs were not found"
    uncovered = names - set(OTHERS_RECORDS) - PUBLIC
    assert not uncovered, f"Add these URL names to OTHERS_RECORDS: {sorted(uncovered)}"


@pytest.mark.parametrize("url_name", sorted(OTHERS_RECORDS))
def test_another_providers_record_is_not_found(api, url_name):
    method, path, body, make = OTHERS_RECORDS[url_name]
    response = getattr(api, method)(path.format(id=make()), *([body] if body else []))
    assert response.status_code == 404
    assert errors(response) == [("Resource not found", "Nothing could be found for the provided details")]
