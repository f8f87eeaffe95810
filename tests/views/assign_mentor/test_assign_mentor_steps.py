"""Assign a mentor to an ECT (docs/journeys/mentors.md): who is offered, errors, mentor training, the confirmation."""

from django.urls import reverse

from ecf.models import TrainingPeriod
from mentors.models import MentorshipPeriod
from tests.factories import MentorAtSchoolPeriodFactory, MentorshipPeriodFactory, SchoolFactory
from tests.views.assign_mentor.steps import LAST_YEAR, Journey, a_mentor, an_ect, teacher
from tests.views.journey_client import back_link, h1, html, radio_labels, text, title

# Who will mentor {ect}? ----------------------------------------------------------------------------------------


def test_the_start_url_opens_who_will_mentor_with_each_mentor_then_register_a_new_mentor(
    school_client, school, setting
):
    ect = an_ect(school, setting)
    a_mentor(school, "Ben", "Adams")
    a_mentor(school, "Ada", "Jones")
    journey = Journey(school_client, ect)

    response = journey.get("who-will-mentor")

    assert response.status_code == 200
    assert h1(response) == "Who will mentor Kate Lewis?"
    assert radio_labels(response) == ["Ben Adams", "Ada Jones", "Register a new mentor"]  # by surname
    assert '<div class="govuk-radios__divider">or</div>' in html(response)
    assert title(response) == "Who will mentor this ECT? - Register early career teachers - GOV.UK"
    assert back_link(response) == reverse("ects:record", args=[ect.pk])


def test_the_ect_is_never_offered_as_their_own_mentor(school_client, school, setting):
    ect = an_ect(school, setting)
    MentorAtSchoolPeriodFactory(school=school, teacher=ect.teacher)
    a_mentor(school, "Ada", "Jones")

    response = Journey(school_client, ect).get("who-will-mentor")

    assert radio_labels(response) == ["Ada Jones", "Register a new mentor"]


def test_no_choice_is_an_error(school_client, school, setting):
    ect = an_ect(school, setting)
    a_mentor(school)

    response = Journey(school_client, ect).post("who-will-mentor")

    assert response.status_code == 200
    assert title(response).startswith("Error: Who will mentor this ECT?")
    assert "There is a problem" in html(response)
    assert html(response).count("Select a mentor from the list provided or choose to register a new mentor") == 2


def test_a_mentor_who_is_not_offered_is_an_error(school_client, school, setting):
    ect = an_ect(school, setting)
    a_mentor(school)
    elsewhere = a_mentor(SchoolFactory(), "Zed", "Other")

    response = Journey(school_client, ect).post("who-will-mentor", {"mentor": elsewhere.pk})

    assert "Select a mentor from the list provided or choose to register a new mentor" in html(response)
    assert not MentorshipPeriod.objects.exists()


def test_register_a_new_mentor_hands_over_to_the_register_a_mentor_journey_for_this_ect(school_client, school, setting):
    ect = an_ect(school, setting)
    a_mentor(school)
    journey = Journey(school_client, ect)

    assert journey.step_after("who-will-mentor", {"mentor": "new"}) == "register-new-mentor"
    response = journey.get("register-new-mentor")

    assert response.status_code == 302
    assert response.url == f"/school/register-mentor/?ect={ect.pk}"


def test_with_no_mentor_to_offer_the_start_goes_straight_to_registering_a_new_mentor(school_client, school, setting):
    ect = an_ect(school, setting)
    MentorAtSchoolPeriodFactory(school=school, teacher=ect.teacher)  # the ECT themself is no choice

    response = school_client.get(reverse("mentors:assign-mentor-start", kwargs={"ect_id": ect.pk}))

    assert response.status_code == 302
    assert response.url == f"/school/register-mentor/?ect={ect.pk}"


def test_changing_the_only_mentor_goes_straight_to_registering_a_new_mentor(school_client, school, setting):
    ect = an_ect(school, setting)
    MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school), started_on=LAST_YEAR)

    response = school_client.get(reverse("mentors:assign-mentor-start", kwargs={"ect_id": ect.pk}))

    assert response.url == f"/school/register-mentor/?ect={ect.pk}"


# Mentor training (provider-led) --------------------------------------------------------------------------------


