"""The mentor record in a browser (docs/journeys/mentors.md, "The mentor record"), and assigning an ECT from it."""

import pytest
from playwright.sync_api import expect

from ecf.models import Declaration
from tests.browser.conftest import assert_no_horizontal_scroll
from tests.browser.journeys import then_i_see_the_error, then_i_see_the_page
from tests.browser.mentor_fixtures import providers, school, sign_in
from tests.browser.mentor_record_steps import (
    ASSIGN_ECT_ERROR,
    back_to_ects,
    given_grace_hopper,
    then_the_ect_is_registered_with,
)
from tests.browser.mentor_steps import (
    change_on_the_record,
    choose_and_continue,
    given_a_mentor,
    given_a_provider_led_ect,
    given_a_school_led_ect,
    given_mentoring,
    keep_the_ects_lead_provider_for_mentor_training,
    open_the_mentors_record,
    press,
    row,
    then_i_see_the_assigned_confirmation,
    then_i_see_the_mentor_training_playback,
    then_i_see_the_success_banner,
    then_no_option_is_chosen,
    then_the_option_is_described_as,
    then_the_options_are,
    then_the_row_reads,
    then_the_sections_are,
)
from tests.factories import DeclarationFactory, TrainingPeriodFactory

# Fixtures from mentor_fixtures.py and mentor_record_steps.py (pytest finds a fixture by its name in the module).
__all__ = ["providers", "school"]


# The mentor record (docs/journeys/mentors.md, "The mentor record") ----------------------------------------------------


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
        page,
        "Personal details",
        "Teaching details",
        "Additional details",
        "Mentoring",
        "Mentor training",
        "Tell us if Grace Hopper has left or is leaving your school permanently",
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


# Without JavaScript ---------------------------------------------------------------------------------------------------


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
