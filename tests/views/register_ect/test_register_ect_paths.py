"""Register an ECT (docs/journeys/register-an-ect.md): paths to a registration, corrected names, previous choices."""

import datetime

from django.urls import reverse

from ecf.models import EmailMessage, TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from tests.conftest import sign_in
from tests.factories import (
    ECTAtSchoolPeriodFactory,
    SchoolFactory,
    SchoolUserFactory,
    TeacherFactory,
    TrainingPeriodFactory,
    current_contract_year,
)
from tests.views.journey_client import DOB, h1, html, title
from tests.views.register_ect.steps import TODAY, Journey, date_parts, walk_to_check_answers, walk_to_email

# Happy paths ------------------------------------------------------------------------------------------------


def test_provider_led_registration_end_to_end(school_client, school, setting):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting, programme="provider_led")

    check = journey.get("check-answers")
    page = html(check)
    assert h1(check) == "Check your answers before submitting"
    for text in ("ect@example.com", "Full time", "Riverside Teaching School Hub", "Provider-led", "Ambition Institute"):
        assert text in page
    assert page.count(">Change<") == 8  # name, TRN, email, start date, working pattern, AB, programme, LP

    response = journey.post("check-answers")

    assert response.status_code == 302
    assert response.url == journey.confirmation_url
    period = ECTAtSchoolPeriod.objects.get(school=school)
    assert period.teacher.trn == "1234567"
    assert period.email == "ect@example.com"
    assert period.started_on == TODAY
    training = period.training_periods.get()
    assert training.training_programme == TrainingPeriod.Programme.PROVIDER_LED
    assert training.lead_provider == setting["ambition"]

    confirmation = school_client.get(journey.confirmation_url)
    page = html(confirmation)
    name = period.teacher.full_name
    assert h1(confirmation) == f"You have saved {name}’s details"
    assert "You still need to assign a mentor" in page
    assert "We’ll email them to let them know. They do not need to provide us with any more information." in page
    # "Assign a mentor" starts assigning a mentor to this ECT.
    assert f'href="{reverse("mentors:assign-mentor-start", kwargs={"ect_id": period.pk})}"' in page
    assert "Back to your ECTs" in page
    assert name not in title(confirmation)

    listing = html(school_client.get(reverse("ects:list")))
    assert name in listing
    assert "Action required" in listing
    assert "Assign a mentor for this ECT" in listing
    assert EmailMessage.objects.filter(to="ect@example.com").exists()


def test_school_led_registration_skips_the_lead_provider(school_client, school, setting):
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting, programme="school_led")

    page = html(journey.get("check-answers"))
    assert "School-led" in page
    assert "Lead provider" not in page

    assert journey.post("check-answers").url == journey.confirmation_url
    training = ECTAtSchoolPeriod.objects.get(school=school).training_periods.get()
    assert training.training_programme == TrainingPeriod.Programme.SCHOOL_LED
    assert "Action required" in html(school_client.get(reverse("ects:list")))


def test_trn_with_letters_and_a_slash_is_normalised(school_client, setting):
    journey = Journey(school_client)
    journey.post("what-you-will-need")

    assert journey.step_after("find-ect", {"trn": "RP99/12345", **DOB}) == "review-ect-details"

    assert "9912345" in html(journey.get("review-ect-details"))


# Corrected name, registered before, previous choices ----------------------------------------------------------


def test_a_corrected_name_is_used_from_then_on_and_saved(school_client, school, setting):
    journey = Journey(school_client)
    journey.post("what-you-will-need")
    journey.post("find-ect", {"trn": "1234567", **DOB})

    errors = html(journey.post("review-ect-details", {"details_correct": "no"}))
    assert "Enter a first name" in errors
    assert "Enter a last name" in errors

    assert (
        journey.step_after("review-ect-details", {"details_correct": "no", "first_name": "Jo", "last_name": "March"})
        == "email-address"
    )
    assert h1(journey.get("email-address")) == "What is Jo March’s email address?"

    journey.post("email-address", {"email": "jo@example.com"})
    journey.post("start-date", date_parts(TODAY))
    journey.post("working-pattern", {"working_pattern": "part_time"})
    journey.post("appropriate-body", {"appropriate_body": setting["hub"].pk})
    journey.post("training-programme", {"training_programme": "school_led"})
    assert "Jo March" in html(journey.get("check-answers"))
    journey.post("check-answers")

    teacher = ECTAtSchoolPeriod.objects.get(school=school).teacher
    assert teacher.corrected_name == "Jo March"
    assert teacher.trs_first_name != "Jo"


