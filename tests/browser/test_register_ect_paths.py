"""An induction tutor registers an ECT in a browser (docs/journeys/register-an-ect.md), with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import (
    TRS_NATIONAL_INSURANCE_NUMBER,
    answer_the_registration_questions,
    choose,
    choose_the_appropriate_body,
    confirm_the_ect_details,
    continue_,
    correct_the_name,
    ect_card,
    find_an_ect,
    give_the_email_address,
    give_the_start_date,
    register_an_ect_up_to_check_your_answers,
    start_registering_an_ect,
    summary_value,
    then_i_see_the_answer,
    then_i_see_the_page,
    then_i_see_these_ects,
)
from tests.browser.register_steps import (
    CHECK_ANSWERS,
    HARRY,
    TODAY,
    TOM,
    WRONG_DATE_OF_BIRTH,
    YESTERDAY,
    back_to_the_ects,
    chose_teach_first_before,
    confirm_details,
    govuk_date,
    school,
    setting,
    signed_in,
    then_i_see_the_confirmation,
    then_the_new_ect_is_first_and_needs_a_mentor,
    tutor,
    walk_to_the_previous_choices,
)

# Fixtures from register_steps.py (pytest finds a fixture by its name in the test's module, so they are imported here).
__all__ = ["chose_teach_first_before", "school", "setting", "signed_in", "tutor"]


# Happy paths --------------------------------------------------------------------------------------------------


def test_an_induction_tutor_registers_a_provider_led_ect(signed_in):
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)
    then_i_see_the_page(page, "Check ECT details")
    then_i_see_the_answer(page, "Name", "Harry Taylor")
    then_i_see_the_answer(page, "Teacher reference number (TRN)", HARRY)
    then_i_see_the_answer(page, "Date of birth", "3 February 1977")
    confirm_the_ect_details(page)
    then_i_see_the_page(page, "What is Harry Taylor’s email address?")
    answer_the_registration_questions(page, email="harry.taylor@example.com", lead_provider="Teach First")

    then_i_see_the_answer(page, "Name", "Harry Taylor")
    then_i_see_the_answer(page, "Email address", "harry.taylor@example.com")
    then_i_see_the_answer(page, "School start date", govuk_date(TODAY))
    then_i_see_the_answer(page, "Working pattern", "Full time")
    then_i_see_the_answer(page, "Appropriate body", "Riverside Teaching School Hub")
    then_i_see_the_answer(page, "Training programme", "Provider-led")
    then_i_see_the_answer(page, "Lead provider", "Teach First")
    confirm_details(page)

    then_i_see_the_confirmation(page, "Harry Taylor")
    back_to_the_ects(page)
    then_the_new_ect_is_first_and_needs_a_mentor(page, "Harry Taylor")
    card = ect_card(page, "Harry Taylor")
    expect(card.get_by_text("Teach First")).to_be_visible()
    expect(card.get_by_text("Their lead provider will confirm this")).to_be_visible()


def test_an_induction_tutor_registers_a_school_led_ect(signed_in):
    page = signed_in
    register_an_ect_up_to_check_your_answers(page, TOM, email="tom.brown@example.com", programme="School-led")

    then_i_see_the_answer(page, "Training programme", "School-led")
    expect(summary_value(page, "Lead provider")).to_have_count(0)
    confirm_details(page)

    then_i_see_the_confirmation(page, "Tom Brown")
    back_to_the_ects(page)
    then_the_new_ect_is_first_and_needs_a_mentor(page, "Tom Brown")
    expect(ect_card(page, "Tom Brown").get_by_text("Lead provider")).to_have_count(0)


def test_assign_a_mentor_on_the_confirmation_asks_who_will_mentor_the_new_ect(signed_in):
    page = signed_in
    register_an_ect_up_to_check_your_answers(page, TOM, programme="School-led")
    confirm_details(page)

    page.get_by_role("button", name="Assign a mentor").click()

    then_i_see_the_page(page, "Who will mentor Tom Brown?")


# National Insurance number fallback, corrected name, previous choices ------------------------------------------


def test_a_wrong_date_of_birth_finds_the_ect_by_national_insurance_number(signed_in):
    page = signed_in
    start_registering_an_ect(page)

    find_an_ect(page, HARRY, WRONG_DATE_OF_BIRTH)
    then_i_see_the_page(page, "We cannot find the ECT’s details")
    page.get_by_label("National Insurance Number").fill(TRS_NATIONAL_INSURANCE_NUMBER)
    continue_(page)

    then_i_see_the_page(page, "Check ECT details")
    then_i_see_the_answer(page, "Name", "Harry Taylor")
    then_i_see_the_answer(page, "National Insurance number", "QQ123456C")
    expect(summary_value(page, "Date of birth")).to_have_count(0)
    confirm_the_ect_details(page)
    then_i_see_the_page(page, "What is Harry Taylor’s email address?")


def test_a_national_insurance_number_that_does_not_match_is_a_dead_end(signed_in):
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY, WRONG_DATE_OF_BIRTH)

    page.get_by_label("National Insurance Number").fill("AB 12 34 56 C")
    continue_(page)

    then_i_see_the_page(page, "We’re unable to match the ECT with the details you provided")
    page.get_by_role("button", name="Try again").click()
    then_i_see_the_page(page, "Find an ECT")


def test_a_corrected_name_is_used_from_then_on(signed_in):
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)

    correct_the_name(page, "Harriet", "Taylor-Jones")

    then_i_see_the_page(page, "What is Harriet Taylor-Jones’s email address?")
    answer_the_registration_questions(page, programme="School-led")
    then_i_see_the_answer(page, "Name", "Harriet Taylor-Jones")
    confirm_details(page)
    then_i_see_the_confirmation(page, "Harriet Taylor-Jones")
    back_to_the_ects(page)
    then_the_new_ect_is_first_and_needs_a_mentor(page, "Harriet Taylor-Jones")


def test_the_schools_previous_programme_choices_can_be_reused(signed_in, chose_teach_first_before):
    page = signed_in
    walk_to_the_previous_choices(page)
    then_i_see_the_answer(page, "Appropriate body", "Riverside Teaching School Hub")
    then_i_see_the_answer(page, "Training programme", "Provider-led")
    then_i_see_the_answer(page, "Lead provider", "Teach First")
    expect(
        page.get_by_text(
            "Teach First will confirm if they’ll be working with your school and which delivery partner will deliver "
            "training events."
        )
    ).to_be_visible()

    choose(page, "Yes")

    then_i_see_the_page(page, CHECK_ANSWERS)
    then_i_see_the_answer(
        page, "Choices used by your school previously", "Yes, use the programme choices used by my school previously"
    )
    then_i_see_the_answer(page, "Appropriate body", "Riverside Teaching School Hub")
    then_i_see_the_answer(page, "Lead provider", "Teach First")
    confirm_details(page)
    then_i_see_the_confirmation(page, "Harry Taylor")
    back_to_the_ects(page)
    expect(ect_card(page, "Harry Taylor").get_by_text("Teach First")).to_be_visible()


# Without JavaScript ---------------------------------------------------------------------------------------------


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_the_whole_journey_registers_an_ect(signed_in):
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)
    correct_the_name(page, "Harriet", "Taylor")  # without JavaScript the name fields are always shown
    answer_the_registration_questions(
        page, working_pattern="Part time", appropriate_body="Pennine Teaching School Hub", lead_provider="Teach First"
    )
    then_i_see_the_answer(page, "Appropriate body", "Pennine Teaching School Hub")

    confirm_details(page)

    then_i_see_the_confirmation(page, "Harriet Taylor")
    back_to_the_ects(page)
    then_the_new_ect_is_first_and_needs_a_mentor(page, "Harriet Taylor")


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_double_clicking_confirm_details_without_javascript_registers_the_ect_once(signed_in):
    page = signed_in
    register_an_ect_up_to_check_your_answers(page, HARRY)

    page.get_by_role("button", name="Confirm details").dblclick()

    then_i_see_the_confirmation(page, "Harry Taylor")
    back_to_the_ects(page)
    then_the_new_ect_is_first_and_needs_a_mentor(page, "Harry Taylor")


def test_confirming_again_from_a_second_tab_shows_the_same_confirmation(signed_in, context):
    page = signed_in
    register_an_ect_up_to_check_your_answers(page, HARRY)
    second_tab = context.new_page()
    second_tab.goto(page.url)
    then_i_see_the_page(second_tab, CHECK_ANSWERS)

    confirm_details(page)
    confirm_details(second_tab)

    then_i_see_the_confirmation(page, "Harry Taylor")
    then_i_see_the_confirmation(second_tab, "Harry Taylor")
    back_to_the_ects(second_tab)
    then_the_new_ect_is_first_and_needs_a_mentor(second_tab, "Harry Taylor")


def test_two_journeys_in_two_tabs_register_two_ects(signed_in, context):
    first = signed_in
    second = context.new_page()
    second.goto(first.url)
    start_registering_an_ect(first)
    start_registering_an_ect(second)

    find_an_ect(first, HARRY)
    find_an_ect(second, TOM)
    confirm_the_ect_details(first)
    confirm_the_ect_details(second)
    give_the_email_address(first, "harry@example.com")
    give_the_email_address(second, "tom@example.com")
    give_the_start_date(second, YESTERDAY)
    give_the_start_date(first, TODAY)
    choose(first, "Full time")
    choose(second, "Part time")
    choose_the_appropriate_body(first, "Riverside Teaching School Hub")
    choose_the_appropriate_body(second, "Pennine Teaching School Hub")
    choose(second, "School-led")
    choose(first, "Provider-led")
    choose(first, "Ambition Institute")
    then_i_see_the_page(first, CHECK_ANSWERS)
    then_i_see_the_page(second, CHECK_ANSWERS)

    then_i_see_the_answer(first, "Name", "Harry Taylor")
    then_i_see_the_answer(first, "Email address", "harry@example.com")
    then_i_see_the_answer(second, "Name", "Tom Brown")
    then_i_see_the_answer(second, "Email address", "tom@example.com")
    then_i_see_the_answer(second, "Training programme", "School-led")
    confirm_details(second)
    confirm_details(first)
    then_i_see_the_confirmation(first, "Harry Taylor")
    then_i_see_the_confirmation(second, "Tom Brown")
    back_to_the_ects(first)
    then_i_see_these_ects(first, "Harry Taylor", "Tom Brown", "Ava Archer", "Ben Baker")  # latest start first
