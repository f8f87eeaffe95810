"""Confirmation pages say what the journey's service reported when it completed (JourneyCompletion.outcome), not
what they could guess from the records afterwards."""

import uuid

import pytest

from ecf.models import JourneyCompletion
from tests.factories import ECTAtSchoolPeriodFactory, MentorshipPeriodFactory


@pytest.fixture
def mentorship(school):
    """A mentorship made long ago: nothing in the data says it was made by the journey being confirmed."""
    return MentorshipPeriodFactory(mentee=ECTAtSchoolPeriodFactory(school=school))


def confirmation(client, journey_name: str, record_id: int, outcome: dict) -> str:
    completion = JourneyCompletion.objects.create(
        journey_id=uuid.uuid4(), journey_name=journey_name, record_id=record_id, outcome=outcome
    )
    response = client.get(f"/school/{journey_name}/{completion.journey_id}/confirmation")
    assert response.status_code == 200
    return response.content.decode()


def test_registering_a_new_mentor_confirms_the_email_and_the_mentor_training_it_started(school_client, mentorship):
    mentor = mentorship.mentor.teacher.full_name
    outcome = {"newly_registered": True, "ect_provider_led": True, "mentor_training_lead_provider": "Teach First"}

    html = confirmation(school_client, "register-mentor", mentorship.pk, outcome)

    assert f"We’ll email {mentor} to confirm that you’ve registered them as a mentor." in html
    assert "We’ll pass on their details to Teach First who will contact them to arrange mentor training." in html


def test_assigning_the_schools_existing_mentor_promises_no_email(school_client, mentorship):
    outcome = {"newly_registered": False, "ect_provider_led": True, "mentor_training_lead_provider": ""}

    html = confirmation(school_client, "register-mentor", mentorship.pk, outcome)

    assert "to confirm that you’ve registered them as a mentor" not in html
    assert "arrange mentor training" not in html
    assert "They cannot do mentor training according to our records." not in html


def test_a_new_mentor_of_a_provider_led_ect_without_training_is_told_why(school_client, mentorship):
    outcome = {"newly_registered": True, "ect_provider_led": True, "mentor_training_lead_provider": ""}

    html = confirmation(school_client, "register-mentor", mentorship.pk, outcome)

    assert "They cannot do mentor training according to our records." in html


@pytest.mark.parametrize("journey_name", ["assign-mentor", "assign-ect"])
def test_assigning_a_mentor_confirms_what_the_assignment_did(school_client, mentorship, journey_name):
    mentor, ect = mentorship.mentor.teacher.full_name, mentorship.mentee.teacher.full_name

    did = confirmation(
        school_client,
        journey_name,
        mentorship.pk,
        {"mentor_training_lead_provider": "Ambition Institute", "had_a_mentor_before": True},
    )
    did_not = confirmation(
        school_client, journey_name, mentorship.pk, {"mentor_training_lead_provider": "", "had_a_mentor_before": False}
    )

    assert "We’ll pass on their details to Ambition Institute" in did
    assert f"{mentor} is now responsible for mentoring {ect}." in did
    assert "What happens next" not in did_not
