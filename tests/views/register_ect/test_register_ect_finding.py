"""Register an ECT (docs/journeys/register-an-ect.md): starting, finding the ECT, dead ends, the NI number fallback."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import ECTAtSchoolPeriodFactory, TeacherFactory
from tests.views.journey_client import DOB, WRONG_DOB, back_link, h1, html, title
from tests.views.register_ect.steps import START, Journey, date_parts, walk_to_email

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


# Dead ends --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trn", "step", "heading"),
    [
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


@pytest.mark.parametrize("trn", ["7000002", "7000004"])  # unknown, deactivated: TRS does not say which
def test_a_trn_trs_does_not_know_asks_for_the_national_insurance_number_then_offers_to_try_again(
    school_client, setting, trn
):
    journey = Journey(school_client)
    journey.post("what-you-will-need")

    assert journey.step_after("find-ect", {"trn": trn, **DOB}) == "national-insurance-number"
    assert journey.step_after("national-insurance-number", {"national_insurance_number": "QQ123456C"}) == ("not-found")
    page = html(journey.get("not-found"))

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
