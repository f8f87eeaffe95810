"""Assign an ECT to a mentor, from the mentor record (docs/journeys/mentors.md): the ordering and hints, the error,
the mentor training step when it applies, the shared confirmation, double submit, tenancy and queries."""

import re

import pytest
from django.urls import reverse

from ecf.models import TrainingPeriod
from mentors.models import MentorshipPeriod
from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TrainingPeriodFactory,
)
from tests.views.assign_mentor.steps import LAST_YEAR, a_mentor, an_ect, count_queries, make_setting, teacher
from tests.views.journey_client import JourneyClient, back_link, h1, html, text, title


class Journey(JourneyClient):
    """A school user assigning an ECT to one mentor, in one browser tab."""

    def __init__(self, client, mentor):
        super().__init__(client, reverse("mentors:assign-ect-start", kwargs={"mentor_id": mentor.pk}))


@pytest.fixture
def setting(db):
    return make_setting()


def options(response) -> list[tuple[str, str]]:
    """Each radio's label and hint, in order."""
    items = []
    for item in html(response).split('<div class="govuk-radios__item">')[1:]:
        label = text_of(item, r'<label class="govuk-label govuk-radios__label"[^>]*>(.*?)</label>')
        hint = text_of(item, r'<div[^>]*class="govuk-hint govuk-radios__hint"[^>]*>(.*?)</div>')
        items.append((label, hint))
    return items


def text_of(fragment, pattern) -> str:
    match = re.search(pattern, fragment, re.S)
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else ""


def test_ects_without_a_mentor_come_first_then_by_name_each_with_a_hint(school_client, school, setting):
    mentor = a_mentor(school, "Ada", "Jones")
    other_mentor = a_mentor(school, "Carl", "Brown")
    for first, last in (("Zoe", "Adams"), ("Bea", "Young")):
        MentorshipPeriodFactory(mentee=an_ect(school, setting, name=(first, last)), mentor=other_mentor)
    an_ect(school, setting, name=("Tom", "Wilson"))
    an_ect(school, setting, name=("Amy", "Clark"))
    MentorshipPeriodFactory(mentee=an_ect(school, setting, name=("Already", "Mine")), mentor=mentor)
    journey = Journey(school_client, mentor)

    response = journey.get("who-to-assign")

    assert h1(response) == "Who would you like to assign to Ada Jones?"
    assert options(response) == [
        ("Amy Clark", "Not currently being mentored"),
        ("Tom Wilson", "Not currently being mentored"),
        ("Bea Young", "Currently mentored by Carl Brown"),
        ("Zoe Adams", "Currently mentored by Carl Brown"),
    ]
    assert title(response) == "Who would you like to assign to this mentor? - Register early career teachers - GOV.UK"
    assert back_link(response) == reverse("mentors:record", args=[mentor.pk])


def test_the_mentor_is_never_offered_as_their_own_ect(school_client, school, setting):
    mentor = a_mentor(school, "Ada", "Jones")
    ECTAtSchoolPeriodFactory(school=school, teacher=mentor.teacher)
    an_ect(school, setting, name=("Amy", "Clark"))

    response = Journey(school_client, mentor).get("who-to-assign")

    assert [label for label, _ in options(response)] == ["Amy Clark"]


def test_no_choice_is_an_error_naming_the_mentor(school_client, school, setting):
    mentor = a_mentor(school, "Ada", "Jones")
    an_ect(school, setting)

    response = Journey(school_client, mentor).post("who-to-assign")

    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert html(response).count("Select the ECT you want to assign to Ada Jones") == 2


def test_an_ect_of_another_school_is_an_error(school_client, school, setting):
    mentor = a_mentor(school, "Ada", "Jones")
    an_ect(school, setting)
    elsewhere = an_ect(SchoolFactory(), setting, name=("Zed", "Other"))

    response = Journey(school_client, mentor).post("who-to-assign", {"ect": elsewhere.pk})

    assert "Select the ECT you want to assign to Ada Jones" in html(response)
    assert not MentorshipPeriod.objects.exists()


def test_provider_led_ect_asks_about_mentor_training_then_confirms(school_client, school, setting):
    mentor = a_mentor(school, "Ada", "Jones")
    ect = an_ect(school, setting)
    journey = Journey(school_client, mentor)

    response = journey.post("who-to-assign", {"ect": ect.pk})
    assert response.url == journey.url("review-mentor-eligibility")
    page = journey.get("review-mentor-eligibility")
    assert h1(page) == "Ada Jones can receive mentor training"
    assert "We’ll pass on their details to Ambition Institute" in text(page)
    response = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.filter(mentee=ect, mentor=mentor).exists()
    training = TrainingPeriod.objects.get(mentor_at_school_period=mentor)
    assert training.lead_provider == setting["ambition"].lead_provider
    page = text(school_client.get(journey.confirmation_url))
    assert "You’ve assigned Ada Jones as a mentor" in page
    assert "for Kate Lewis" in page
    assert "This completes Kate Lewis’s registration for ECT training at your school." in page
    assert "We’ll pass on their details to Ambition Institute who will contact them to arrange mentor training." in page


