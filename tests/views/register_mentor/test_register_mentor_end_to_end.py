"""Register a new mentor (docs/journeys/mentors.md): starting from an ECT, then both phases end to end."""

import re

import pytest
from django.urls import reverse

from ecf.models import EmailMessage, TrainingPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from schools.models import School
from tests.conftest import sign_in
from tests.factories import SchoolFactory, SchoolUserFactory
from tests.views.journey_client import DOB, back_link, error_messages, h1, html, radio_labels, text, title
from tests.views.register_mentor.steps import (
    MENTOR_TRN,
    START,
    Journey,
    ect_at,
    trs_name,
    walk_teaching_details,
    walk_to_email,
)

# Starting ---------------------------------------------------------------------------------------------------


def test_the_journey_starts_from_one_of_the_schools_ects(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)

    response = journey.get("what-you-will-need")

    assert journey.first_step == "what-you-will-need"
    assert h1(response) == "What you’ll need to add a new mentor for Kate Lewis"
    for item in ("name", "teacher reference number (TRN)", "date of birth", "email address"):
        assert f"<li>{item}</li>" in html(response)
    assert "You may also need to tell us about the mentor’s training programme." in html(response)
    assert back_link(response) == reverse("ects:list")
    assert "Kate Lewis" not in title(response)  # names never reach analytics


def test_a_school_led_ect_is_not_told_about_mentor_training(school_client, school_led_ect):
    response = Journey(school_client, school_led_ect).get("what-you-will-need")

    assert "training programme" not in html(response)


@pytest.mark.parametrize("query", ["?ect=", "?ect=abc", "?ect=999999", "?ect=１"])
def test_starting_without_one_of_the_schools_ects_is_not_found(school_client, query):
    assert school_client.get(f"{START}{query}").status_code == 404


def test_starting_with_no_ect_leads_to_the_ects_to_choose_one(school_client):
    # An expired page's "Start again" links here; it was a 404.
    response = school_client.get(START)

    assert response.status_code == 302
    assert response.url == "/school/home/ects"


def test_another_schools_ect_is_not_found(school_client, providers):
    other = ect_at(SchoolFactory(), providers=providers)

    assert school_client.get(f"{START}?ect={other.pk}").status_code == 404


def test_signed_out_users_are_sent_to_sign_in(client, provider_led_ect):
    response = client.get(f"{START}?ect={provider_led_ect.pk}")

    assert response.status_code == 302
    assert "sign-in" in response.url


# A primary school, provider-led ECT, end to end ---------------------------------------------------------------


