"""An induction tutor corrects an ECT's record through its Change links (docs/journeys/register-an-ect.md, "The ECT
record"): name, email address and working pattern, each a one-page edit with its error state and a success banner
on the record.

Every page these tests visit, error states included, is checked with axe-core by the `page` fixture (conftest.py).
"""

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import (
    ECTS_HEADING,
    choose,
    continue_,
    given_a_school,
    given_an_induction_tutor,
    go_back,
    sign_in_as,
    then_i_see_the_answer,
    then_i_see_the_error,
    then_i_see_the_page,
)
from tests.factories import ECTAtSchoolPeriodFactory, SchoolFactory, TeacherFactory


@pytest.fixture
def on_adas_record(page):
    """Ada Lovelace (ada@example.com, full time) at Ashdown Primary School; her tutor is on her record."""
    school = given_a_school()
    ECTAtSchoolPeriodFactory(
        school=school,
        teacher=TeacherFactory(trs_first_name="Ada", trs_last_name="Lovelace"),
        email="ada@example.com",
        working_pattern="full_time",
    )
    sign_in_as(page, given_an_induction_tutor("Sam", "Tutor", school))
    page.get_by_role("link", name="Ada Lovelace", exact=True).click()
    then_i_see_the_page(page, "Ada Lovelace")
    return page


def then_i_see_the_banner(page, message: str) -> None:
    expect(page.get_by_role("alert").get_by_role("heading", name=message)).to_be_visible()


def test_an_induction_tutor_corrects_an_ects_name(on_adas_record):
    page = on_adas_record
    page.get_by_role("link", name="Change name", exact=True).click()
    then_i_see_the_page(page, "Ada Lovelace What is the correct name?")
    expect(page.get_by_label("First name")).to_have_value("Ada")
    expect(page.get_by_label("Last name")).to_have_value("Lovelace")

    page.get_by_label("First name").fill("")
    continue_(page)
    then_i_see_the_error(page, "Enter a first name")

    page.get_by_label("First name").fill("Augusta Ada")
    page.get_by_label("Last name").fill("King")
    continue_(page)

    then_i_see_the_page(page, "Augusta Ada King")
    then_i_see_the_banner(page, "Augusta Ada King’s name has been changed")
    then_i_see_the_answer(page, "Name", "Augusta Ada King")


def test_an_induction_tutor_changes_an_ects_email_address(on_adas_record):
    ECTAtSchoolPeriodFactory(school=SchoolFactory(), email="taken@example.com")
    page = on_adas_record
    page.get_by_role("link", name="Change email address").click()
    then_i_see_the_page(page, "What is Ada Lovelace’s email address?")
    expect(page.get_by_label("What is Ada Lovelace’s email address?")).to_have_value("ada@example.com")

    page.get_by_label("What is Ada Lovelace’s email address?").fill("ada")
    continue_(page)
    then_i_see_the_error(page, "Enter an email address in the correct format, like name@example.com")
    page.get_by_label("What is Ada Lovelace’s email address?").fill("taken@example.com")
    continue_(page)
    then_i_see_the_error(page, "This email is already in use for a different ECT or mentor")

    page.get_by_label("What is Ada Lovelace’s email address?").fill("ada.lovelace@example.com")
    continue_(page)

    then_i_see_the_page(page, "Ada Lovelace")
    then_i_see_the_banner(page, "Ada Lovelace’s email address has been changed")
    then_i_see_the_answer(page, "Email address", "ada.lovelace@example.com")


def test_an_induction_tutor_changes_an_ects_working_pattern(on_adas_record):
    page = on_adas_record
    page.get_by_role("link", name="Change working pattern").click()
    then_i_see_the_page(page, "Is Ada Lovelace’s working pattern as an ECT full or part time?")
    full_time = page.get_by_role("radio", name="Full time")
    expect(full_time).to_be_checked()

    # A radio cannot be unselected by a user; clear it in the page so the error state is seen (and checked by axe).
    full_time.evaluate("radio => { radio.checked = false; }")
    continue_(page)
    then_i_see_the_error(page, "Select if the ECT’s working pattern is full or part time")

    choose(page, "Part time")

    then_i_see_the_page(page, "Ada Lovelace")
    then_i_see_the_banner(page, "Ada Lovelace’s working pattern has been changed")
    then_i_see_the_answer(page, "Working pattern", "Part time")


def test_going_back_from_a_change_page_changes_nothing(on_adas_record):
    page = on_adas_record
    page.get_by_role("link", name="Change email address").click()
    page.get_by_label("What is Ada Lovelace’s email address?").fill("someone.else@example.com")

    go_back(page)

    then_i_see_the_page(page, "Ada Lovelace")
    then_i_see_the_answer(page, "Email address", "ada@example.com")
    expect(page.get_by_role("alert")).to_have_count(0)
    page.get_by_role("link", name="Back to ECTs").click()
    then_i_see_the_page(page, ECTS_HEADING)
