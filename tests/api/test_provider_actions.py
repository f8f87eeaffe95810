"""PUT /participants/{id}/withdraw, /defer, /resume: effects, events and the reference's 422 messages."""

import datetime

import pytest
from django.utils import timezone

from ecf.models import Event, TrainingPeriod
from tests.api.conftest import errors
from tests.factories import TrainingPeriodFactory

pytestmark = pytest.mark.django_db
ECT, MENTOR = "ecf-induction", "ecf-mentor"


def body(action, course=ECT, reason=None):
    attributes = {"course_identifier": course}
    if reason is not None:
        attributes["reason"] = reason
    return {"data": {"type": f"participant-{action}", "attributes": attributes}}


def put(api, period, action, **kwargs):
    teacher = (period.ect_at_school_period or period.mentor_at_school_period).teacher
    return api.put(f"/participants/{teacher.api_id}/{action}", body(action, **kwargs))


def test_withdraw_finishes_the_training_today_and_records_who(api, ect_training, lead_provider):
    response = put(api, ect_training, "withdraw", reason="moved-school")

    assert response.status_code == 200
    [enrolment] = response.json()["data"]["attributes"]["ecf_enrolments"]
    assert enrolment["training_status"] == "withdrawn"
    assert enrolment["withdrawal"]["reason"] == "moved-school"
    ect_training.refresh_from_db()
    assert ect_training.finished_on == timezone.localdate()
    event = Event.objects.get(event_type="teacher_withdraws_training_period")
    assert (event.author_type, event.author_name, event.lead_provider) == (
        "lead_provider_api",
        str(lead_provider),
        lead_provider,
    )


def test_defer_pauses_the_training(api, ect_training):
    response = put(api, ect_training, "defer", reason="parental-leave")
    assert response.status_code == 200
    [enrolment] = response.json()["data"]["attributes"]["ecf_enrolments"]
    assert (enrolment["training_status"], enrolment["deferral"]["reason"]) == ("deferred", "parental-leave")


@pytest.mark.parametrize(
    ("action", "reason", "message"),
    [
        ("withdraw", None, "Enter a '#/reason'."),
        ("withdraw", "", "Enter a '#/reason'."),
        ("defer", None, "Enter a '#/reason'."),
        (
            "withdraw",
            "bored",
            "The entered '#/reason' is not recognised for the given participant. Check details and try again.",
        ),
        (
            "defer",
            "moved-school",
            "The entered '#/reason' is not recognised for the given participant. Check details and try again.",
        ),
        (
            "withdraw",
            "mentor-no-longer-being-mentor",
            "You cannot withdraw an ECT for this reason. The ECT is not a mentor.",
        ),
    ],
)
def test_reasons_are_checked(api, ect_training, action, reason, message):
    response = put(api, ect_training, action, reason=reason)
    assert response.status_code == 422
    assert errors(response) == [("reason", message)]


@pytest.mark.parametrize("action", ["withdraw", "defer"])
def test_a_null_reason_is_a_missing_one_not_a_malformed_body(api, ect_training, action):
    """The document lists the reasons (an enum) but the service checks them: its 422, never a 400."""
    teacher = ect_training.ect_at_school_period.teacher
    request = body(action)
    request["data"]["attributes"]["reason"] = None
    response = api.put(f"/participants/{teacher.api_id}/{action}", request)
    assert response.status_code == 422
    assert errors(response) == [("reason", "Enter a '#/reason'.")]


def test_a_mentor_can_be_withdrawn_as_no_longer_a_mentor(api, partnership):
    period = TrainingPeriodFactory(
        for_mentor=True, mentor_at_school_period__school=partnership.school, school_partnership=partnership
    )
    assert put(api, period, "withdraw", course=MENTOR, reason="mentor-no-longer-being-mentor").status_code == 200


def test_already_withdrawn(api, ect_training):
    put(api, ect_training, "withdraw", reason="other")
    response = put(api, ect_training, "withdraw", reason="other")
    assert response.status_code == 422
    assert errors(response) == [("participant_id", "The '#/participant_id' is already withdrawn.")]


def test_already_deferred(api, ect_training):
    put(api, ect_training, "defer", reason="other")
    response = put(api, ect_training, "defer", reason="other")
    assert errors(response) == [("participant_id", "The '#/participant_id' is already deferred.")]


