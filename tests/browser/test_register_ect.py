"""An induction tutor registers an ECT (docs/journeys/register-an-ect.md), in a browser, as a user would.

Every page these tests visit, error states included, is checked with axe-core by the `page` fixture (conftest.py).
The embedded TRS finds any 7-digit TRN with the date of birth 3 February 1977 and names the teacher after the TRN:
1234567 is Harry Taylor, 2345678 Tom Brown; 7000002 and up are its special cases (docs/journeys/README.md, "Test data
from the embedded TRS").
"""

import datetime
import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import (
    ECTS_HEADING,
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
    given_a_mentor_for,
    given_a_school,
    given_an_ect,
    given_an_induction_tutor,
    given_registration_is_open,
    given_the_school_chose_before,
    go_back,
    register_an_ect_up_to_check_your_answers,
    sign_in_as,
    sign_out,
    start_registering_an_ect,
    summary_value,
    then_i_see_the_answer,
    then_i_see_the_error,
    then_i_see_the_page,
    then_i_see_these_ects,
)
from tests.factories import ECTAtSchoolPeriodFactory, SchoolFactory, current_contract_year

HARRY = "1234567"  # Harry Taylor
TOM = "2345678"  # Tom Brown
TODAY = datetime.date.today()
YESTERDAY = TODAY - datetime.timedelta(days=1)
CHECK_ANSWERS = "Check your answers before submitting"


def govuk_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


@pytest.fixture
def setting():
    return given_registration_is_open()


@pytest.fixture
def school(setting):
    """Ashdown Primary School, with Ava Archer (no mentor yet, started 1 September) and Ben Baker (mentored)."""
    school = given_a_school()
    given_an_ect(school, "Ava Archer")
    given_a_mentor_for(given_an_ect(school, "Ben Baker"), "Mia Mentor")
    return school


@pytest.fixture
def tutor(school):
    return given_an_induction_tutor("Sam", "Tutor", school)


@pytest.fixture
def signed_in(page, tutor):
    """The tutor, signed in, on the ECTs list."""
    sign_in_as(page, tutor)
    then_i_see_the_page(page, ECTS_HEADING)
    return page


def then_i_see_the_confirmation(page, name: str) -> None:
    then_i_see_the_page(page, f"You have saved {name}’s details")
    expect(
        page.get_by_text("We’ll email them to let them know. They do not need to provide us with any more information.")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="You still need to assign a mentor")).to_be_visible()
    expect(
        page.get_by_text(
            "You can either assign a mentor now or return and do it later. "
            "You need to do this to complete their registration."
        )
    ).to_be_visible()
    expect(page.get_by_role("button", name="Assign a mentor")).to_be_visible()


def then_the_new_ect_is_first_and_needs_a_mentor(page, name: str) -> None:
    then_i_see_the_page(page, ECTS_HEADING)
    then_i_see_these_ects(page, name, "Ava Archer", "Ben Baker")
    card = ect_card(page, name)
    expect(card.get_by_text("Action required")).to_be_visible()
    expect(card.get_by_text(f"A mentor needs to be assigned to {name}.")).to_be_visible()
    expect(page.get_by_role("link", name=f"Assign a mentor for this ECT ({name})")).to_be_visible()


def confirm_details(page) -> None:
    continue_(page, "Confirm details")


def back_to_the_ects(page) -> None:
    page.get_by_role("link", name="Back to your ECTs").click()


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


# Dead ends ----------------------------------------------------------------------------------------------------

REGISTER_ANOTHER = ("link", "Register another ECT", "What you’ll need to register a new ECT")