def test_school_led_ect_is_assigned_without_the_training_question(school_client, school, setting):
    mentor = a_mentor(school, "Ada", "Jones")
    ect = an_ect(school, setting, programme="school_led")
    journey = Journey(school_client, mentor)

    response = journey.post("who-to-assign", {"ect": ect.pk})

    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.filter(mentee=ect, mentor=mentor).exists()
    assert not TrainingPeriod.objects.filter(mentor_at_school_period=mentor).exists()


def test_taking_over_an_ect_makes_this_mentor_responsible(school_client, school, setting):
    mentor = a_mentor(school, "Ada", "Jones")
    ect = an_ect(school, setting, programme="school_led")
    MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school, "Carl", "Brown"), started_on=LAST_YEAR)
    journey = Journey(school_client, mentor)

    journey.post("who-to-assign", {"ect": ect.pk})

    page = text(school_client.get(journey.confirmation_url))
    assert "Ada Jones is now responsible for mentoring Kate Lewis." in page
    assert MentorshipPeriod.objects.get(mentee=ect, finished_on__isnull=True).mentor == mentor


def test_a_mentor_with_mentor_training_already_skips_the_question(school_client, school, setting):
    mentor = a_mentor(school, "Ada", "Jones")
    TrainingPeriodFactory(
        ect_at_school_period=None,
        mentor_at_school_period=mentor,
        school_partnership=None,
        expression_of_interest=setting["ambition"],
    )
    ect = an_ect(school, setting)
    journey = Journey(school_client, mentor)

    response = journey.post("who-to-assign", {"ect": ect.pk})

    assert response.url == journey.confirmation_url
    assert TrainingPeriod.objects.filter(mentor_at_school_period=mentor).count() == 1


def test_double_submit_creates_one_mentorship_and_both_reach_the_confirmation(school_client, school, setting):
    mentor = a_mentor(school, "Ada", "Jones")
    ect = an_ect(school, setting, programme="school_led")
    journey = Journey(school_client, mentor)

    first = journey.post("who-to-assign", {"ect": ect.pk})
    second = journey.post("who-to-assign", {"ect": ect.pk})

    assert first.url == second.url == journey.confirmation_url
    assert MentorshipPeriod.objects.filter(mentee=ect).count() == 1
    assert school_client.get(second.url).status_code == 200


def test_another_schools_mentor_is_not_found(school_client, setting):
    other = MentorAtSchoolPeriodFactory(school=SchoolFactory())

    response = school_client.get(reverse("mentors:assign-ect-start", kwargs={"mentor_id": other.pk}))

    assert response.status_code == 404


def test_the_page_runs_the_same_few_queries_for_1_or_50_ects(school_client, school, setting):
    mentor = a_mentor(school, "Ada", "Jones")
    other_mentor = a_mentor(school, "Carl", "Brown")
    an_ect(school, setting)
    journey = Journey(school_client, mentor)

    one = count_queries(school_client, journey.url("who-to-assign"))
    for number in range(49):
        ect = ECTAtSchoolPeriodFactory(school=school, teacher=teacher(f"Ect{number}", "Smith"))
        if number % 2:
            MentorshipPeriodFactory(mentee=ect, mentor=other_mentor)
    fifty = count_queries(school_client, journey.url("who-to-assign"))

    assert one == fifty
    assert fifty <= 10 + 2  # + the session and the signed-in user


def test_templates_run_no_queries(school_client, school, setting, templates_run_no_queries):
    mentor = a_mentor(school, "Ada", "Jones")
    ect = an_ect(school, setting)
    journey = Journey(school_client, mentor)

    assert journey.get("who-to-assign").status_code == 200
    assert journey.post("who-to-assign").status_code == 200  # the error page
    journey.post("who-to-assign", {"ect": ect.pk})
    assert journey.get("review-mentor-eligibility").status_code == 200
    journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "no"})
    assert journey.get("eligibility-lead-provider").status_code == 200
    journey.post("eligibility-lead-provider", {"lead_provider": setting["teach_first"].lead_provider.pk})
    assert school_client.get(journey.confirmation_url).status_code == 200
