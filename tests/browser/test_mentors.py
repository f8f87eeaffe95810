"""An induction tutor assigns mentors to ECTs and ECTs to mentors, and keeps a mentor's record
(docs/journeys/mentors.md), in a browser, as a user would.

Every page these tests visit, error states included, is checked with axe-core by the `page` fixture (conftest.py).
"""

import datetime

import pytest
from playwright.sync_api import expect

from ecf.models import Declaration
from schools.models import School
from tests.browser.conftest import assert_no_horizontal_scroll
from tests.browser.journeys import (
    ECTS_HEADING,
    ect_card,
    given_a_school,
    given_an_induction_tutor,
    sign_in_as,
    then_i_see_the_error,
    then_i_see_the_page,
)
from tests.browser.mentor_steps import (
    WHO_WILL_MENTOR_ERROR,
    change_on_the_record,
    choose_and_continue,
    given_a_mentor,
    given_a_provider_led_ect,
    given_a_school_led_ect,
    given_lead_providers,
    given_mentoring,
    keep_the_ects_lead_provider_for_mentor_training,
    open_the_mentors_record,
    press,
    row,
    say_the_ects_lead_provider_will_not_train,
    start_assigning_a_mentor_from_the_ects_list,
    then_i_am_asked_which_lead_provider_trains,
    then_i_see_no_banner,
    then_i_see_the_assigned_confirmation,
    then_i_see_the_errors,
    then_i_see_the_mentor_training_playback,
    then_i_see_the_success_banner,
    then_no_option_is_chosen,
    then_the_option_is_described_as,
    then_the_options_are,
    then_the_row_reads,
    then_the_sections_are,
)
from tests.factories import DeclarationFactory, MentorAtSchoolPeriodFactory, TeacherFactory, TrainingPeriodFactory

ASSIGN_ECT_ERROR = "Select the ECT you want to assign to Ada Jones"


@pytest.fixture
def providers():
    return given_lead_providers()


@pytest.fixture
def school():
    return given_a_school()


def sign_in(page, school):
    """Sam Tutor, the school's induction tutor, signs in and sees the ECTs list."""
    sign_in_as(page, given_an_induction_tutor("Sam", "Tutor", school))
    then_i_see_the_page(page, ECTS_HEADING)


def then_i_am_asked_who_will_mentor(page, ect: str, *mentors: str) -> None:
    then_i_see_the_page(page, f"Who will mentor {ect}?")
    then_the_options_are(page, *mentors, "Register a new mentor")
    expect(page.get_by_text("or", exact=True)).to_be_visible()
    then_no_option_is_chosen(page)


def then_the_ect_is_registered_with(page, ect: str, mentor: str) -> None:
    then_i_see_the_page(page, ECTS_HEADING)
    card = ect_card(page, ect)
    expect(card.get_by_text("Registered")).to_be_visible()
    then_the_row_reads(card, "Mentor", mentor)
    expect(page.get_by_role("link", name=f"Assign a mentor for this ECT ({ect})")).to_have_count(0)


def back_to_ects(page) -> None:
    page.get_by_role("link", name="Back to ECTs").click()


# Assign an existing mentor, from the ECTs list (docs/journeys/mentors.md) ---------------------------------------------


def test_assigning_an_existing_mentor_to_a_provider_led_ect_plays_back_their_mentor_training(page, school, providers):
    given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])
    given_a_mentor(school, "Ada Jones")
    given_a_mentor(school, "Ben Adams")
    sign_in(page, school)

    start_assigning_a_mentor_from_the_ects_list(page, "Kate Lewis")

    then_i_am_asked_who_will_mentor(page, "Kate Lewis", "Ada Jones", "Ben Adams")
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


# The mentor record (docs/journeys/mentors.md, "The mentor record") ----------------------------------------------------


def given_grace_hopper(school, **details):
    """A mentor with every detail the record shows: from TRS, from the school and their teaching details."""
    teacher = TeacherFactory(
        trn="3456789",
        trs_first_name="Grace",
        trs_last_name="Hopper",
        trs_qts_awarded_on=datetime.date(2010, 7, 21),
        trs_qualifications="BEd (Hons) Primary Education",
    )
    answers = {
        "email": "grace@example.com",
        "subject": "Primary with mathematics",
        "age_range": "5 to 11",
        "key_stage": "Key stage 1",
        **details,
    }
    return MentorAtSchoolPeriodFactory(school=school, teacher=teacher, **answers)


def test_the_mentor_record_shows_its_sections_in_order(page, school, providers):
    grace = given_grace_hopper(school, send_training="Autism awareness, 2021")
    training = TrainingPeriodFactory(
        ect_at_school_period=None,
        mentor_at_school_period=grace,
        with_eoi=True,
        expression_of_interest=providers["ambition"],
    )
    DeclarationFactory(training_period=training, declaration_type=Declaration.DeclarationType.COMPLETED)
    given_a_school_led_ect(school, "Kate Lewis")
    sign_in(page, school)

    open_the_mentors_record(page, "Grace Hopper")

    then_i_see_the_page(page, "Grace Hopper")
    expect(page.get_by_text("TRN: 3456789")).to_be_visible()
    then_the_sections_are(
        page, "Personal details", "Teaching details", "Additional details", "Mentoring", "Mentor training"
    )
    for key, value in [
        ("Name", "Grace Hopper"),
        ("Teacher reference number (TRN)", "3456789"),
        ("Email address", "grace@example.com"),
        ("Subject", "Primary with mathematics"),
        ("Age range", "5 to 11"),
        ("Key stage", "Key stage 1"),
        ("Date qualified as a teacher", "21 July 2010"),
        ("Qualifications", "BEd (Hons) Primary Education"),
        ("Date started mentoring", "Not provided"),
        ("SEND training", "Autism awareness, 2021"),
        ("Other experiences", "Not provided"),
        ("Currently mentoring", "Not currently mentoring"),
        ("Status", "Training completed"),
        ("Lead provider", "Ambition Institute"),
        ("Delivery partner", "Their lead provider will confirm this"),
    ]:
        then_the_row_reads(page, key, value)
    for what in [
        "name",
        "email address",
        "subject",
        "age range",
        "key stage",
        "date started mentoring",
        "provider training",
        "SEND training",
        "subject networks and associations",
        "other experiences",
    ]:
        expect(page.get_by_role("link", name=f"Change {what}", exact=True)).to_be_visible()
    expect(row(page, "Teacher reference number (TRN)").get_by_role("link")).to_have_count(0)
    expect(row(page, "Qualifications").get_by_role("link")).to_have_count(0)
    expect(page.get_by_role("link", name="Assign an ECT to this mentor")).to_be_visible()
    assert_no_horizontal_scroll(page)

    page.get_by_role("link", name="Back to mentors").click()

    then_i_see_the_page(page, "Mentors")


