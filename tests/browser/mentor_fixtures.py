"""The school and lead providers the mentor journeys' browser tests start from, and its induction tutor signing in."""

import pytest
from playwright.sync_api import Page

from tests.browser.journeys import (
    ECTS_HEADING,
    given_a_school,
    given_an_induction_tutor,
    sign_in_as,
    then_i_see_the_page,
)
from tests.browser.mentor_steps import given_lead_providers


@pytest.fixture
def providers():
    return given_lead_providers()


@pytest.fixture
def school():
    return given_a_school()


def sign_in(page: Page, school) -> None:
    """Sam Tutor, the school's induction tutor, signs in and sees the ECTs list."""
    sign_in_as(page, given_an_induction_tutor("Sam", "Tutor", school))
    then_i_see_the_page(page, ECTS_HEADING)