def test_provider_led_ect_and_a_mentor_who_can_train_see_the_training_playback_then_train_with_the_ects_provider(
    school_client, school, setting
):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)

    assert journey.step_after("who-will-mentor", {"mentor": mentor.pk}) == "review-mentor-eligibility"
    page = journey.get("review-mentor-eligibility")
    assert h1(page) == "Ada Jones can receive mentor training"
    assert (
        "Our records show that Ada Jones can get up to 20 hours of ECTE mentor training as your school is working "
        "with a DfE-funded training provider." in text(page)
    )
    assert "We’ll pass on their details to Ambition Institute who will contact them to arrange the training." in text(
        page
    )
    assert "Ambition Institute will not be providing mentor training to Ada Jones" in text(page)
    assert title(page) == "Mentor training - Register early career teachers - GOV.UK"
    assert back_link(page) == journey.url("who-will-mentor")

    response = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert response.status_code == 302
    assert response.url == journey.confirmation_url
    mentorship = MentorshipPeriod.objects.get()
    assert (mentorship.mentee, mentorship.mentor) == (ect, mentor)
    training = TrainingPeriod.objects.get(mentor_at_school_period=mentor)
    assert training.training_programme == TrainingPeriod.Programme.PROVIDER_LED
    assert training.lead_provider == setting["ambition"].lead_provider
    confirmation = school_client.get(journey.confirmation_url)
    assert "We’ll pass on their details to Ambition Institute who will contact them to arrange mentor training." in (
        text(confirmation)
    )


def test_the_school_can_choose_another_lead_provider_for_mentor_training(school_client, school, setting):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mentor.pk})

    assert journey.step_after("review-mentor-eligibility", {"use_ect_lead_provider": "no"}) == (
        "eligibility-lead-provider"
    )
    page = journey.get("eligibility-lead-provider")
    assert h1(page) == "Which lead provider would you like to contact your school about training Ada Jones?"
    assert radio_labels(page) == ["Ambition Institute", "Teach First"]
    assert back_link(page) == journey.url("review-mentor-eligibility")
    error = journey.post("eligibility-lead-provider")
    assert title(error).startswith("Error: ")
    assert html(error).count("Select a lead provider to contact your school") == 2

    response = journey.post("eligibility-lead-provider", {"lead_provider": setting["teach_first"].lead_provider.pk})

    assert response.url == journey.confirmation_url
    training = TrainingPeriod.objects.get(mentor_at_school_period=mentor)
    assert training.lead_provider == setting["teach_first"].lead_provider
    confirmation = school_client.get(journey.confirmation_url)
    assert "We’ll pass on their details to Teach First who will contact them" in text(confirmation)


def test_a_mentor_who_completed_mentor_training_is_assigned_without_the_training_question(
    school_client, school, setting
):
    ect = an_ect(school, setting)
    mentor = MentorAtSchoolPeriodFactory(
        school=school,
        teacher=teacher(
            "Ada",
            "Jones",
            mentor_training_completed_on=LAST_YEAR,
            mentor_training_completion_reason="completed_declaration_received",
        ),
        started_on=LAST_YEAR,
    )
    journey = Journey(school_client, ect)

    response = journey.post("who-will-mentor", {"mentor": mentor.pk})

    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.filter(mentee=ect, mentor=mentor).exists()
    assert not TrainingPeriod.objects.filter(mentor_at_school_period=mentor).exists()


def test_school_led_ect_skips_mentor_training_entirely(school_client, school, setting):
    ect = an_ect(school, setting, programme="school_led")
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)

    response = journey.post("who-will-mentor", {"mentor": mentor.pk})

    assert response.status_code == 302
    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.filter(mentee=ect, mentor=mentor).exists()
    assert not TrainingPeriod.objects.filter(mentor_at_school_period=mentor).exists()
    assert journey.get("review-mentor-eligibility").status_code == 302  # the training step is not on the path
    confirmation = school_client.get(journey.confirmation_url)
    assert "arrange mentor training" not in text(confirmation)


# The confirmation -------------------------------------------------------------------------------------------------


def test_the_confirmation_completes_the_ects_registration(school_client, school, setting):
    ect = an_ect(school, setting, programme="school_led")
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mentor.pk})

    confirmation = school_client.get(journey.confirmation_url)

    page = text(confirmation)
    assert "You’ve assigned Ada Jones as a mentor" in page
    assert "for Kate Lewis" in page
    assert "This completes Kate Lewis’s registration for ECT training at your school." in page
    assert "You do not need to give us any more information." in page
    assert "is now responsible for mentoring" not in page
    assert f'<a class="govuk-link" href="{reverse("ects:list")}">Back to ECTs</a>' in html(confirmation)
    assert title(confirmation) == "Mentor assigned - Register early career teachers - GOV.UK"
