"""An induction tutor signs in with DfE Sign-in, and everyone DfE Sign-in cannot vouch for sees why not.

The provider is a real OpenID Connect provider on loopback, with a stub of DfE Sign-in's public API
(tests/dfe_sign_in_mock.py). axe-core checks every page of ours these tests visit, each refusal page
included; the provider's own pages stand in for DfE Sign-in's and are not ours to check.
"""

from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
from django.core.cache import caches
from playwright.sync_api import Page, expect

from ecf.models import Event
from schools.models import DfESignInAccount, School
from tests.browser.conftest import assert_no_horizontal_scroll, not_ours
from tests.browser.journeys import ECTS_HEADING, choose_school, sign_out, then_i_see_the_page
from tests.factories import SchoolFactory, UserFactory

OAKFIELD = {"id": "org-oakfield", "name": "Oakfield Primary School", "urn": "142301"}
HOLLINS = {"id": "org-hollins", "name": "Hollins Park School", "urn": "145872"}


@pytest.fixture
def dfe(dfe_sign_in, page):
    not_ours(page, dfe_sign_in.url)
    return dfe_sign_in


def given_a_school(urn=142301, name="Oakfield Primary School", status=School.Status.OPEN):
    return SchoolFactory(urn=urn, name=name, status=status)


def given_a_dfe_sign_in_user(dfe, sub="priya", *, organisation=OAKFIELD, role=True):
    dfe.add_user(sub, email=f"{sub}@example.com", given_name="Priya", family_name="Shah", organisation=organisation)
    for org in organisation if isinstance(organisation, list) else [organisation]:
        if role:
            dfe.give_role(sub, org["id"])


def sign_in_with_dfe_sign_in(page: Page, sub="priya", *, cancel=False):
    page.goto("/sign-in")
    page.get_by_role("button", name="Sign in with DfE Sign-in").click()
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    if cancel:
        page.get_by_role("button", name="Deny").click()
        return
    page.get_by_placeholder("sub").fill(sub)
    page.get_by_role("button", name="Authorize", exact=True).click()


def then_i_see_the_refusal(page: Page, heading: str, *texts: str):
    then_i_see_the_page(page, heading)
    for text in texts:
        expect(page.get_by_text(text)).to_be_visible()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def test_an_induction_tutor_signs_in_with_dfe_sign_in_and_out_again(page, dfe):
    given_a_school()
    given_a_dfe_sign_in_user(dfe)

    sign_in_with_dfe_sign_in(page)

    then_i_see_the_page(page, ECTS_HEADING)
    expect(page.get_by_text("Oakfield Primary School").first).to_be_visible()
    sign_out(page)
    expect(page.get_by_role("heading", name="End Session")).to_be_visible()
    page.get_by_role("button", name="End session").click()
    then_i_see_the_page(page, "You have signed out")


def test_a_tutor_of_two_schools_chooses_one(page, dfe):
    given_a_school()
    given_a_school(urn=145872, name="Hollins Park School")
    given_a_dfe_sign_in_user(dfe, organisation=[OAKFIELD, HOLLINS])

    sign_in_with_dfe_sign_in(page)
    choose_school(page, "Hollins Park School")

    then_i_see_the_page(page, ECTS_HEADING)
    expect(page.get_by_text("Hollins Park School").first).to_be_visible()


def test_a_user_without_the_role_is_told_to_ask_an_approver(page, dfe):
    given_a_school()
    given_a_dfe_sign_in_user(dfe, role=False)

    sign_in_with_dfe_sign_in(page)

    then_i_see_the_refusal(page, "You do not have access to this service", "Ask an approver at your school")
    assert_no_horizontal_scroll(page)


def test_an_organisation_with_a_urn_we_do_not_know_is_refused(page, dfe):
    given_a_dfe_sign_in_user(dfe, organisation={"id": "org-x", "name": "Nowhere Academy", "urn": "999999"})

    sign_in_with_dfe_sign_in(page)

    then_i_see_the_refusal(
        page, "You cannot use this service with this organisation", "You signed in to DfE Sign-in for Nowhere Academy"
    )


def test_a_closed_school_is_refused(page, dfe):
    given_a_school(status=School.Status.CLOSED)
    given_a_dfe_sign_in_user(dfe)

    sign_in_with_dfe_sign_in(page)

    then_i_see_the_refusal(page, "This school cannot use this service", "is closed, so it cannot register")


def test_cancelling_at_dfe_sign_in_signs_nobody_in(page, dfe):
    sign_in_with_dfe_sign_in(page, cancel=True)

    then_i_see_the_refusal(page, "You have not signed in", "You cancelled signing in with DfE Sign-in")


def forge_the_state(route):
    """The provider sends the browser back to the callback with a `state` this browser was never given (as
    a forged or crossed sign-in would)."""
    if route.request.method != "POST":
        route.continue_()
        return
    response = route.fetch(max_redirects=0)
    location = urlsplit(response.headers["location"])
    query = {**parse_qs(location.query), "state": ["forged-state"]}
    forged = urlunsplit(location._replace(query=urlencode(query, doseq=True)))
    route.fulfill(response=response, headers={**response.headers, "location": forged})


@pytest.mark.parametrize(
    ("fault", "why"),
    [
        ("wrong state", "MismatchingStateError"),
        ("wrong_audience", "Invalid claim: 'aud'"),
        ("expired", "ExpiredTokenError"),
    ],
)
def test_a_sign_in_that_fails_the_checks_is_a_clear_page(page, dfe, fault, why):
    given_a_school()
    given_a_dfe_sign_in_user(dfe)
    if fault == "wrong state":
        page.route(f"{dfe.url}/oauth2/authorize*", forge_the_state)
    else:
        dfe.id_token_fault = fault

    sign_in_with_dfe_sign_in(page)

    then_i_see_the_refusal(page, "Sorry, signing in did not work", "We could not finish signing you in")
    assert why in Event.objects.get(event_type="school_user_sign_in_refused").metadata["detail"]


def test_too_many_attempts_from_one_address_are_held_back(page, dfe, settings):
    settings.RATELIMIT_ENABLE = True
    settings.SIGN_IN_RATE = "2/20s"  # the limit's size is the views tests' business; here, its page
    caches[settings.RATELIMIT_USE_CACHE].clear()
    page.goto("/sign-in")
    for _ in range(2):
        page.get_by_role("button", name="Sign in with DfE Sign-in").click()
        page.go_back()

    page.get_by_role("button", name="Sign in with DfE Sign-in").click()

    then_i_see_the_page(page, "Too many sign-in attempts")
    expect(page.get_by_text("Wait 20 seconds, then")).to_be_visible()


def test_a_user_support_staff_turned_off_is_refused(page, dfe):
    given_a_school()
    given_a_dfe_sign_in_user(dfe)
    DfESignInAccount.objects.create(user=UserFactory(username="dfe-sign-in:priya", is_active=False), sub="priya")

    sign_in_with_dfe_sign_in(page)

    then_i_see_the_refusal(
        page, "Your account for this service has been turned off", "has turned off your account for Register"
    )
