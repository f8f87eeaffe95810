"""Steps that the browser tests of assigning mentors and of the mentor record share (docs/journeys/mentors.md)."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import ECTS_HEADING, ect_card, then_i_see_the_page
from tests.browser.mentor_fixtures import sign_in
from tests.browser.mentor_steps import (
    open_the_mentors_record,
    then_no_option_is_chosen,
    then_the_options_are,
    then_the_row_reads,
)
from tests.factories import MentorAtSchoolPeriodFactory, TeacherFactory

ASSIGN_ECT_ERROR = "Select the ECT you want to assign to Ada Jones"


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


@pytest.fixture
def on_graces_record(page, school):
    """Grace Hopper, on her record."""
    given_grace_hopper(school)
    sign_in(page, school)
    open_the_mentors_record(page, "Grace Hopper")
    return page
