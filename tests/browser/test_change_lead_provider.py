"""A school responds to what lead providers report (docs/journeys/change-lead-provider.md): withdrawn and deferred
ECTs and mentors on the lists and records, each message's link, and the journeys they lead to — select a new lead
provider (ECT and mentor) and change the training programme both ways — with JavaScript and without.

Every page these tests visit, error states included, is checked with axe-core by the `page` fixture (conftest.py).
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from ecf.events import Author
from ecf.training.changes import change_training_programme
from tests.browser.journeys import (
    ECTS_HEADING,
    ect_card,
    given_a_school,
    given_an_induction_tutor,
    sign_in_as,
    then_i_see_the_error,
    then_i_see_the_page,
)
from tests.browser.mentor_steps import then_the_row_reads
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolPartnershipFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

WITHDRAWN = {"withdrawn_at": timezone.now(), "withdrawal_reason": "moved-school"}
DEFERRED = {"deferred_at": timezone.now(), "deferral_reason": "parental-leave"}
# What the API leaves the day after a withdrawal: the training finished the day it was withdrawn.
WITHDRAWN_YESTERDAY = {
    "finished_on": datetime.date.today() - datetime.timedelta(days=1),
    "withdrawn_at": timezone.now() - datetime.timedelta(days=1),
    "withdrawal_reason": "moved-school",
}
NO_JAVASCRIPT = pytest.mark.browser_context_args(java_script_enabled=False)


@pytest.fixture
def school(db):
    return given_a_school()


@pytest.fixture
def providers(school):
    contract_period = ContractPeriodFactory()
    return {
        name: ActiveLeadProviderFactory(lead_provider__name=name, contract_period=contract_period)
        for name in ("Ambition", "Teach First")
    }


def given_training(school, providers, *, ect=None, mentor=None, school_led=False, **reported):
    if school_led:
        return TrainingPeriodFactory(ect_at_school_period=ect, school_led=True, **reported)
    partnership = SchoolPartnershipFactory(
        school=school, lead_provider_delivery_partnership__active_lead_provider=providers["Ambition"]
    )
    owner = {"ect_at_school_period": ect} if ect else {"ect_at_school_period": None, "mentor_at_school_period": mentor}
    return TrainingPeriodFactory(school_partnership=partnership, **owner, **reported)


def given_ada(school, providers, **training):
    ect = ECTAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Ada", trs_last_name="Lovelace")
    )
    given_training(school, providers, ect=ect, **training)
    MentorshipPeriodFactory(
        mentee=ect,
        mentor=MentorAtSchoolPeriodFactory(
            school=school, teacher=TeacherFactory(trs_first_name="Alan", trs_last_name="Turing")
        ),
    )
    return ect


def given_grace(school, providers, **reported):
    mentor = MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Grace", trs_last_name="Hopper")
    )
    given_training(school, providers, mentor=mentor, **reported)
    return mentor


def signed_in(page: Page, school) -> None:
    sign_in_as(page, given_an_induction_tutor("Sam", "Tutor", school))
    then_i_see_the_page(page, ECTS_HEADING)


def press(page: Page, name: str) -> None:
    page.get_by_role("button", name=name).click()


def then_i_see_the_panel(page: Page, text: str) -> None:
    then_i_see_the_page(page, text)


# Select a new lead provider for a withdrawn ECT ------------------------------------------------------------------


def a_withdrawn_ect_gets_a_new_lead_provider(page: Page, school, providers) -> None:
    given_ada(school, providers, **WITHDRAWN_YESTERDAY)
    signed_in(page, school)
    card = ect_card(page, "Ada Lovelace")
    expect(card).to_contain_text("Action required")
    expect(card).to_contain_text(
        "Ambition have told us that Ada Lovelace is no longer training with them. "
        "Contact them if you think this is an error."
    )
    expect(card).not_to_contain_text("Lead provider")

    page.get_by_role("link", name="continuing their training or if they have left your school").click()
    then_i_see_the_page(page, "Ada Lovelace")
    expect(page.get_by_text("You can select a lead provider for Ada Lovelace")).to_be_visible()
    expect(
        page.get_by_role("link", name="tell us if Ada Lovelace has left or is leaving your school permanently")
    ).to_have_attribute("href", re.compile(r"/report-leaving$"))
    page.get_by_role("link", name="select a lead provider").click()

    then_i_see_the_page(page, "Change lead provider for Ada Lovelace")
    press(page, "Continue")
    then_i_see_the_error(page, "Select which lead provider will be training the ECT")
    page.get_by_label("Teach First").check()
    press(page, "Continue")

    then_i_see_the_page(page, "Check and confirm change")
    then_the_row_reads(page, "Current lead provider", "Ambition")
    then_the_row_reads(page, "New lead provider", "Teach First")
    press(page, "Confirm change")

    then_i_see_the_panel(page, "You’ve chosen Teach First as the new lead provider for Ada Lovelace")
    page.get_by_role("link", name="Back to Ada Lovelace’s record").click()
    expect(page.get_by_text("Awaiting confirmation by Teach First")).to_be_visible()
    expect(page.get_by_text("no longer training with them")).to_have_count(0)


def test_a_withdrawn_ect_gets_a_new_lead_provider(page, school, providers):
    a_withdrawn_ect_gets_a_new_lead_provider(page, school, providers)


@NO_JAVASCRIPT
def test_a_withdrawn_ect_gets_a_new_lead_provider_without_javascript(page, school, providers):
    a_withdrawn_ect_gets_a_new_lead_provider(page, school, providers)


# Someone else changes the training meanwhile ---------------------------------------------------------------------


def test_after_another_tab_made_the_ect_school_led_check_answers_says_so_and_leads_back_to_the_record(
    page, school, providers
):
    ada = given_ada(school, providers)
    signed_in(page, school)
    page.goto(f"/school/ects/{ada.pk}/change-lead-provider")
    page.get_by_label("Teach First").check()
    press(page, "Continue")
    then_i_see_the_page(page, "Check and confirm change")
    change_training_programme(
        ect_period=ada, training_programme="school_led", lead_provider=None, author=Author.system("Another tab")
    )

    press(page, "Confirm change")

    then_i_see_the_page(page, "Check and confirm change")
    expect(page.get_by_role("alert")).to_contain_text(
        "Ada Lovelace’s training has just been changed by someone else. Check their record before changing it."
    )
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("button", name="Confirm change")).to_have_count(0)
    expect(page.get_by_text("None")).to_have_count(0)
    page.get_by_role("link", name="Back to Ada Lovelace’s record").click()
    then_i_see_the_page(page, "Ada Lovelace")
    expect(page.get_by_text("School-led")).to_be_visible()


# Change a deferred ECT to school-led, and back to provider-led -----------------------------------------------------


def a_deferred_ect_changes_to_school_led_and_back(page: Page, school, providers) -> None:
    given_ada(school, providers, **DEFERRED)
    signed_in(page, school)
    expect(ect_card(page, "Ada Lovelace")).to_contain_text("Training paused")
    page.get_by_role("link", name="Ada Lovelace", exact=True).click()
    expect(page.get_by_text("Ambition have told us that Ada Lovelace’s training is paused.")).to_be_visible()

    page.get_by_role("link", name="tell us if they are changing their programme type to school-led").click()
    then_i_see_the_page(page, "Change Ada Lovelace’s training programme to school-led")
    press(page, "Change training programme")
    then_i_see_the_page(page, "Check and confirm change")
    press(page, "Confirm change")
    then_i_see_the_panel(page, "You’ve changed Ada Lovelace’s training programme to school-led")

    page.get_by_role("link", name="Back to Ada Lovelace’s record").click()
    page.get_by_role("link", name="Change training programme").click()
    then_i_see_the_page(page, "Change Ada Lovelace’s training programme to provider-led")
    press(page, "Continue")
    then_i_see_the_page(page, "Which lead provider will be training Ada Lovelace?")
    press(page, "Continue")
    then_i_see_the_error(page, "Select which lead provider will be training the ECT")
    page.get_by_label("Teach First").check()
    press(page, "Continue")
    then_i_see_the_page(page, "Check and confirm change")
    press(page, "Confirm change")
    then_i_see_the_panel(page, "You’ve changed Ada Lovelace’s training programme to provider-led with Teach First")


def test_a_deferred_ect_changes_to_school_led_and_back(page, school, providers):
    a_deferred_ect_changes_to_school_led_and_back(page, school, providers)


@NO_JAVASCRIPT
def test_a_deferred_ect_changes_to_school_led_and_back_without_javascript(page, school, providers):
    a_deferred_ect_changes_to_school_led_and_back(page, school, providers)


# Mentors ---------------------------------------------------------------------------------------------------------


def a_withdrawn_mentor_gets_a_new_lead_provider(page: Page, school, providers) -> None:
    given_grace(school, providers, **WITHDRAWN_YESTERDAY)
    signed_in(page, school)
    page.get_by_role("link", name="Mentors", exact=True).click()
    expect(
        page.get_by_text(
            "Ambition have told us that Grace Hopper is not registered for ECTE mentor training with them."
        )
    ).to_be_visible()
    page.get_by_role("link", name="Grace Hopper", exact=True).click()
    expect(page.get_by_text("not registered for ECTE mentor training with them")).to_be_visible()

    page.get_by_role("link", name="Tell us if Grace Hopper will be training with another lead provider.").click()
    then_i_see_the_page(page, "Change lead provider for Grace Hopper")
    press(page, "Continue")
    then_i_see_the_error(page, "Select a lead provider to contact your school")
    page.get_by_label("Teach First").check()
    press(page, "Continue")
    then_i_see_the_page(page, "Check and confirm change")
    then_the_row_reads(page, "Current Lead Provider", "Ambition")
    press(page, "Confirm change")
    then_i_see_the_panel(page, "You’ve chosen Teach First as the new lead provider for Grace Hopper")


def test_a_withdrawn_mentor_gets_a_new_lead_provider(page, school, providers):
    a_withdrawn_mentor_gets_a_new_lead_provider(page, school, providers)


@NO_JAVASCRIPT
def test_a_withdrawn_mentor_gets_a_new_lead_provider_without_javascript(page, school, providers):
    a_withdrawn_mentor_gets_a_new_lead_provider(page, school, providers)


def test_a_deferred_mentor_on_the_list_and_record(page, school, providers):
    given_grace(school, providers, **DEFERRED)
    signed_in(page, school)
    page.get_by_role("link", name="Mentors", exact=True).click()
    paused = "Ambition have told us that Grace Hopper’s ECTE mentor training is paused."
    expect(page.get_by_text(paused)).to_be_visible()
    page.get_by_role("link", name="Grace Hopper", exact=True).click()
    expect(page.get_by_text(paused)).to_be_visible()
    page.get_by_role("link", name="Change lead provider").click()
    then_i_see_the_page(page, "Change lead provider for Grace Hopper")


@NO_JAVASCRIPT
def test_a_withdrawn_ects_record_without_javascript(page, school, providers):
    given_ada(school, providers, **WITHDRAWN)
    signed_in(page, school)
    page.get_by_role("link", name="Ada Lovelace", exact=True).click()
    page.get_by_role("link", name="tell us if they are changing their programme type to school-led").click()
    then_i_see_the_page(page, "Change Ada Lovelace’s training programme to school-led")
