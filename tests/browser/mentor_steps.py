"""Steps for the mentor journeys' browser tests (docs/journeys/mentors.md): Given (data), When (what the user does),
Then (what they see). The general steps live in journeys.py; these add the mentors' words.

Locators are what a user perceives: roles, accessible names, labels and hints. Every page a step reaches is checked
with axe-core by the `page` fixture (conftest.py).
"""

import datetime
import re

from playwright.sync_api import Locator, Page, expect

from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    LeadProviderFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    TeacherFactory,
    TrainingPeriodFactory,
    current_contract_year,
)

LAST_YEAR = datetime.date.today() - datetime.timedelta(days=365)
WHO_WILL_MENTOR_ERROR = "Select a mentor from the list provided or choose to register a new mentor"

# --- Given ---


def given_lead_providers() -> dict:
    """This year's contract period with Ambition Institute and Teach First active in it, by short name."""
    contract_period = ContractPeriodFactory(year=current_contract_year())
    return {
        short: ActiveLeadProviderFactory(lead_provider=LeadProviderFactory(name=name), contract_period=contract_period)
        for short, name in (("ambition", "Ambition Institute"), ("teach_first", "Teach First"))
    }


def _teacher(name: str, **kwargs):
    first_name, last_name = name.split(" ", 1)
    return TeacherFactory(trs_first_name=first_name, trs_last_name=last_name, **kwargs)


def given_a_provider_led_ect(school, name: str, lead_provider):
    """An ECT whose school expressed interest in training with `lead_provider` (an active lead provider)."""
    ect = ECTAtSchoolPeriodFactory(school=school, teacher=_teacher(name))
    TrainingPeriodFactory(ect_at_school_period=ect, with_eoi=True, expression_of_interest=lead_provider)
    return ect


def given_a_school_led_ect(school, name: str):
    ect = ECTAtSchoolPeriodFactory(school=school, teacher=_teacher(name))
    TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)
    return ect


def given_a_mentor(school, name: str, *, trn: str | None = None, **details):
    """A mentor at the school since last year, with no mentor training yet."""
    teacher = _teacher(name, **({"trn": trn} if trn else {}))
    return MentorAtSchoolPeriodFactory(school=school, teacher=teacher, started_on=LAST_YEAR, **details)


def given_mentoring(mentor, ect):
    return MentorshipPeriodFactory(mentor=mentor, mentee=ect)


# --- When ---


def press(page: Page, button: str) -> None:
    page.get_by_role("button", name=button, exact=True).click()


def choose_and_continue(page: Page, option: str, button: str = "Continue") -> None:
    page.get_by_role("radio", name=option, exact=True).check()
    press(page, button)


def start_assigning_a_mentor_from_the_ects_list(page: Page, ect: str) -> None:
    page.get_by_role("link", name=f"Assign a mentor for this ECT ({ect})").click()


def open_the_mentors_record(page: Page, mentor: str) -> None:
    """From the ECTs list, through the service navigation's Mentors, to the mentor's record."""
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Mentors", exact=True).click()
    page.get_by_role("link", name=mentor, exact=True).click()


def keep_the_ects_lead_provider_for_mentor_training(page: Page) -> None:
    press(page, "Continue")


def say_the_ects_lead_provider_will_not_train(page: Page, lead_provider: str, mentor: str) -> None:
    """A button styled as a link, so the choice is posted without JavaScript."""
    press(page, f"{lead_provider} will not be providing mentor training to {mentor}")


def change_on_the_record(page: Page, what: str) -> None:
    """The record's "Change" link for `what` (its visually hidden words)."""
    page.get_by_role("link", name=f"Change {what}", exact=True).click()


# --- Then ---


def then_the_options_are(page: Page, *labels: str) -> None:
    """The page's radios, in order, by the labels a user reads."""
    expect(page.locator(".govuk-radios__label")).to_have_text(list(labels))