# Assign an ECT to this mentor, from the mentor record (docs/journeys/mentors.md) --------------------------------------


def test_assigning_an_ect_from_the_mentor_record_offers_ects_without_a_mentor_first(page, school, providers):
    given_a_mentor(school, "Ada Jones")
    carl = given_a_mentor(school, "Carl Brown")
    for name in ("Zoe Adams", "Bea Young"):
        given_mentoring(carl, given_a_school_led_ect(school, name))
    given_a_school_led_ect(school, "Tom Wilson")
    given_a_provider_led_ect(school, "Amy Clark", providers["ambition"])
    sign_in(page, school)
    open_the_mentors_record(page, "Ada Jones")

    page.get_by_role("link", name="Assign an ECT to this mentor").click()

    then_i_see_the_page(page, "Who would you like to assign to Ada Jones?")
    then_the_options_are(page, "Amy Clark", "Tom Wilson", "Bea Young", "Zoe Adams")
    then_the_option_is_described_as(page, "Amy Clark", "Not currently being mentored")
    then_the_option_is_described_as(page, "Tom Wilson", "Not currently being mentored")
    then_the_option_is_described_as(page, "Bea Young", "Currently mentored by Carl Brown")
    then_the_option_is_described_as(page, "Zoe Adams", "Currently mentored by Carl Brown")
    then_no_option_is_chosen(page)

    press(page, "Continue")

    then_i_see_the_error(page, ASSIGN_ECT_ERROR)
    then_i_see_the_page(page, "Who would you like to assign to Ada Jones?")

    choose_and_continue(page, "Amy Clark")

    then_i_see_the_mentor_training_playback(page, "Ada Jones", "Ambition Institute")
    keep_the_ects_lead_provider_for_mentor_training(page)
    then_i_see_the_assigned_confirmation(page, "Ada Jones", "Amy Clark", training_with="Ambition Institute")

    back_to_ects(page)
    open_the_mentors_record(page, "Ada Jones")

    expect(row(page, "Currently mentoring").get_by_role("link", name="Amy Clark", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Change mentor for Amy Clark")).to_be_visible()
    expect(page.get_by_role("link", name="Assign another ECT to this mentor")).to_be_visible()
    expect(page.get_by_role("link", name="Assign an ECT to this mentor")).to_have_count(0)


def test_a_mentor_takes_over_an_ect_from_another_mentor(page, school, providers):
    ada = given_a_mentor(school, "Ada Jones")
    given_mentoring(ada, given_a_school_led_ect(school, "Amy Clark"))
    given_mentoring(given_a_mentor(school, "Carl Brown"), given_a_school_led_ect(school, "Zoe Adams"))
    sign_in(page, school)
    open_the_mentors_record(page, "Ada Jones")

    page.get_by_role("link", name="Assign another ECT to this mentor").click()

    then_the_options_are(page, "Zoe Adams")  # not Amy Clark, whom Ada already mentors

    choose_and_continue(page, "Zoe Adams")

    then_i_see_the_assigned_confirmation(page, "Ada Jones", "Zoe Adams", now_responsible=True)
    back_to_ects(page)
    then_the_ect_is_registered_with(page, "Zoe Adams", "Ada Jones")


# The mentor record's Change pages (docs/journeys/mentors.md, "The mentor record") ------------------------------------


@pytest.fixture
def on_graces_record(page, school):
    """Grace Hopper, on her record."""
    given_grace_hopper(school)
    sign_in(page, school)
    open_the_mentors_record(page, "Grace Hopper")
    return page


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


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_assigning_an_ect_and_changing_the_record_work_without_javascript(page, school, providers):
    given_a_mentor(school, "Ada Jones", subject="")
    given_a_provider_led_ect(school, "Amy Clark", providers["ambition"])
    sign_in(page, school)
    open_the_mentors_record(page, "Ada Jones")

    page.get_by_role("link", name="Assign an ECT to this mentor").click()
    press(page, "Continue")
    then_i_see_the_error(page, ASSIGN_ECT_ERROR)
    choose_and_continue(page, "Amy Clark")
    keep_the_ects_lead_provider_for_mentor_training(page)
    then_i_see_the_assigned_confirmation(page, "Ada Jones", "Amy Clark", training_with="Ambition Institute")

    back_to_ects(page)
    open_the_mentors_record(page, "Ada Jones")
    change_on_the_record(page, "subject")
    press(page, "Continue")
    then_i_see_the_error(page, "Select a subject")
    choose_and_continue(page, "Primary with English")

    then_i_see_the_success_banner(page, "Ada Jones’s subject has been changed")
    expect(page.get_by_role("link", name="Amy Clark", exact=True)).to_be_visible()
