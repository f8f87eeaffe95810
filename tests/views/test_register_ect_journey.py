"""Register an ECT through the Django test client (docs/journeys/register-an-ect.md): every path a school user
can take, the dead ends, change links, back links, guards, double submit, two tabs, query counts."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecf.models import AppropriateBody, EmailMessage, JourneyCompletion, TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from tests.conftest import sign_in
from tests.factories import (
    ActiveLeadProviderFactory,
    AppropriateBodyFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    LeadProviderFactory,
    SchoolFactory,
    SchoolUserFactory,
    TeacherFactory,
    TrainingPeriodFactory,
    current_contract_year,
)

START = "/school/register-ect/"
DOB = {"date_of_birth-day": "3", "date_of_birth-month": "2", "date_of_birth-year": "1977"}
WRONG_DOB = {"date_of_birth-day": "4", "date_of_birth-month": "2", "date_of_birth-year": "1977"}
TODAY = datetime.date.today()


@pytest.fixture
def setting(school):
    """Contract periods around today (the current one open, next year's not yet), appropriate bodies, providers."""
    year = current_contract_year()
    for offset in (-2, -1, 0):
        ContractPeriodFactory(year=year + offset, enabled=True)
    next_year = ContractPeriodFactory(year=year + 1, enabled=False)
    hub = AppropriateBodyFactory(name="Riverside Teaching School Hub")
    AppropriateBodyFactory(name="Pennine Teaching School Hub")
    istip = AppropriateBodyFactory(
        name="Independent Schools Teacher Induction Panel (ISTIP)", body_type=AppropriateBody.BodyType.NATIONAL
    )
    ambition = LeadProviderFactory(name="Ambition Institute")
    ActiveLeadProviderFactory(lead_provider=ambition, contract_period_id=year)
    teach_first = LeadProviderFactory(name="Teach First")
    ActiveLeadProviderFactory(lead_provider=teach_first, contract_period_id=year)
    return {"hub": hub, "istip": istip, "ambition": ambition, "teach_first": teach_first, "next_year": next_year}


def date_parts(day: datetime.date, name="started_on") -> dict:
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


class Journey:
    """A school user walking the journey in one browser tab."""

    def __init__(self, client):
        self.client = client
        response = client.get(START)
        assert response.status_code == 302
        self.base = response.url.rsplit("/", 1)[0]
        self.id = self.base.rsplit("/", 1)[1]

    def url(self, step, change=False):
        return f"{self.base}/{step}" + ("?change=1" if change else "")

    def get(self, step, change=False):
        return self.client.get(self.url(step, change))

    def post(self, step, data=None, change=False):
        return self.client.post(self.url(step, change), data or {})

    def step_after(self, step, data=None, change=False):
        """Answer a step and return where it leads (the step name, with ?change=1 when still changing)."""
        response = self.post(step, data, change)
        assert response.status_code == 302, html(response)[:3000]
        return response.url.rsplit("/", 1)[1]

    @property
    def confirmation_url(self):
        return f"{self.base}/confirmation"


def html(response) -> str:
    return response.content.decode()


def h1(response) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html(response), re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", html(response), re.S).group(1).strip()


def back_link(response) -> str:
    return re.search(r'<a href="([^"]+)" class="govuk-back-link"', html(response)).group(1)


def walk_to_email(journey, trn="1234567", *, dob=DOB):
    assert journey.step_after("what-you-will-need") == "find-ect"
    assert journey.step_after("find-ect", {"trn": trn, **dob}) == "review-ect-details"
    return journey.step_after("review-ect-details", {"details_correct": "yes"})


def walk_to_check_answers(journey, setting, *, programme="provider_led", trn="1234567", email="ect@example.com"):
    assert walk_to_email(journey, trn) == "email-address"
    assert journey.step_after("email-address", {"email": email}) == "start-date"
    assert journey.step_after("start-date", date_parts(TODAY)) == "working-pattern"
    assert journey.step_after("working-pattern", {"working_pattern": "full_time"}) == "appropriate-body"
    assert journey.step_after("appropriate-body", {"appropriate_body": setting["hub"].pk}) == "training-programme"
    following = journey.step_after("training-programme", {"training_programme": programme})
    if programme == "provider_led":
        assert following == "lead-provider"
        following = journey.step_after("lead-provider", {"lead_provider": setting["ambition"].pk})
    assert following == "check-answers"


# Starting ---------------------------------------------------------------------------------------------------


def test_the_ects_list_has_the_button_that_starts_the_journey(school_client):
    page = html(school_client.get(reverse("ects:list")))

    assert "Register an ECT starting at your school" in page
    assert f'href="{START}"' in page


def test_what_you_will_need_lists_what_to_have_ready_and_goes_back_to_the_list(school_client, setting):
    journey = Journey(school_client)

    response = journey.get("what-you-will-need")

    assert h1(response) == "What you’ll need to register a new ECT"
    assert "teacher reference number (TRN)" in html(response)
    assert back_link(response) == reverse("ects:list")
    assert journey.step_after("what-you-will-need") == "find-ect"


def test_the_find_page_shows_the_fake_trs_test_data(school_client, setting):
    journey = Journey(school_client)
    journey.post("what-you-will-need")

    response = journey.get("find-ect")

    assert h1(response) == "Find an ECT"
    assert "Information to review this journey" in html(response)
    assert "7000003: Prohibited from teaching" in html(response)
    assert title(response) == "Find an ECT - Register early career teachers - GOV.UK"


def test_find_errors_are_shown_in_the_summary_and_inline(school_client, setting):
    journey = Journey(school_client)
    journey.post("what-you-will-need")

    response = journey.post("find-ect", {"trn": "12", "date_of_birth-day": "31", "date_of_birth-month": "2"})

    page = html(response)
    assert response.status_code == 200
    assert title(response).startswith("Error: Find an ECT")
    assert "There is a problem" in page
    assert "Teacher reference number must include at least 5 digits" in page
    assert "Enter the date of birth in the correct format, for example 12 03 1998" in page
    assert 'href="#id_date_of_birth-year"' in page  # only the missing part is in error


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


# Dead ends --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trn", "step", "heading"),
    [
        ("7000002", "trn-not-found", "We’re unable to match the ECT with the TRN you provided"),
        ("7000004", "trn-not-found", "We’re unable to match the ECT with the TRN you provided"),
        ("7000007", "induction-completed", "You cannot register {name}"),
        ("7000009", "induction-exempt", "You cannot register {name}"),
        ("7000008", "induction-failed", "You cannot register {name}"),
        ("7000010", "induction-failed", "You cannot register {name}"),
        ("7000003", "cannot-register-ect", "You cannot register {name}"),
    ],
)
def test_dead_ends_after_finding(school_client, setting, trn, step, heading):
    from ecf.trs import FakeTRS

    journey = Journey(school_client)
    journey.post("what-you-will-need")

    assert journey.step_after("find-ect", {"trn": trn, **DOB}) == step

    response = journey.get(step)
    assert response.status_code == 200
    name = FakeTRS().teacher(trn=trn).full_name if "{name}" in heading else ""
    assert h1(response) == heading.format(name=name)
    if name:
        assert name not in title(response)
    # nothing further is allowed: a later step redirects back here
    assert journey.get("email-address").url.endswith(f"/{step}")


