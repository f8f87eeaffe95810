"""An induction tutor registers a new mentor for an ECT, with its mentor training (docs/journeys/mentors.md), in a
browser, as a user would: both phases end to end, every dead end, every Change link on check your answers, and the
whole journey without JavaScript.

Every page these tests visit, error states included, is checked with axe-core by the `page` fixture (conftest.py).
The embedded TRS finds any 7-digit TRN with the date of birth 3 February 1977 (or the National Insurance number
QQ 12 34 56 C) and names the teacher after the TRN: 1234567 is Harry Taylor, 2345678 Tom Brown.
"""

import datetime

import pytest
from playwright.sync_api import Page, expect

from ecf.trs.fake import fake_name
from schools.models import School
from tests.browser.journeys import (
    ECTS_HEADING,
    given_a_school,
    given_an_induction_tutor,
    sign_in_as,
    then_i_see_the_error,
    then_i_see_the_page,
)
from tests.browser.mentor_steps import (
    choose_and_continue,
    given_a_mentor,
    given_a_provider_led_ect,
    given_a_school_led_ect,
    given_lead_providers,
    keep_the_ects_lead_provider_for_mentor_training,
    press,
    say_the_ects_lead_provider_will_not_train,
    start_assigning_a_mentor_from_the_ects_list,
    then_i_am_asked_which_lead_provider_trains,
    then_i_see_the_assigned_confirmation,
    then_i_see_the_errors,
    then_i_see_the_mentor_training_playback,
    then_no_option_is_chosen,
    then_the_options_are,
    then_the_row_reads,
)
from tests.factories import ECTAtSchoolPeriodFactory, MentorshipPeriodFactory, SchoolFactory

HARRY = "1234567"  # Harry Taylor
TOM = "2345678"  # Tom Brown
NOT_FOUND = "7000002"
PROHIBITED = "7000003"
DATE_OF_BIRTH = datetime.date(1977, 2, 3)
PRIMARY_SUBJECTS = [
    "Primary",
    "Primary with English",
    "Primary with geography and history",
    "Primary with mathematics",
    "Primary with modern languages",
    "Primary with physical education",
    "Primary with science",
]
CHECK_YOUR_ANSWERS = "Check your answers and confirm mentor details"


@pytest.fixture
def providers():
    return given_lead_providers()


@pytest.fixture
def school():
    return given_a_school()


@pytest.fixture
def kate(school, providers):
    """Kate Lewis, a provider-led ECT training with Ambition Institute, at a school with one mentor, Carl Brown."""
    given_a_mentor(school, "Carl Brown")
    return given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])


def sign_in(page: Page, school) -> None:
    sign_in_as(page, given_an_induction_tutor("Sam", "Tutor", school))
    then_i_see_the_page(page, ECTS_HEADING)


# --- When ---


def start_registering_a_new_mentor_for(page: Page, ect: str) -> None:
    """From the ECTs list, through "Who will mentor {ect}?", to "Find a mentor"."""
    start_assigning_a_mentor_from_the_ects_list(page, ect)
    choose_and_continue(page, "Register a new mentor")
    then_i_see_the_page(page, f"What you’ll need to add a new mentor for {ect}")
    press(page, "Continue")
    then_i_see_the_page(page, "Find a mentor")


def enter_date_of_birth(page: Page, day: datetime.date | None) -> None:
    group = page.get_by_role("group", name="Date of birth")
    for label, value in (("Day", day and day.day), ("Month", day and day.month), ("Year", day and day.year)):
        group.get_by_label(label, exact=True).fill(str(value) if value else "")


def find_the_mentor(page: Page, trn: str, date_of_birth: datetime.date | None = DATE_OF_BIRTH) -> None:
    page.get_by_label("Teacher reference number (TRN)").fill(trn)
    enter_date_of_birth(page, date_of_birth)
    press(page, "Continue")


def confirm_the_mentor_details(page: Page) -> None:
    choose_and_continue(page, "Yes", "Confirm and continue")


def correct_the_name(page: Page, first_name: str, last_name: str) -> None:
    page.get_by_role("radio", name="No, they changed their name or it’s spelt wrong").check()
    page.get_by_label("First name").fill(first_name)
    page.get_by_label("Last name").fill(last_name)
    press(page, "Confirm and continue")


def give_the_email_address(page: Page, email: str) -> None:
    page.get_by_label("Email address").fill(email)
    press(page, "Continue")


def answer_the_teaching_details(page: Page, subject: str, age_range: str, key_stage: str) -> None:
    choose_and_continue(page, subject)
    choose_and_continue(page, age_range)
    choose_and_continue(page, key_stage)


def register_harry_up_to_check_your_answers(page: Page) -> None:
    """For Kate Lewis: Harry Taylor, harry@example.com, Primary with science, 5 to 11, Key stage 1, trained by the
    ECT's lead provider."""
    start_registering_a_new_mentor_for(page, "Kate Lewis")
    find_the_mentor(page, HARRY)
    confirm_the_mentor_details(page)
    give_the_email_address(page, "harry@example.com")
    answer_the_teaching_details(page, "Primary with science", "5 to 11", "Key stage 1")
    keep_the_ects_lead_provider_for_mentor_training(page)
    then_i_see_the_page(page, CHECK_YOUR_ANSWERS)


def change(page: Page, what: str) -> None:
    page.get_by_role("link", name=f"Change {what}", exact=True).click()


# --- Then ---


def then_i_see_the_answers(page: Page, answers: dict[str, str]) -> None:
    then_i_see_the_page(page, CHECK_YOUR_ANSWERS)
    expect(page.locator(".govuk-summary-list__key")).to_have_text(list(answers))
    for key, value in answers.items():
        then_the_row_reads(page, key, value)


def then_i_see_the_new_mentor_confirmation(page: Page, mentor: str, ect: str, training_with: str | None) -> None:
    then_i_see_the_assigned_confirmation(page, mentor, ect, training_with=training_with)
    expect(page.get_by_role("heading", level=2, name="What happens next")).to_be_visible()
    expect(
        page.get_by_text(f"We’ll email {mentor} to confirm that you’ve registered them as a mentor.")
    ).to_be_visible()


def then_the_ect_is_registered_with(page: Page, ect: str, mentor: str) -> None:
    page.get_by_role("link", name="Back to ECTs").click()
    then_i_see_the_page(page, ECTS_HEADING)
    card = page.locator(".govuk-summary-card").filter(has=page.get_by_role("heading", name=ect, exact=True))
    expect(card.get_by_text("Registered")).to_be_visible()
    then_the_row_reads(card, "Mentor", mentor)


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
