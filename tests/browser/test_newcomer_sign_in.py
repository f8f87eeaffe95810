"""A newcomer follows README.md: imports the sample GIAS file with `manage.py import_gias`, signs in through the
loopback DfE Sign-in as a user of one of its schools and sees that school's empty ECTs list; signing in for the
sample file's closed school shows why they cannot. The provider here offers exactly the users
`make dfe-sign-in-mock` offers (tests/dfe_sign_in_mock.py, LOCAL_USERS), picked with their own buttons on its
page, as the README says. axe-core checks every page of ours (the `page` fixture); the provider's are not ours.
"""

import io

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.browser.conftest import not_ours
from tests.browser.journeys import ECTS_HEADING, sign_out, then_i_see_the_page
from tests.dfe_sign_in_mock import give_local_roles, local_users, running

SAMPLE = django_settings.BASE_DIR / "schools" / "gias" / "sample_establishments.csv"
ST_MARYS = "St Mary\u2019s Church of England Primary School"


@pytest.fixture(scope="module")
def loopback_dfe_sign_in_as_in_the_readme():
    with running(
        client_id="register-ects", api_secret="local-api-secret-of-at-least-32-bytes", users=local_users()
    ) as dfe:
        give_local_roles(dfe)
        yield dfe


@pytest.fixture
def readme_dfe(loopback_dfe_sign_in_as_in_the_readme, settings, page):
    """The service pointed at the loopback provider as `make run-dfe-sign-in` points it (see the Makefile)."""
    dfe = loopback_dfe_sign_in_as_in_the_readme
    settings.DFE_SIGN_IN_ENABLED = True
    settings.DFE_SIGN_IN_ISSUER = settings.DFE_SIGN_IN_API_URL = dfe.url
    settings.DFE_SIGN_IN_CLIENT_ID = settings.DFE_SIGN_IN_SERVICE_ID = dfe.client_id
    settings.DFE_SIGN_IN_CLIENT_SECRET = "local"
    settings.DFE_SIGN_IN_API_SECRET = dfe.api_secret
    not_ours(page, dfe.url)
    return dfe


def import_the_sample_gias_file() -> str:
    out = io.StringIO()
    call_command("import_gias", str(SAMPLE), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def sign_in_as_a_local_user(page: Page, sub: str):
    page.goto("/sign-in")
    page.get_by_role("button", name="Sign in with DfE Sign-in").click()
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    page.get_by_role("button", name=sub, exact=True).click()


def test_a_newcomer_imports_the_sample_file_and_signs_in_for_one_of_its_schools(page, readme_dfe):
    # Signing in before importing: the school is not known yet, and the page says so.
    sign_in_as_a_local_user(page, "st-marys-tutor")
    then_i_see_the_page(page, "You cannot use this service with this organisation")

    assert "Created 7 and updated 0 schools." in import_the_sample_gias_file()
    assert "No changes" in import_the_sample_gias_file()

    sign_in_as_a_local_user(page, "st-marys-tutor")
    then_i_see_the_page(page, ECTS_HEADING)
    expect(page.get_by_text(ST_MARYS).first).to_be_visible()
    expect(page.get_by_text("Your school currently has no registered early career teachers.")).to_be_visible()

    sign_out(page)
    page.get_by_role("button", name="End session").click()
    then_i_see_the_page(page, "You have signed out")
    sign_in_as_a_local_user(page, "st-marys-tutor")
    then_i_see_the_page(page, ECTS_HEADING)


def test_signing_in_for_the_sample_files_closed_school_shows_why_not(page, readme_dfe):
    import_the_sample_gias_file()
    # Still signed in for St Mary's, as a newcomer trying one user after another would be.
    sign_in_as_a_local_user(page, "st-marys-tutor")
    then_i_see_the_page(page, ECTS_HEADING)

    sign_in_as_a_local_user(page, "hillside-tutor")

    then_i_see_the_page(page, "This school cannot use this service")
    expect(page.get_by_text("Hillside Community School (URN 990003) is closed")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    page.goto("/school/home/ects")
    expect(page.get_by_role("button", name="Sign in with DfE Sign-in")).to_be_visible()
