"""Register an ECT (docs/journeys/register-an-ect.md): change links, back links, guards on steps and journey ids."""

import datetime

import pytest

from tests.views.journey_client import back_link, html
from tests.views.register_ect.steps import START, TODAY, Journey, date_parts, walk_to_check_answers, walk_to_email

# Change links ---------------------------------------------------------------------------------------------------


def test_changing_school_led_to_provider_led_asks_for_the_lead_provider_then_returns(school_client, setting):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting, programme="school_led")

    assert journey.step_after("training-programme", {"training_programme": "provider_led"}, change=True) == (
        "lead-provider?change=1"
    )
    lead_provider_page = journey.get("lead-provider", change=True)
    # check your answers cannot be reached until the lead provider is known: back goes to the programme
    assert back_link(lead_provider_page) == journey.url("training-programme", change=True)
    assert journey.step_after("lead-provider", {"lead_provider": setting["teach_first"].pk}, change=True) == (
        "check-answers"
    )
    assert "Teach First" in html(journey.get("check-answers"))


@pytest.mark.parametrize(
    ("step", "data", "shown"),
    [
        ("email-address", {"email": "new@example.com"}, "new@example.com"),
        ("working-pattern", {"working_pattern": "part_time"}, "Part time"),
        ("review-ect-details", {"details_correct": "no", "first_name": "Amy", "last_name": "Dorrit"}, "Amy Dorrit"),
        ("training-programme", {"training_programme": "school_led"}, "School-led"),
    ],
)
def test_each_change_link_returns_to_check_answers(school_client, setting, step, data, shown):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)
    assert f'href="{journey.url(step, change=True)}"' in html(journey.get("check-answers"))

    assert back_link(journey.get(step, change=True)) == journey.url("check-answers")
    assert journey.step_after(step, data, change=True) == "check-answers"
    assert shown in html(journey.get("check-answers"))


def test_change_links_for_the_start_date_appropriate_body_and_lead_provider(school_client, setting):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)
    new_start = TODAY - datetime.timedelta(days=1)

    assert journey.step_after("start-date", date_parts(new_start), change=True) == "check-answers"
    assert journey.step_after("appropriate-body", {"appropriate_body": setting["hub"].pk}, change=True) == (
        "check-answers"
    )
    assert journey.step_after("lead-provider", {"lead_provider": setting["teach_first"].pk}, change=True) == (
        "check-answers"
    )
    page = html(journey.get("check-answers"))
    assert f"{new_start.day} {new_start:%B %Y}" in page
    assert "Teach First" in page


def test_the_trn_change_link_restarts_at_the_find_step_in_a_new_journey(school_client, setting):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)

    response = school_client.get(f"{START}?restart=1")

    assert response.status_code == 302
    assert response.url.endswith("/find-ect")
    assert journey.id not in response.url
    assert f'href="{START}?restart=1"' in html(journey.get("check-answers"))


# Back links and guards ------------------------------------------------------------------------------------------


def test_back_links_follow_the_path(school_client, setting):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)

    expected = {
        "find-ect": "what-you-will-need",
        "review-ect-details": "find-ect",
        "email-address": "review-ect-details",
        "start-date": "email-address",
        "working-pattern": "start-date",
        "appropriate-body": "working-pattern",
        "training-programme": "appropriate-body",
        "lead-provider": "training-programme",
        "check-answers": "lead-provider",
    }
    for step, previous in expected.items():
        assert back_link(journey.get(step)) == journey.url(previous), step


def test_a_typed_url_of_a_later_step_redirects_to_the_furthest_allowed_step(school_client, setting):
    journey = Journey(school_client)
    walk_to_email(journey)

    response = journey.get("lead-provider")

    assert response.status_code == 302
    assert response.url == journey.url("email-address")


def test_an_unknown_journey_id_shows_the_start_again_page(school_client, setting):
    response = school_client.get("/school/register-ect/00000000-0000-0000-0000-000000000000/find-ect")

    assert response.status_code == 404
    assert "This page has expired" in html(response)
    assert f'href="{START}"' in html(response)


def test_a_journey_lost_from_the_session_shows_the_start_again_page(school_client, setting):
    journey = Journey(school_client)
    journey.post("what-you-will-need")
    session = school_client.session
    session["journeys"] = {}
    session.save()

    response = journey.get("find-ect")

    assert response.status_code == 404
    assert "Start again" in html(response)
