"""Fixtures and steps of the register-a-mentor browser tests (docs/journeys/mentors.md), beyond mentor_steps.py's."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from tests.browser.journeys import (
    ECTS_HEADING,
    TRS_DATE_OF_BIRTH,
    find_an_ect,
    give_the_email_address,
    then_i_see_the_page,
)
from tests.browser.mentor_steps import (
    choose_and_continue,
    given_a_mentor,
    given_a_provider_led_ect,
    keep_the_ects_lead_provider_for_mentor_training,
    press,
    start_assigning_a_mentor_from_the_ects_list,
    then_i_see_the_assigned_confirmation,
    then_the_row_reads,
)

# The embedded TRS finds any 7-digit TRN with the date of birth 3 February 1977 (or the National Insurance number
# QQ 12 34 56 C) and names the teacher after the TRN (docs/journeys/README.md, "Test data from the embedded TRS").
HARRY = "1234567"  # Harry Taylor
TOM = "2345678"  # Tom Brown
NOT_FOUND = "7000002"
PROHIBITED = "7000003"
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
def kate(school, providers):
    """Kate Lewis, a provider-led ECT training with Ambition Institute, at a school with one mentor, Carl Brown."""
    given_a_mentor(school, "Carl Brown")
    return given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])


# --- When ---


def start_registering_a_new_mentor_for(page: Page, ect: str) -> None:
    """From the ECTs list, through "Who will mentor {ect}?", to "Find a mentor"."""
    start_assigning_a_mentor_from_the_ects_list(page, ect)
    choose_and_continue(page, "Register a new mentor")
    then_i_see_the_page(page, f"What you’ll need to add a new mentor for {ect}")
    press(page, "Continue")
    then_i_see_the_page(page, "Find a mentor")


def find_the_mentor(page: Page, trn: str, date_of_birth: datetime.date | None = TRS_DATE_OF_BIRTH) -> None:
    """Mentors are found as ECTs are: by TRN and date of birth."""
    find_an_ect(page, trn, date_of_birth)


def confirm_the_mentor_details(page: Page) -> None:
    choose_and_continue(page, "Yes", "Confirm and continue")


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
