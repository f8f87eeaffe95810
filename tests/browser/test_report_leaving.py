"""An induction tutor tells us an ECT or a mentor is leaving, or that a mentor will no longer mentor, in a browser,
with JavaScript on and off (docs/journeys/leaving.md). The `page` fixture runs axe on every page, errors included."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from ecf.models import EmailMessage
from tests.browser.conftest import assert_no_horizontal_scroll
from tests.browser.journeys import ect_card, then_i_see_the_error, then_i_see_the_page
from tests.browser.mentor_fixtures import providers, school, sign_in
from tests.browser.mentor_steps import (
    choose_and_continue,
    given_a_mentor,
    given_a_provider_led_ect,
    given_mentoring,
    open_the_mentors_record,
    press,
)

__all__ = ["providers", "school"]

TODAY = datetime.date.today()
IN_A_MONTH = TODAY + datetime.timedelta(days=30)


def govuk(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def open_the_ects_record(page: Page, ect: str) -> None:
    ect_card(page, ect).get_by_role("link", name=ect, exact=True).click()


def tell_us_they_are_leaving(page: Page, name: str) -> None:
    page.get_by_role("link", name=f"Tell us if {name} is leaving permanently").click()


def enter_the_date(page: Page, day, month, year) -> None:
    page.get_by_label("Day").fill(str(day))
    page.get_by_label("Month").fill(str(month))
    page.get_by_label("Year").fill(str(year))
    press(page, "Continue")


def then_the_panel_says(page: Page, words: str) -> None:
    expect(page.locator(".govuk-panel__title")).to_have_text(words)


def report_an_ect_leaving(page: Page) -> None:
    open_the_ects_record(page, "Kate Lewis")
    tell_us_they_are_leaving(page, "Kate Lewis")
    then_i_see_the_page(page, "Tell us if Kate Lewis has left or is leaving your school permanently")
    assert_no_horizontal_scroll(page)
    press(page, "Continue")
    then_i_see_the_error(page, "Enter the date the teacher left or will be leaving your school")
    enter_the_date(page, 30, 2, TODAY.year + 1)
    then_i_see_the_error(page, "Enter the date in the correct format, for example 30 06 2001")
    enter_the_date(page, IN_A_MONTH.day, IN_A_MONTH.month, IN_A_MONTH.year)

    then_i_see_the_page(page, "Confirm that Kate Lewis is leaving your school permanently")
    expect(
        page.get_by_text(f"You’ve told us that Kate Lewis is leaving your school on {govuk(IN_A_MONTH)}.")
    ).to_be_visible()
    press(page, "Confirm and continue")

    then_the_panel_says(page, f"Kate Lewis will be removed from your school’s ECT list after {govuk(IN_A_MONTH)}")
    page.get_by_role("link", name="Back to ECTs").click()
    expect(ect_card(page, "Kate Lewis").locator(".govuk-tag")).to_have_text("Leaving school")


def test_reporting_an_ect_leaving(page, school, providers):
    ect = given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])
    given_mentoring(given_a_mentor(school, "Ada Jones"), ect)
    sign_in(page, school)
    report_an_ect_leaving(page)
    open_the_ects_record(page, "Kate Lewis")
    expect(page.get_by_role("heading", name="Kate Lewis is leaving your school")).to_be_visible()


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_reporting_an_ect_leaving_works_without_javascript(page, school, providers):
    given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])
    sign_in(page, school)
    report_an_ect_leaving(page)


def remove_a_mentor(page: Page, *, reason: str, date_question: str, check_heading: str, tag: str) -> None:
    open_the_mentors_record(page, "Ada Jones")
    tell_us_they_are_leaving(page, "Ada Jones")
    then_i_see_the_page(page, "Why are you removing Ada Jones?")
    press(page, "Continue")
    then_i_see_the_error(page, "Select why you are removing Ada Jones")
    choose_and_continue(page, reason)
    expect(page.get_by_text(date_question)).to_be_visible()
    enter_the_date(page, 1, 111, TODAY.year)
    then_i_see_the_error(page, "Enter the date in the correct format, for example 30 06 2001")
    enter_the_date(page, IN_A_MONTH.day, IN_A_MONTH.month, IN_A_MONTH.year)
    then_i_see_the_page(page, check_heading)
    press(page, "Confirm and continue")

    then_the_panel_says(page, f"Ada Jones will be removed from your school’s mentor list after {govuk(IN_A_MONTH)}")
    expect(
        page.get_by_text("ECTs currently assigned to Ada Jones will need to be reassigned to another mentor.")
    ).to_be_visible()
    assert EmailMessage.objects.filter(template="mentor_removed").count() == 1
    page.get_by_role("link", name="Back to Mentors").click()
    then_i_see_the_page(page, "Mentors")
    expect(page.get_by_text(tag)).to_be_visible()


def test_removing_a_mentor_who_is_leaving(page, school, providers):
    given_mentoring(
        given_a_mentor(school, "Ada Jones"), given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])
    )
    sign_in(page, school)
    remove_a_mentor(
        page,
        reason="They’re leaving or have left your school",
        date_question="When did or when will Ada Jones be leaving your school?",
        check_heading="Confirm that Ada Jones is leaving your school permanently",
        tag="Leaving school",
    )


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_removing_a_mentor_who_will_no_longer_mentor_works_without_javascript(page, school, providers):
    given_mentoring(
        given_a_mentor(school, "Ada Jones"), given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])
    )
    sign_in(page, school)
    remove_a_mentor(
        page,
        reason="They will no longer be a mentor at your school",
        date_question="When did or when will Ada Jones stop mentoring at your school?",
        check_heading="Confirm that Ada Jones will no longer be a mentor at your school",
        tag="No longer mentoring",
    )


def after_the_last_day_the_records_say_they_have_left(page, school, providers):
    # The check page promised "You will not be able to view or edit {name}’s details after {date}" (leaving.md).
    last_day = TODAY - datetime.timedelta(days=3)
    ect = given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])
    mentor = given_a_mentor(school, "Ada Jones")
    for period in (ect, mentor):
        period.finished_on = last_day
        period.reported_leaving_on = last_day - datetime.timedelta(days=20)
        period.save()
    sign_in(page, school)

    page.goto(f"/school/ects/{ect.pk}")
    then_i_see_the_page(page, "Kate Lewis has left your school")
    expect(page.get_by_text(f"You told us Kate Lewis’s last day was {govuk(last_day)}.")).to_be_visible()
    expect(page.get_by_role("link", name="Change")).to_have_count(0)
    page.goto(f"/school/mentors/{mentor.pk}")
    then_i_see_the_page(page, "Ada Jones has left your school")
    page.get_by_role("link", name="Back to mentors").click()
    expect(page.get_by_text("Ada Jones")).to_have_count(0)
    assert page.goto(f"/school/ects/{ect.pk}/change-name").status == 404


def test_after_the_last_day_the_records_say_they_have_left(page, school, providers):
    after_the_last_day_the_records_say_they_have_left(page, school, providers)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_after_the_last_day_the_records_say_they_have_left_without_javascript(page, school, providers):
    after_the_last_day_the_records_say_they_have_left(page, school, providers)


def test_confirming_a_mentor_removal_already_reported_in_another_tab_says_so(page, school, providers):
    # Found walking the journeys: the second tab landed on a date question that refused every date.
    given_a_mentor(school, "Ada Jones")
    sign_in(page, school)
    in_two_weeks, yesterday = TODAY + datetime.timedelta(days=14), TODAY - datetime.timedelta(days=1)
    check_answers = {}
    for tab, day in (("B", in_two_weeks), ("A", yesterday)):
        open_the_mentors_record(page, "Ada Jones")
        tell_us_they_are_leaving(page, "Ada Jones")
        choose_and_continue(page, "They’re leaving or have left your school")
        enter_the_date(page, day.day, day.month, day.year)
        check_answers[tab] = page.url
    press(page, "Confirm and continue")  # tab A
    then_the_panel_says(page, "Ada Jones has been removed from your school’s mentor list")
    expect(page.get_by_text("ECTs currently assigned")).to_have_count(0)  # she had none
    expect(page.get_by_text("They should continue with their current training programme")).to_have_count(0)

    page.goto(check_answers["B"])
    press(page, "Confirm and continue")

    then_i_see_the_page(page, f"You’ve already told us that Ada Jones left your school on {govuk(yesterday)}")
    page.get_by_role("link", name="Back to mentors").click()
    then_i_see_the_page(page, "Mentors")
