"""An induction tutor registers a new mentor for an ECT in a browser (docs/journeys/mentors.md), both phases."""

from playwright.sync_api import expect

from schools.models import School
from tests.browser.journeys import correct_the_name, give_the_email_address, then_i_see_the_error, then_i_see_the_page
from tests.browser.mentor_fixtures import providers, school, sign_in
from tests.browser.mentor_steps import (
    choose_and_continue,
    given_a_school_led_ect,
    keep_the_ects_lead_provider_for_mentor_training,
    press,
    say_the_ects_lead_provider_will_not_train,
    start_assigning_a_mentor_from_the_ects_list,
    then_i_am_asked_which_lead_provider_trains,
    then_i_see_the_errors,
    then_i_see_the_mentor_training_playback,
    then_no_option_is_chosen,
    then_the_options_are,
    then_the_row_reads,
)
from tests.browser.register_mentor_steps import (
    HARRY,
    PRIMARY_SUBJECTS,
    TOM,
    answer_the_teaching_details,
    confirm_the_mentor_details,
    find_the_mentor,
    kate,
    start_registering_a_new_mentor_for,
    then_i_see_the_answers,
    then_i_see_the_new_mentor_confirmation,
    then_the_ect_is_registered_with,
)
from tests.factories import SchoolFactory

# Fixtures from mentor_fixtures.py and register_mentor_steps.py (pytest finds a fixture by its name in the module).
__all__ = ["kate", "providers", "school"]


# End to end ---------------------------------------------------------------------------------------------------------


def test_a_primary_school_registers_a_new_mentor_for_a_provider_led_ect(page, school, kate):
    sign_in(page, school)
    start_assigning_a_mentor_from_the_ects_list(page, "Kate Lewis")
    then_the_options_are(page, "Carl Brown", "Register a new mentor")
    choose_and_continue(page, "Register a new mentor")

    then_i_see_the_page(page, "What you’ll need to add a new mentor for Kate Lewis")
    expect(page.get_by_role("main").get_by_role("listitem")).to_have_text(
        ["name", "teacher reference number (TRN)", "date of birth", "email address"]
    )
    expect(page.get_by_text("You may also need to tell us about the mentor’s training programme.")).to_be_visible()
    press(page, "Continue")

    then_i_see_the_page(page, "Find a mentor")
    find_the_mentor(page, HARRY)

    then_i_see_the_page(page, "Check mentor details")
    then_the_row_reads(page, "Name", "Harry Taylor")
    then_the_row_reads(page, "Teacher reference number (TRN)", HARRY)
    then_the_row_reads(page, "Date of birth", "3 February 1977")
    confirm_the_mentor_details(page)

    then_i_see_the_page(page, "What is Harry Taylor’s email address?")
    give_the_email_address(page, "harry@example.com")

    then_i_see_the_page(page, "What subject does Harry Taylor teach?")
    then_the_options_are(page, *PRIMARY_SUBJECTS)
    then_no_option_is_chosen(page)
    choose_and_continue(page, "Primary with science")

    then_i_see_the_page(page, "What age range does Harry Taylor teach?")
    then_the_options_are(page, "3 to 7", "5 to 11", "7 to 11", "7 to 14 - middle years")
    then_no_option_is_chosen(page)
    choose_and_continue(page, "7 to 14 - middle years")

    then_i_see_the_page(page, "What key stage does Harry Taylor teach?")
    then_the_options_are(page, "Early years", "Key stage 1", "Key stage 2")
    then_no_option_is_chosen(page)
    choose_and_continue(page, "Key stage 2")

    then_i_see_the_mentor_training_playback(page, "Harry Taylor", "Ambition Institute")
    keep_the_ects_lead_provider_for_mentor_training(page)

    then_i_see_the_answers(
        page,
        {
            "Teacher reference number (TRN)": HARRY,
            "Name": "Harry Taylor",
            "Email address": "harry@example.com",
            "Subject": "Primary with science",
            "Age range": "7 to 14 - middle years",
            "Key stage": "Key stage 2",
            "Lead provider": "Ambition Institute",
        },
    )
    expect(page.get_by_text("Harry Taylor will mentor Kate Lewis")).to_be_visible()
    press(page, "Confirm details")

    then_i_see_the_new_mentor_confirmation(page, "Harry Taylor", "Kate Lewis", training_with="Ambition Institute")
    then_the_ect_is_registered_with(page, "Kate Lewis", "Harry Taylor")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Mentors", exact=True).click()
    harry = page.locator(".govuk-summary-card").filter(has=page.get_by_role("heading", name="Harry Taylor", exact=True))
    then_the_row_reads(harry, "Assigned ECTs", "Kate Lewis")