def test_a_primary_school_registers_a_new_mentor_for_a_provider_led_ect(school_client, provider_led_ect, providers):
    journey = Journey(school_client, provider_led_ect)
    name = trs_name(MENTOR_TRN)
    assert journey.step_after("what-you-will-need") == "find-mentor"

    find = journey.get("find-mentor")
    assert h1(find) == "Find a mentor"
    assert "They do not have a TRN" in html(find)
    assert "Information to review this journey" in html(find)
    assert journey.step_after("find-mentor", {"trn": MENTOR_TRN, **DOB}) == "review-mentor-details"

    review = journey.get("review-mentor-details")
    assert h1(review) == "Check mentor details"
    assert name in text(review)
    assert MENTOR_TRN in text(review)
    assert "3 February 1977" in text(review)
    assert journey.step_after("review-mentor-details", {"details_correct": "yes"}) == "email-address"

    assert h1(journey.get("email-address")) == f"What is {name}’s email address?"
    assert journey.step_after("email-address", {"email": "mentor@example.com"}) == "subject"

    subject = journey.get("subject")
    assert re.search(
        rf"<h1[^>]*>\s*<label[^>]*>\s*What subject does {name} teach\?|What subject does {name} teach\?", html(subject)
    )
    assert radio_labels(subject) == [
        "Primary",
        "Primary with English",
        "Primary with geography and history",
        "Primary with mathematics",
        "Primary with modern languages",
        "Primary with physical education",
        "Primary with science",
    ]
    assert "checked" not in html(subject)
    assert back_link(subject).endswith("/email-address")
    assert journey.step_after("subject", {"subject": "Primary with science"}) == "age-range"
    assert radio_labels(journey.get("age-range")) == ["3 to 7", "5 to 11", "7 to 11", "7 to 14 - middle years"]
    assert journey.step_after("age-range", {"age_range": "7 to 14 - middle years"}) == "key-stage"
    assert radio_labels(journey.get("key-stage")) == ["Early years", "Key stage 1", "Key stage 2"]
    assert journey.step_after("key-stage", {"key_stage": "Key stage 2"}) == "review-mentor-eligibility"

    playback = journey.get("review-mentor-eligibility")
    assert h1(playback) == f"{name} can receive mentor training"
    assert "We’ll pass on their details to Ambition Institute who will contact them to arrange the training." in html(
        playback
    )
    assert f"Ambition Institute will not be providing mentor training to {name}" in html(playback)
    assert journey.step_after("review-mentor-eligibility", {"use_ect_lead_provider": "yes"}) == "check-answers"

    check = journey.get("check-answers")
    assert h1(check) == "Check your answers and confirm mentor details"
    for value in (MENTOR_TRN, name, "mentor@example.com", "Primary with science", "7 to 14 - middle years"):
        assert value in text(check)
    assert "Ambition Institute" in text(check)
    assert f"{name} will mentor Kate Lewis" in text(check)
    assert "Confirm details" in html(check)

    response = journey.post("check-answers")
    assert response.status_code == 302
    assert response.url == journey.confirmation_url

    confirmation = school_client.get(journey.confirmation_url)
    assert f"You’ve assigned {name} as a mentor" in text(confirmation)
    assert "for Kate Lewis" in text(confirmation)
    assert "This completes Kate Lewis’s registration for ECT training at your school." in html(confirmation)
    assert "You do not need to give us any more information." in html(confirmation)
    assert "What happens next" in html(confirmation)
    assert f"We’ll email {name} to confirm that you’ve registered them as a mentor." in html(confirmation)
    assert (
        "We’ll pass on their details to Ambition Institute who will contact them to arrange mentor training."
        in html(confirmation)
    )
    assert f'href="{reverse("ects:list")}">Back to ECTs' in html(confirmation)

    mentor = MentorAtSchoolPeriod.objects.get(teacher__trn=MENTOR_TRN)
    assert (mentor.school, mentor.email) == (provider_led_ect.school, "mentor@example.com")
    assert (mentor.subject, mentor.age_range, mentor.key_stage) == (
        "Primary with science",
        "7 to 14 - middle years",
        "Key stage 2",
    )
    assert MentorshipPeriod.objects.get(mentee=provider_led_ect).mentor == mentor
    training = TrainingPeriod.objects.get(mentor_at_school_period=mentor)
    assert training.lead_provider == providers["ambition"]
    email = EmailMessage.objects.get(to="mentor@example.com")
    assert email.template == "mentor_registered"


def test_the_mentor_trains_with_another_lead_provider_when_the_ects_will_not(
    school_client, provider_led_ect, providers
):
    journey = Journey(school_client, provider_led_ect)
    assert walk_to_email(journey) == "email-address"
    journey.step_after("email-address", {"email": "mentor@example.com"})
    assert walk_teaching_details(journey) == "review-mentor-eligibility"

    assert journey.step_after("review-mentor-eligibility", {"use_ect_lead_provider": "no"}) == (
        "eligibility-lead-provider"
    )
    choose = journey.get("eligibility-lead-provider")
    assert h1(choose).startswith("Which lead provider would you like to contact your school about training")
    assert radio_labels(choose) == ["Ambition Institute", "Teach First"]
    assert error_messages(journey.post("eligibility-lead-provider")) == [
        "Select a lead provider to contact your school"
    ]
    assert journey.step_after("eligibility-lead-provider", {"lead_provider": providers["teach_first"].pk}) == (
        "check-answers"
    )
    assert "Teach First" in text(journey.get("check-answers"))

    journey.post("check-answers")

    training = TrainingPeriod.objects.get(mentor_at_school_period__teacher__trn=MENTOR_TRN)
    assert training.lead_provider == providers["teach_first"]
    assert "We’ll pass on their details to Teach First" in html(school_client.get(journey.confirmation_url))


