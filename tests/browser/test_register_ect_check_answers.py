"""Registering an ECT in a browser (docs/journeys/register-an-ect.md): check your answers' Change links, back links."""

from playwright.sync_api import expect

from tests.browser.journeys import (
    ECTS_HEADING,
    choose,
    choose_the_appropriate_body,
    correct_the_name,
    ect_card,
    find_an_ect,
    give_the_email_address,
    give_the_start_date,
    go_back,
    register_an_ect_up_to_check_your_answers,
    start_registering_an_ect,
    summary_value,
    then_i_see_the_answer,
    then_i_see_the_page,
)
from tests.browser.register_steps import (
    CHECK_ANSWERS,
    HARRY,
    TOM,
    WRONG_DATE_OF_BIRTH,
    YESTERDAY,
    back_to_the_ects,
    chose_teach_first_before,
    confirm_details,
    govuk_date,
    school,
    setting,
    signed_in,
    then_i_see_the_confirmation,
    tutor,
    walk_to_the_previous_choices,
)

# Fixtures from register_steps.py (pytest finds a fixture by its name in the test's module, so they are imported here).
__all__ = ["chose_teach_first_before", "school", "setting", "signed_in", "tutor"]


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
