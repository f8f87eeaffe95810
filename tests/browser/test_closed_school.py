"""An induction tutor of a school GIAS says is closed signs in and sees why they cannot register, then switches
to their other school. Every page is checked with axe-core by the `page` fixture (conftest.py)."""

from schools.models import School
from tests.browser.journeys import (
    ECTS_HEADING,
    choose_school,
    given_a_school,
    given_an_induction_tutor,
    sign_in_as,
    then_i_see_the_page,
)
from tests.factories import SchoolFactory


def test_a_closed_schools_tutor_sees_that_it_is_closed_and_can_switch_school(page):
    closed = SchoolFactory(name="Hillside Community School", status=School.Status.CLOSED)
    open_school = given_a_school("Ashdown Primary School")
    tutor = given_an_induction_tutor("Sam", "Tutor", closed, open_school)

    sign_in_as(page, tutor)
    choose_school(page, "Hillside Community School")

    then_i_see_the_page(page, "This school is closed")
    page.get_by_role("link", name="Sign in for a different school").click()
    choose_school(page, "Ashdown Primary School")
    then_i_see_the_page(page, ECTS_HEADING)
