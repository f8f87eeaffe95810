"""What every journey does, shown with register-an-ECT: the parts that are not routing."""

import datetime
import uuid

import pytest

from ecf.models import JourneyCompletion
from ecf.trs import FakeTRS
from ects.models import ECTAtSchoolPeriod
from tests.factories import ECTAtSchoolPeriodFactory
from tests.views.journey_client import WRONG_DOB
from tests.views.register_ect.conftest import setting
from tests.views.register_ect.steps import Journey, date_parts, walk_to_check_answers

__all__ = ["setting"]  # the register-an-ECT journey's contract periods, appropriate bodies and lead providers


def test_a_submit_after_another_request_completed_the_journey_shows_its_confirmation(school_client, school):
    journey = Journey(school_client)
    journey.post("what-you-will-need")
    # As if a second tab or a double click completed this journey after this request's session was read.
    ect = ECTAtSchoolPeriodFactory(school=school)
    JourneyCompletion.objects.create(journey_id=journey.id, journey_name="register-ect", record_id=ect.pk)

    response = journey.post("find-ect", {})

    assert response.status_code == 302
    assert response["Location"].endswith("/confirmation")


def test_an_unknown_journey_id_asks_to_start_again(school_client):
    response = school_client.get(f"/school/register-ect/{uuid.uuid4()}/find-ect")

    assert response.status_code == 404
    html = response.content.decode()
    assert "This page has expired" in html
    assert 'href="/school/register-ect/"' in html


@pytest.fixture
def trs_lookups(monkeypatch) -> list[str]:
    """The TRNs the fake Teaching Record System is asked about, in order."""
    asked = []
    find_teacher = FakeTRS._find_teacher

    def counting(self, *, trn, **kwargs):
        asked.append(trn)
        return find_teacher(self, trn=trn, **kwargs)

    monkeypatch.setattr(FakeTRS, "_find_teacher", counting)
    return asked


def test_submitting_asks_the_teaching_record_system_once(school_client, school, setting, trs_lookups):
    """Every answer is validated again at submit, once: TRS is asked again about the teacher found, once."""
    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)
    trs_lookups.clear()

    response = journey.post("check-answers")

    assert response.status_code == 302
    assert response.url == journey.confirmation_url
    assert trs_lookups == ["1234567"]
    assert ECTAtSchoolPeriod.objects.filter(school=school, teacher__trn="1234567").count() == 1


def test_submitting_the_national_insurance_route_asks_the_teaching_record_system_once(
    school_client, setting, trs_lookups
):
    """At submit, only the teacher the National Insurance number identified is asked about again: the find step
    found no one, and asking by TRN alone would tell what the date of birth did not."""
    journey = Journey(school_client)
    assert journey.step_after("what-you-will-need") == "find-ect"
    assert journey.step_after("find-ect", {"trn": "1234567", **WRONG_DOB}) == "national-insurance-number"
    assert journey.step_after("national-insurance-number", {"national_insurance_number": "QQ123456C"}) == (
        "review-ect-details"
    )
    assert journey.step_after("review-ect-details", {"details_correct": "yes"}) == "email-address"
    assert journey.step_after("email-address", {"email": "ect@example.com"}) == "start-date"
    assert journey.step_after("start-date", date_parts(datetime.date.today())) == "working-pattern"
    assert journey.step_after("working-pattern", {"working_pattern": "full_time"}) == "appropriate-body"
    assert journey.step_after("appropriate-body", {"appropriate_body": setting["hub"].pk}) == "training-programme"
    assert journey.step_after("training-programme", {"training_programme": "school_led"}) == "check-answers"
    trs_lookups.clear()

    assert journey.post("check-answers").status_code == 302
    assert trs_lookups == ["1234567"]


def test_a_teacher_whose_record_changed_before_submit_is_not_registered(school_client, school, setting, monkeypatch):
    """The date of birth is forgotten by then, so TRS is asked again by the TRN it identified."""
    from ecf.trs import fake

    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)
    monkeypatch.setitem(fake.INDUCTION_STATUSES, "1234567", fake.InductionStatus.PASSED)

    response = journey.post("check-answers")

    assert response.status_code == 200
    assert "Some of the details you gave have changed since you entered them." in response.content.decode()
    assert not ECTAtSchoolPeriod.objects.filter(school=school).exists()


def test_the_teaching_record_system_down_at_submit_is_a_gov_uk_error(school_client, school, setting, monkeypatch):
    from ecf.trs import TRSUnavailable

    journey = Journey(school_client)
    walk_to_check_answers(journey, setting)

    def unavailable(self, **kwargs):
        raise TRSUnavailable("TRS did not answer")

    monkeypatch.setattr(FakeTRS, "_find_teacher", unavailable)

    response = journey.post("check-answers")

    assert response.status_code == 200
    assert "There is a problem with the teacher record service. Try again later." in response.content.decode()
    assert not ECTAtSchoolPeriod.objects.filter(school=school).exists()
