"""Registering an ECT in a browser (docs/journeys/register-an-ect.md): each question says what is missing or wrong."""

import datetime
import re

from playwright.sync_api import expect

from tests.browser.journeys import (
    choose,
    choose_the_appropriate_body,
    confirm_the_ect_details,
    continue_,
    find_an_ect,
    give_the_email_address,
    give_the_start_date,
    given_an_induction_tutor,
    sign_in_as,
    start_registering_an_ect,
    then_i_see_the_answer,
    then_i_see_the_error,
    then_i_see_the_page,
)
from tests.browser.register_steps import (
    CHECK_ANSWERS,
    HARRY,
    TODAY,
    WRONG_DATE_OF_BIRTH,
    chose_teach_first_before,
    school,
    setting,
    signed_in,
    tutor,
)
from tests.factories import SchoolFactory, current_contract_year

# Fixtures from register_steps.py (pytest finds a fixture by its name in the test's module, so they are imported here).
__all__ = ["chose_teach_first_before", "school", "setting", "signed_in", "tutor"]


# Error states ---------------------------------------------------------------------------------------------------


def test_find_an_ect_says_what_is_missing_or_wrong(signed_in):
    page = signed_in
    start_registering_an_ect(page)

    continue_(page)
    then_i_see_the_error(page, "Enter a teacher reference number (TRN)")
    then_i_see_the_error(page, "Enter a date of birth")
    expect(page.locator(".govuk-error-summary")).to_be_focused()  # keyboard and screen reader users land on it

    page.get_by_label("Teacher reference number (TRN)").fill("12")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("3")
    continue_(page)
    then_i_see_the_error(page, "Teacher reference number must include at least 5 digits")
    then_i_see_the_error(page, "Enter the date of birth in the correct format, for example 12 03 1998")
    expect(page.get_by_label("Year")).to_have_class(re.compile(r"\bgovuk-input--error\b"))
    expect(page.get_by_label("Day")).not_to_have_class(re.compile(r"\bgovuk-input--error\b"))

    find_an_ect(page, "12345678", TODAY.replace(year=TODAY.year - 17))
    then_i_see_the_error(page, "Teacher reference number cannot include more than 7 digits")
    then_i_see_the_error(page, "The teacher cannot be less than 18 years old")

    find_an_ect(page, "RP99/12345")
    then_i_see_the_page(page, "Check ECT details")
    then_i_see_the_answer(page, "Teacher reference number (TRN)", "9912345")


def test_the_national_insurance_number_question_says_what_is_missing_or_wrong(signed_in):
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY, WRONG_DATE_OF_BIRTH)

    continue_(page)
    then_i_see_the_error(page, "Enter a National Insurance Number")
    page.get_by_label("National Insurance Number").fill("12345")
    continue_(page)
    then_i_see_the_error(page, "Enter a National Insurance Number in the correct format")


def test_check_ect_details_says_what_is_missing(signed_in):
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)

    continue_(page, "Confirm and continue")
    then_i_see_the_error(page, "Select ‘Yes’ or ‘No’ to confirm whether the details are correct")
    page.get_by_role("radio", name="No, they changed their name or it’s spelt wrong").check()
    continue_(page, "Confirm and continue")
    then_i_see_the_error(page, "Enter a first name")
    then_i_see_the_error(page, "Enter a last name")


def test_each_question_after_finding_the_ect_says_what_is_missing(signed_in, chose_teach_first_before):
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)
    confirm_the_ect_details(page)

    continue_(page)
    then_i_see_the_error(page, "Enter an email address")
    give_the_email_address(page, "harry")
    then_i_see_the_error(page, "Enter an email address in the correct format, like name@example.com")
    give_the_email_address(page, "harry@example.com")

    continue_(page)
    then_i_see_the_error(page, "Enter the date the ECT started or will start teaching at your school")
    give_the_start_date(page, datetime.date(TODAY.year - 5, 9, 1))
    earliest = f"1 June {current_contract_year() - 2}"  # the start of the contract period before the previous one
    then_i_see_the_error(page, f"Start date cannot be this far in the past. Enter a date later than {earliest}.")
    give_the_start_date(page, TODAY)

    continue_(page)
    then_i_see_the_error(page, "Select if the ECT’s working pattern is full or part time")
    choose(page, "Full time")

    continue_(page)
    then_i_see_the_error(
        page, "Select ‘Yes’ or ‘No’ to confirm whether to use the programme choices used by your school previously"
    )
    choose(page, "No")

    continue_(page)
    then_i_see_the_error(page, "Select the appropriate body which will be supporting the ECT’s induction")
    choose_the_appropriate_body(page, "Riverside Teaching School Hub")

    continue_(page)
    then_i_see_the_error(page, "Select either ‘Provider-led’ or ‘School-led’ training")
    choose(page, "Provider-led")

    continue_(page)
    then_i_see_the_error(page, "Select which lead provider will be training the ECT")
    choose(page, "Ambition Institute")
    then_i_see_the_page(page, CHECK_ANSWERS)


def test_an_independent_school_chooses_istip_or_a_hub_it_must_name(page, setting):
    school = SchoolFactory(name="Beacon Independent School", independent=True)
    sign_in_as(page, given_an_induction_tutor("Sam", "Tutor", school))
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)
    confirm_the_ect_details(page)
    give_the_email_address(page, "harry@example.com")
    give_the_start_date(page, TODAY)
    choose(page, "Full time")
    then_i_see_the_page(page, "Which appropriate body will be supporting Harry Taylor’s induction?")

    choose(page, "A different appropriate body (teaching school hub)")
    then_i_see_the_error(page, "Select the appropriate body which will be supporting the ECT’s induction")
    choose(page, "Independent Schools Teacher Induction Panel (ISTIP)")

    then_i_see_the_page(page, "Which training programme will Harry Taylor follow?")
    choose(page, "School-led")
    then_i_see_the_answer(page, "Appropriate body", "Independent Schools Teacher Induction Panel (ISTIP)")
