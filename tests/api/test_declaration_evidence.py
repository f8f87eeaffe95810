"""`evidence_held` on POST /participant-declarations: which declarations need it and which values each takes.

The reference's rules (EvidenceTypeValidator, app/validators/evidence_type_validator.rb in
https://github.com/DFE-Digital/register-early-career-teachers-public): from the 2025 contract period, every
declaration needs evidence and each type takes its own values, for ECTs and for mentors; before it, `started`
takes none (what is sent is not kept) and the others need one of three simple values.
"""

import datetime

import pytest
from django.utils import timezone

from tests.api.conftest import errors
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    LeadProviderDeliveryPartnershipFactory,
    SchoolPartnershipFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db
ENTER_A_VALUE = ("evidence_held", "Enter a '#/evidence_held' value for this participant.")
NOT_AVAILABLE = ("evidence_held", "Enter an available '#/evidence_held' type for this participant.")
OFFLINE = "materials-engaged-with-offline"
ENGAGED = "75-percent-engagement-met"
ENGAGED_REDUCED = "75-percent-engagement-met-reduced-induction"


def declare(api, period, declaration_type, evidence_held, *, on=None):
    at_school = period.ect_at_school_period or period.mentor_at_school_period
    attributes = {
        "participant_id": str(at_school.teacher.api_id),
        "declaration_type": declaration_type,
        "declaration_date": (on or timezone.now() - datetime.timedelta(days=1)).isoformat(),
        "course_identifier": "ecf-induction" if period.ect_at_school_period_id else "ecf-mentor",
    }
    if evidence_held is not None:
        attributes["evidence_held"] = evidence_held
    return api.post(
        "/participant-declarations", {"data": {"type": "participant-declaration", "attributes": attributes}}
    )


def training_in(lead_provider, year, *, mentor=False):
    """Provider-led training with `lead_provider` in the `year` contract period, started on 1 September."""
    contract_period = ContractPeriodFactory(year=year)
    partnership = SchoolPartnershipFactory(
        lead_provider_delivery_partnership=LeadProviderDeliveryPartnershipFactory(
            active_lead_provider=ActiveLeadProviderFactory(lead_provider=lead_provider, contract_period=contract_period)
        )
    )
    at_school = {"school": partnership.school, "started_on": datetime.date(year, 9, 1)}
    if mentor:
        return TrainingPeriodFactory(
            for_mentor=True,
            school_partnership=partnership,
            **{f"mentor_at_school_period__{key}": value for key, value in at_school.items()},
        )
    return TrainingPeriodFactory(
        school_partnership=partnership, **{f"ect_at_school_period__{key}": value for key, value in at_school.items()}
    )


ECT_ALLOWED = [
    *[
        (declaration_type, evidence)
        for declaration_type in ["started", "retained-1", "retained-3", "retained-4", "extended-1", "extended-3"]
        for evidence in ["training-event-attended", "self-study-material-completed", OFFLINE, "other"]
    ],
    ("retained-2", ENGAGED),
    ("retained-2", ENGAGED_REDUCED),
    ("completed", ENGAGED),
    ("completed", ENGAGED_REDUCED),
    ("completed", "one-term-induction"),
]
ECT_REFUSED = [
    ("started", ENGAGED),
    ("retained-1", "one-term-induction"),
    ("extended-2", ENGAGED_REDUCED),
    ("retained-2", "training-event-attended"),
    ("retained-2", "other"),
    ("retained-2", "one-term-induction"),
    ("completed", "other"),
    ("completed", OFFLINE),
    ("started", "watched-a-video"),
]


@pytest.mark.parametrize(("declaration_type", "evidence"), ECT_ALLOWED)
def test_an_ects_declaration_takes_the_evidence_of_its_type(api, ect_training, declaration_type, evidence):
    response = declare(api, ect_training, declaration_type, evidence)
    assert response.status_code == 200, response.json()
    assert response.json()["data"]["attributes"]["evidence_held"] == evidence


