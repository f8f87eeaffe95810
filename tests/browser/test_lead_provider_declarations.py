"""A lead provider's completed declaration for a mentor shows on the school's mentor record, and its void
removes it; a withdrawal after it does not undo it (the API's services, docs/adr/0014-lead-provider-api.md,
docs/journeys/change-lead-provider.md); axe checks each page (the `page` fixture)."""

import datetime

from playwright.sync_api import expect

from ecf.declarations import record_declaration, void_declaration
from ecf.events import Author
from ecf.training.provider_actions import MENTOR, withdraw_training
from tests.browser.mentor_fixtures import providers, school, sign_in
from tests.browser.mentor_steps import given_a_mentor, open_the_mentors_record, then_the_row_reads
from tests.factories import TrainingPeriodFactory

__all__ = ["providers", "school"]


def test_training_completed_appears_with_the_declaration_and_goes_with_its_void(page, school, providers):
    grace = given_a_mentor(school, "Grace Hopper")
    TrainingPeriodFactory(
        ect_at_school_period=None,
        mentor_at_school_period=grace,
        with_eoi=True,
        expression_of_interest=providers["ambition"],
    )
    lead_provider = providers["ambition"].lead_provider
    declaration, _ = record_declaration(
        lead_provider=lead_provider,
        teacher=grace.teacher,
        is_ect=False,
        declaration_type="completed",
        evidence_held="75-percent-engagement-met",
        declaration_date=datetime.date.today() - datetime.timedelta(days=1),
        author=Author.lead_provider(lead_provider),
    )
    sign_in(page, school)
    open_the_mentors_record(page, "Grace Hopper")
    then_the_row_reads(page, "Status", "Training completed")

    void_declaration(declaration, author=Author.lead_provider(lead_provider))
    page.reload()

    expect(page.get_by_text("Training completed")).to_have_count(0)


def test_a_withdrawal_after_completion_leaves_mentor_training_completed(page, school, providers):
    grace = given_a_mentor(school, "Grace Hopper")
    TrainingPeriodFactory(
        ect_at_school_period=None,
        mentor_at_school_period=grace,
        with_eoi=True,
        expression_of_interest=providers["ambition"],
    )
    lead_provider = providers["ambition"].lead_provider
    record_declaration(
        lead_provider=lead_provider,
        teacher=grace.teacher,
        is_ect=False,
        declaration_type="completed",
        evidence_held="75-percent-engagement-met",
        declaration_date=datetime.date.today() - datetime.timedelta(days=1),
        author=Author.lead_provider(lead_provider),
    )
    withdraw_training(lead_provider=lead_provider, teacher=grace.teacher, course_identifier=MENTOR, reason="other")
    sign_in(page, school)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Mentors", exact=True).click()
    expect(page.get_by_text("have told us")).to_have_count(0)
    page.get_by_role("link", name="Grace Hopper", exact=True).click()
    then_the_row_reads(page, "Status", "Training completed")
    expect(page.get_by_text("not registered for ECTE mentor training")).to_have_count(0)
    expect(page.get_by_role("link", name="will be training with another lead provider")).to_have_count(0)
