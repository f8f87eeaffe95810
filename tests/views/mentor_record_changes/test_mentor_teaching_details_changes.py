"""The mentor record's Change pages (docs/journeys/mentors.md, "The mentor record"): the teaching details."""

import pytest

from schools.models import School
from tests.views.mentor_record_changes.pages import (
    banner,
    change_url,
    checked,
    error_messages,
    events,
    h1,
    options,
    post_and_follow,
    record_url,
    reloaded,
    title,
)

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
