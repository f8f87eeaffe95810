"""Assign a mentor to an ECT (docs/journeys/mentors.md): changing a mentor, double submit, tenancy and queries."""

import datetime

import pytest
from django.urls import reverse

from ecf.events import Author
from ecf.models import TrainingPeriod
from mentors.models import MentorshipPeriod
from mentors.services import assign_mentor
from mentors.services.leaving import remove_mentor
from tests.factories import ActiveLeadProviderFactory, MentorshipPeriodFactory, SchoolFactory
from tests.views.assign_mentor.steps import LAST_YEAR, TODAY, Journey, a_mentor, an_ect, count_queries
from tests.views.journey_client import h1, html, radio_labels, text, title

# Changing an ECT's mentor -------------------------------------------------------------------------------------


def test_changing_a_mentor_offers_the_others_and_makes_the_new_one_responsible(school_client, school, setting):
    ect = an_ect(school, setting, programme="school_led")
    current = a_mentor(school, "Carl", "Brown")
    MentorshipPeriodFactory(mentee=ect, mentor=current, started_on=LAST_YEAR)
    new = a_mentor(school, "Ada", "Jones")
    journey = Journey(school_client, ect)

    page = journey.get("who-will-mentor")
    assert h1(page) == "Who will mentor Kate Lewis?"
    assert radio_labels(page) == ["Ada Jones", "Register a new mentor"]

    response = journey.post("who-will-mentor", {"mentor": new.pk})

    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.get(mentee=ect, mentor=current).finished_on == TODAY - datetime.timedelta(days=1)
    assert MentorshipPeriod.objects.get(mentee=ect, mentor=new).finished_on is None
    confirmation = school_client.get(journey.confirmation_url)
    assert "What happens next" in text(confirmation)
    assert "Ada Jones is now responsible for mentoring Kate Lewis." in text(confirmation)


def test_replacing_a_mentor_before_the_mentoring_started_still_says_who_is_now_responsible(
    school_client, school, setting
):
    ect = an_ect(school, setting, programme="school_led", started_on=TODAY + datetime.timedelta(days=30))
    MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school, "Carl", "Brown"))
    new = a_mentor(school, "Ada", "Jones")
    journey = Journey(school_client, ect)

    journey.post("who-will-mentor", {"mentor": new.pk})

    assert MentorshipPeriod.objects.get(mentee=ect).mentor == new  # the one that never started is replaced
    assert "Ada Jones is now responsible for mentoring Kate Lewis." in text(school_client.get(journey.confirmation_url))


def test_a_mentor_assigned_by_someone_else_meanwhile_is_not_silently_replaced(school_client, school, setting):
    ect = an_ect(school, setting)
    mine, theirs = a_mentor(school, "Ada", "Jones"), a_mentor(school, "Ben", "Adams")
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mine.pk})
    assign_mentor(ect_period=ect, mentor_period=theirs, author=Author.system())

    response = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert "Kate Lewis has just been assigned a mentor by someone else." in html(response)
    assert MentorshipPeriod.objects.get(mentee=ect).mentor == theirs


def test_a_mentor_reported_as_no_longer_mentoring_in_another_tab_is_not_assigned(school_client, school, setting):
    ect = an_ect(school, setting, programme="school_led")
    ruth = a_mentor(school, "Ruth", "Patel")
    a_mentor(school, "Grace", "Hall")
    journey = Journey(school_client, ect)
    assert "Ruth Patel" in html(journey.get("who-will-mentor"))
    # Meanwhile, in another tab, the school reports that Ruth will no longer mentor from today.
    remove_mentor(
        mentor_period=ruth,
        leaving_on=datetime.date.today(),
        reason="no_longer_mentoring",
        author=Author.system(),
    )

    response = journey.post("who-will-mentor", {"mentor": ruth.pk})

    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert not MentorshipPeriod.objects.filter(mentee=ect).exists()
    assert "Ruth Patel" not in html(response)
    assert radio_labels(response) == ["Grace Hall", "Register a new mentor"]


# Double submit, tenancy, queries -----------------------------------------------------------------------------


def test_double_submit_creates_one_mentorship_and_both_reach_the_confirmation(school_client, school, setting):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mentor.pk})

    first = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})
    second = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert first.url == second.url == journey.confirmation_url
    assert MentorshipPeriod.objects.filter(mentee=ect).count() == 1
    assert TrainingPeriod.objects.filter(mentor_at_school_period=mentor).count() == 1
    assert school_client.get(second.url).status_code == 200


def test_another_schools_ect_is_not_found(school_client, setting):
    other = an_ect(SchoolFactory(), setting)

    response = school_client.get(reverse("mentors:assign-mentor-start", kwargs={"ect_id": other.pk}))

    assert response.status_code == 404


@pytest.mark.parametrize("step", ["who-will-mentor", "review-mentor-eligibility", "eligibility-lead-provider"])
def test_each_page_runs_the_same_few_queries_for_1_or_50_mentors(school_client, school, setting, step):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mentor.pk})
    journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "no"})

    one = count_queries(school_client, journey.url(step))
    for number in range(49):
        a_mentor(school, f"Mentor{number}", "Smith")
        ActiveLeadProviderFactory(contract_period=setting["ambition"].contract_period)
    fifty = count_queries(school_client, journey.url(step))

    assert one == fifty
    assert fifty <= 10 + 2  # + the session and the signed-in user


def test_the_confirmation_runs_few_queries(school_client, school, setting):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mentor.pk})
    journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert count_queries(school_client, journey.confirmation_url) <= 10 + 2


def test_templates_run_no_queries(school_client, school, setting, templates_run_no_queries):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)

    assert journey.get("who-will-mentor").status_code == 200
    assert journey.post("who-will-mentor").status_code == 200  # the error page
    journey.post("who-will-mentor", {"mentor": mentor.pk})
    assert journey.get("review-mentor-eligibility").status_code == 200
    journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "no"})
    assert journey.get("eligibility-lead-provider").status_code == 200
    assert journey.post("eligibility-lead-provider").status_code == 200  # the error page
    journey.post("eligibility-lead-provider", {"lead_provider": setting["ambition"].lead_provider.pk})
    assert school_client.get(journey.confirmation_url).status_code == 200
