"""The ECT record's Change links and their one-page edits: name, email address, working pattern
(docs/journeys/register-an-ect.md, "The ECT record")."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ecf.models import Event
from ects.models import ECTAtSchoolPeriod
from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory, SchoolFactory, TeacherFactory

PAGES = ["change-name", "change-email-address", "change-working-pattern"]
# A valid change on each page.
VALID = {
    "change-name": {"first_name": "Ada", "last_name": "Byron"},
    "change-email-address": {"email": "ada.byron@example.com"},
    "change-working-pattern": {"working_pattern": "part_time"},
}


def record_url(period):
    return f"/school/ects/{period.pk}"


def change_url(period, page):
    return f"{record_url(period)}/{page}"


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def banner(html: str) -> str | None:
    match = re.search(r'govuk-notification-banner__heading">(.*?)</h3>', html, re.S)
    return match.group(1).strip() if match else None


@pytest.fixture
def ect(school):
    teacher = TeacherFactory(trn="2345678", trs_first_name="Ada", trs_last_name="Lovelace")
    return ECTAtSchoolPeriodFactory(school=school, teacher=teacher, email="ada@example.com")


def reloaded(period) -> ECTAtSchoolPeriod:
    return ECTAtSchoolPeriod.objects.select_related("teacher").get(pk=period.pk)


def events(period):
    return list(Event.objects.filter(ect_at_school_period=period))


# The record's Change links ------------------------------------------------------------------------------------------


def test_the_record_links_to_each_change_page(school_client, ect):
    html = school_client.get(record_url(ect)).content.decode()

    hidden_texts = {"change-name": "name", "change-email-address": "email address"}
    hidden_texts["change-working-pattern"] = "working pattern"
    for page, hidden in hidden_texts.items():
        assert re.search(
            rf'href="{change_url(ect, page)}">\s*Change<span class="govuk-visually-hidden"> {hidden}</span>', html
        ), page


# Name ----------------------------------------------------------------------------------------------------------------


def test_the_name_page_is_prefilled_with_the_trs_name(school_client, ect):
    html = school_client.get(change_url(ect, "change-name")).content.decode()

    assert "What is the correct name?" in html
    assert re.search(r'name="first_name"[^>]*value="Ada"', html)
    assert re.search(r'name="last_name"[^>]*value="Lovelace"', html)
    assert f'href="{record_url(ect)}"' in html  # the back link
    assert "Continue" in html


def test_the_name_page_is_prefilled_with_a_corrected_name(school_client, ect):
    ect.teacher.corrected_name = "Augusta Ada King"
    ect.teacher.save()

    html = school_client.get(change_url(ect, "change-name")).content.decode()

    assert re.search(r'name="first_name"[^>]*value="Augusta Ada"', html)
    assert re.search(r'name="last_name"[^>]*value="King"', html)


def test_changing_the_name_stores_the_corrected_name(school_client, ect, school_user):
    response = school_client.post(change_url(ect, "change-name"), {"first_name": " Ada ", "last_name": "Byron "})

    assert response.status_code == 302
    assert response.url == record_url(ect)
    assert reloaded(ect).teacher.corrected_name == "Ada Byron"
    [event] = events(ect)
    assert "Ada Byron" in str(event.changes)
    assert event.author_user == school_user
    html = school_client.get(response.url).content.decode()
    assert banner(html) == "Ada Byron’s name has been changed"
    assert "govuk-notification-banner--success" in html
    assert '<h1 class="govuk-heading-l">Ada Byron</h1>' in html
    assert banner(school_client.get(response.url).content.decode()) is None  # shown once


def test_a_name_in_any_script_is_accepted(school_client, ect):
    data = {"first_name": "Zoë Siân", "last_name": "Ó Ceallaigh-李"}

    response = school_client.post(change_url(ect, "change-name"), data)

    assert response.status_code == 302
    assert reloaded(ect).teacher.corrected_name == "Zoë Siân Ó Ceallaigh-李"


# Email address -------------------------------------------------------------------------------------------------------


def test_the_email_page_names_the_ect_in_its_heading_but_not_its_title(school_client, ect):
    html = school_client.get(change_url(ect, "change-email-address")).content.decode()

    assert "What is Ada Lovelace’s email address?" in html
    assert re.search(r"<h1[^>]*>\s*<label[^>]*>\s*What is Ada Lovelace’s email address\?", html)
    assert re.search(r'name="email"[^>]*value="ada@example.com"', html)
    assert title(html) == "Change email address - Register early career teachers - GOV.UK"


def test_changing_the_email_address(school_client, ect):
    response = school_client.post(change_url(ect, "change-email-address"), {"email": "ada.byron@example.com"})

    assert response.status_code == 302
    assert response.url == record_url(ect)
    assert reloaded(ect).email == "ada.byron@example.com"
    [event] = events(ect)
    assert "ada.byron@example.com" in str(event.changes)
    html = school_client.get(response.url).content.decode()
    assert banner(html) == "Ada Lovelace’s email address has been changed"
    assert "ada.byron@example.com" in html


@pytest.mark.parametrize("factory", [ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory])
def test_an_email_in_use_for_a_different_ect_or_mentor_is_refused(school_client, ect, factory):
    factory(school=SchoolFactory(), email="taken@example.com")

    response = school_client.post(change_url(ect, "change-email-address"), {"email": "taken@example.com"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "This email is already in use for a different ECT or mentor" in html
    assert 'class="govuk-error-message"' in html
    assert reloaded(ect).email == "ada@example.com"
    assert events(ect) == []


# Working pattern -----------------------------------------------------------------------------------------------------


def test_the_working_pattern_page_asks_in_its_legend(school_client, ect):
    html = school_client.get(change_url(ect, "change-working-pattern")).content.decode()

    question = "Is Ada Lovelace’s working pattern as an ECT full or part time\\?"
    assert re.search(rf"<legend[^>]*>\s*<h1[^>]*>\s*{question}", html)
    assert "Full time" in html
    assert "Part time" in html
    assert re.search(r'value="full_time"\s+checked', html)
    assert title(html) == "Change working pattern - Register early career teachers - GOV.UK"


def test_changing_the_working_pattern(school_client, ect):
    response = school_client.post(change_url(ect, "change-working-pattern"), {"working_pattern": "part_time"})

    assert response.status_code == 302
    assert reloaded(ect).working_pattern == "part_time"
    [event] = events(ect)
    assert "part_time" in str(event.changes) or "Part time" in str(event.changes)
    html = school_client.get(response.url).content.decode()
    assert banner(html) == "Ada Lovelace’s working pattern has been changed"


# Every page ----------------------------------------------------------------------------------------------------------

LONG = "a" * 101
EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"
WORKING_PATTERN = "Select if the ECT’s working pattern is full or part time"
ERRORS = [
    ("change-name", {"first_name": "", "last_name": "Byron"}, "Enter a first name"),
    ("change-name", {"first_name": "Ada", "last_name": "   "}, "Enter a last name"),
    ("change-name", {}, "Enter a first name"),
    ("change-name", {"first_name": LONG, "last_name": "Byron"}, "First name must be 100 characters or less"),
    ("change-name", {"first_name": "Ada", "last_name": "x" * 10_000}, "Last name must be 100 characters or less"),
    ("change-name", {"first_name": "A\x00da", "last_name": "Byron"}, "First name must not include hidden characters"),
    ("change-name", {"first_name": "Ada", "last_name": "\x00"}, "Last name must not include hidden characters"),
    ("change-email-address", {"email": ""}, "Enter an email address"),
    ("change-email-address", {"email": "  "}, "Enter an email address"),
    ("change-email-address", {}, "Enter an email address"),
    ("change-email-address", {"email": "ada"}, "Enter an email address in the correct format, like name@example.com"),
    (
        "change-email-address",
        {"email": "ada@exam ple.com"},
        EMAIL_FORMAT,
    ),
    (
        "change-email-address",
        {"email": "ad\x00a@example.com"},
        EMAIL_FORMAT,
    ),
    (
        "change-email-address",
        {"email": "ädä@例え.テスト\x00"},
        EMAIL_FORMAT,
    ),
    ("change-email-address", {"email": "a" * 250 + "@example.com"}, "Email address must be 254 characters or less"),
    ("change-email-address", {"email": "a" * 10_000}, EMAIL_FORMAT),
    ("change-working-pattern", {}, WORKING_PATTERN),
    ("change-working-pattern", {"working_pattern": "weekends"}, WORKING_PATTERN),
    ("change-working-pattern", {"working_pattern": "\x00"}, WORKING_PATTERN),
]


@pytest.mark.parametrize(("page", "data", "message"), ERRORS)
def test_each_error_is_shown_and_nothing_changes(school_client, ect, page, data, message):
    response = school_client.post(change_url(ect, page), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert title(html).startswith("Error: ")
    assert "There is a problem" in html
    inline = rf'class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:</span> {message}'
    assert re.search(inline, html)
    after = reloaded(ect)
    assert (after.email, after.working_pattern, after.teacher.corrected_name) == ("ada@example.com", "full_time", "")
    assert events(ect) == []


@pytest.mark.parametrize("page", PAGES)
def test_the_title_never_names_the_ect(school_client, ect, page):
    for response in [school_client.get(change_url(ect, page)), school_client.post(change_url(ect, page), {})]:
        html = response.content.decode()
        assert "Ada" not in title(html)
        assert "Lovelace" not in title(html)


@pytest.mark.parametrize("page", PAGES)
def test_getting_a_page_changes_nothing(school_client, ect, page):
    response = school_client.get(change_url(ect, page), VALID[page])

    assert response.status_code == 200
    after = reloaded(ect)
    assert (after.email, after.working_pattern, after.teacher.corrected_name) == ("ada@example.com", "full_time", "")
    assert events(ect) == []


@pytest.mark.parametrize(
    ("page", "unchanged"),
    [
        ("change-name", {"first_name": "Ada", "last_name": "Lovelace"}),
        ("change-email-address", {"email": "ada@example.com"}),
        ("change-working-pattern", {"working_pattern": "full_time"}),
    ],
)
def test_saving_without_a_change_writes_nothing_and_announces_nothing(school_client, ect, page, unchanged):
    response = school_client.post(change_url(ect, page), unchanged)

    assert response.status_code == 302
    assert events(ect) == []
    assert reloaded(ect).teacher.corrected_name == ""
    assert banner(school_client.get(response.url).content.decode()) is None


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_schools_ect_is_not_found(school_client, page, method):
    other = ECTAtSchoolPeriodFactory(school=SchoolFactory(), email="other@example.com")

    response = getattr(school_client, method)(change_url(other, page), VALID[page])

    assert response.status_code == 404
    assert reloaded(other).email == "other@example.com"
    assert events(other) == []


@pytest.mark.parametrize("page", PAGES)
def test_a_post_without_the_csrf_token_is_refused(school_user, school, ect, page):
    from tests.conftest import sign_in

    client = sign_in(Client(enforce_csrf_checks=True), school_user, school)

    assert client.post(change_url(ect, page), VALID[page]).status_code == 403
    assert events(ect) == []


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_users_are_sent_to_sign_in(client, ect, page):
    response = client.post(change_url(ect, page), VALID[page])

    assert response.status_code == 302
    assert events(ect) == []


@pytest.mark.parametrize("page", PAGES)
def test_each_page_runs_a_small_constant_number_of_queries(school_client, school, page, templates_run_no_queries):
    counts = []
    for trn in ["3456789", "4567890"]:
        period = ECTAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trn=trn))
        with CaptureQueriesContext(connection) as get:
            assert school_client.get(change_url(period, page)).status_code == 200
        with CaptureQueriesContext(connection) as invalid:
            assert school_client.post(change_url(period, page), {}).status_code == 200
        data = {"email": f"new.{trn}@example.com"} if page == "change-email-address" else VALID[page]
        with CaptureQueriesContext(connection) as valid:
            assert school_client.post(change_url(period, page), data).status_code == 302
        with CaptureQueriesContext(connection) as record:
            html = school_client.get(record_url(period)).content.decode()
        assert banner(html)
        counts.append((len(get), len(invalid), len(valid), len(record)))

    assert counts[0] == counts[1]
    get, invalid, valid, record = counts[0]
    # Each includes 3 for the session (read, and the idle-timeout save in a savepoint).
    assert get <= 7
    assert invalid <= 9
    assert valid <= 16
    assert record <= 10
