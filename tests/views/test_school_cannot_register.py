"""A school GIAS says is closed, not open yet or not eligible: its users see why, on a GOV.UK page, instead of
the service's pages and journeys (schools/access.py, schools/gias/)."""

import pytest

from schools.models import School
from tests.conftest import sign_in
from tests.factories import SchoolFactory, SchoolUserFactory
from tests.views.journey_client import h1, html, text, title

SCHOOL_PAGES = ["/school/", "/school/home/ects", "/school/register-ect/", "/school/register-ect/new/what-you-will-need"]


def client_for(client, school, *other_schools):
    return sign_in(client, SchoolUserFactory(schools=[school, *other_schools]), school)


@pytest.mark.parametrize("path", SCHOOL_PAGES)
def test_a_closed_schools_user_sees_that_it_is_closed_instead_of_the_page(client, db, path, templates_run_no_queries):
    school = SchoolFactory(name="Hillside Community School", urn=990003, status=School.Status.CLOSED)

    response = client_for(client, school).get(path)

    assert response.status_code == 403
    assert h1(response) == "This school is closed"
    assert title(response).startswith("This school is closed")
    assert "Hillside Community School (URN 990003) is closed." in text(response)
    assert "You cannot register early career teachers or mentors for this school." in text(response)
    assert "Sign in for a different school" not in text(response)


def test_a_closed_school_cannot_start_a_journey_by_post(client, db):
    school = SchoolFactory(status=School.Status.CLOSED)

    response = client_for(client, school).post("/school/register-ect/new/what-you-will-need")

    assert response.status_code == 403
    assert h1(response) == "This school is closed"


def test_a_school_not_open_yet(client, db):
    school = SchoolFactory(status=School.Status.PROPOSED_TO_OPEN)

    response = client_for(client, school).get("/school/home/ects")

    assert response.status_code == 403
    assert h1(response) == "This school is not open yet"


def test_an_ineligible_school(client, db):
    school = SchoolFactory(name="Lakeside Secure Unit", eligible=False)

    response = client_for(client, school).get("/school/home/ects")

    assert response.status_code == 403
    assert h1(response) == "This school cannot register early career teachers"
    assert "is not a type of school that registers early career teachers" in text(response)


def test_a_user_of_another_school_can_switch_to_it(client, db):
    closed = SchoolFactory(status=School.Status.CLOSED)
    open_school = SchoolFactory()

    response = client_for(client, closed, open_school).get("/school/home/ects")

    assert 'href="/school/choose"' in html(response)


@pytest.mark.parametrize("status", [School.Status.OPEN, School.Status.PROPOSED_TO_CLOSE])
def test_an_open_school_uses_the_service(client, db, status):
    school = SchoolFactory(status=status)

    assert client_for(client, school).get("/school/home/ects").status_code == 200