def test_not_training_yet(api, partnership):
    period = TrainingPeriodFactory(
        school_partnership=partnership,
        ect_at_school_period__school=partnership.school,
        ect_at_school_period__started_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    response = put(api, period, "withdraw", reason="other")
    assert response.status_code == 422
    assert errors(response) == [
        (
            "participant_id",
            "You cannot withdraw #/participant_id. "
            "This is because they have not been training with you for at least one day.",
        )
    ]


def test_a_course_the_participant_is_not_on(api, ect_training):
    response = put(api, ect_training, "withdraw", course=MENTOR, reason="other")
    assert response.status_code == 422
    assert errors(response)[0][0] == "course_identifier"


def test_already_active(api, ect_training):
    response = put(api, ect_training, "resume")
    assert response.status_code == 422
    assert errors(response) == [("participant_id", "The '#/participant_id' is already active.")]


@pytest.mark.parametrize(("action", "reason"), [("withdraw", "other"), ("defer", "career-break")])
def test_resume_on_the_same_day_continues_the_same_training(api, ect_training, action, reason):
    finished_on = ect_training.finished_on
    put(api, ect_training, action, reason=reason)
    response = put(api, ect_training, "resume")

    assert response.status_code == 200
    [enrolment] = response.json()["data"]["attributes"]["ecf_enrolments"]
    assert enrolment["training_status"] == "active"
    assert enrolment["training_record_id"] == str(ect_training.api_id)
    ect_training.refresh_from_db()
    assert (ect_training.status, ect_training.finished_on) == ("active", finished_on)
    assert list(Event.objects.order_by("id").values_list("event_type", flat=True))[-2:] == [
        f"teacher_{'withdraws' if action == 'withdraw' else 'defers'}_training_period",
        "teacher_resumes_training_period",
    ]


def test_resume_on_a_later_day_starts_new_training(api, ect_training):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    TrainingPeriod.objects.filter(pk=ect_training.pk).update(
        withdrawn_at=yesterday, withdrawal_reason="other", finished_on=timezone.localdate(yesterday)
    )
    response = put(api, ect_training, "resume")
    assert response.status_code == 200
    [enrolment] = response.json()["data"]["attributes"]["ecf_enrolments"]
    assert enrolment["training_status"] == "active"
    assert enrolment["training_record_id"] != str(ect_training.api_id)
    new = TrainingPeriod.objects.exclude(pk=ect_training.pk).get()
    assert (new.started_on, new.school_partnership_id) == (timezone.localdate(), ect_training.school_partnership_id)


def test_resume_refused_when_no_longer_at_the_school(api, ect_training):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    put(api, ect_training, "withdraw", reason="other")
    at_school = ect_training.ect_at_school_period
    TrainingPeriod.objects.filter(pk=ect_training.pk).update(finished_on=yesterday)
    at_school.finished_on = yesterday
    at_school.save()
    response = put(api, ect_training, "resume")
    assert errors(response) == [
        ("participant_id", "The participant is no longer at the school. Please contact the induction tutor to resolve.")
    ]


def test_resume_refused_when_active_with_another_provider(api, ect_training):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    TrainingPeriod.objects.filter(pk=ect_training.pk).update(
        withdrawn_at=yesterday, withdrawal_reason="other", finished_on=timezone.localdate(yesterday)
    )
    TrainingPeriodFactory(ect_at_school_period=ect_training.ect_at_school_period, started_on=timezone.localdate())
    response = put(api, ect_training, "resume")
    assert errors(response) == [
        ("participant_id", "This participant cannot be resumed because they are already active with another provider.")
    ]


@pytest.mark.parametrize(
    "bad_body",
    [{}, {"data": {"type": "participant-withdraw"}}, {"data": {"type": "nope", "attributes": {"reason": "other"}}}],
)
def test_a_malformed_body_is_a_bad_request(api, ect_training, bad_body):
    teacher = ect_training.ect_at_school_period.teacher
    response = api.put(f"/participants/{teacher.api_id}/withdraw", bad_body)
    assert response.status_code == 400
    assert errors(response) == [("Bad request", "Correct json data structure required. See API docs for reference.")]


def test_invalid_json_is_a_bad_request(api, client, token, ect_training):
    teacher = ect_training.ect_at_school_period.teacher
    response = client.put(
        f"/api/v3/participants/{teacher.api_id}/withdraw",
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["title"] == "Bad request"


def test_support_staff_resume_in_the_admin_through_the_same_service(admin_client, api, ect_training):
    put(api, ect_training, "withdraw", reason="other")
    admin_client.post(
        "/admin/ecf/trainingperiod/", {"action": "resume", "_selected_action": [ect_training.pk]}, follow=True
    )
    ect_training.refresh_from_db()
    assert ect_training.status == "active"
    assert Event.objects.get(event_type="teacher_resumes_training_period").author_type == "dfe_staff"


def test_support_staff_withdraw_in_the_admin_with_a_reason_through_the_same_service(admin_client, ect_training):
    url = "/admin/ecf/trainingperiod/"
    asked = admin_client.post(url, {"action": "withdraw", "_selected_action": [ect_training.pk]})
    assert asked.status_code == 200
    assert "Choose a reason" in asked.content.decode()

    refused = admin_client.post(
        url, {"action": "withdraw", "_selected_action": [ect_training.pk], "apply": "yes", "reason": ""}, follow=True
    )
    assert "Enter a &#x27;#/reason&#x27;." in refused.content.decode()

    admin_client.post(
        url,
        {"action": "withdraw", "_selected_action": [ect_training.pk], "apply": "yes", "reason": "moved-school"},
        follow=True,
    )
    ect_training.refresh_from_db()
    assert (ect_training.status, ect_training.withdrawal_reason) == ("withdrawn", "moved-school")
    assert Event.objects.get(event_type="teacher_withdraws_training_period").author_type == "dfe_staff"


def test_the_admin_change_form_shows_a_withdrawal_but_cannot_edit_it(admin_client, ect_training):
    # Only the actions above change what a lead provider reported: an edited field would skip the service's
    # checks, its finish date and its audit event.
    page = admin_client.get(f"/admin/ecf/trainingperiod/{ect_training.pk}/change/").content.decode()

    for field in ("withdrawn_at", "withdrawal_reason", "deferred_at", "deferral_reason"):
        assert f'name="{field}' not in page
    assert "Withdrawal reason" in page
