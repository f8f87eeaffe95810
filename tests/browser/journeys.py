"""Steps for browser tests, in the words of the journeys: Given (data), When (what the user does), Then (what they see).

Locators are what a user perceives: roles, accessible names and labels. Pages are checked with axe-core by the
`page` fixture (see conftest.py), whatever step takes the browser there.
"""

import re

from playwright.sync_api import Locator, Page, expect

from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    SchoolUserFactory,
    TeacherFactory,
)

ECTS_HEADING = "Early career teachers (ECT)"
SEARCH_LABEL = "Search by name or teacher reference number (TRN)"

# --- Given ---


def given_a_school(name: str = "Ashdown Primary School"):
    return SchoolFactory(name=name)


def given_an_induction_tutor(first_name: str, last_name: str, *schools):
    return SchoolUserFactory(schools=list(schools), first_name=first_name, last_name=last_name)


def given_an_ect(school, name: str, *, trn: str | None = None):
    first_name, last_name = name.split(" ", 1)
    teacher = TeacherFactory(trs_first_name=first_name, trs_last_name=last_name, **({"trn": trn} if trn else {}))
    return ECTAtSchoolPeriodFactory(school=school, teacher=teacher)


def given_a_mentor_for(ect, name: str):
    first_name, last_name = name.split(" ", 1)
    mentor = MentorAtSchoolPeriodFactory(
        school=ect.school, teacher=TeacherFactory(trs_first_name=first_name, trs_last_name=last_name)
    )
    return MentorshipPeriodFactory(mentee=ect, mentor=mentor)


def given_a_school_with_ects(*, without_mentor: list[str] = (), with_mentor: dict[str, str] | None = None):
    """A school, its induction tutor Sam Tutor, ECTs without a mentor and ECTs with one ({ect: mentor})."""
    school = given_a_school()
    tutor = given_an_induction_tutor("Sam", "Tutor", school)
    for name in without_mentor:
        given_an_ect(school, name)
    for name, mentor_name in (with_mentor or {}).items():
        given_a_mentor_for(given_an_ect(school, name), mentor_name)
    return school, tutor


# --- When ---


def sign_in_as(page: Page, user) -> None:
    page.goto("/sign-in")
    page.get_by_role("button", name=f"Sign in as {user.get_full_name()}").click()


def choose_school(page: Page, school_name: str) -> None:
    page.get_by_label(school_name).check()
    page.get_by_role("button", name="Continue").click()


def search_for(page: Page, term: str) -> None:
    page.get_by_label(SEARCH_LABEL).fill(term)
    page.get_by_role("button", name="Search").click()


def go_to_in_service_navigation(page: Page, item: str) -> None:
    service_navigation(page).get_by_role("link", name=item, exact=True).click()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()


# --- Then ---


def service_navigation(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Menu")


def then_i_see_the_page(page: Page, heading: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def ect_card(page: Page, name: str) -> Locator:
    """An ECT's summary card on the ECTs list: the card whose title (a heading) is their name."""
    return page.locator(".govuk-summary-card").filter(has=page.get_by_role("heading", name=name, exact=True))


def then_i_see_these_ects(page: Page, *names: str) -> None:
    expect(page.locator(".govuk-summary-card").get_by_role("heading", level=2)).to_have_text(list(names))


def then_i_see_the_error(page: Page, message: str) -> None:
    """The GOV.UK error pattern: an error summary linking to the field, the message by the field, "Error: " title."""
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(summary.get_by_role("link", name=message)).to_be_visible()
    expect(page.get_by_text(f"Error: {message}")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