# A secondary school, school-led ECT, end to end --------------------------------------------------------------


def test_a_secondary_school_registers_a_new_mentor_for_a_school_led_ect(secondary_client, secondary_school):
    ect = ect_at(secondary_school, programme="school_led")
    journey = Journey(secondary_client, ect)
    assert walk_to_email(journey) == "email-address"
    assert journey.step_after("email-address", {"email": "mentor@example.com"}) == "subject"

    subject = journey.get("subject")
    assert len(radio_labels(subject)) == 36
    assert radio_labels(subject)[:3] == ["Ancient Greek", "Ancient Hebrew", "Art and design"]
    assert journey.step_after("subject", {"subject": "Physics"}) == "age-range"
    assert radio_labels(journey.get("age-range")) == ["11 to 16", "11 to 18", "14 to 19", "7 to 14 - middle years"]
    assert journey.step_after("age-range", {"age_range": "11 to 18"}) == "key-stage"
    assert radio_labels(journey.get("key-stage")) == ["Key stage 3", "Key stage 4", "Key stage 5"]
    # A school-led ECT: no mentor training question, straight to check your answers.
    assert journey.step_after("key-stage", {"key_stage": "Key stage 5"}) == "check-answers"
    check = journey.get("check-answers")
    assert "Lead provider" not in text(check)

    journey.post("check-answers")

    mentor = MentorAtSchoolPeriod.objects.get(teacher__trn=MENTOR_TRN)
    assert (mentor.subject, mentor.age_range, mentor.key_stage) == ("Physics", "11 to 18", "Key stage 5")
    assert not TrainingPeriod.objects.filter(mentor_at_school_period=mentor).exists()
    confirmation = html(secondary_client.get(journey.confirmation_url))
    assert "What happens next" in confirmation
    assert "We’ll pass on their details" not in confirmation
    assert "mentor training" not in confirmation


def test_a_secondary_mentor_of_middle_years_is_offered_key_stage_2(secondary_client, secondary_school):
    journey = Journey(secondary_client, ect_at(secondary_school, programme="school_led"))
    walk_to_email(journey)
    journey.step_after("email-address", {"email": "mentor@example.com"})
    journey.step_after("subject", {"subject": "Mathematics"})
    journey.step_after("age-range", {"age_range": "7 to 14 - middle years"})

    assert radio_labels(journey.get("key-stage")) == ["Key stage 2", "Key stage 3", "Key stage 4", "Key stage 5"]
    assert journey.step_after("key-stage", {"key_stage": "Key stage 2"}) == "check-answers"


def test_a_school_of_neither_phase_is_asked_which_phase_the_mentor_teaches(client, db):
    school = SchoolFactory(phase=School.Phase.ALL_THROUGH)
    sign_in(client, SchoolUserFactory(schools=[school]), school)
    journey = Journey(client, ect_at(school, programme="school_led"))
    walk_to_email(journey)
    name = trs_name(MENTOR_TRN)

    assert journey.step_after("email-address", {"email": "mentor@example.com"}) == "phase"
    phase = journey.get("phase")
    assert f"Which phase does {name} teach?" in html(phase)
    assert radio_labels(phase) == ["Primary", "Secondary"]
    assert error_messages(journey.post("phase")) == ["Select a phase"]
    assert journey.step_after("phase", {"phase": "secondary"}) == "subject"
    assert len(radio_labels(journey.get("subject"))) == 36


@pytest.mark.parametrize(
    ("step", "message"),
    [("subject", "Select a subject"), ("age-range", "Select an age range"), ("key-stage", "Select a key stage")],
)
def test_each_teaching_detail_must_be_chosen(school_client, school_led_ect, step, message):
    journey = Journey(school_client, school_led_ect)
    walk_to_email(journey)
    journey.step_after("email-address", {"email": "mentor@example.com"})
    for earlier, data in (("subject", {"subject": "Primary"}), ("age-range", {"age_range": "3 to 7"})):
        if earlier == step:
            break
        journey.step_after(earlier, data)

    response = journey.post(step)

    assert response.status_code == 200
    assert error_messages(response) == [message]
    assert title(response).startswith("Error: ")