def test_a_teacher_registered_before_shows_their_previous_school(school_client, school, setting):
    other = SchoolFactory(name="Brook Academy")
    previous = ECTAtSchoolPeriodFactory(
        school=other,
        teacher=TeacherFactory(trn="1234567"),
        started_on=TODAY - datetime.timedelta(days=200),
        appropriate_body=setting["hub"],
    )
    TrainingPeriodFactory(ect_at_school_period=previous, school_led=True)
    journey = Journey(school_client)

    assert walk_to_email(journey) == "registered-before"

    response = journey.get("registered-before")
    page = html(response)
    assert "has been registered before" in h1(response)
    assert "Brook Academy" in page
    assert "School-led" in page
    assert journey.step_after("registered-before") == "email-address"

    journey.post("email-address", {"email": "moving@example.com"})
    too_early = html(journey.post("start-date", date_parts(previous.started_on)))
    assert "started teaching at Brook Academy on" in too_early
    too_late = html(journey.post("start-date", date_parts(TODAY + datetime.timedelta(days=200))))
    assert "You cannot register the ECT this far in advance." in too_late
    assert journey.step_after("start-date", date_parts(TODAY)) == "working-pattern"


def test_a_start_date_before_the_earliest_permitted_date_is_refused(school_client, setting):
    journey = Journey(school_client)
    walk_to_email(journey)
    journey.post("email-address", {"email": "ect@example.com"})

    page = html(journey.post("start-date", date_parts(datetime.date(current_contract_year() - 3, 9, 1))))

    assert "Start date cannot be this far in the past. Enter a date later than 1 June" in page


def test_reusing_the_schools_previous_programme_choices(school_client, school, setting):
    school.last_chosen_appropriate_body = setting["hub"]
    school.last_chosen_training_programme = "provider_led"
    school.last_chosen_lead_provider = setting["teach_first"]
    school.save()
    journey = Journey(school_client)
    walk_to_email(journey)
    journey.post("email-address", {"email": "ect@example.com"})
    journey.post("start-date", date_parts(TODAY))

    assert journey.step_after("working-pattern", {"working_pattern": "full_time"}) == "use-previous-ect-choices"
    page = html(journey.get("use-previous-ect-choices"))
    assert "Programme choices used by your school previously" in page
    assert "Teach First" in page
    assert "Riverside Teaching School Hub" in page

    assert journey.step_after("use-previous-ect-choices", {"use_previous": "yes"}) == "check-answers"
    check = html(journey.get("check-answers"))
    assert "Yes, use the programme choices used by my school previously" in check
    assert check.count(">Change<") == 6  # the programme rows change through "Choices used…"

    journey.post("check-answers")
    training = ECTAtSchoolPeriod.objects.get(school=school).training_periods.get()
    assert training.lead_provider == setting["teach_first"]


def test_not_reusing_the_previous_choices_asks_for_them(school_client, school, setting):
    school.last_chosen_appropriate_body = setting["hub"]
    school.last_chosen_training_programme = "school_led"
    school.save()
    journey = Journey(school_client)
    walk_to_email(journey)
    journey.post("email-address", {"email": "ect@example.com"})
    journey.post("start-date", date_parts(TODAY))
    journey.post("working-pattern", {"working_pattern": "full_time"})

    assert journey.step_after("use-previous-ect-choices", {"use_previous": "no"}) == "appropriate-body"


def test_an_independent_school_chooses_istip_or_a_teaching_school_hub(client, setting):
    school = SchoolFactory(independent=True)
    sign_in(client, SchoolUserFactory(schools=[school]), school)
    journey = Journey(client)
    walk_to_email(journey)
    journey.post("email-address", {"email": "ect@example.com"})
    journey.post("start-date", date_parts(TODAY))
    journey.post("working-pattern", {"working_pattern": "full_time"})

    page = html(journey.get("appropriate-body"))
    assert "Independent Schools Teacher Induction Panel (ISTIP)" in page
    assert "A different appropriate body (teaching school hub)" in page

    missing_hub = html(journey.post("appropriate-body", {"appropriate_body_type": "teaching_school_hub"}))
    assert "Select the appropriate body which will be supporting the ECT’s induction" in missing_hub

    assert journey.step_after("appropriate-body", {"appropriate_body_type": "istip"}) == "training-programme"
    journey.post("training-programme", {"training_programme": "school_led"})
    journey.post("check-answers")
    assert ECTAtSchoolPeriod.objects.get(school=school).appropriate_body == setting["istip"]


def test_a_state_school_picks_a_hub_from_a_list_that_works_without_javascript(school_client, setting):
    journey = Journey(school_client)
    walk_to_email(journey)
    journey.post("email-address", {"email": "ect@example.com"})
    journey.post("start-date", date_parts(TODAY))
    journey.post("working-pattern", {"working_pattern": "full_time"})

    page = html(journey.get("appropriate-body"))

    assert '<select class="govuk-select' in page
    assert "Riverside Teaching School Hub" in page
    assert "ISTIP" not in page