def test_not_found_offers_to_try_again(school_client, setting):
    journey = Journey(school_client)
    journey.post("what-you-will-need")
    journey.post("find-ect", {"trn": "7000002", **DOB})

    page = html(journey.get("trn-not-found"))

    assert "Try again" in page
    assert f'href="{journey.url("find-ect")}"' in page


def test_an_ect_already_at_the_school_is_a_dead_end(school_client, school, setting):
    ECTAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trn="1234567", trs_first_name="Ada", trs_last_name="Byron")
    )
    journey = Journey(school_client)
    journey.post("what-you-will-need")

    assert journey.step_after("find-ect", {"trn": "1234567", **DOB}) == "already-active-at-school"

    response = journey.get("already-active-at-school")
    assert h1(response) == "Ada Byron is already registered at your school"
    assert "Register another ECT" in html(response)


def test_a_start_date_in_a_contract_period_not_open_yet(school_client, setting):
    journey = Journey(school_client)
    walk_to_email(journey)
    journey.post("email-address", {"email": "ect@example.com"})
    next_year = setting["next_year"]

    assert journey.step_after("start-date", date_parts(next_year.started_on + datetime.timedelta(days=95))) == (
        "cannot-register-ect-yet"
    )

    page = html(journey.get("cannot-register-ect-yet"))
    assert f"Registration for the {next_year.year} to {next_year.year + 1} academic year is not open." in page


