"""Change an ECT's training programme, both ways (docs/journeys/change-lead-provider.md): every step, its errors,
the confirmation, mentor training for the ECT's mentor, and a double submit or a second tab."""

import pytest

from ecf.events import Author
from ecf.models import Event, TrainingPeriod
from ecf.training.changes import change_lead_provider
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolPartnershipFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)
from tests.views.journey_client import JourneyClient, back_link, error_messages, h1, html, radio_labels, text, title


@pytest.fixture
def providers(db):
    contract_period = ContractPeriodFactory()
    return {
        name: ActiveLeadProviderFactory(lead_provider__name=name, contract_period=contract_period)
        for name in ("Ambition", "Teach First")
    }


def an_ect(school, **training):
    ect = ECTAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Ada", trs_last_name="Lovelace")
    )
    TrainingPeriodFactory(ect_at_school_period=ect, **training)
    return ect


@pytest.fixture
def provider_led_ect(school, providers):
    partnership = SchoolPartnershipFactory(
        school=school, lead_provider_delivery_partnership__active_lead_provider=providers["Ambition"]
    )
    return an_ect(school, school_partnership=partnership)


@pytest.fixture
def school_led_ect(school, providers):
    return an_ect(school, school_led=True)


def journey_for(client, ect):
    return JourneyClient(client, f"/school/ects/{ect.pk}/change-training-programme")


# Provider-led to school-led ----------------------------------------------------------------------------------------


def test_provider_led_to_school_led_explains_then_checks_then_confirms(school_client, provider_led_ect):
    ect = provider_led_ect
    journey = journey_for(school_client, ect)

    explanation = journey.get("explanation")
    assert h1(explanation) == "Change Ada Lovelace’s training programme to school-led"
    assert (
        "You should not change to a school-led programme in this service until it’s been approved by your "
        "appropriate body." in text(explanation)
    )
    assert "Change training programme" in text(explanation)
    assert back_link(explanation) == f"/school/ects/{ect.pk}"

    assert journey.step_after("explanation") == "check-answers"
    check = journey.get("check-answers")
    assert h1(check) == "Check and confirm change"
    assert (
        "Early career teacher Ada Lovelace Current training programme Provider-led New training programme School-led"
        in text(check)
    )
    assert "Lead provider" not in text(check)

    assert journey.post("check-answers").url == journey.confirmation_url
    confirmation = school_client.get(journey.confirmation_url)
    assert "You’ve changed Ada Lovelace’s training programme to school-led" in text(confirmation)
    assert "What happens next?" in text(confirmation)
    assert "Your school will now be responsible for delivering training to Ada Lovelace." in text(confirmation)
    assert title(confirmation).startswith("Training programme updated - ")
    assert "Training programme School-led" in text(school_client.get(f"/school/ects/{ect.pk}"))


# School-led to provider-led ----------------------------------------------------------------------------------------


def test_school_led_to_provider_led_asks_for_the_lead_provider(school_client, school_led_ect, providers):
    journey = journey_for(school_client, school_led_ect)

    explanation = journey.get("explanation")
    assert h1(explanation) == "Change Ada Lovelace’s training programme to provider-led"
    assert "your school will need to choose a lead provider who’ll arrange the training" in text(explanation)
    assert journey.step_after("explanation") == "lead-provider"

    question = journey.get("lead-provider")
    assert h1(question) == "Which lead provider will be training Ada Lovelace?"
    assert radio_labels(question) == ["Ambition", "Teach First"]
    assert back_link(question).endswith("/explanation")
    missing = journey.post("lead-provider")
    assert error_messages(missing) == ["Select which lead provider will be training the ECT"]
    assert title(missing).startswith("Error: ")

    assert journey.step_after("lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk}) == (
        "check-answers"
    )
    check = journey.get("check-answers")
    assert "Current training programme School-led New training programme Provider-led Lead provider Teach First" in (
        text(check)
    )
    journey.post("check-answers")

    confirmation = text(school_client.get(journey.confirmation_url))
    assert "You’ve changed Ada Lovelace’s training programme to provider-led with Teach First" in confirmation
    assert "We’ll let Teach First know your school wants to work with them so they can arrange training." in (
        confirmation
    )