def then_no_option_is_chosen(page: Page) -> None:
    for radio in page.get_by_role("radio").all():
        expect(radio).not_to_be_checked()


def then_the_option_is_described_as(page: Page, option: str, hint: str) -> None:
    """A radio's hint, as a screen reader announces it with the option."""
    expect(page.get_by_role("radio", name=option, exact=True)).to_have_accessible_description(hint)


def then_i_see_the_mentor_training_playback(page: Page, mentor: str, lead_provider: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{mentor} can receive mentor training")
    expect(
        page.get_by_text(
            f"Our records show that {mentor} can get up to 20 hours of ECTE mentor training as your school is "
            "working with a DfE-funded training provider."
        )
    ).to_be_visible()
    expect(
        page.get_by_text(
            f"We’ll pass on their details to {lead_provider} who will contact them to arrange the training."
        )
    ).to_be_visible()
    expect(page.get_by_role("button", name="Continue", exact=True)).to_be_visible()
    expect(
        page.get_by_role("button", name=f"{lead_provider} will not be providing mentor training to {mentor}")
    ).to_be_visible()


def then_i_am_asked_which_lead_provider_trains(page: Page, mentor: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Which lead provider would you like to contact your school about training {mentor}?"
    )


def then_i_see_the_assigned_confirmation(
    page: Page,
    mentor: str,
    ect: str,
    *,
    training_with: str | None = None,
    now_responsible: bool = False,
) -> None:
    """The confirmation of assigning (docs/journeys/mentors.md): the panel, the completed registration and, when they
    apply, who arranges mentor training and who is now responsible."""
    expect(page.get_by_role("heading", level=1)).to_have_text(f"You’ve assigned {mentor} as a mentor")
    expect(page.locator(".govuk-panel__body")).to_have_text(f"for {ect}")
    expect(page.get_by_text(f"This completes {ect}’s registration for ECT training at your school.")).to_be_visible()
    expect(page.get_by_text("You do not need to give us any more information.")).to_be_visible()
    arranging = page.get_by_text(re.compile(r"who will contact them to arrange mentor training\.$"))
    if training_with:
        expect(
            page.get_by_text(
                f"We’ll pass on their details to {training_with} who will contact them to arrange mentor training."
            )
        ).to_be_visible()
    else:
        expect(arranging).to_have_count(0)
    responsible = page.get_by_text(f"{mentor} is now responsible for mentoring {ect}.")
    expect(responsible).to_have_count(1 if now_responsible else 0)
    expect(page.get_by_role("link", name="Back to ECTs")).to_be_visible()


def then_i_see_the_success_banner(page: Page, message: str) -> None:
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner.get_by_role("heading", name=message, exact=True)).to_be_visible()
    expect(banner.get_by_role("heading", name="Success", exact=True)).to_be_visible()


def then_i_see_no_banner(page: Page) -> None:
    expect(page.locator(".govuk-notification-banner")).to_have_count(0)


def then_i_see_the_errors(page: Page, *messages: str) -> None:
    """The GOV.UK error pattern with several messages: each in the summary and by its field, the "Error: " title."""
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(summary.get_by_role("link")).to_have_text(list(messages))
    for message in messages:
        expect(page.get_by_text(f"Error: {message}")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))


def row(scope: Page | Locator, key: str) -> Locator:
    """The summary list row whose key is exactly `key`, on the page or within a part of it (a card)."""
    page = scope if isinstance(scope, Page) else scope.page
    return scope.locator(".govuk-summary-list__row").filter(
        has=page.locator(".govuk-summary-list__key", has_text=re.compile(rf"^\s*{re.escape(key)}\s*$"))
    )


def then_the_row_reads(scope: Page | Locator, key: str, value: str) -> None:
    expect(row(scope, key).locator(".govuk-summary-list__value")).to_have_text(value)


def then_the_sections_are(page: Page, *headings: str) -> None:
    expect(page.get_by_role("main").get_by_role("heading", level=2)).to_have_text(list(headings))