@pytest.mark.parametrize(("declaration_type", "evidence"), ECT_REFUSED)
def test_an_ects_declaration_refuses_the_evidence_of_other_types(api, ect_training, declaration_type, evidence):
    response = declare(api, ect_training, declaration_type, evidence)
    assert response.status_code == 422
    assert errors(response) == [NOT_AVAILABLE]


@pytest.mark.parametrize("declaration_type", ["started", "retained-1", "retained-2", "completed", "extended-1"])
@pytest.mark.parametrize("evidence", [None, ""])
def test_every_declaration_needs_evidence_from_2025(api, ect_training, declaration_type, evidence):
    response = declare(api, ect_training, declaration_type, evidence)
    assert response.status_code == 422
    assert errors(response) == [ENTER_A_VALUE]


@pytest.mark.parametrize(
    ("declaration_type", "evidence", "accepted"),
    [
        ("started", "training-event-attended", True),
        ("started", "self-study-material-completed", True),
        ("started", OFFLINE, True),
        ("started", "other", True),
        ("started", ENGAGED, False),
        ("completed", ENGAGED, True),
        ("completed", ENGAGED_REDUCED, True),
        ("completed", "one-term-induction", False),
        ("completed", "training-event-attended", False),
    ],
)
def test_a_mentors_declaration_takes_the_evidence_of_its_type(api, partnership, declaration_type, evidence, accepted):
    mentor_training = TrainingPeriodFactory(
        for_mentor=True, mentor_at_school_period__school=partnership.school, school_partnership=partnership
    )
    response = declare(api, mentor_training, declaration_type, evidence)
    if accepted:
        assert response.status_code == 200, response.json()
    else:
        assert response.status_code == 422
        assert errors(response) == [NOT_AVAILABLE]


def test_a_mentors_declaration_needs_evidence(api, partnership):
    mentor_training = TrainingPeriodFactory(
        for_mentor=True, mentor_at_school_period__school=partnership.school, school_partnership=partnership
    )
    response = declare(api, mentor_training, "started", None)
    assert errors(response) == [ENTER_A_VALUE]


@pytest.mark.parametrize("evidence", [None, "", "training-event-attended", ENGAGED, "anything"])
def test_before_2025_started_takes_no_evidence_and_keeps_none(api, lead_provider, evidence):
    training = training_in(lead_provider, 2024)
    response = declare(api, training, "started", evidence, on=timezone.now().replace(year=2024, month=10))
    assert response.status_code == 200, response.json()
    assert response.json()["data"]["attributes"]["evidence_held"] is None


@pytest.mark.parametrize(
    ("declaration_type", "evidence", "error"),
    [
        ("retained-1", "training-event-attended", None),
        ("retained-2", "self-study-material-completed", None),
        ("completed", "other", None),
        ("retained-1", None, ENTER_A_VALUE),
        ("completed", "", ENTER_A_VALUE),
        ("retained-1", OFFLINE, NOT_AVAILABLE),
        ("retained-2", ENGAGED, NOT_AVAILABLE),
        ("completed", "one-term-induction", NOT_AVAILABLE),
    ],
)
def test_before_2025_other_declarations_need_one_of_the_simple_values(
    api, lead_provider, declaration_type, evidence, error
):
    training = training_in(lead_provider, 2024)
    response = declare(api, training, declaration_type, evidence, on=timezone.now().replace(year=2024, month=10))
    if error is None:
        assert response.status_code == 200, response.json()
        assert response.json()["data"]["attributes"]["evidence_held"] == evidence
    else:
        assert response.status_code == 422
        assert errors(response) == [error]


def test_the_date_is_checked_before_the_evidence(api, ect_training):
    response = declare(api, ect_training, "retained-2", "other", on=timezone.now() + datetime.timedelta(days=2))
    assert errors(response) == [
        ("declaration_date", "The '#/declaration_date' value cannot be a future date. Check the date and try again.")
    ]


def test_a_mentors_retained_declaration_is_refused_for_its_type_not_its_evidence(api, partnership):
    mentor_training = TrainingPeriodFactory(
        for_mentor=True, mentor_at_school_period__school=partnership.school, school_partnership=partnership
    )
    response = declare(api, mentor_training, "retained-1", None)
    assert [title for title, _ in errors(response)] == ["declaration_type"]
