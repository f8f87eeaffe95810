"""Register a new mentor (docs/journeys/mentors.md): dead ends, mentors registered before, names and emails."""

import datetime
import re
import uuid
from html import unescape

import pytest
from django.urls import reverse

from ecf.models import EmailMessage, Teacher, TrainingPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TeacherFactory,
)
from tests.views.journey_client import DOB, WRONG_DOB, back_link, error_messages, h1, html, text, title
from tests.views.register_mentor.steps import (
    MENTOR_TRN,
    Journey,
    trs_name,
    walk_teaching_details,
    walk_to_check_answers,
    walk_to_email,
)

# Dead ends ------------------------------------------------------------------------------------------------------


def test_they_do_not_have_a_trn(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")
    link = re.search(
        r'<a class="govuk-link" href="([^"]+)">They do not have a TRN</a>', html(journey.get("find-mentor"))
    )

    response = school_client.get(unescape(link.group(1)))  # as a browser reads the href

    assert h1(response) == "You cannot register a mentor without a TRN"
    assert "Find a lost TRN service" in html(response)
    assert back_link(response) == journey.url("find-mentor")


def test_they_do_not_have_a_trn_for_another_schools_ect_is_not_found(school_client):
    url = reverse("mentors:register-mentor-no-trn")
    other_school_ect = ECTAtSchoolPeriodFactory(school=SchoolFactory())

    assert school_client.get(f"{url}?ect={other_school_ect.pk}").status_code == 404
    assert school_client.get(f"{url}?ect=x").status_code == 404


def test_they_do_not_have_a_trn_of_a_journey_not_in_the_session_goes_back_to_a_new_one(school_client, provider_led_ect):
    url = reverse("mentors:register-mentor-no-trn")

    response = school_client.get(f"{url}?ect={provider_led_ect.pk}&journey={uuid.uuid4()}")

    assert back_link(response) == (
        reverse("mentors:register-mentor-new", args=["find-mentor"]) + f"?ect={provider_led_ect.pk}"
    )
    assert "journeys" not in school_client.session


@pytest.mark.parametrize("trn", ["7000002", "7000004"])  # unknown, deactivated: TRS does not say which
def test_a_trn_that_trs_does_not_know(school_client, provider_led_ect, trn):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": trn, **DOB}) == "national-insurance-number"
    assert journey.step_after("national-insurance-number", {"national_insurance_number": "QQ123456C"}) == ("not-found")
    response = journey.get("not-found")
    assert h1(response) == "We’re unable to match the mentor with the details you provided"
    assert f'href="{journey.url("find-mentor")}"' in html(response)  # Try again


def test_a_wrong_date_of_birth_falls_back_to_the_national_insurance_number(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": MENTOR_TRN, **WRONG_DOB}) == "national-insurance-number"
    assert h1(journey.get("national-insurance-number")) == "We cannot find the mentor’s details"
    assert error_messages(journey.post("national-insurance-number")) == ["Enter a National Insurance Number"]
    assert journey.step_after("national-insurance-number", {"national_insurance_number": "QQ 12 34 56 C"}) == (
        "review-mentor-details"
    )
    review = text(journey.get("review-mentor-details"))
    assert "National Insurance number" in review
    assert "QQ123456C" in review


def test_a_national_insurance_number_that_does_not_match(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")
    journey.step_after("find-mentor", {"trn": MENTOR_TRN, **WRONG_DOB})

    assert journey.step_after("national-insurance-number", {"national_insurance_number": "AB123456C"}) == "not-found"
    assert h1(journey.get("not-found")) == "We’re unable to match the mentor with the details you provided"


def test_the_ect_cannot_be_their_own_mentor(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": provider_led_ect.teacher.trn, **DOB}) == "cannot-mentor-themself"
    response = journey.get("cannot-mentor-themself")
    assert h1(response) == "You cannot assign an ECT as their own mentor"
    who_will_mentor = reverse("mentors:assign-mentor-start", args=[provider_led_ect.pk])
    assert re.search(rf'href="{who_will_mentor}"[^>]*>\s*Assign a different mentor', html(response))


def test_a_teacher_prohibited_from_teaching_cannot_be_registered(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": "7000003", **DOB}) == "cannot-register-mentor"
    response = journey.get("cannot-register-mentor")
    assert h1(response) == f"You cannot register {trs_name('7000003')}"
    assert "You cannot register" in title(response)
    assert trs_name("7000003") not in title(response)


def test_the_find_step_validates_the_trn_and_date_of_birth(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")

    response = journey.post("find-mentor", {"trn": "12"})

    assert error_messages(response) == [
        "Teacher reference number must include at least 5 digits",
        "Enter a date of birth",
    ]


# Already registered at this school: assign them ------------------------------------------------------------------


def test_a_mentor_already_at_the_school_is_assigned_instead(school_client, school, school_led_ect):
    existing = MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trn=MENTOR_TRN, trs_first_name="Ann", trs_last_name="Lee")
    )
    MentorshipPeriodFactory(mentor=existing, mentee=ECTAtSchoolPeriodFactory(school=school))
    journey = Journey(school_client, school_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": MENTOR_TRN, **DOB}) == "already-active-at-school"
    page = journey.get("already-active-at-school")
    assert h1(page) == "This mentor has already been registered"
    assert "Assign Ann Lee to mentor Kate Lewis" in html(page)

    response = journey.post("already-active-at-school")

    assert response.status_code == 302
    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.get(mentee=school_led_ect).mentor == existing
    assert MentorAtSchoolPeriod.objects.filter(teacher__trn=MENTOR_TRN).count() == 1
    assert not EmailMessage.objects.filter(template="mentor_registered").exists()
    confirmation = html(school_client.get(journey.confirmation_url))
    assert "You’ve assigned Ann Lee as a mentor" in confirmation
    assert "This completes Kate Lewis’s registration for ECT training at your school." in confirmation
    assert "What happens next" not in confirmation  # they were registered before: no email now


@pytest.mark.parametrize(
    ("reason", "why"),
    [
        ("left_school", "because they are leaving your school on"),
        ("no_longer_mentoring", "because they will no longer be a mentor at your school after"),
    ],
)
def test_a_mentor_at_the_school_with_a_last_day_is_not_offered_to_assign(
    school_client, school, school_led_ect, reason, why
):
    # Reported leaving or no longer mentoring: Kate would need a mentor again the day after their last day.
    existing = MentorAtSchoolPeriodFactory(
        school=school,
        teacher=TeacherFactory(trn=MENTOR_TRN, trs_first_name="Ann", trs_last_name="Lee"),
        finished_on=datetime.date.today() + datetime.timedelta(days=14),
        reported_leaving_on=datetime.date.today(),
        leaving_reason=reason,
    )
    journey = Journey(school_client, school_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": MENTOR_TRN, **DOB}) == "already-active-at-school"
    page = journey.get("already-active-at-school")
    assert f"You cannot assign an ECT to Ann Lee {why}" in text(page)
    assert "Assign Ann Lee to mentor Kate Lewis" not in html(page)
    assert "go back to do this" in html(page)

    # Posted anyway (an old tab): refused, nothing assigned.
    response = journey.post("already-active-at-school")
    assert response.status_code == 200
    assert f"You cannot assign an ECT to Ann Lee {why}" in text(response)
    assert not MentorshipPeriod.objects.filter(mentor=existing).exists()


def test_assigning_an_already_registered_mentor_asks_about_mentor_training_when_it_applies(
    school_client, school, provider_led_ect, providers
):
    existing = MentorAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trn=MENTOR_TRN))
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")
    journey.step_after("find-mentor", {"trn": MENTOR_TRN, **DOB})

    assert journey.step_after("already-active-at-school") == "review-mentor-eligibility"
    response = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.get(mentee=provider_led_ect).mentor == existing
    assert TrainingPeriod.objects.get(mentor_at_school_period=existing).lead_provider == providers["ambition"]
    assert "We’ll pass on their details to Ambition Institute" in html(school_client.get(journey.confirmation_url))


def test_a_mentor_at_another_school_can_be_registered_here(school_client, school, school_led_ect):
    elsewhere = MentorAtSchoolPeriodFactory(
        school=SchoolFactory(), teacher=TeacherFactory(trn=MENTOR_TRN, trs_first_name="Ann", trs_last_name="Lee")
    )
    journey = Journey(school_client, school_led_ect)
    walk_to_check_answers(journey, training=False)

    journey.post("check-answers")

    here = MentorAtSchoolPeriod.objects.get(teacher__trn=MENTOR_TRN, school=school)
    assert here != elsewhere
    assert MentorAtSchoolPeriod.objects.get(pk=elsewhere.pk).finished_on is None  # still mentoring there too
    assert MentorshipPeriod.objects.get(mentee=school_led_ect).mentor == here
    assert "You’ve assigned Ann Lee as a mentor" in html(school_client.get(journey.confirmation_url))


# Corrected name, email in use --------------------------------------------------------------------------------------


def test_a_corrected_name_is_used_from_then_on(school_client, school_led_ect):
    journey = Journey(school_client, school_led_ect)
    journey.step_after("what-you-will-need")
    journey.step_after("find-mentor", {"trn": MENTOR_TRN, **DOB})

    missing = journey.post("review-mentor-details", {"details_correct": "no"})
    assert error_messages(missing) == ["Enter a first name", "Enter a last name"]
    corrected = {"details_correct": "no", "first_name": "Annie", "last_name": "Corrected"}
    assert journey.step_after("review-mentor-details", corrected) == "email-address"
    assert h1(journey.get("email-address")) == "What is Annie Corrected’s email address?"
    journey.step_after("email-address", {"email": "mentor@example.com"})
    walk_teaching_details(journey)
    assert "Annie Corrected will mentor Kate Lewis" in text(journey.get("check-answers"))

    journey.post("check-answers")

    assert Teacher.objects.get(trn=MENTOR_TRN).corrected_name == "Annie Corrected"


def test_an_email_in_use_for_someone_else_must_be_changed(school_client, school, school_led_ect):
    ECTAtSchoolPeriodFactory(school=SchoolFactory(), email="taken@example.com")
    journey = Journey(school_client, school_led_ect)
    walk_to_email(journey)

    assert journey.step_after("email-address", {"email": "Taken@example.com"}) == "cant-use-email"
    page = journey.get("cant-use-email")
    assert h1(page) == "This email is already in use for a different ECT or mentor"
    assert f'href="{journey.url("email-address")}"' in html(page)
    assert "Try another email" in html(page)
    assert journey.step_after("email-address", {"email": "fresh@example.com"}) == "subject"


def test_the_email_address_is_validated(school_client, school_led_ect):
    journey = Journey(school_client, school_led_ect)
    walk_to_email(journey)

    assert error_messages(journey.post("email-address", {"email": ""})) == ["Enter an email address"]
    assert error_messages(journey.post("email-address", {"email": "nope"})) == [
        "Enter an email address in the correct format, like name@example.com"
    ]
