"""A school user registering an ECT through the test client (docs/journeys/register-an-ect.md), and walks to a step."""

import datetime

from tests.views.journey_client import DOB, JourneyClient

START = "/school/register-ect/"
TODAY = datetime.date.today()


class Journey(JourneyClient):
    """A school user registering an ECT in one browser tab."""

    def __init__(self, client):
        super().__init__(client, START)


def date_parts(day: datetime.date, name="started_on") -> dict:
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


def walk_to_email(journey, trn="1234567", *, dob=DOB):
    assert journey.step_after("what-you-will-need") == "find-ect"
    assert journey.step_after("find-ect", {"trn": trn, **dob}) == "review-ect-details"
    return journey.step_after("review-ect-details", {"details_correct": "yes"})


def walk_to_check_answers(journey, setting, *, programme="provider_led", trn="1234567", email="ect@example.com"):
    assert walk_to_email(journey, trn) == "email-address"
    assert journey.step_after("email-address", {"email": email}) == "start-date"
    assert journey.step_after("start-date", date_parts(TODAY)) == "working-pattern"
    assert journey.step_after("working-pattern", {"working_pattern": "full_time"}) == "appropriate-body"
    assert journey.step_after("appropriate-body", {"appropriate_body": setting["hub"].pk}) == "training-programme"
    following = journey.step_after("training-programme", {"training_programme": programme})
    if programme == "provider_led":
        assert following == "lead-provider"
        following = journey.step_after("lead-provider", {"lead_provider": setting["ambition"].pk})
    assert following == "check-answers"
