"""Register a new mentor (docs/journeys/mentors.md): every Change link, double submit, guards and query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ecf.models import EmailMessage, JourneyCompletion
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from tests.conftest import sign_in
from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    SchoolUserFactory,
)
from tests.views.journey_client import DOB, back_link, error_messages, html, text
from tests.views.register_mentor.steps import (
    MENTOR_TRN,
    START,
    Journey,
    ect_at,
    walk_teaching_details,
    walk_to_check_answers,
    walk_to_email,
)

# Check your answers: every Change link -----------------------------------------------------------------------------


def change_links(response) -> dict[str, str]:
    return {
        hidden.strip(): href.replace("&amp;", "&")
        for href, hidden in re.findall(
            r'<a class="govuk-link" href="([^"]+)">Change<span class="govuk-visually-hidden">(.*?)</span></a>',
            html(response),
        )
    }


def test_check_your_answers_has_a_change_link_for_every_answer(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    walk_to_check_answers(journey)

    links = change_links(journey.get("check-answers"))

    assert links == {
        "teacher reference number (TRN)": f"{START}?ect={provider_led_ect.pk}&restart=1",
        "name": journey.url("review-mentor-details", change=True),
        "email address": journey.url("email-address", change=True),
        "subject": journey.url("subject", change=True),
        "age range": journey.url("age-range", change=True),
        "key stage": journey.url("key-stage", change=True),
        "lead provider": journey.url("review-mentor-eligibility", change=True),
    }


@pytest.mark.parametrize(
    ("step", "data", "shown"),
    [
        ("review-mentor-details", {"details_correct": "no", "first_name": "New", "last_name": "Name"}, "New Name"),
        ("email-address", {"email": "changed@example.com"}, "changed@example.com"),
        ("subject", {"subject": "Primary with mathematics"}, "Primary with mathematics"),
        ("age-range", {"age_range": "3 to 7"}, "3 to 7"),
        ("key-stage", {"key_stage": "Early years"}, "Early years"),
        ("review-mentor-eligibility", {"use_ect_lead_provider": "yes"}, "Ambition Institute"),
    ],
)
def test_each_change_returns_to_check_your_answers_with_the_new_answer(
    school_client, provider_led_ect, step, data, shown
):
    journey = Journey(school_client, provider_led_ect)
    walk_to_check_answers(journey)

    page = journey.get(step, change=True)
    assert back_link(page) == journey.url("check-answers")
    assert journey.step_after(step, data, change=True) == "check-answers"
    assert shown in text(journey.get("check-answers"))


def test_changing_the_lead_provider_to_another_one(school_client, provider_led_ect, providers):
    journey = Journey(school_client, provider_led_ect)
    walk_to_check_answers(journey)

    assert journey.step_after("review-mentor-eligibility", {"use_ect_lead_provider": "no"}, change=True) == (
        "eligibility-lead-provider?change=1"
    )
    assert (
        journey.step_after("eligibility-lead-provider", {"lead_provider": providers["teach_first"].pk}, change=True)
        == "check-answers"
    )
    assert "Teach First" in text(journey.get("check-answers"))


def test_changing_the_trn_starts_again_at_the_find_step(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    walk_to_check_answers(journey)

    again = Journey(school_client, provider_led_ect, restart=True)

    assert again.first_step == "find-mentor"
    assert again.base != journey.base
    assert again.step_after("find-mentor", {"trn": "7654321", **DOB}) == "review-mentor-details"


def test_changing_the_age_range_away_from_middle_years_asks_the_key_stage_again(secondary_client, secondary_school):
    journey = Journey(secondary_client, ect_at(secondary_school, programme="school_led"))
    walk_to_email(journey)
    journey.step_after("email-address", {"email": "mentor@example.com"})
    walk_teaching_details(
        journey, {"subject": "Physics", "age_range": "7 to 14 - middle years", "key_stage": "Key stage 2"}
    )
    journey.step_after("age-range", {"age_range": "11 to 16"}, change=True)

    response = journey.post("check-answers")

    # Key stage 2 is no longer an option: the key stage question comes back with its message.
    assert response.url == journey.url("key-stage", change=True)
    assert error_messages(secondary_client.get(response.url)) == ["Select a key stage"]
    assert not MentorAtSchoolPeriod.objects.exists()


# Submitting ---------------------------------------------------------------------------------------------------------


def test_a_double_submit_registers_one_mentor_and_both_reach_the_confirmation(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    walk_to_check_answers(journey)

    first = journey.post("check-answers")
    second = journey.post("check-answers")

    assert first.url == second.url == journey.confirmation_url
    assert MentorAtSchoolPeriod.objects.filter(teacher__trn=MENTOR_TRN).count() == 1
    assert MentorshipPeriod.objects.filter(mentee=provider_led_ect).count() == 1
    assert EmailMessage.objects.filter(to="mentor@example.com").count() == 1
    assert JourneyCompletion.objects.filter(journey_name="register-mentor").count() == 1


def test_a_completed_journeys_pages_lead_to_its_confirmation(school_client, school_led_ect):
    journey = Journey(school_client, school_led_ect)
    walk_to_check_answers(journey, training=False)
    journey.post("check-answers")

    response = journey.get("subject")

    assert response.status_code == 302
    assert response.url == journey.confirmation_url


def test_another_schools_user_cannot_see_the_confirmation(client, school_client, school_led_ect):
    journey = Journey(school_client, school_led_ect)
    walk_to_check_answers(journey, training=False)
    journey.post("check-answers")
    other_school = SchoolFactory()
    sign_in(client, SchoolUserFactory(schools=[other_school]), other_school)

    assert client.get(journey.confirmation_url).status_code == 404


def test_a_step_not_yet_reached_redirects_to_the_furthest_one(school_client, school_led_ect):
    journey = Journey(school_client, school_led_ect)
    journey.post("what-you-will-need")

    response = journey.get("check-answers")

    assert response.status_code == 302
    assert response.url == journey.url("find-mentor")


# Queries ------------------------------------------------------------------------------------------------------------


def count_queries(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = call()
    assert response.status_code in (200, 302)
    return len(queries)


def step_queries(client, ect) -> dict[str, int]:
    """Queries of each page (GET) and answer (POST) of one walk through the journey."""
    journey = Journey(client, ect)
    counts = {}
    walk = [
        ("what-you-will-need", {}),
        ("find-mentor", {"trn": MENTOR_TRN, **DOB}),
        ("review-mentor-details", {"details_correct": "yes"}),
        ("email-address", {"email": "mentor@example.com"}),
        ("subject", {"subject": "Primary"}),
        ("age-range", {"age_range": "5 to 11"}),
        ("key-stage", {"key_stage": "Key stage 1"}),
        ("review-mentor-eligibility", {"use_ect_lead_provider": "yes"}),
    ]
    for step, data in walk:
        counts[f"GET {step}"] = count_queries(lambda step=step: journey.get(step))
        counts[f"POST {step}"] = count_queries(lambda step=step, data=data: journey.post(step, data))
    counts["GET check-answers"] = count_queries(lambda: journey.get("check-answers"))
    return counts


def test_each_step_runs_a_few_queries_however_many_mentors_and_ects_the_school_has(
    school_client, school, providers, templates_run_no_queries
):
    few = step_queries(school_client, ect_at(school, providers=providers))
    for _ in range(25):
        mentor = MentorAtSchoolPeriodFactory(school=school)
        MentorshipPeriodFactory(mentor=mentor, mentee=ECTAtSchoolPeriodFactory(school=school))
    many = step_queries(school_client, ect_at(school, providers=providers, first_name="Second", last_name="Ect"))

    assert many == few
    assert max(few.values()) <= 15, few