def test_an_email_in_use_by_another_teacher_leads_to_try_another_email(school_client, setting):
    ECTAtSchoolPeriodFactory(email="taken@example.com")
    journey = Journey(school_client)
    walk_to_email(journey)

    assert journey.step_after("email-address", {"email": "TAKEN@example.com"}) == "cant-use-email"

    response = journey.get("cant-use-email")
    assert h1(response) == "This email is already in use for a different ECT or mentor"
    assert f'href="{journey.url("email-address")}"' in html(response)
    assert journey.step_after("email-address", {"email": "free@example.com"}) == "start-date"


# National Insurance number fallback ---------------------------------------------------------------------------


def test_a_wrong_date_of_birth_asks_for_the_national_insurance_number(school_client, setting):
    journey = Journey(school_client)
    journey.post("what-you-will-need")

    assert journey.step_after("find-ect", {"trn": "1234567", **WRONG_DOB}) == "national-insurance-number"
    response = journey.get("national-insurance-number")
    assert h1(response) == "We cannot find the ECT’s details"

    errors = html(journey.post("national-insurance-number", {"national_insurance_number": "12345"}))
    assert "Enter a National Insurance Number in the correct format" in errors

    assert journey.step_after("national-insurance-number", {"national_insurance_number": "qq 12 34 56 c"}) == (
        "review-ect-details"
    )
    review = html(journey.get("review-ect-details"))
    assert "National Insurance number" in review
    assert "QQ123456C" in review


def test_a_national_insurance_number_that_does_not_match_is_not_found(school_client, setting):
    journey = Journey(school_client)
    journey.post("what-you-will-need")
    journey.post("find-ect", {"trn": "1234567", **WRONG_DOB})

    assert journey.step_after("national-insurance-number", {"national_insurance_number": "AB123456C"}) == "not-found"

    assert h1(journey.get("not-found")) == "We’re unable to match the ECT with the details you provided"


def test_the_national_insurance_number_route_still_hits_the_dead_ends(school_client, setting):
    journey = Journey(school_client)
    journey.post("what-you-will-need")
    journey.post("find-ect", {"trn": "7000003", **WRONG_DOB})

    assert journey.step_after("national-insurance-number", {"national_insurance_number": "QQ123456C"}) == (
        "cannot-register-ect"
    )


def test_trs_unavailable_is_a_gov_uk_error(school_client, setting, monkeypatch):
    from ecf.trs import FakeTRS, TRSUnavailable

    def unavailable(self, **kwargs):
        raise TRSUnavailable("TRS did not answer")

    monkeypatch.setattr(FakeTRS, "_find_teacher", unavailable)
    journey = Journey(school_client)
    journey.post("what-you-will-need")

    response = journey.post("find-ect", {"trn": "1234567", **DOB})

    assert response.status_code == 200
    assert "There is a problem with the teacher record service. Try again later." in html(response)


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
    session = school_client.session
    session["journeys"] = {}
    session.save()

    response = journey.get("find-ect")

    assert response.status_code == 404
    assert "Start again" in html(response)


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
