"""The mentor record's Change pages (docs/journeys/mentors.md, "The mentor record"): name, email address, the
teaching details through the register-a-mentor journey's questions, and the additional details."""

import re

import pytest

from ecf.models import Event
from mentors.models import MentorAtSchoolPeriod
from schools.models import School
from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    SchoolFactory,
    TeacherFactory,
)


def record_url(period):
    return f"/school/mentors/{period.pk}"


def change_url(period, page):
    return f"{record_url(period)}/{page}"


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def h1(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def banner(html: str) -> str | None:
    match = re.search(r'govuk-notification-banner__heading">(.*?)</h3>', html, re.S)
    return match.group(1).strip() if match else None


def options(html: str, name: str) -> list[str]:
    return re.findall(
        rf'<input class="govuk-radios__input" id="[^"]*" name="{name}" type="radio" value="([^"]*)"', html
    )


def checked(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" type="radio" value="([^"]*)" checked', html)


def error_messages(html: str) -> list[str]:
    return [
        " ".join(re.sub(r"<[^>]+>", " ", message).replace("Error:", "").split())
        for message in re.findall(r'<p id="[^"]*-error" class="govuk-error-message">(.*?)</p>', html, re.S)
    ]


@pytest.fixture
def mentor(school):
    teacher = TeacherFactory(trn="3456789", trs_first_name="Grace", trs_last_name="Hopper")
    return MentorAtSchoolPeriodFactory(
        school=school,
        teacher=teacher,
        email="grace@example.com",
        subject="Primary with mathematics",
        age_range="5 to 11",
        key_stage="Key stage 1",
    )


@pytest.fixture
def secondary_mentor(school):
    school.phase = School.Phase.SECONDARY
    school.save()
    teacher = TeacherFactory(trs_first_name="Alan", trs_last_name="Turing")
    return MentorAtSchoolPeriodFactory(
        school=school,
        teacher=teacher,
        subject="Mathematics",
        age_range="7 to 14 - middle years",
        key_stage="Key stage 2",
    )


def reloaded(period) -> MentorAtSchoolPeriod:
    return MentorAtSchoolPeriod.objects.select_related("teacher").get(pk=period.pk)


def events(period):
    return list(Event.objects.filter(mentor_at_school_period=period))


def post_and_follow(client, period, page, data) -> str:
    response = client.post(change_url(period, page), data)
    assert response.status_code == 302, response.content.decode()
    assert response.url == record_url(period)
    return client.get(response.url).content.decode()


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


# Teaching details ----------------------------------------------------------------------------------------------------


def test_the_subject_page_offers_the_schools_phase_with_the_current_answer_chosen(school_client, mentor):
    html = school_client.get(change_url(mentor, "change-subject")).content.decode()

    assert h1(html) == "What subject does Grace Hopper teach?"
    assert title(html) == "Change subject - Register early career teachers - GOV.UK"
    assert options(html, "subject")[0] == "Primary"
    assert len(options(html, "subject")) == 7
    assert checked(html, "subject") == ["Primary with mathematics"]
    assert f'href="{record_url(mentor)}" class="govuk-back-link"' in html


def test_changing_the_subject(school_client, mentor):
    html = post_and_follow(school_client, mentor, "change-subject", {"subject": "Primary with science"})

    assert reloaded(mentor).subject == "Primary with science"
    assert len(events(mentor)) == 1
    assert banner(html) == "Grace Hopper’s subject has been changed"


@pytest.mark.parametrize(("subject", "message"), [("", "Select a subject"), ("Physics", "Select a subject")])
def test_a_subject_must_be_one_of_the_phases(school_client, mentor, subject, message):
    response = school_client.post(change_url(mentor, "change-subject"), {"subject": subject})

    assert response.status_code == 200
    assert error_messages(response.content.decode()) == [message]
    assert reloaded(mentor).subject == "Primary with mathematics"


def test_a_secondary_school_is_offered_the_secondary_subjects(school_client, secondary_mentor):
    html = school_client.get(change_url(secondary_mentor, "change-subject")).content.decode()

    assert len(options(html, "subject")) == 36
    assert checked(html, "subject") == ["Mathematics"]


def test_changing_the_age_range(school_client, mentor):
    html = school_client.get(change_url(mentor, "change-age-range")).content.decode()
    assert h1(html) == "What age range does Grace Hopper teach?"
    assert options(html, "age_range") == ["3 to 7", "5 to 11", "7 to 11", "7 to 14 - middle years"]
    assert checked(html, "age_range") == ["5 to 11"]

    html = post_and_follow(school_client, mentor, "change-age-range", {"age_range": "7 to 11"})

    assert reloaded(mentor).age_range == "7 to 11"
    assert banner(html) == "Grace Hopper’s age range has been changed"


def test_an_age_range_is_required(school_client, mentor):
    response = school_client.post(change_url(mentor, "change-age-range"), {})

    assert error_messages(response.content.decode()) == ["Select an age range"]


def test_changing_the_key_stage(school_client, mentor):
    html = school_client.get(change_url(mentor, "change-key-stage")).content.decode()
    assert h1(html) == "What key stage does Grace Hopper teach?"
    assert options(html, "key_stage") == ["Early years", "Key stage 1", "Key stage 2"]
    assert checked(html, "key_stage") == ["Key stage 1"]

    html = post_and_follow(school_client, mentor, "change-key-stage", {"key_stage": "Key stage 2"})

    assert reloaded(mentor).key_stage == "Key stage 2"
    assert banner(html) == "Grace Hopper’s key stage has been changed"


def test_a_key_stage_is_required(school_client, mentor):
    response = school_client.post(change_url(mentor, "change-key-stage"), {"key_stage": "Key stage 5"})

    assert error_messages(response.content.decode()) == ["Select a key stage"]
    assert reloaded(mentor).key_stage == "Key stage 1"


def test_key_stage_2_is_offered_to_a_secondary_mentor_of_middle_years(school_client, secondary_mentor):
    html = school_client.get(change_url(secondary_mentor, "change-key-stage")).content.decode()

    assert options(html, "key_stage") == ["Key stage 2", "Key stage 3", "Key stage 4", "Key stage 5"]


def test_leaving_middle_years_with_key_stage_2_asks_the_key_stage_again_and_saves_both_together(
    school_client, secondary_mentor
):
    response = school_client.post(change_url(secondary_mentor, "change-age-range"), {"age_range": "11 to 16"})

    # Nothing is saved yet: the record never holds a key stage its age range does not offer.
    assert response.status_code == 302
    assert response.url == change_url(secondary_mentor, "change-key-stage") + "?age_range=11+to+16"
    assert reloaded(secondary_mentor).age_range == "7 to 14 - middle years"
    html = school_client.get(response.url).content.decode()
    assert options(html, "key_stage") == ["Key stage 3", "Key stage 4", "Key stage 5"]
    assert checked(html, "key_stage") == []
    assert f'href="{change_url(secondary_mentor, "change-age-range")}" class="govuk-back-link"' in html

    refused = school_client.post(response.url, {"key_stage": "Key stage 2"})
    assert error_messages(refused.content.decode()) == ["Select a key stage"]

    following = school_client.post(response.url, {"key_stage": "Key stage 4"})
    assert following.url == record_url(secondary_mentor)
    saved = reloaded(secondary_mentor)
    assert (saved.age_range, saved.key_stage) == ("11 to 16", "Key stage 4")
    [event] = events(secondary_mentor)
    assert set(event.changes) == {"age_range", "key_stage"}
    assert banner(school_client.get(following.url).content.decode()) == (
        "Alan Turing’s age range and key stage have been changed"
    )


def test_a_key_stage_its_age_range_does_not_offer_is_asked_again_even_when_the_age_range_stays(
    school_client, secondary_mentor
):
    secondary_mentor.age_range = "11 to 16"  # Key stage 2 outside middle years: data from before the rule
    secondary_mentor.save()

    response = school_client.post(change_url(secondary_mentor, "change-age-range"), {"age_range": "11 to 16"})
    assert response.url == change_url(secondary_mentor, "change-key-stage") + "?age_range=11+to+16"
    following = school_client.post(response.url, {"key_stage": "Key stage 3"})

    assert reloaded(secondary_mentor).key_stage == "Key stage 3"
    assert banner(school_client.get(following.url).content.decode()) == "Alan Turing’s key stage has been changed"


def test_an_age_range_that_keeps_the_key_stage_is_saved_at_once(school_client, secondary_mentor):
    secondary_mentor.key_stage = "Key stage 3"
    secondary_mentor.save()

    post_and_follow(school_client, secondary_mentor, "change-age-range", {"age_range": "11 to 18"})

    assert reloaded(secondary_mentor).age_range == "11 to 18"


def test_an_age_range_in_the_address_that_the_phase_does_not_offer_goes_back_to_the_age_range(
    school_client, secondary_mentor
):
    response = school_client.get(change_url(secondary_mentor, "change-key-stage") + "?age_range=3+to+7")

    assert response.status_code == 302
    assert response.url == change_url(secondary_mentor, "change-age-range")


def test_a_school_of_neither_phase_uses_the_phase_of_the_mentors_subject(school_client, school, mentor):
    school.phase = School.Phase.ALL_THROUGH
    school.save()

    html = school_client.get(change_url(mentor, "change-age-range")).content.decode()

    assert options(html, "age_range") == ["3 to 7", "5 to 11", "7 to 11", "7 to 14 - middle years"]


def test_a_school_of_neither_phase_asks_the_phase_first_when_the_subject_does_not_tell(school_client, school, mentor):
    school.phase = School.Phase.ALL_THROUGH
    school.save()
    mentor.subject = ""
    mentor.save()

    response = school_client.get(change_url(mentor, "change-subject"))
    assert response.url == change_url(mentor, "change-phase")
    html = school_client.get(response.url).content.decode()
    assert h1(html) == "Which phase does Grace Hopper teach?"
    assert error_messages(school_client.post(response.url, {}).content.decode()) == ["Select a phase"]

    response = school_client.post(response.url, {"phase": "secondary"})
    assert response.url == change_url(mentor, "change-subject") + "?phase=secondary"
    html = school_client.get(response.url).content.decode()
    assert len(options(html, "subject")) == 36
    assert f'href="{change_url(mentor, "change-phase")}" class="govuk-back-link"' in html

    assert school_client.post(response.url, {"subject": "Physics"}).url == record_url(mentor)
    assert reloaded(mentor).subject == "Physics"


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
