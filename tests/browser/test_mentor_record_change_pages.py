"""The mentor record's Change pages in a browser (docs/journeys/mentors.md, "The mentor record")."""

import pytest
from playwright.sync_api import expect

from schools.models import School
from tests.browser.journeys import then_i_see_the_error, then_i_see_the_page
from tests.browser.mentor_fixtures import school, sign_in
from tests.browser.mentor_record_steps import given_grace_hopper, on_graces_record
from tests.browser.mentor_steps import (
    change_on_the_record,
    choose_and_continue,
    given_a_mentor,
    open_the_mentors_record,
    press,
    then_i_see_no_banner,
    then_i_see_the_errors,
    then_i_see_the_success_banner,
    then_no_option_is_chosen,
    then_the_options_are,
    then_the_row_reads,
)

# Fixtures from mentor_fixtures.py and mentor_record_steps.py (pytest finds a fixture by its name in the module).
__all__ = ["on_graces_record", "school"]


# The mentor record's Change pages (docs/journeys/mentors.md, "The mentor record") ------------------------------------


def test_changing_the_mentors_name(on_graces_record):
    page = on_graces_record
    change_on_the_record(page, "name")
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Grace Hopper What is the correct name?")
    expect(page.get_by_label("First name")).to_have_value("Grace")

    page.get_by_label("First name").fill("")
    page.get_by_label("Last name").fill(" ")
    press(page, "Continue")

    then_i_see_the_errors(page, "Enter a first name", "Enter a last name")

    page.get_by_label("First name").fill("Grace")
    page.get_by_label("Last name").fill("Brewster")
    press(page, "Continue")

    then_i_see_the_page(page, "Grace Brewster")
    then_i_see_the_success_banner(page, "Grace Brewster’s name has been changed")
    then_the_row_reads(page, "Name", "Grace Brewster")
    page.reload()
    then_i_see_no_banner(page)


def test_changing_the_mentors_email_address(on_graces_record):
    page = on_graces_record
    change_on_the_record(page, "email address")
    then_i_see_the_page(page, "What is Grace Hopper’s email address?")

    page.get_by_label("What is Grace Hopper’s email address?").fill("not an email")
    press(page, "Continue")

    then_i_see_the_error(page, "Enter an email address in the correct format, like name@example.com")

    page.get_by_label("What is Grace Hopper’s email address?").fill("grace.hopper@example.com")
    press(page, "Continue")

    then_i_see_the_success_banner(page, "Grace Hopper’s email address has been changed")
    then_the_row_reads(page, "Email address", "grace.hopper@example.com")


@pytest.mark.parametrize(
    ("what", "question", "options", "error", "answer"),
    [
        (
            "subject",
            "What subject does Grace Hopper teach?",
            [
                "Primary",
                "Primary with English",
                "Primary with geography and history",
                "Primary with mathematics",
                "Primary with modern languages",
                "Primary with physical education",
                "Primary with science",
            ],
            "Select a subject",
            "Primary with science",
        ),
        (
            "age range",
            "What age range does Grace Hopper teach?",
            ["3 to 7", "5 to 11", "7 to 11", "7 to 14 - middle years"],
            "Select an age range",
            "7 to 11",
        ),
        (
            "key stage",
            "What key stage does Grace Hopper teach?",
            ["Early years", "Key stage 1", "Key stage 2"],
            "Select a key stage",
            "Key stage 1",
        ),
    ],
)
def test_changing_a_teaching_detail(page, school, what, question, options, error, answer):
    given_grace_hopper(school, **{what.replace(" ", "_"): ""})  # not given yet, so no option is chosen
    sign_in(page, school)
    open_the_mentors_record(page, "Grace Hopper")
    then_the_row_reads(page, what.capitalize(), "Not provided")
    change_on_the_record(page, what)
    then_i_see_the_page(page, question)
    then_the_options_are(page, *options)
    then_no_option_is_chosen(page)

    press(page, "Continue")

    then_i_see_the_error(page, error)

    choose_and_continue(page, answer)

    then_i_see_the_success_banner(page, f"Grace Hopper’s {what} has been changed")
    then_the_row_reads(page, what.capitalize(), answer)


def test_an_age_range_that_rules_out_the_key_stage_asks_the_key_stage_again(page, school):
    school.phase = School.Phase.SECONDARY
    school.save()
    given_a_mentor(
        school, "Alan Turing", subject="Mathematics", age_range="7 to 14 - middle years", key_stage="Key stage 2"
    )
    sign_in(page, school)
    open_the_mentors_record(page, "Alan Turing")
    change_on_the_record(page, "age range")
    then_the_options_are(page, "11 to 16", "11 to 18", "14 to 19", "7 to 14 - middle years")
    expect(page.get_by_role("radio", name="7 to 14 - middle years")).to_be_checked()

    choose_and_continue(page, "11 to 16")

    then_i_see_the_page(page, "What key stage does Alan Turing teach?")
    then_the_options_are(page, "Key stage 3", "Key stage 4", "Key stage 5")
    then_no_option_is_chosen(page)
    press(page, "Continue")
    then_i_see_the_error(page, "Select a key stage")

    choose_and_continue(page, "Key stage 4")

    then_i_see_the_success_banner(page, "Alan Turing’s age range and key stage have been changed")
    then_the_row_reads(page, "Age range", "11 to 16")
    then_the_row_reads(page, "Key stage", "Key stage 4")


@pytest.mark.parametrize(
    ("what", "question", "limit"),
    [
        ("date started mentoring", "When did Grace Hopper start mentoring?", 100),
        ("provider training", "What mentor training has Grace Hopper had from a training provider?", 500),
        ("SEND training", "What special educational needs and disabilities (SEND) training has Grace Hopper had?", 500),
        ("subject networks and associations", "Which subject networks and associations is Grace Hopper part of?", 500),
        ("other experiences", "What other experience does Grace Hopper bring to mentoring?", 500),
    ],
)
def test_changing_an_additional_detail(on_graces_record, what, question, limit):
    page = on_graces_record
    label = what[0].upper() + what[1:]
    change_on_the_record(page, what)
    then_i_see_the_page(page, question)

    page.get_by_label(question).fill("x" * (limit + 1))
    press(page, "Continue")

    then_i_see_the_error(page, f"{label} must be {limit} characters or less")

    page.get_by_label(question).fill("Led the maths network")
    press(page, "Continue")

    then_i_see_the_success_banner(page, f"Grace Hopper’s {what} has been changed")
    then_the_row_reads(page, label, "Led the maths network")
