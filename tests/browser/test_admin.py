"""DfE support staff use the Django admin."""

import pytest
from playwright.sync_api import expect

from tests.factories import ECTAtSchoolPeriodFactory, TeacherFactory, UserFactory

# Django's admin is Django's own UI, not our GOV.UK one: axe-core checks our pages, not its.
pytestmark = pytest.mark.no_axe("the Django admin is not our GOV.UK UI")


SUPPORT_PASSWORD = "a long support password"


def given_a_support_user(username="support@example.com", password=SUPPORT_PASSWORD):
    user = UserFactory(username=username, is_staff=True, is_superuser=True)
    user.set_password(password)
    user.save()
    return username, password


def test_a_support_user_signs_in_to_the_admin_and_lists_ect_at_school_periods(page):
    ECTAtSchoolPeriodFactory(teacher=TeacherFactory(trs_first_name="Ava", trs_last_name="Archer", trn="1234567"))
    username, password = given_a_support_user()
    console = []
    page.on("console", lambda message: message.type == "error" and console.append(message.text))

    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", name="Support for DfE staff")).to_be_visible()
    page.get_by_role("link", name="ECT at school periods").click()

    expect(page.get_by_role("heading", name="Select ECT at school period to change")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="1234567")).to_contain_text("Ava Archer")
    assert console == [], "no error in the console (a missing /favicon.ico was one)"
