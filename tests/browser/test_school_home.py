"""An induction tutor signs in, sees their ECTs and mentors, finds an ECT and signs out.

Every page these tests visit is checked with axe-core by the `page` fixture (conftest.py).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_horizontal_scroll
from tests.browser.journeys import (
    ECTS_HEADING,
    SEARCH_LABEL,
    choose_school,
    ect_card,
    given_a_school,
    given_a_school_with_ects,
    given_an_ect,
    given_an_induction_tutor,
    go_to_in_service_navigation,
    search_for,
    service_navigation,
    sign_in_as,
    sign_out,
    then_i_see_the_error,
    then_i_see_the_page,
    then_i_see_these_ects,
)


def test_an_induction_tutor_sees_their_ects_and_what_needs_doing(page):
    _, tutor = given_a_school_with_ects(without_mentor=["Ava Archer"], with_mentor={"Ben Baker": "Mia Mentor"})

    sign_in_as(page, tutor)

    then_i_see_the_page(page, ECTS_HEADING)
    then_i_see_these_ects(page, "Ava Archer", "Ben Baker")
    ava = ect_card(page, "Ava Archer")
    expect(ava.get_by_text("Action required")).to_be_visible()
    expect(ava.get_by_text("A mentor needs to be assigned to Ava Archer.")).to_be_visible()
    expect(page.get_by_role("link", name="Assign a mentor for this ECT (Ava Archer)")).to_be_visible()
    ben = ect_card(page, "Ben Baker")
    expect(ben.get_by_text("Registered")).to_be_visible()
    expect(ben.get_by_text("Mia Mentor")).to_be_visible()
    expect(page.get_by_role("link", name="Assign a mentor for this ECT (Ben Baker)")).to_have_count(0)
    assert_no_horizontal_scroll(page)


def test_an_induction_tutor_opens_an_ect_record_and_comes_back_to_the_list(page):
    _, tutor = given_a_school_with_ects(without_mentor=["Ava Archer"])
    sign_in_as(page, tutor)

    page.get_by_role("link", name="Ava Archer", exact=True).click()

    then_i_see_the_page(page, "Ava Archer")
    expect(page.get_by_text("No mentor assigned")).to_be_visible()
    assert_no_horizontal_scroll(page)

    page.get_by_role("link", name="Back to ECTs").click()

    then_i_see_the_page(page, ECTS_HEADING)


def test_the_service_navigation_marks_the_current_page(page):
    _, tutor = given_a_school_with_ects(with_mentor={"Ben Baker": "Mia Mentor"})
    sign_in_as(page, tutor)
    expect(service_navigation(page).get_by_role("link", name="ECTs")).to_have_attribute("aria-current", "page")

    go_to_in_service_navigation(page, "Mentors")

    then_i_see_the_page(page, "Mentors")
    expect(service_navigation(page).get_by_role("link", name="Mentors")).to_have_attribute("aria-current", "page")
    expect(service_navigation(page).get_by_role("link", name="ECTs")).not_to_have_attribute("aria-current", "page")
    expect(page.get_by_role("link", name="Ben Baker")).to_be_visible()


def test_an_induction_tutor_searches_their_ects_by_trn_and_by_name(page):
    school = given_a_school()
    tutor = given_an_induction_tutor("Sam", "Tutor", school)
    given_an_ect(school, "Ava Archer", trn="1234567")
    given_an_ect(school, "Ben Baker", trn="7654321")
    sign_in_as(page, tutor)

    search_for(page, "1234567")

    then_i_see_these_ects(page, "Ava Archer")
    expect(page.get_by_label(SEARCH_LABEL)).to_have_value("1234567")

    search_for(page, "baker")

    then_i_see_these_ects(page, "Ben Baker")

    search_for(page, "Nobody")

    then_i_see_these_ects(page)
    expect(page.get_by_text("There are no ECTs that match your search.")).to_be_visible()


def test_an_induction_tutor_at_two_schools_chooses_one(page):
    ashdown = given_a_school("Ashdown Primary School")
    brook = given_a_school("Brook Secondary School")
    given_an_ect(brook, "Cal Carter")
    tutor = given_an_induction_tutor("Sam", "Tutor", ashdown, brook)
    sign_in_as(page, tutor)
    then_i_see_the_page(page, "Which school are you signing in for?")
    assert_no_horizontal_scroll(page)

    page.get_by_role("button", name="Continue").click()

    then_i_see_the_error(page, "Select the school you are signing in for")

    choose_school(page, "Brook Secondary School")

    then_i_see_the_page(page, ECTS_HEADING)
    expect(page.get_by_text("Brook Secondary School")).to_be_visible()
    then_i_see_these_ects(page, "Cal Carter")

    page.get_by_role("link", name="Change school").click()
    then_i_see_the_page(page, "Which school are you signing in for?")
    choose_school(page, "Ashdown Primary School")

    then_i_see_the_page(page, ECTS_HEADING)
    expect(page.get_by_text("Ashdown Primary School")).to_be_visible()
    then_i_see_these_ects(page)


def test_an_induction_tutor_signs_out(page):
    _, tutor = given_a_school_with_ects(without_mentor=["Ava Archer"])
    sign_in_as(page, tutor)

    sign_out(page)

    then_i_see_the_page(page, "You have signed out")
    page.goto("/school/home/ects")
    then_i_see_the_page(page, "Sign in")
    expect(page.get_by_role("button", name="Sign in as Sam Tutor")).to_be_visible()


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_an_induction_tutor_signs_in_and_opens_an_ect_record(page):
    _, tutor = given_a_school_with_ects(without_mentor=["Ava Archer"])

    sign_in_as(page, tutor)
    then_i_see_the_page(page, ECTS_HEADING)
    page.get_by_role("link", name="Ava Archer", exact=True).click()

    then_i_see_the_page(page, "Ava Archer")
    expect(page.locator("body")).not_to_have_class(re.compile(r"govuk-frontend-supported"))  # no script ran
