"""Steps for browser tests, in the words of the journeys: Given (data), When (what the user does), Then (what they see).

Locators are what a user perceives: roles, accessible names and labels. Pages are checked with axe-core by the
`page` fixture (see conftest.py), whatever step takes the browser there.
"""

import datetime
import re

from playwright.sync_api import Locator, Page, expect

from ecf.models import AppropriateBody
from tests.factories import (
    ActiveLeadProviderFactory,
    AppropriateBodyFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    LeadProviderFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    SchoolUserFactory,
    TeacherFactory,
    current_contract_year,
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


# --- Register an ECT (docs/journeys/register-an-ect.md) ---

REGISTER_ECT_BUTTON = "Register an ECT starting at your school"
# The embedded TRS (FakeTRS) finds any 7-digit TRN with this date of birth, or with this National Insurance number.
TRS_DATE_OF_BIRTH = datetime.date(1977, 2, 3)
TRS_NATIONAL_INSURANCE_NUMBER = "QQ 12 34 56 C"


def given_registration_is_open() -> dict:
    """Contract periods around today (this year's and the two before open, next year's not yet), two teaching
    school hubs, ISTIP, and two lead providers active this year. Returns them by short name."""
    year = current_contract_year()
    for offset in (-2, -1, 0):
        ContractPeriodFactory(year=year + offset, enabled=True)
    next_year = ContractPeriodFactory(year=year + 1, enabled=False)
    hub = AppropriateBodyFactory(name="Riverside Teaching School Hub")
    other_hub = AppropriateBodyFactory(name="Pennine Teaching School Hub")
    istip = AppropriateBodyFactory(
        name="Independent Schools Teacher Induction Panel (ISTIP)", body_type=AppropriateBody.BodyType.NATIONAL
    )
    ambition = ActiveLeadProviderFactory(
        lead_provider=LeadProviderFactory(name="Ambition Institute"), contract_period_id=year
    ).lead_provider
    teach_first = ActiveLeadProviderFactory(
        lead_provider=LeadProviderFactory(name="Teach First"), contract_period_id=year
    ).lead_provider
    return {
        "next_year": next_year,
        "hub": hub,
        "other_hub": other_hub,
        "istip": istip,
        "ambition": ambition,
        "teach_first": teach_first,
    }


def given_the_school_chose_before(school, *, appropriate_body, training_programme: str, lead_provider=None) -> None:
    """The programme choices the school made when it last registered an ECT ("provider_led" or "school_led")."""
    school.last_chosen_appropriate_body = appropriate_body
    school.last_chosen_training_programme = training_programme
    school.last_chosen_lead_provider = lead_provider
    school.save()


def start_registering_an_ect(page: Page) -> None:
    """From the ECTs list, through "What you’ll need", to "Find an ECT"."""
    page.get_by_role("button", name=REGISTER_ECT_BUTTON).click()
    then_i_see_the_page(page, "What you’ll need to register a new ECT")
    continue_(page)
    then_i_see_the_page(page, "Find an ECT")


def continue_(page: Page, button: str = "Continue") -> None:
    page.get_by_role("button", name=button, exact=True).click()


def enter_date(page: Page, day: datetime.date | None, *, within: Locator | None = None) -> None:
    """A GOV.UK date input's Day, Month and Year (blank when day is None)."""
    scope = within or page
    for label, value in (("Day", day and day.day), ("Month", day and day.month), ("Year", day and day.year)):
        scope.get_by_label(label, exact=True).fill(str(value) if value else "")


def find_an_ect(page: Page, trn: str, date_of_birth: datetime.date | None = TRS_DATE_OF_BIRTH) -> None:
    page.get_by_label("Teacher reference number (TRN)").fill(trn)
    enter_date(page, date_of_birth, within=page.get_by_role("group", name="Date of birth"))
    continue_(page)


def choose(page: Page, option: str, button: str = "Continue") -> None:
    page.get_by_role("radio", name=option, exact=True).check()
    continue_(page, button)


def confirm_the_ect_details(page: Page) -> None:
    choose(page, "Yes", button="Confirm and continue")


def correct_the_name(page: Page, first_name: str, last_name: str) -> None:
    page.get_by_role("radio", name="No, they changed their name or it’s spelt wrong").check()
    page.get_by_label("First name").fill(first_name)
    page.get_by_label("Last name").fill(last_name)
    continue_(page, "Confirm and continue")


def give_the_email_address(page: Page, email: str) -> None:
    page.get_by_label("Email address").fill(email)
    continue_(page)


def give_the_start_date(page: Page, day: datetime.date) -> None:
    enter_date(page, day)
    continue_(page)


def choose_the_appropriate_body(page: Page, name: str) -> None:
    page.get_by_label("Enter appropriate body name").select_option(label=name)
    continue_(page)


def answer_the_registration_questions(
    page: Page,
    *,
    email: str = "ect@example.com",
    started_on: datetime.date | None = None,
    working_pattern: str = "Full time",
    appropriate_body: str = "Riverside Teaching School Hub",
    programme: str = "Provider-led",
    lead_provider: str = "Ambition Institute",
) -> None:
    """From "What is {ect}’s email address?" to "Check your answers before submitting"."""
    give_the_email_address(page, email)
    give_the_start_date(page, started_on or datetime.date.today())
    choose(page, working_pattern)
    choose_the_appropriate_body(page, appropriate_body)
    choose(page, programme)
    if programme == "Provider-led":
        choose(page, lead_provider)
    then_i_see_the_page(page, "Check your answers before submitting")


def register_an_ect_up_to_check_your_answers(page: Page, trn: str, **answers) -> None:
    """From the ECTs list: find the ECT by TRN and date of birth, confirm their details, answer every question."""
    start_registering_an_ect(page)
    find_an_ect(page, trn)
    then_i_see_the_page(page, "Check ECT details")
    confirm_the_ect_details(page)
    answer_the_registration_questions(page, **answers)


def go_back(page: Page) -> None:
    """The page's own back link (not the browser's)."""
    page.get_by_role("link", name="Back", exact=True).click()


def summary_value(page: Page, key: str) -> Locator:
    """The value of the summary list row whose key is exactly `key`."""
    row = page.locator(".govuk-summary-list__row").filter(
        has=page.locator(".govuk-summary-list__key", has_text=re.compile(rf"^\s*{re.escape(key)}\s*$"))
    )
    return row.locator(".govuk-summary-list__value")


def then_i_see_the_answer(page: Page, key: str, value: str) -> None:
    expect(summary_value(page, key)).to_have_text(value)
