"""What every journey does, shown with register-an-ECT: the parts that are not routing."""

import uuid

from ecf.models import JourneyCompletion
from tests.factories import ECTAtSchoolPeriodFactory


def start(client) -> str:
    response = client.get("/school/register-ect/")
    assert response.status_code == 302
    return response["Location"]


def journey_id_of(step_url: str) -> uuid.UUID:
    return uuid.UUID(step_url.split("/")[3])


def test_a_submit_after_another_request_completed_the_journey_shows_its_confirmation(school_client, school):
    step_url = start(school_client)
    # As if a second tab or a double click completed this journey after this request's session was read.
    ect = ECTAtSchoolPeriodFactory(school=school)
    JourneyCompletion.objects.create(journey_id=journey_id_of(step_url), journey_name="register-ect", record_id=ect.pk)

    response = school_client.post(step_url, {})

    assert response.status_code == 302
    assert response["Location"].endswith("/confirmation")


def test_an_unknown_journey_id_asks_to_start_again(school_client):
    response = school_client.get(f"/school/register-ect/{uuid.uuid4()}/find-ect")

    assert response.status_code == 404
    html = response.content.decode()
    assert "This page has expired" in html
    assert 'href="/school/register-ect/"' in html
