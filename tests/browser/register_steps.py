"""Fixtures and steps of the register-an-ECT browser tests (docs/journeys/register-an-ect.md), beyond journeys.py's."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import (
    ECTS_HEADING,
    choose,
    confirm_the_ect_details,
    continue_,
    ect_card,
    find_an_ect,
    give_the_email_address,
    give_the_start_date,
    given_a_mentor_for,
    given_a_school,
    given_an_ect,
    given_an_induction_tutor,
    given_registration_is_open,
    given_the_school_chose_before,
    sign_in_as,
    start_registering_an_ect,
    then_i_see_the_page,
    then_i_see_these_ects,
)

# The embedded TRS finds any 7-digit TRN with the date of birth 3 February 1977 and names the teacher after the TRN;
# 7000002 and up are its special cases (docs/journeys/README.md, "Test data from the embedded TRS").
HARRY = "1234567"  # Harry Taylor
TOM = "2345678"  # Tom Brown
TODAY = datetime.date.today()
YESTERDAY = TODAY - datetime.timedelta(days=1)
CHECK_ANSWERS = "Check your answers before submitting"

WRONG_DATE_OF_BIRTH = datetime.date(1977, 2, 4)


def govuk_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


@pytest.fixture
def setting():
    return given_registration_is_open()


@pytest.fixture
def school(setting):
    """Ashdown Primary School, with Ava Archer (no mentor yet, started 1 September) and Ben Baker (mentored)."""
    school = given_a_school()
    given_an_ect(school, "Ava Archer")
    given_a_mentor_for(given_an_ect(school, "Ben Baker"), "Mia Mentor")
    return school


@pytest.fixture
def tutor(school):
    return given_an_induction_tutor("Sam", "Tutor", school)


@pytest.fixture
def signed_in(page, tutor):
    """The tutor, signed in, on the ECTs list."""
    sign_in_as(page, tutor)
    then_i_see_the_page(page, ECTS_HEADING)
    return page


def then_i_see_the_confirmation(page, name: str) -> None:
    then_i_see_the_page(page, f"You have saved {name}’s details")
    expect(
        page.get_by_text("We’ll email them to let them know. They do not need to provide us with any more information.")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="You still need to assign a mentor")).to_be_visible()
    expect(
        page.get_by_text(
            "You can either assign a mentor now or return and do it later. "
            "You need to do this to complete their registration."
        )
    ).to_be_visible()
    expect(page.get_by_role("button", name="Assign a mentor")).to_be_visible()


def then_the_new_ect_is_first_and_needs_a_mentor(page, name: str) -> None:
    then_i_see_the_page(page, ECTS_HEADING)
    then_i_see_these_ects(page, name, "Ava Archer", "Ben Baker")
    card = ect_card(page, name)
    expect(card.get_by_text("Action required")).to_be_visible()
    expect(card.get_by_text(f"A mentor needs to be assigned to {name}.")).to_be_visible()
    expect(page.get_by_role("link", name=f"Assign a mentor for this ECT ({name})")).to_be_visible()


def confirm_details(page) -> None:
    continue_(page, "Confirm details")


def back_to_the_ects(page) -> None:
    page.get_by_role("link", name="Back to your ECTs").click()


@pytest.fixture
def chose_teach_first_before(school, setting):
    given_the_school_chose_before(
        school, appropriate_body=setting["hub"], training_programme="provider_led", lead_provider=setting["teach_first"]
    )


def walk_to_the_previous_choices(page) -> None:
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)
    confirm_the_ect_details(page)
    give_the_email_address(page, "harry@example.com")
    give_the_start_date(page, TODAY)
    choose(page, "Full time")
    then_i_see_the_page(page, "Programme choices used by your school previously")