def test_a_secondary_school_registers_a_new_mentor_for_a_school_led_ect(page):
    school = SchoolFactory(name="Ashdown Academy", phase=School.Phase.SECONDARY)
    given_a_school_led_ect(school, "Kate Lewis")
    sign_in(page, school)

    # With no mentor to choose from, assigning a mentor starts at registering a new one.
    start_assigning_a_mentor_from_the_ects_list(page, "Kate Lewis")
    then_i_see_the_page(page, "What you’ll need to add a new mentor for Kate Lewis")
    expect(page.get_by_text("training programme")).to_have_count(0)
    press(page, "Continue")
    find_the_mentor(page, TOM)
    confirm_the_mentor_details(page)
    give_the_email_address(page, "tom@example.com")

    then_i_see_the_page(page, "What subject does Tom Brown teach?")
    expect(page.get_by_role("radio")).to_have_count(36)
    expect(page.locator(".govuk-radios__label").first).to_have_text("Ancient Greek")
    expect(page.locator(".govuk-radios__label").last).to_have_text("Spanish")
    then_no_option_is_chosen(page)
    choose_and_continue(page, "Physics")

    then_the_options_are(page, "11 to 16", "11 to 18", "14 to 19", "7 to 14 - middle years")
    choose_and_continue(page, "7 to 14 - middle years")

    then_i_see_the_page(page, "What key stage does Tom Brown teach?")
    then_the_options_are(page, "Key stage 2", "Key stage 3", "Key stage 4", "Key stage 5")
    choose_and_continue(page, "Key stage 3")

    # A school-led ECT: no mentor training question, no lead provider.
    then_i_see_the_answers(
        page,
        {
            "Teacher reference number (TRN)": TOM,
            "Name": "Tom Brown",
            "Email address": "tom@example.com",
            "Subject": "Physics",
            "Age range": "7 to 14 - middle years",
            "Key stage": "Key stage 3",
        },
    )
    press(page, "Confirm details")

    then_i_see_the_new_mentor_confirmation(page, "Tom Brown", "Kate Lewis", training_with=None)
    then_the_ect_is_registered_with(page, "Kate Lewis", "Tom Brown")


def test_a_school_of_neither_phase_is_asked_which_phase_the_mentor_teaches(page):
    school = SchoolFactory(name="Ashdown All-through School", phase=School.Phase.ALL_THROUGH)
    given_a_school_led_ect(school, "Kate Lewis")
    sign_in(page, school)
    start_assigning_a_mentor_from_the_ects_list(page, "Kate Lewis")
    press(page, "Continue")
    find_the_mentor(page, HARRY)
    confirm_the_mentor_details(page)
    give_the_email_address(page, "harry@example.com")

    then_i_see_the_page(page, "Which phase does Harry Taylor teach?")
    then_the_options_are(page, "Primary", "Secondary")
    press(page, "Continue")
    then_i_see_the_error(page, "Select a phase")
    choose_and_continue(page, "Primary")

    then_i_see_the_page(page, "What subject does Harry Taylor teach?")
    then_the_options_are(page, *PRIMARY_SUBJECTS)


def test_the_mentor_trains_with_another_lead_provider(page, school, kate):
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")
    find_the_mentor(page, HARRY)
    confirm_the_mentor_details(page)
    give_the_email_address(page, "harry@example.com")
    answer_the_teaching_details(page, "Primary", "3 to 7", "Early years")

    say_the_ects_lead_provider_will_not_train(page, "Ambition Institute", "Harry Taylor")
    then_i_am_asked_which_lead_provider_trains(page, "Harry Taylor")
    press(page, "Continue")
    then_i_see_the_error(page, "Select a lead provider to contact your school")
    choose_and_continue(page, "Teach First")

    then_the_row_reads(page, "Lead provider", "Teach First")
    press(page, "Confirm details")
    then_i_see_the_new_mentor_confirmation(page, "Harry Taylor", "Kate Lewis", training_with="Teach First")


def test_each_question_says_what_is_missing(page, school, kate):
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")

    page.get_by_label("Teacher reference number (TRN)").fill("12")
    press(page, "Continue")
    then_i_see_the_errors(page, "Teacher reference number must include at least 5 digits", "Enter a date of birth")
    expect(page.locator(":focus")).to_contain_text("There is a problem")
    find_the_mentor(page, HARRY)

    page.get_by_role("radio", name="No, they changed their name or it’s spelt wrong").check()
    press(page, "Confirm and continue")
    then_i_see_the_errors(page, "Enter a first name", "Enter a last name")
    confirm_the_mentor_details(page)

    press(page, "Continue")
    then_i_see_the_error(page, "Enter an email address")
    give_the_email_address(page, "harry at example")
    then_i_see_the_error(page, "Enter an email address in the correct format, like name@example.com")
    give_the_email_address(page, "harry@example.com")

    for message, answer in (
        ("Select a subject", "Primary"),
        ("Select an age range", "5 to 11"),
        ("Select a key stage", "Key stage 1"),
    ):
        press(page, "Continue")
        then_i_see_the_error(page, message)
        choose_and_continue(page, answer)

    then_i_see_the_mentor_training_playback(page, "Harry Taylor", "Ambition Institute")


def test_a_corrected_name_is_used_from_then_on(page, school, kate):
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")
    find_the_mentor(page, HARRY)

    correct_the_name(page, "Harriet", "Taylor-Smith")

    then_i_see_the_page(page, "What is Harriet Taylor-Smith’s email address?")
    give_the_email_address(page, "harriet@example.com")
    then_i_see_the_page(page, "What subject does Harriet Taylor-Smith teach?")
