"""The ECT record page (docs/journeys/register-an-ect.md, "The ECT record")."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)


def url(period):
    return f"/school/ects/{period.pk}"


def test_the_record_shows_the_ect_details(school_client, school):
    ect = ECTAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trn="2345678", trs_first_name="Ada", trs_last_name="Lovelace")
    )

    html = school_client.get(url(ect)).content.decode()

    assert '<h1 class="govuk-heading-l">Ada Lovelace</h1>' in html
    assert "TRN: 2345678" in html
    for heading in ["ECT details", "Induction details", "Training details"]:
        assert heading in html
    assert ect.email in html
    assert ect.appropriate_body.name in html
    assert "Back to ECTs" in html
    # The title is generic: a name must not reach analytics.
    assert "<title>ECT details - Register early career teachers - GOV.UK</title>" in html


def test_a_lead_provider_awaiting_confirmation(school_client, school):
    training = TrainingPeriodFactory(with_eoi=True, ect_at_school_period=ECTAtSchoolPeriodFactory(school=school))
    name = training.expression_of_interest.lead_provider.name

    html = school_client.get(url(training.ect_at_school_period)).content.decode()

    assert f"Awaiting confirmation by {name}" in html
    assert "Their lead provider will confirm this" in html


def test_a_confirmed_lead_provider_and_delivery_partner(school_client, school):
    training = TrainingPeriodFactory(ect_at_school_period=ECTAtSchoolPeriodFactory(school=school))

    html = school_client.get(url(training.ect_at_school_period)).content.decode()

    assert f"Confirmed by {training.lead_provider.name}" in html
    assert training.delivery_partner.name in html


def test_school_led_training_shows_no_lead_provider(school_client, school):
    training = TrainingPeriodFactory(school_led=True, ect_at_school_period=ECTAtSchoolPeriodFactory(school=school))

    html = school_client.get(url(training.ect_at_school_period)).content.decode()

    assert "School-led" in html
    assert "Lead provider" not in html


def test_an_unknown_ect_is_not_found(school_client):
    assert school_client.get("/school/ects/987654321").status_code == 404


def test_the_record_runs_the_same_queries_with_one_or_many_related_rows(
    school_client, school, templates_run_no_queries
):
    ect = ECTAtSchoolPeriodFactory(school=school)
    TrainingPeriodFactory(ect_at_school_period=ect)
    MentorshipPeriodFactory(mentee=ect, mentor=MentorAtSchoolPeriodFactory(school=school))
    with CaptureQueriesContext(connection) as first:
        assert school_client.get(url(ect)).status_code == 200

    other = ECTAtSchoolPeriodFactory(school=school)
    TrainingPeriodFactory(ect_at_school_period=other, school_led=True)
    with CaptureQueriesContext(connection) as second:
        assert school_client.get(url(other)).status_code == 200

    assert len(first) == len(second) <= 10


def test_the_mentor_row_offers_to_assign_a_mentor_or_change_the_current_one(school_client, school):
    without = ECTAtSchoolPeriodFactory(school=school)
    with_mentor = ECTAtSchoolPeriodFactory(school=school)
    MentorshipPeriodFactory(mentee=with_mentor, mentor=MentorAtSchoolPeriodFactory(school=school))

    assign = school_client.get(url(without)).content.decode()
    change = school_client.get(url(with_mentor)).content.decode()

    assert f'href="/school/ects/{without.pk}/assign-mentor">Assign a mentor' in assign
    assert (
        f'href="/school/ects/{with_mentor.pk}/assign-mentor">Change<span class="govuk-visually-hidden"> mentor'
        in change
    )


def test_an_ect_reported_leaving_without_a_mentor_is_not_asked_for_one_as_on_the_list(school_client, school):
    leaving = ECTAtSchoolPeriodFactory(school=school, finished_on=datetime.date.today() + datetime.timedelta(days=30))
    leaving.reported_leaving_on = datetime.date.today()
    leaving.save()

    record = school_client.get(url(leaving)).content.decode()
    listed = school_client.get("/school/home/ects").content.decode()

    assert "Assign a mentor" not in record
    assert "Assign a mentor" not in listed
    assert "No mentor assigned" in record
