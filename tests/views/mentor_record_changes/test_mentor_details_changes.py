"""The mentor record's Change pages (docs/journeys/mentors.md): name, email address, additional details, tenancy."""

import re

import pytest

from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory, SchoolFactory
from tests.views.mentor_record_changes.pages import (
    banner,
    change_url,
    error_messages,
    events,
    h1,
    post_and_follow,
    record_url,
    reloaded,
    title,
)

# Name ----------------------------------------------------------------------------------------------------------------


def test_the_name_page_is_prefilled_and_goes_back_to_the_record(school_client, mentor):
    html = school_client.get(change_url(mentor, "change-name")).content.decode()

    assert h1(html) == "Grace Hopper What is the correct name?"
    assert re.search(r'name="first_name"[^>]*value="Grace"', html)
    assert re.search(r'name="last_name"[^>]*value="Hopper"', html)
    assert "communications with the mentor" in html
    assert f'href="{record_url(mentor)}" class="govuk-back-link"' in html
    assert title(html) == "What is the correct name? - Register early career teachers - GOV.UK"


def test_changing_the_name(school_client, mentor, school_user):
    html = post_and_follow(school_client, mentor, "change-name", {"first_name": " Grace ", "last_name": "Brewster "})

    assert reloaded(mentor).teacher.corrected_name == "Grace Brewster"
    [event] = events(mentor)
    assert event.author_user == school_user
    assert banner(html) == "Grace Brewster’s name has been changed"
    assert "govuk-notification-banner--success" in html
    assert '<h1 class="govuk-heading-l">Grace Brewster</h1>' in html
    assert banner(school_client.get(record_url(mentor)).content.decode()) is None  # shown once


def test_the_same_name_changes_nothing_and_announces_nothing(school_client, mentor):
    html = post_and_follow(school_client, mentor, "change-name", {"first_name": "Grace", "last_name": "Hopper"})

    assert events(mentor) == []
    assert reloaded(mentor).teacher.corrected_name == ""
    assert banner(html) is None


def test_a_name_needs_both_parts(school_client, mentor):
    response = school_client.post(change_url(mentor, "change-name"), {"first_name": "", "last_name": " "})

    html = response.content.decode()
    assert response.status_code == 200
    assert error_messages(html) == ["Enter a first name", "Enter a last name"]
    assert title(html).startswith("Error: ")
    assert 'class="govuk-error-summary"' in html
    assert reloaded(mentor).teacher.corrected_name == ""


# Email address -------------------------------------------------------------------------------------------------------


def test_the_email_page_names_the_mentor_in_its_heading_but_not_its_title(school_client, mentor):
    html = school_client.get(change_url(mentor, "change-email-address")).content.decode()

    assert h1(html) == "What is Grace Hopper’s email address?"
    assert re.search(r'name="email"[^>]*value="grace@example.com"', html)
    assert title(html) == "Change email address - Register early career teachers - GOV.UK"


def test_changing_the_email_address(school_client, mentor):
    html = post_and_follow(school_client, mentor, "change-email-address", {"email": "grace.hopper@example.com"})

    assert reloaded(mentor).email == "grace.hopper@example.com"
    [event] = events(mentor)
    assert "grace.hopper@example.com" in str(event.changes)
    assert banner(html) == "Grace Hopper’s email address has been changed"
    assert "grace.hopper@example.com" in html


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter an email address"),
        ("not an email", "Enter an email address in the correct format, like name@example.com"),
    ],
)
def test_an_invalid_email_address(school_client, mentor, email, message):
    response = school_client.post(change_url(mentor, "change-email-address"), {"email": email})

    assert response.status_code == 200
    assert error_messages(response.content.decode()) == [message]
    assert reloaded(mentor).email == "grace@example.com"


@pytest.mark.parametrize("factory", [ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory])
def test_an_email_in_use_for_a_different_ect_or_mentor_is_refused(school_client, mentor, factory):
    factory(school=SchoolFactory(), email="taken@example.com")

    response = school_client.post(change_url(mentor, "change-email-address"), {"email": "taken@example.com"})

    assert response.status_code == 200
    assert error_messages(response.content.decode()) == ["This email is already in use for a different ECT or mentor"]
    assert reloaded(mentor).email == "grace@example.com"


