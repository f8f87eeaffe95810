"""Persona sign-in, choosing a school, signing out and the idle timeout."""

import time

import pytest
from django.test import override_settings

from ecf.models import Event
from schools.middleware import CURRENT_SCHOOL_SESSION_KEY
from schools.models import DfESignInAccount
from tests.factories import SchoolFactory, SchoolUserFactory, UserFactory


@pytest.fixture
def persona(school):
    return SchoolUserFactory(schools=[school], first_name="Pat", last_name="Persona")


def test_the_sign_in_page_lists_each_persona_with_a_button(client, persona):
    html = client.get("/sign-in").content.decode()

    assert "Sign in as Pat Persona" in html
    assert "Ashdown Primary School" in html


def test_users_without_a_school_are_not_personas(client, persona):
    UserFactory(first_name="Not", last_name="Aschooluser")

    assert "Aschooluser" not in client.get("/sign-in").content.decode()


def test_signing_in_as_a_persona_with_one_school_opens_the_ects_list(client, persona, school):
    client.get("/sign-in")
    session_before = client.session.session_key

    response = client.post(f"/sign-in/persona/{persona.pk}", follow=True)

    assert response.redirect_chain[-1][0] == "/school/home/ects"
    assert "Early career teachers (ECT)" in response.content.decode()
    assert client.session.session_key != session_before
    assert client.session[CURRENT_SCHOOL_SESSION_KEY] == school.pk


def test_a_persona_with_several_schools_chooses_one(client, school):
    other = SchoolFactory(name="Brook Secondary School")
    user = SchoolUserFactory(schools=[school, other])

    response = client.post(f"/sign-in/persona/{user.pk}", follow=True)
    assert "Which school are you signing in for?" in response.content.decode()

    response = client.post("/school/choose", {"school": other.pk}, follow=True)

    assert "Brook Secondary School" in response.content.decode()
    assert client.session[CURRENT_SCHOOL_SESSION_KEY] == other.pk


def test_a_user_of_several_schools_can_change_school_from_any_page(client, school):
    other = SchoolFactory(name="Brook Secondary School")
    user = SchoolUserFactory(schools=[school, other])
    client.post(f"/sign-in/persona/{user.pk}", follow=True)
    client.post("/school/choose", {"school": school.pk})

    ects = client.get("/school/home/ects").content.decode()
    assert '<a class="govuk-service-navigation__link" href="/school/choose">Change school</a>' in ects

    response = client.post("/school/choose", {"school": other.pk}, follow=True)
    assert "Brook Secondary School" in response.content.decode()
    assert client.session[CURRENT_SCHOOL_SESSION_KEY] == other.pk


def test_a_user_of_one_school_is_not_offered_to_change_school(client, persona):
    client.post(f"/sign-in/persona/{persona.pk}", follow=True)

    assert "Change school" not in client.get("/school/home/ects").content.decode()


def test_choosing_no_school_shows_an_error(client, school):
    user = SchoolUserFactory(schools=[school, SchoolFactory()])
    client.force_login(user)

    html = client.post("/school/choose", {}).content.decode()

    assert "Select the school you are signing in for" in html
    assert "<title>Error: " in html


def test_a_user_cannot_choose_a_school_they_do_not_belong_to(client, school):
    user = SchoolUserFactory(schools=[school, SchoolFactory()])
    client.force_login(user)

    client.post("/school/choose", {"school": SchoolFactory().pk})

    assert CURRENT_SCHOOL_SESSION_KEY not in client.session


def test_signing_in_needs_a_post(client, persona):
    assert client.get(f"/sign-in/persona/{persona.pk}").status_code == 405


@override_settings(PERSONAS_ENABLED=False)
def test_persona_sign_in_is_impossible_when_turned_off(client, persona):
    assert client.get("/sign-in").status_code == 404
    assert client.post(f"/sign-in/persona/{persona.pk}").status_code == 404
    assert "_auth_user_id" not in client.session


def test_school_pages_need_a_signed_in_user(client):
    response = client.get("/school/home/ects")

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in")


def test_signing_out_ends_the_session(school_client):
    response = school_client.post("/sign-out", follow=True)

    assert "You have signed out" in response.content.decode()
    assert school_client.get("/school/home/ects").status_code == 302


def test_signing_out_by_get_is_refused(school_client):
    assert school_client.get("/sign-out").status_code == 405


def test_two_hours_without_a_request_signs_the_user_out(school_client, monkeypatch):
    assert school_client.get("/school/home/ects").status_code == 200
    two_hours_and_a_minute_later = time.time() + 2 * 60 * 60 + 60
    monkeypatch.setattr(time, "time", lambda: two_hours_and_a_minute_later)

    assert school_client.get("/school/home/ects").status_code == 302


def test_a_user_signed_in_without_persona_sign_in_chooses_their_school_first(client, school):
    """Entering a school is sign-in's last step: a user signed in another way (say, the admin's login page) has
    not entered one, and school pages ask them which, even when they have only one."""
    client.force_login(SchoolUserFactory(schools=[school]))

    response = client.get("/school/home/ects")

    assert response.status_code == 302
    assert response["Location"] == "/school/choose"
    assert CURRENT_SCHOOL_SESSION_KEY not in client.session


def test_persona_sign_in_and_sign_out_are_audit_events(client, persona, school):
    client.post(f"/sign-in/persona/{persona.pk}")
    client.post("/sign-out")

    events = list(Event.objects.order_by("id").values_list("event_type", "author_user", "metadata"))
    assert events == [
        ("school_user_signed_in", persona.pk, {"method": "persona"}),
        ("school_user_signed_out", persona.pk, {}),
    ]


def test_with_personas_off_the_sign_in_page_offers_only_dfe_sign_in(client, persona, dfe_sign_in, settings):
    settings.PERSONAS_ENABLED = False

    html = client.get("/sign-in").content.decode()

    assert "Sign in with DfE Sign-in" in html
    assert "Pat Persona" not in html
    assert "Persona sign-in is for local development" not in html


def test_dfe_sign_in_users_are_not_offered_as_personas(client, persona, school):
    DfESignInAccount.objects.create(
        user=SchoolUserFactory(schools=[school], first_name="Dee", last_name="Fesignin"), sub="s1"
    )

    html = client.get("/sign-in").content.decode()

    assert "Pat Persona" in html
    assert "Fesignin" not in html
