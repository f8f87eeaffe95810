"""Registering a new mentor in a browser (docs/journeys/mentors.md): every dead end, and a mentor registered before."""

import datetime

from playwright.sync_api import expect

from ecf.trs.fake import fake_name
from tests.browser.journeys import ECTS_HEADING, give_the_email_address, then_i_see_the_error, then_i_see_the_page
from tests.browser.mentor_fixtures import providers, school, sign_in
from tests.browser.mentor_steps import (
    given_a_mentor,
    given_a_school_led_ect,
    press,
    then_i_see_the_assigned_confirmation,
    then_the_row_reads,
)
from tests.browser.register_mentor_steps import (
    HARRY,
    NOT_FOUND,
    PROHIBITED,
    confirm_the_mentor_details,
    find_the_mentor,
    kate,
    start_registering_a_new_mentor_for,
    then_the_ect_is_registered_with,
)
from tests.factories import ECTAtSchoolPeriodFactory, MentorshipPeriodFactory, SchoolFactory

# Fixtures from mentor_fixtures.py and register_mentor_steps.py (pytest finds a fixture by its name in the module).
__all__ = ["kate", "providers", "school"]


# Dead ends -----------------------------------------------------------------------------------------------------------


def test_they_do_not_have_a_trn(page, school, kate):
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")

    page.get_by_role("link", name="They do not have a TRN").click()

    then_i_see_the_page(page, "You cannot register a mentor without a TRN")
    expect(page.get_by_role("link", name="Find a lost TRN service")).to_be_visible()
    page.get_by_role("link", name="Back", exact=True).click()
    then_i_see_the_page(page, "Find a mentor")


def test_a_trn_that_is_not_found(page, school, kate):
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")

    find_the_mentor(page, NOT_FOUND)

    then_i_see_the_page(page, "We cannot find the mentor’s details")
    page.get_by_label("National Insurance Number").fill("QQ 00 00 01 A")
    press(page, "Continue")
    then_i_see_the_page(page, "We’re unable to match the mentor with the details you provided")
    page.get_by_role("button", name="Try again").click()
    then_i_see_the_page(page, "Find a mentor")


def test_a_wrong_date_of_birth_asks_for_the_national_insurance_number(page, school, kate):
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")

    find_the_mentor(page, HARRY, datetime.date(1977, 2, 4))

    then_i_see_the_page(page, "We cannot find the mentor’s details")
    press(page, "Continue")
    then_i_see_the_error(page, "Enter a National Insurance Number")
    page.get_by_label("National Insurance Number").fill("QQ 12 34 56 C")
    press(page, "Continue")

    then_i_see_the_page(page, "Check mentor details")
    then_the_row_reads(page, "Name", "Harry Taylor")
    then_the_row_reads(page, "National Insurance number", "QQ123456C")


def test_a_national_insurance_number_that_does_not_match_is_a_dead_end(page, school, kate):
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")
    find_the_mentor(page, HARRY, datetime.date(1977, 2, 4))

    page.get_by_label("National Insurance Number").fill("AB123456C")
    press(page, "Continue")

    then_i_see_the_page(page, "We’re unable to match the mentor with the details you provided")
    expect(page.get_by_role("button", name="Try again")).to_be_visible()


def test_an_ect_cannot_be_their_own_mentor(page, school, kate):
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")

    find_the_mentor(page, kate.teacher.trn)

    then_i_see_the_page(page, "You cannot assign an ECT as their own mentor")
    page.get_by_role("button", name="Assign a different mentor").click()
    then_i_see_the_page(page, "Who will mentor Kate Lewis?")


def test_a_teacher_prohibited_from_teaching_cannot_be_registered(page, school, kate):
    name = " ".join(fake_name(PROHIBITED))
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")

    find_the_mentor(page, PROHIBITED)

    then_i_see_the_page(page, f"You cannot register {name}")
    expect(page.get_by_text(f"Our records show that {name} cannot be registered as a mentor.")).to_be_visible()
    page.get_by_role("link", name="Back to ECTs").click()
    then_i_see_the_page(page, ECTS_HEADING)


def test_a_mentor_already_registered_here_is_assigned_instead(page, school, providers):
    ann = given_a_mentor(school, "Ann Lee", trn=HARRY)
    MentorshipPeriodFactory(mentor=ann, mentee=ECTAtSchoolPeriodFactory(school=school))
    given_a_school_led_ect(school, "Kate Lewis")
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")

    find_the_mentor(page, HARRY)

    then_i_see_the_page(page, "This mentor has already been registered")
    page.get_by_role("button", name="Assign Ann Lee to mentor Kate Lewis").click()

    then_i_see_the_assigned_confirmation(page, "Ann Lee", "Kate Lewis")
    expect(page.get_by_text("We’ll email")).to_have_count(0)  # registered before: no email now
    then_the_ect_is_registered_with(page, "Kate Lewis", "Ann Lee")


def test_an_email_in_use_for_someone_else_must_be_changed(page, school, kate):
    ECTAtSchoolPeriodFactory(school=SchoolFactory(), email="taken@example.com")
    sign_in(page, school)
    start_registering_a_new_mentor_for(page, "Kate Lewis")
    find_the_mentor(page, HARRY)
    confirm_the_mentor_details(page)

    give_the_email_address(page, "taken@example.com")

    then_i_see_the_page(page, "This email is already in use for a different ECT or mentor")
    page.get_by_role("button", name="Try another email").click()
    then_i_see_the_page(page, "What is Harry Taylor’s email address?")
    give_the_email_address(page, "harry@example.com")
    then_i_see_the_page(page, "What subject does Harry Taylor teach?")
