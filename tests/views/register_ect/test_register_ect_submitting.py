"""Register an ECT (docs/journeys/register-an-ect.md): submitting once, in two tabs or refused; queries per step."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ecf.models import JourneyCompletion
from ects.models import ECTAtSchoolPeriod
from tests.conftest import sign_in
from tests.factories import (
    ActiveLeadProviderFactory,
    AppropriateBodyFactory,
    ECTAtSchoolPeriodFactory,
    SchoolFactory,
    SchoolUserFactory,
    TeacherFactory,
    current_contract_year,
)
from tests.views.journey_client import h1, html, title
from tests.views.register_ect.steps import Journey, walk_to_check_answers, walk_to_email

# Submitting -----------------------------------------------------------------------------------------------------


def test_double_submit_creates_one_ect_and_both_reach_the_confirmation(school_client, school, setting):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)

    first = journey.post("check-answers")
    second = journey.post("check-answers")

    assert first.url == journey.confirmation_url
    assert second.url == journey.confirmation_url
    assert ECTAtSchoolPeriod.objects.filter(school=school).count() == 1
    assert JourneyCompletion.objects.filter(journey_id=journey.id).count() == 1
    assert school_client.get(second.url).status_code == 200


def test_two_journeys_in_two_tabs_stay_independent(school_client, school, setting):
    first = Journey(school_client)
    second = Journey(school_client)
    walk_to_check_answers(first, setting, trn="1111111", email="first@example.com")
    walk_to_check_answers(second, setting, trn="2222222", email="second@example.com", programme="school_led")

    assert "first@example.com" in html(first.get("check-answers"))
    assert "second@example.com" in html(second.get("check-answers"))
    first.post("check-answers")
    second.post("check-answers")

    assert sorted(ECTAtSchoolPeriod.objects.filter(school=school).values_list("teacher__trn", flat=True)) == [
        "1111111",
        "2222222",
    ]


def test_a_registration_refused_by_the_service_is_shown_on_check_answers(school_client, school, setting):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)
    # Meanwhile, someone else registers the same teacher at this school.
    ECTAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trn="1234567"), email="other@example.com")

    response = journey.post("check-answers")

    assert response.status_code == 200
    assert title(response).startswith("Error: Check your answers before submitting")
    assert "There is a problem" in html(response)
    assert ECTAtSchoolPeriod.objects.filter(school=school).count() == 1
    assert not JourneyCompletion.objects.filter(journey_id=journey.id).exists()


def test_confirmation_of_another_schools_journey_is_not_found(school_client, school, setting):
    other_school = SchoolFactory()
    other_client = type(school_client)()
    sign_in(other_client, SchoolUserFactory(schools=[other_school]), other_school)
    journey = Journey(other_client)
    walk_to_check_answers(journey, setting)
    assert journey.post("check-answers").status_code == 302

    assert school_client.get(journey.confirmation_url).status_code == 404
    assert school_client.get(journey.url("check-answers")).status_code == 404


# Query counts ---------------------------------------------------------------------------------------------------

STEPS_TO_MEASURE = [
    "what-you-will-need",
    "find-ect",
    "review-ect-details",
    "email-address",
    "start-date",
    "working-pattern",
    "appropriate-body",
    "training-programme",
    "lead-provider",
    "check-answers",
]


@pytest.mark.parametrize("step", STEPS_TO_MEASURE)
def test_each_step_runs_few_queries(school_client, setting, step):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)

    with CaptureQueriesContext(connection) as queries:
        response = journey.get(step)

    assert response.status_code == 200
    assert len(queries) <= 10, [query["sql"] for query in queries]


def test_query_counts_do_not_grow_with_the_number_of_appropriate_bodies_and_providers(school_client, setting):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)

    def count(step):
        with CaptureQueriesContext(connection) as queries:
            journey.get(step)
        return len(queries)

    before = {step: count(step) for step in ("appropriate-body", "lead-provider", "check-answers")}
    for number in range(30):
        AppropriateBodyFactory(name=f"Hub {number}")
        ActiveLeadProviderFactory(contract_period_id=current_contract_year())

    assert {step: count(step) for step in before} == before


def test_posting_a_step_runs_few_queries(school_client, setting):
    journey = Journey(school_client)
    walk_to_email(journey)

    with CaptureQueriesContext(connection) as queries:
        journey.post("email-address", {"email": "ect@example.com"})

    assert len(queries) <= 10


@pytest.mark.parametrize(
    "step", ["find-ect", "review-ect-details", "appropriate-body", "lead-provider", "check-answers"]
)
def test_templates_run_no_queries(school_client, setting, templates_run_no_queries, step):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)

    assert journey.get(step).status_code == 200


def test_the_confirmation_template_runs_no_queries(school_client, setting, templates_run_no_queries):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)
    journey.post("check-answers")

    assert school_client.get(journey.confirmation_url).status_code == 200


def test_every_page_has_one_h1_and_a_title_without_the_ects_name(school_client, setting):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)
    name = h1(journey.get("email-address")).removeprefix("What is ").removesuffix("’s email address?")

    for step in STEPS_TO_MEASURE:
        response = journey.get(step)
        assert html(response).count("<h1") == 1, step
        assert name not in title(response), step