@pytest.mark.parametrize(
    ("trn", "heading", "explanation", "way_out"),
    [
        pytest.param(
            "7000002",
            "We’re unable to match the ECT with the TRN you provided",
            "You can check their TRN by reviewing their teacher record.",
            ("button", "Try again", "Find an ECT"),
            id="not found",
        ),
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


# National Insurance number fallback, corrected name, previous choices ------------------------------------------

WRONG_DATE_OF_BIRTH = datetime.date(1977, 2, 4)


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


@pytest.fixture
def chose_teach_first_before(school, setting):
    given_the_school_chose_before(
        school, appropriate_body=setting["hub"], training_programme="provider_led", lead_provider=setting["teach_first"]
    )


def walk_to_the_previous_choices(page) -> None:
    start_registering_an_ect(page)
    find_an_ect(page, HARRY)
    confirm_the_ect_details(page)
    give_the_email_address(page, "harry@example.com")
    give_the_start_date(page, TODAY)
    choose(page, "Full time")
    then_i_see_the_page(page, "Programme choices used by your school previously")


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


# Change links on check your answers ----------------------------------------------------------------------------


def test_a_change_link_shows_the_answer_given_and_back_returns_to_check_your_answers(signed_in):
    page = signed_in
    register_an_ect_up_to_check_your_answers(page, HARRY, email="harry@example.com", working_pattern="Part time")

    page.get_by_role("link", name="Change email address").click()
    expect(page.get_by_label("Email address")).to_have_value("harry@example.com")
    go_back(page)
    then_i_see_the_page(page, CHECK_ANSWERS)

    page.get_by_role("link", name="Change working pattern").click()
    expect(page.get_by_role("radio", name="Part time")).to_be_checked()
    go_back(page)
    then_i_see_the_page(page, CHECK_ANSWERS)
    then_i_see_the_answer(page, "Working pattern", "Part time")


def test_every_change_link_asks_the_question_again_and_returns_to_check_your_answers(signed_in):
    page = signed_in
    register_an_ect_up_to_check_your_answers(page, HARRY)

    for change, question, answer, key, new_value in [
        ("name", "Check ECT details", lambda: correct_the_name(page, "Harriet", "Taylor"), "Name", "Harriet Taylor"),
        (
            "email address",
            "What is Harriet Taylor’s email address?",
            lambda: give_the_email_address(page, "h.taylor@example.com"),
            "Email address",
            "h.taylor@example.com",
        ),
        (
            "school start date",
            "When did or when will Harriet Taylor start teaching as an ECT at your school?",
            lambda: give_the_start_date(page, YESTERDAY),
            "School start date",
            govuk_date(YESTERDAY),
        ),
        (
            "working pattern",
            "Is Harriet Taylor’s working pattern as an ECT full or part time?",
            lambda: choose(page, "Part time"),
            "Working pattern",
            "Part time",
        ),
        (
            "appropriate body",
            "Which appropriate body will be supporting Harriet Taylor’s induction?",
            lambda: choose_the_appropriate_body(page, "Pennine Teaching School Hub"),
            "Appropriate body",
            "Pennine Teaching School Hub",
        ),
        (
            "lead provider",
            "Which lead provider will be training Harriet Taylor?",
            lambda: choose(page, "Teach First"),
            "Lead provider",
            "Teach First",
        ),
        (
            "training programme",
            "Which training programme will Harriet Taylor follow?",
            lambda: choose(page, "School-led"),
            "Training programme",
            "School-led",
        ),
    ]:
        page.get_by_role("link", name=f"Change {change}", exact=True).click()
        then_i_see_the_page(page, question)
        answer()

        then_i_see_the_page(page, CHECK_ANSWERS)
        then_i_see_the_answer(page, key, new_value)
    expect(summary_value(page, "Lead provider")).to_have_count(0)  # school-led: no lead provider


def test_changing_school_led_to_provider_led_asks_for_the_lead_provider_then_returns(signed_in):
    page = signed_in
    register_an_ect_up_to_check_your_answers(page, HARRY, programme="School-led")
    expect(summary_value(page, "Lead provider")).to_have_count(0)

    page.get_by_role("link", name="Change training programme").click()
    choose(page, "Provider-led")

    then_i_see_the_page(page, "Which lead provider will be training Harry Taylor?")
    choose(page, "Teach First")
    then_i_see_the_page(page, CHECK_ANSWERS)
    then_i_see_the_answer(page, "Training programme", "Provider-led")
    then_i_see_the_answer(page, "Lead provider", "Teach First")
    confirm_details(page)
    then_i_see_the_confirmation(page, "Harry Taylor")
    back_to_the_ects(page)
    expect(ect_card(page, "Harry Taylor").get_by_text("Teach First")).to_be_visible()


def test_changing_the_trn_starts_again_at_find_an_ect(signed_in):
    page = signed_in
    register_an_ect_up_to_check_your_answers(page, HARRY)

    page.get_by_role("link", name="Change teacher reference number (TRN)").click()

    then_i_see_the_page(page, "Find an ECT")
    expect(page.get_by_label("Teacher reference number (TRN)")).to_have_value("")
    find_an_ect(page, TOM)
    then_i_see_the_answer(page, "Name", "Tom Brown")


def test_changing_the_previous_choices_to_no_asks_for_them_then_returns(signed_in, chose_teach_first_before):
    page = signed_in
    walk_to_the_previous_choices(page)
    choose(page, "Yes")
    expect(page.get_by_role("link", name="Change appropriate body")).to_have_count(0)

    page.get_by_role("link", name="Change choices used by your school previously").click()
    choose(page, "No")

    then_i_see_the_page(page, "Which appropriate body will be supporting Harry Taylor’s induction?")
    choose_the_appropriate_body(page, "Pennine Teaching School Hub")
    choose(page, "Provider-led")
    choose(page, "Ambition Institute")
    then_i_see_the_page(page, CHECK_ANSWERS)
    then_i_see_the_answer(page, "Appropriate body", "Pennine Teaching School Hub")
    then_i_see_the_answer(page, "Lead provider", "Ambition Institute")


# Back links -----------------------------------------------------------------------------------------------------


def test_back_links_walk_from_check_your_answers_to_the_ects_list(signed_in, chose_teach_first_before):
    page = signed_in
    walk_to_the_previous_choices(page)
    choose(page, "No")
    choose_the_appropriate_body(page, "Pennine Teaching School Hub")
    choose(page, "Provider-led")
    choose(page, "Teach First")
    then_i_see_the_page(page, CHECK_ANSWERS)

    for heading, answer_given in [
        ("Which lead provider will be training Harry Taylor?", "Teach First"),
        ("Which training programme will Harry Taylor follow?", "Provider-led"),
        ("Which appropriate body will be supporting Harry Taylor’s induction?", None),
        ("Programme choices used by your school previously", "No"),
        ("Is Harry Taylor’s working pattern as an ECT full or part time?", "Full time"),
        ("When did or when will Harry Taylor start teaching as an ECT at your school?", None),
        ("What is Harry Taylor’s email address?", None),
        ("Check ECT details", "Yes"),
        ("Find an ECT", None),
        ("What you’ll need to register a new ECT", None),
        (ECTS_HEADING, None),
    ]:
        go_back(page)
        then_i_see_the_page(page, heading)
        if answer_given:
            expect(page.get_by_role("radio", name=answer_given, exact=True)).to_be_checked()


def test_back_links_from_the_national_insurance_number_question_and_a_dead_end(signed_in):
    page = signed_in
    start_registering_an_ect(page)
    find_an_ect(page, HARRY, WRONG_DATE_OF_BIRTH)
    then_i_see_the_page(page, "We cannot find the ECT’s details")

    go_back(page)
    then_i_see_the_page(page, "Find an ECT")
    expect(page.get_by_label("Teacher reference number (TRN)")).to_have_value(HARRY)
    find_an_ect(page, "7000003")
    then_i_see_the_page(page, "You cannot register Dev Campbell")

    go_back(page)
    then_i_see_the_page(page, "Find an ECT")


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
