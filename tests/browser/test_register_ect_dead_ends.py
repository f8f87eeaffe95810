"""Registering an ECT in a browser (docs/journeys/register-an-ect.md): dead ends, expired journeys and typed URLs."""

import datetime
import re
import uuid

import pytest
from playwright.sync_api import expect

from ecf.teachers.lookups import TeacherLookups
from tests.browser.journeys import (
    ECTS_HEADING,
    TRS_DATE_OF_BIRTH,
    confirm_the_ect_details,
    find_an_ect,
    give_the_email_address,
    give_the_start_date,
    given_an_ect,
    sign_in_as,
    sign_out,
    start_registering_an_ect,
    then_i_see_the_page,
)
from tests.browser.register_steps import HARRY, school, setting, signed_in, tutor
from tests.factories import ECTAtSchoolPeriodFactory, SchoolFactory

# Fixtures from register_steps.py (pytest finds a fixture by its name in the test's module, so they are imported here).
__all__ = ["school", "setting", "signed_in", "tutor"]


# Dead ends ----------------------------------------------------------------------------------------------------

REGISTER_ANOTHER = ("link", "Register another ECT", "What you’ll need to register a new ECT")


@pytest.mark.parametrize(
    ("trn", "heading", "explanation", "way_out"),
    [
        pytest.param(
            "7000007",
            "You cannot register Harry Campbell",
            "Our records show Harry Campbell has already completed their induction and therefore cannot be "
            "registered as an ECT.",
            REGISTER_ANOTHER,
            id="induction passed",
        ),
        pytest.param(
            "7000009",
            "You cannot register Jamal Campbell",
            "Our records show Jamal Campbell is exempt from having to serve induction and therefore cannot be "
            "registered as an ECT.",
            REGISTER_ANOTHER,
            id="exempt",
        ),
        pytest.param(
            "7000008",
            "You cannot register Isla Campbell",
            "Our records show Isla Campbell has failed their induction and is not eligible for further ECT training.",
            REGISTER_ANOTHER,
            id="induction failed",
        ),
        pytest.param(
            "7000010",
            "You cannot register Kate Campbell",
            "Our records show Kate Campbell has failed their induction and is not eligible for further ECT training.",
            REGISTER_ANOTHER,
            id="induction failed in Wales",
        ),
        pytest.param(
            "7000003",
            "You cannot register Dev Campbell",
            "Our records show that Dev Campbell cannot be registered for training or mentoring.",
            ("link", "Back to ECTs", ECTS_HEADING),
            id="prohibited from teaching",
        ),
    ],
)
def test_a_teacher_who_cannot_be_registered_is_a_dead_end_with_a_way_out(signed_in, trn, heading, explanation, way_out):
    page = signed_in
    start_registering_an_ect(page)

    find_an_ect(page, trn)

    then_i_see_the_page(page, heading)
    expect(page.get_by_text(explanation)).to_be_visible()
    expect(page.get_by_role("button", name="Continue")).to_have_count(0)
    role, name, destination = way_out
    page.get_by_role(role, name=name).click()
    then_i_see_the_page(page, destination)


@pytest.mark.parametrize("trn", ["7000002", HARRY], ids=["unknown TRN", "wrong date of birth"])
def test_a_teacher_not_found_is_asked_for_the_national_insurance_number_then_offered_to_try_again(signed_in, trn):
    page = signed_in
    start_registering_an_ect(page)

    find_an_ect(page, trn, datetime.date(1977, 2, 4) if trn == HARRY else TRS_DATE_OF_BIRTH)

    then_i_see_the_page(page, "We cannot find the ECT’s details")
    page.get_by_label("National Insurance Number").fill("QQ 00 00 01 A")
    page.get_by_role("button", name="Continue").click()
    then_i_see_the_page(page, "We’re unable to match the ECT with the details you provided")
    expect(page.get_by_text("Check that you’ve entered their details correctly.")).to_be_visible()
    page.get_by_role("button", name="Try again").click()
    then_i_see_the_page(page, "Find an ECT")


def test_a_trn_looked_up_too_often_without_a_match_cannot_be_looked_up_for_an_hour(signed_in, school):
    lookups = TeacherLookups(user=None, school=school)
    for _ in range(6):
        lookups.record_failure(HARRY, checked="date of birth")
    page = signed_in
    start_registering_an_ect(page)

    find_an_ect(page, HARRY)

    then_i_see_the_page(page, "You cannot look for this teacher at the moment")
    expect(page.get_by_text("you can try again in 1 hour")).to_be_visible()
    page.get_by_role("link", name="Back to ECTs").click()
    then_i_see_the_page(page, ECTS_HEADING)


def test_an_ect_already_registered_at_the_school_is_a_dead_end(signed_in, school):
    given_an_ect(school, "Ada Byron", trn="5556667")
    page = signed_in
    start_registering_an_ect(page)

    find_an_ect(page, "5556667")

    then_i_see_the_page(page, "Ada Byron is already registered at your school")
    already = "Our records show this ECT is already registered for training at your school."
    expect(page.get_by_text(already)).to_be_visible()
    page.get_by_role("link", name="Register another ECT").click()
    then_i_see_the_page(page, "What you’ll need to register a new ECT")


def test_a_start_date_whose_registration_is_not_open_yet_is_a_dead_end(signed_in, setting):
    next_year = setting["next_year"]
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)
    confirm_the_ect_details(page)
    give_the_email_address(page, "harry@example.com")

    give_the_start_date(page, next_year.started_on + datetime.timedelta(days=95))

    then_i_see_the_page(page, "You cannot register Harry Taylor yet")
    expect(
        page.get_by_text(f"Registration for the {next_year.year} to {next_year.year + 1} academic year is not open.")
    ).to_be_visible()
    page.get_by_role("link", name="Back to ECTs").click()
    then_i_see_the_page(page, ECTS_HEADING)


def test_an_email_address_used_for_a_different_ect_must_be_replaced(signed_in):
    ECTAtSchoolPeriodFactory(school=SchoolFactory(), email="taken@example.com")
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)
    confirm_the_ect_details(page)

    give_the_email_address(page, "taken@example.com")

    then_i_see_the_page(page, "This email is already in use for a different ECT or mentor")
    page.get_by_role("button", name="Try another email").click()
    then_i_see_the_page(page, "What is Harry Taylor’s email address?")
    give_the_email_address(page, "harry@example.com")
    then_i_see_the_page(page, "When did or when will Harry Taylor start teaching as an ECT at your school?")


# Expired journeys and typed URLs --------------------------------------------------------------------------------


def test_a_journey_lost_by_signing_out_has_expired_and_starts_again(signed_in, tutor):
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)
    journey_page = page.url
    sign_out(page)
    sign_in_as(page, tutor)

    page.goto(journey_page)

    then_i_see_the_page(page, "This page has expired")
    page.get_by_role("button", name="Start again").click()
    then_i_see_the_page(page, "What you’ll need to register a new ECT")


def test_an_unknown_journey_id_has_expired(signed_in):
    page = signed_in

    page.goto(f"/school/register-ect/{uuid.uuid4()}/email-address")

    then_i_see_the_page(page, "This page has expired")
    expect(page.get_by_role("button", name="Start again")).to_be_visible()


def test_a_typed_url_of_a_later_step_shows_the_furthest_allowed_step(signed_in):
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)
    confirm_the_ect_details(page)
    then_i_see_the_page(page, "What is Harry Taylor’s email address?")

    page.goto(re.sub(r"/email-address$", "/check-answers", page.url))

    then_i_see_the_page(page, "What is Harry Taylor’s email address?")
    assert page.url.endswith("/email-address")
