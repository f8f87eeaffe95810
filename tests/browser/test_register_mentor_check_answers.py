"""Registering a new mentor in a browser (docs/journeys/mentors.md): the Change links, and all without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import correct_the_name, give_the_email_address, then_i_see_the_error, then_i_see_the_page
from tests.browser.mentor_fixtures import providers, school, sign_in
from tests.browser.mentor_steps import (
    choose_and_continue,
    press,
    say_the_ects_lead_provider_will_not_train,
    start_assigning_a_mentor_from_the_ects_list,
    then_i_see_the_errors,
    then_the_row_reads,
)
from tests.browser.register_mentor_steps import (
    CHECK_YOUR_ANSWERS,
    HARRY,
    TOM,
    answer_the_teaching_details,
    change,
    find_the_mentor,
    kate,
    register_harry_up_to_check_your_answers,
    then_i_see_the_new_mentor_confirmation,
    then_the_ect_is_registered_with,
)

# Fixtures from mentor_fixtures.py and register_mentor_steps.py (pytest finds a fixture by its name in the module).
__all__ = ["kate", "providers", "school"]


# Check your answers: every Change link ------------------------------------------------------------------------------


def test_each_change_link_returns_to_check_your_answers_with_the_new_answer(page, school, kate):
    sign_in(page, school)
    register_harry_up_to_check_your_answers(page)

    change(page, "name")
    then_i_see_the_page(page, "Check mentor details")
    correct_the_name(page, "Harriet", "Taylor")
    then_the_row_reads(page, "Name", "Harriet Taylor")

    change(page, "email address")
    expect(page.get_by_label("Email address")).to_have_value("harry@example.com")
    give_the_email_address(page, "harriet@example.com")
    then_the_row_reads(page, "Email address", "harriet@example.com")

    for what, key, answer in (
        ("subject", "Subject", "Primary with mathematics"),
        ("age range", "Age range", "3 to 7"),
        ("key stage", "Key stage", "Early years"),
    ):
        change(page, what)
        choose_and_continue(page, answer)
        then_i_see_the_page(page, CHECK_YOUR_ANSWERS)
        then_the_row_reads(page, key, answer)

    change(page, "lead provider")
    say_the_ects_lead_provider_will_not_train(page, "Ambition Institute", "Harriet Taylor")
    choose_and_continue(page, "Teach First")
    then_the_row_reads(page, "Lead provider", "Teach First")

    change(page, "subject")
    page.get_by_role("link", name="Back", exact=True).click()
    then_i_see_the_page(page, CHECK_YOUR_ANSWERS)

    press(page, "Confirm details")
    then_i_see_the_new_mentor_confirmation(page, "Harriet Taylor", "Kate Lewis", training_with="Teach First")


def test_changing_the_trn_finds_the_mentor_again(page, school, kate):
    sign_in(page, school)
    register_harry_up_to_check_your_answers(page)

    change(page, "teacher reference number (TRN)")

    then_i_see_the_page(page, "Find a mentor")
    find_the_mentor(page, TOM)
    then_i_see_the_page(page, "Check mentor details")
    then_the_row_reads(page, "Name", "Tom Brown")


# Without JavaScript -------------------------------------------------------------------------------------------------


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_registering_a_new_mentor_works_without_javascript(page, school, kate):
    sign_in(page, school)
    start_assigning_a_mentor_from_the_ects_list(page, "Kate Lewis")
    press(page, "Continue")
    then_i_see_the_error(page, "Select a mentor from the list provided or choose to register a new mentor")
    choose_and_continue(page, "Register a new mentor")
    press(page, "Continue")
    press(page, "Continue")
    then_i_see_the_errors(page, "Enter a teacher reference number (TRN)", "Enter a date of birth")
    find_the_mentor(page, HARRY)
    correct_the_name(page, "Harriet", "Taylor")
    give_the_email_address(page, "harriet@example.com")
    press(page, "Continue")
    then_i_see_the_error(page, "Select a subject")
    answer_the_teaching_details(page, "Primary with English", "5 to 11", "Key stage 1")
    say_the_ects_lead_provider_will_not_train(page, "Ambition Institute", "Harriet Taylor")
    choose_and_continue(page, "Teach First")
    change(page, "email address")
    give_the_email_address(page, "harriet.taylor@example.com")
    then_the_row_reads(page, "Email address", "harriet.taylor@example.com")

    press(page, "Confirm details")

    then_i_see_the_new_mentor_confirmation(page, "Harriet Taylor", "Kate Lewis", training_with="Teach First")
    then_the_ect_is_registered_with(page, "Kate Lewis", "Harriet Taylor")