def test_moving_to_provider_led_starts_mentor_training_for_the_ects_eligible_mentor(
    school_client, school, school_led_ect, providers
):
    mentor = MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Grace", trs_last_name="Hopper")
    )
    MentorshipPeriodFactory(mentee=school_led_ect, mentor=mentor)
    journey = journey_for(school_client, school_led_ect)
    journey.post("explanation")
    journey.post("lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk})
    journey.post("check-answers")

    training = TrainingPeriod.objects.get(mentor_at_school_period=mentor)
    assert training.lead_provider.name == "Teach First"
    assert "We’ll pass on Grace Hopper’s details to Teach First who will contact them to arrange mentor training." in (
        text(school_client.get(journey.confirmation_url))
    )


# Submitting ----------------------------------------------------------------------------------------------------------


def test_a_double_submit_changes_once(school_client, provider_led_ect):
    journey = journey_for(school_client, provider_led_ect)
    journey.post("explanation")

    assert journey.post("check-answers").url == journey.post("check-answers").url == journey.confirmation_url
    assert Event.objects.filter(event_type="teacher_training_programme_changed").count() == 1


def test_a_second_tab_is_told_someone_else_changed_it(school_client, provider_led_ect):
    first, second = journey_for(school_client, provider_led_ect), journey_for(school_client, provider_led_ect)
    first.post("explanation")
    second.post("explanation")
    first.post("check-answers")

    page = second.post("check-answers")

    assert page.status_code == 200
    assert "Ada Lovelace’s training has just been changed by someone else." in text(page)
    assert Event.objects.filter(event_type="teacher_training_programme_changed").count() == 1


def test_the_lead_provider_step_cannot_be_reached_when_moving_to_school_led(school_client, provider_led_ect):
    journey = journey_for(school_client, provider_led_ect)
    journey.post("explanation")

    response = journey.get("lead-provider")

    assert response.status_code == 302
    assert response.url.endswith("/check-answers")


def test_the_bare_start_goes_to_the_list(school_client, db):
    response = school_client.get("/school/change-training-programme/")

    assert (response.status_code, response.url) == (302, "/school/home/ects")


@pytest.mark.parametrize("step", ["x", "check-answers-typo", "confirmation"])
def test_a_hand_edited_step_name_before_the_journey_exists_is_a_404_not_a_hung_request(
    school_client, provider_led_ect, step
):
    # Found walking the journey: `/new/<unknown step>` looped for ever in Journey.read_up_to (an information
    # page answered again never reaches the step), holding a server thread per request.
    response = school_client.get(f"/school/change-training-programme/new/{step}?ect={provider_led_ect.pk}")

    assert response.status_code == 404


def test_a_journey_made_impossible_by_another_tab_shows_why_without_a_confirm_button(school_client, provider_led_ect):
    first, second = journey_for(school_client, provider_led_ect), journey_for(school_client, provider_led_ect)
    first.post("explanation")
    second.post("explanation")
    first.post("check-answers")

    for page in (second.get("check-answers"), second.post("check-answers")):
        assert error_messages(page) == [
            "Ada Lovelace’s training has just been changed by someone else. Check their record before changing it."
        ]
        assert "Confirm change" not in text(page)
        assert "New training programme" not in text(page)
        assert f'href="/school/ects/{provider_led_ect.pk}"' in html(page)
    assert Event.objects.filter(event_type="teacher_training_programme_changed").count() == 1


def test_a_journey_still_possible_after_another_tabs_change_can_start_again(school_client, provider_led_ect, providers):
    """Another tab chose a different lead provider: the ECT is still provider-led, so school-led is still a change."""
    journey = journey_for(school_client, provider_led_ect)
    journey.post("explanation")
    change_lead_provider(
        at_school_period=provider_led_ect, lead_provider=providers["Teach First"].lead_provider, author=Author.system()
    )

    page = journey.get("check-answers")

    assert error_messages(page) == [
        "Ada Lovelace’s training has just been changed by someone else. Check their record before changing it."
    ]
    assert "Confirm change" not in text(page)
    assert f'href="/school/ects/{provider_led_ect.pk}/change-training-programme"' in html(page)