def test_the_mentor_keeps_an_email_they_also_use_as_an_ect(school_client, mentor):
    ECTAtSchoolPeriodFactory(teacher=mentor.teacher, school=SchoolFactory(), email="hopper@example.com")

    post_and_follow(school_client, mentor, "change-email-address", {"email": "hopper@example.com"})

    assert reloaded(mentor).email == "hopper@example.com"


# Additional details --------------------------------------------------------------------------------------------------

# (page, field, heading, label in the title and banner)
ADDITIONAL = [
    ("change-date-started-mentoring", "started_mentoring", "When did {} start mentoring?", "date started mentoring"),
    (
        "change-provider-training",
        "provider_training",
        "What mentor training has {} had from a training provider?",
        "provider training",
    ),
    (
        "change-send-training",
        "send_training",
        "What special educational needs and disabilities (SEND) training has {} had?",
        "SEND training",
    ),
    (
        "change-subject-networks-and-associations",
        "subject_networks",
        "Which subject networks and associations is {} part of?",
        "subject networks and associations",
    ),
    (
        "change-other-experiences",
        "other_experiences",
        "What other experience does {} bring to mentoring?",
        "other experiences",
    ),
]
LIMITS = {"started_mentoring": 100}  # the others 500


@pytest.mark.parametrize(("page", "field", "question", "label"), ADDITIONAL)
def test_changing_an_additional_detail(school_client, mentor, page, field, question, label):
    html = school_client.get(change_url(mentor, page)).content.decode()
    assert h1(html) == question.format("Grace Hopper")
    assert title(html) == f"Change {label} - Register early career teachers - GOV.UK"

    html = post_and_follow(school_client, mentor, page, {field: "  Led the  maths network  "})

    assert getattr(reloaded(mentor), field) == "Led the maths network"
    assert len(events(mentor)) == 1
    assert banner(html) == f"Grace Hopper’s {label} has been changed"
    assert "Led the maths network" in html


@pytest.mark.parametrize(("page", "field", "question", "label"), ADDITIONAL)
def test_an_additional_detail_is_optional_and_can_be_cleared(school_client, mentor, page, field, question, label):
    setattr(mentor, field, "Something")
    mentor.save()
    html = school_client.get(change_url(mentor, page)).content.decode()
    assert re.search(rf'name="{field}"[^>]*>Something<|name="{field}"[^>]*value="Something"', html)

    post_and_follow(school_client, mentor, page, {field: ""})

    assert getattr(reloaded(mentor), field) == ""


@pytest.mark.parametrize(("page", "field", "question", "label"), ADDITIONAL)
def test_an_additional_detail_has_a_limit(school_client, mentor, page, field, question, label):
    limit = LIMITS.get(field, 500)
    message = f"{label[0].upper()}{label[1:]} must be {limit} characters or less"
    response = school_client.post(change_url(mentor, page), {field: "x" * (limit + 1)})

    assert response.status_code == 200
    assert error_messages(response.content.decode()) == [message]
    assert getattr(reloaded(mentor), field) == ""


def test_the_longest_date_started_mentoring_is_saved(school_client, mentor):
    post_and_follow(school_client, mentor, "change-date-started-mentoring", {"started_mentoring": "x" * 100})

    assert reloaded(mentor).started_mentoring == "x" * 100


def test_hidden_characters_are_refused_with_a_message(school_client, mentor):
    response = school_client.post(change_url(mentor, "change-other-experiences"), {"other_experiences": "a\x00b"})

    assert error_messages(response.content.decode()) == ["Other experiences must not include hidden characters"]


def test_an_unknown_additional_detail_is_not_found(school_client, mentor):
    assert school_client.get(change_url(mentor, "change-favourite-colour")).status_code == 404


# Tenancy -------------------------------------------------------------------------------------------------------------

PAGES = [
    "change-name",
    "change-email-address",
    "change-phase",
    "change-subject",
    "change-age-range",
    "change-key-stage",
    *[page for page, *_ in ADDITIONAL],
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_schools_mentor_cannot_be_changed(school_client, page, method):
    other = MentorAtSchoolPeriodFactory(school=SchoolFactory(), email="theirs@example.com")

    response = getattr(school_client, method)(
        change_url(other, page), {"email": "mine@example.com", "first_name": "A", "last_name": "B"}
    )

    assert response.status_code == 404
    assert reloaded(other).email == "theirs@example.com"
    assert events(other) == []


def test_templates_of_the_change_pages_run_no_queries(school_client, mentor, templates_run_no_queries):
    for page in PAGES:
        assert school_client.get(change_url(mentor, page)).status_code in {200, 302}
