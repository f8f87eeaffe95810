"""An induction tutor assigns a mentor to an ECT, or changes it, in a browser (docs/journeys/mentors.md)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_horizontal_scroll
from tests.browser.journeys import then_i_see_the_error, then_i_see_the_page
from tests.browser.mentor_fixtures import providers, school, sign_in
from tests.browser.mentor_record_steps import (
    back_to_ects,
    then_i_am_asked_who_will_mentor,
    then_the_ect_is_registered_with,
)
from tests.browser.mentor_steps import (
    WHO_WILL_MENTOR_ERROR,
    change_on_the_record,
    choose_and_continue,
    given_a_mentor,
    given_a_provider_led_ect,
    given_a_school_led_ect,
    given_mentoring,
    keep_the_ects_lead_provider_for_mentor_training,
    open_the_mentors_record,
    press,
    say_the_ects_lead_provider_will_not_train,
    start_assigning_a_mentor_from_the_ects_list,
    then_i_am_asked_which_lead_provider_trains,
    then_i_see_the_assigned_confirmation,
    then_i_see_the_mentor_training_playback,
    then_the_options_are,
    then_the_row_reads,
)

# Fixtures from mentor_fixtures.py and mentor_record_steps.py (pytest finds a fixture by its name in the module).
__all__ = ["providers", "school"]


# Assign an existing mentor, from the ECTs list (docs/journeys/mentors.md) ---------------------------------------------


def test_assigning_an_existing_mentor_to_a_provider_led_ect_plays_back_their_mentor_training(page, school, providers):
    given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])
    given_a_mentor(school, "Ada Jones")
    given_a_mentor(school, "Ben Adams")
    sign_in(page, school)

    start_assigning_a_mentor_from_the_ects_list(page, "Kate Lewis")

    then_i_am_asked_who_will_mentor(page, "Kate Lewis", "Ben Adams", "Ada Jones")  # by surname
    assert_no_horizontal_scroll(page)

    choose_and_continue(page, "Ada Jones")

    then_i_see_the_mentor_training_playback(page, "Ada Jones", "Ambition Institute")

    keep_the_ects_lead_provider_for_mentor_training(page)

    then_i_see_the_assigned_confirmation(page, "Ada Jones", "Kate Lewis", training_with="Ambition Institute")
    back_to_ects(page)
    then_the_ect_is_registered_with(page, "Kate Lewis", "Ada Jones")


def test_the_school_chooses_another_lead_provider_for_the_mentors_training(page, school, providers):
    given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])
    given_a_mentor(school, "Ada Jones")
    sign_in(page, school)
    start_assigning_a_mentor_from_the_ects_list(page, "Kate Lewis")
    choose_and_continue(page, "Ada Jones")

    say_the_ects_lead_provider_will_not_train(page, "Ambition Institute", "Ada Jones")

    then_i_am_asked_which_lead_provider_trains(page, "Ada Jones")
    then_the_options_are(page, "Ambition Institute", "Teach First")
    press(page, "Continue")
    then_i_see_the_error(page, "Select a lead provider to contact your school")

    choose_and_continue(page, "Teach First")

    then_i_see_the_assigned_confirmation(page, "Ada Jones", "Kate Lewis", training_with="Teach First")
    back_to_ects(page)
    open_the_mentors_record(page, "Ada Jones")
    then_the_row_reads(page, "Lead provider", "Teach First")


def test_a_school_led_ect_is_assigned_a_mentor_without_any_training_question(page, school, providers):
    given_a_school_led_ect(school, "Kate Lewis")
    given_a_mentor(school, "Ada Jones")
    sign_in(page, school)
    start_assigning_a_mentor_from_the_ects_list(page, "Kate Lewis")

    choose_and_continue(page, "Ada Jones")

    then_i_see_the_assigned_confirmation(page, "Ada Jones", "Kate Lewis")
    expect(page.get_by_text("mentor training")).to_have_count(0)
    back_to_ects(page)
    then_the_ect_is_registered_with(page, "Kate Lewis", "Ada Jones")


def test_who_will_mentor_needs_an_answer(page, school, providers):
    given_a_school_led_ect(school, "Kate Lewis")
    given_a_mentor(school, "Ada Jones")
    sign_in(page, school)
    start_assigning_a_mentor_from_the_ects_list(page, "Kate Lewis")

    press(page, "Continue")

    then_i_see_the_error(page, WHO_WILL_MENTOR_ERROR)
    then_i_see_the_page(page, "Who will mentor Kate Lewis?")
    expect(page.locator(":focus")).to_contain_text("There is a problem")  # focus moves to the error summary
    page.get_by_role("alert").get_by_role("link", name=WHO_WILL_MENTOR_ERROR).click()
    expect(page.get_by_role("radio", name="Ada Jones")).to_be_focused()

    choose_and_continue(page, "Ada Jones")

    then_i_see_the_assigned_confirmation(page, "Ada Jones", "Kate Lewis")


# Change an ECT's mentor, from the ECT record (docs/journeys/mentors.md) -----------------------------------------------


def test_changing_an_ects_mentor_from_their_record(page, school, providers):
    kate = given_a_school_led_ect(school, "Kate Lewis")
    given_mentoring(given_a_mentor(school, "Carl Brown"), kate)
    given_a_mentor(school, "Ada Jones")
    sign_in(page, school)
    page.get_by_role("link", name="Kate Lewis", exact=True).click()
    then_the_row_reads(page, "Mentor", "Carl Brown")

    change_on_the_record(page, "mentor")

    then_i_am_asked_who_will_mentor(page, "Kate Lewis", "Ada Jones")  # not the current mentor

    choose_and_continue(page, "Ada Jones")

    then_i_see_the_assigned_confirmation(page, "Ada Jones", "Kate Lewis", now_responsible=True)
    back_to_ects(page)
    then_the_ect_is_registered_with(page, "Kate Lewis", "Ada Jones")


# Without JavaScript ---------------------------------------------------------------------------------------------------


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_assigning_a_mentor_works_without_javascript(page, school, providers):
    given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])
    given_a_mentor(school, "Ada Jones")
    sign_in(page, school)
    start_assigning_a_mentor_from_the_ects_list(page, "Kate Lewis")
    press(page, "Continue")
    then_i_see_the_error(page, WHO_WILL_MENTOR_ERROR)
    choose_and_continue(page, "Ada Jones")
    then_i_see_the_mentor_training_playback(page, "Ada Jones", "Ambition Institute")

    say_the_ects_lead_provider_will_not_train(page, "Ambition Institute", "Ada Jones")
    then_i_am_asked_which_lead_provider_trains(page, "Ada Jones")
    press(page, "Continue")
    then_i_see_the_error(page, "Select a lead provider to contact your school")
    choose_and_continue(page, "Teach First")

    then_i_see_the_assigned_confirmation(page, "Ada Jones", "Kate Lewis", training_with="Teach First")
    back_to_ects(page)
    then_the_ect_is_registered_with(page, "Kate Lewis", "Ada Jones")
