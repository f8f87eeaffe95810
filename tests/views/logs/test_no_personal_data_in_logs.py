"""Logs hold no personal data: registering an ECT (through the National Insurance number route) and a mentor,
with known values, writes none of them to any log line, at any level. Each audit event the journeys record
carries the id of the request that caused it."""

import datetime

from ecf.models import Event
from tests.views.journey_client import WRONG_DOB
from tests.views.register_ect.steps import Journey as RegisterECT
from tests.views.register_ect.steps import date_parts
from tests.views.register_mentor.steps import Journey as RegisterMentor
from tests.views.register_mentor.steps import trs_name, walk_teaching_details

ECT_TRN = "7654321"
ECT_EMAIL = "kate.private@example.com"
NINO = "QQ123456C"
MENTOR_TRN = "2345678"
MENTOR_EMAIL = "morgan.private@example.com"


def personal_values() -> list[str]:
    ect_first, ect_last = trs_name(ECT_TRN).split(" ", 1)
    mentor_first, mentor_last = trs_name(MENTOR_TRN).split(" ", 1)
    return [
        ECT_TRN,
        MENTOR_TRN,
        ECT_EMAIL,
        MENTOR_EMAIL,
        NINO,
        "QQ 12 34 56 C",
        ect_first,
        ect_last,
        mentor_first,
        mentor_last,
        # The date of birth, in the forms it is typed, stored and sent to TRS.
        "1977-02-04",
        "1977-02-03",
        "4/2/1977",
        "04/02/1977",
    ]


def register_ect_through_the_national_insurance_number(school_client, setting):
    journey = RegisterECT(school_client)
    assert journey.step_after("what-you-will-need") == "find-ect"
    assert journey.step_after("find-ect", {"trn": ECT_TRN, **WRONG_DOB}) == "national-insurance-number"
    assert journey.step_after("national-insurance-number", {"national_insurance_number": "QQ 12 34 56 C"}) == (
        "review-ect-details"
    )
    assert journey.step_after("review-ect-details", {"details_correct": "yes"}) == "email-address"
    assert journey.step_after("email-address", {"email": ECT_EMAIL}) == "start-date"
    assert journey.step_after("start-date", date_parts(datetime.date.today())) == "working-pattern"
    assert journey.step_after("working-pattern", {"working_pattern": "full_time"}) == "appropriate-body"
    assert journey.step_after("appropriate-body", {"appropriate_body": setting["hub"].pk}) == "training-programme"
    assert journey.step_after("training-programme", {"training_programme": "provider_led"}) == "lead-provider"
    assert journey.step_after("lead-provider", {"lead_provider": setting["ambition"].pk}) == "check-answers"
    assert journey.get("check-answers").status_code == 200
    submitted = journey.post("check-answers")
    assert submitted.status_code == 302
    assert school_client.get(submitted.url).status_code == 200
    return submitted["X-Request-ID"]


def register_mentor(school_client, ect):
    journey = RegisterMentor(school_client, ect)
    assert journey.step_after("what-you-will-need") == "find-mentor"
    dob = {"date_of_birth-day": "3", "date_of_birth-month": "2", "date_of_birth-year": "1977"}
    assert journey.step_after("find-mentor", {"trn": MENTOR_TRN, **dob}) == "review-mentor-details"
    assert journey.step_after("review-mentor-details", {"details_correct": "yes"}) == "email-address"
    assert journey.step_after("email-address", {"email": MENTOR_EMAIL}) == "subject"
    following = walk_teaching_details(journey)
    if following == "review-mentor-eligibility":
        following = journey.step_after("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})
    assert following == "check-answers"
    assert journey.get("check-answers").status_code == 200
    submitted = journey.post("check-answers")
    assert submitted.status_code == 302
    assert school_client.get(submitted.url).status_code == 200
    return submitted["X-Request-ID"]


def test_registering_an_ect_and_a_mentor_logs_no_personal_data(school_client, school, setting, production_logs):
    register_ect_through_the_national_insurance_number(school_client, setting)
    register_mentor(school_client, school.ect_periods.get(teacher__trn=ECT_TRN))

    logged = production_logs.text
    assert len(production_logs.events("request_finished")) > 20  # the journeys were logged...
    leaked = [value for value in personal_values() if value in logged]
    assert leaked == []  # ...without a single personal value


def test_each_audit_event_records_the_request_that_caused_it(school_client, school, setting):
    ect_request_id = register_ect_through_the_national_insurance_number(school_client, setting)
    mentor_request_id = register_mentor(school_client, school.ect_periods.get(teacher__trn=ECT_TRN))

    by_ect_registration = Event.objects.filter(request_id=ect_request_id)
    by_mentor_registration = Event.objects.filter(request_id=mentor_request_id)
    assert {event.teacher.trn for event in by_ect_registration} == {ECT_TRN}
    assert MENTOR_TRN in {event.teacher.trn for event in by_mentor_registration if event.teacher}
    # The failed lookup (the wrong date of birth) is an event of its own request too.
    assert not Event.objects.filter(request_id="").exists()
