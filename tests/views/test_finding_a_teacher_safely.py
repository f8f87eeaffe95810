"""Finding a teacher reveals nothing about a stranger (docs/journeys/README.md, "Finding a teacher"): TRS checks
the date of birth, wrong guesses are limited and recorded, what was typed is forgotten, and no GET starts a
journey."""

import datetime
import json
import re

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from ecf.models import Event
from ecf.trs import FakeTRS
from tests.conftest import sign_in
from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory, SchoolUserFactory
from tests.views.journey_client import DOB, h1, html
from tests.views.register_ect.conftest import setting
from tests.views.register_ect.steps import Journey, date_parts

__all__ = ["setting"]  # the register-an-ECT journey's contract periods, appropriate bodies and lead providers

LOCKED = "You cannot look for this teacher at the moment"


def wrong_date(days_after: int) -> dict:
    """A wrong date of birth: the fake TRS's right one is 3 February 1977."""
    return date_parts(datetime.date(1977, 2, 3) + datetime.timedelta(days=days_after), name="date_of_birth")


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


def started(client) -> Journey:
    journey = Journey(client)
    assert journey.step_after("what-you-will-need") == "find-ect"
    return journey


# The date of birth oracle -------------------------------------------------------------------------------------


def test_a_wrong_date_of_birth_and_an_unknown_trn_give_the_same_page(school_client, setting):
    wrong_date_journey, unknown_trn_journey = started(school_client), started(school_client)

    assert wrong_date_journey.step_after("find-ect", {"trn": "1234567", **wrong_date(1)}) == (
        "national-insurance-number"
    )
    assert unknown_trn_journey.step_after("find-ect", {"trn": "7000002", **DOB}) == "national-insurance-number"

    def page(journey):
        response = journey.get("national-insurance-number")
        assert h1(response) == "We cannot find the ECT’s details"
        return re.sub(f'{journey.id}|name="csrfmiddlewaretoken" value="[^"]+"', "", html(response))

    assert page(wrong_date_journey) == page(unknown_trn_journey)


def test_six_wrong_dates_of_birth_for_one_trn_lock_the_seventh_try(school_client, setting, trs_lookups):
    journey = started(school_client)
    for days_after in range(1, 7):
        assert journey.step_after("find-ect", {"trn": "1234567", **wrong_date(days_after)}) == (
            "national-insurance-number"
        )
    trs_lookups.clear()

    # The right date now: refused all the same, without asking TRS, so the guess is never confirmed.
    assert journey.step_after("find-ect", {"trn": "1234567", **DOB}) == "try-again-later"

    assert trs_lookups == []
    response = journey.get("try-again-later")
    assert h1(response) == LOCKED
    assert "try again in 1 hour" in html(response)
    assert f'href="{reverse("ects:list")}"' in html(response)
    assert journey.get("review-ect-details").url.endswith("/try-again-later")


def test_the_lock_on_a_trn_holds_for_every_user_and_school(school_client, client, setting):
    journey = started(school_client)
    for days_after in range(1, 7):
        journey.post("find-ect", {"trn": "1234567", **wrong_date(days_after)})
    another_school = ECTAtSchoolPeriodFactory().school
    someone_else = sign_in(client.__class__(), SchoolUserFactory(schools=[another_school]), another_school)

    assert started(someone_else).step_after("find-ect", {"trn": "1234567", **DOB}) == "try-again-later"


def test_six_lookups_that_found_no_one_lock_the_user_out_of_any_trn(school_client, setting):
    journey = started(school_client)
    for trn in ("1000001", "1000002", "1000003", "1000004", "1000005", "1000006"):
        journey.post("find-ect", {"trn": trn, **wrong_date(1)})

    assert journey.step_after("find-ect", {"trn": "2000001", **DOB}) == "try-again-later"


def test_the_national_insurance_number_step_counts_and_is_locked_too(school_client, setting, trs_lookups):
    journey = started(school_client)
    journey.post("find-ect", {"trn": "1234567", **wrong_date(1)})
    for number in ("QQ000001A", "QQ000002A", "QQ000003A", "QQ000004A", "QQ000005A"):
        assert journey.step_after("national-insurance-number", {"national_insurance_number": number}) == "not-found"
    trs_lookups.clear()

    assert journey.step_after("national-insurance-number", {"national_insurance_number": "QQ123456C"}) == (
        "try-again-later"
    )
    assert trs_lookups == []


def test_failed_lookups_older_than_an_hour_no_longer_count(school_client, setting):
    journey = started(school_client)
    for days_after in range(1, 7):
        journey.post("find-ect", {"trn": "1234567", **wrong_date(days_after)})
    Event.objects.filter(event_type="teacher_lookup_failed").update(
        happened_at=timezone.now() - datetime.timedelta(minutes=61)
    )

    assert journey.step_after("find-ect", {"trn": "1234567", **DOB}) == "review-ect-details"


def test_each_failed_lookup_is_an_audit_event_support_staff_see_without_what_was_typed(
    school_client, school, school_user, setting, admin_client
):
    journey = started(school_client)
    journey.post("find-ect", {"trn": "1234567", **wrong_date(1)})
    journey.post("national-insurance-number", {"national_insurance_number": "QQ 00 00 01 A"})

    events = list(Event.objects.filter(event_type="teacher_lookup_failed").order_by("pk"))
    assert [(event.metadata, event.school, event.author_user) for event in events] == [
        ({"trn": "1234567", "checked": "date of birth"}, school, school_user),
        ({"trn": "1234567", "checked": "National Insurance number"}, school, school_user),
    ]
    assert "1977" not in json.dumps([event.heading for event in events])
    listed = html(admin_client.get("/admin/ecf/event/?event_type=teacher_lookup_failed"))
    assert "Looking up TRN 1234567 with a date of birth found no teacher" in listed


# What was typed is forgotten ------------------------------------------------------------------------------------


def sessions_text() -> str:
    """Every session row, decoded, as one string."""
    return json.dumps([session.get_decoded() for session in Session.objects.all()])


def test_the_date_of_birth_is_forgotten_once_the_ect_is_confirmed(school_client, setting):
    journey = started(school_client)
    journey.post("find-ect", {"trn": "1234567", **DOB})
    assert "1977" in sessions_text()  # kept while the school may go back and change it

    assert journey.step_after("review-ect-details", {"details_correct": "yes"}) == "email-address"

    assert "1977" not in sessions_text()
    going_back = html(journey.get("find-ect"))
    assert 'value="1234567"' in going_back
    assert 'value="1977"' not in going_back


def test_after_the_national_insurance_route_completes_no_session_holds_the_date_of_birth_or_number(
    school_client, setting
):
    journey = started(school_client)
    journey.post("find-ect", {"trn": "1234567", **date_parts(datetime.date(1980, 5, 4), name="date_of_birth")})
    journey.post("national-insurance-number", {"national_insurance_number": "QQ 12 34 56 C"})
    assert "QQ 12 34 56 C" in sessions_text()
    assert journey.step_after("review-ect-details", {"details_correct": "yes"}) == "email-address"
    journey.post("email-address", {"email": "ect@example.com"})
    journey.post("start-date", date_parts(datetime.date.today()))
    journey.post("working-pattern", {"working_pattern": "full_time"})
    journey.post("appropriate-body", {"appropriate_body": setting["hub"].pk})
    journey.post("training-programme", {"training_programme": "school_led"})

    assert journey.post("check-answers").url == journey.confirmation_url

    stored = sessions_text()
    for typed in ("1980", "QQ", "123456"):
        assert typed not in stored


# No GET starts a journey ----------------------------------------------------------------------------------------


def test_following_links_to_every_journey_stores_nothing_in_the_session(school_client, school):
    """As a link on another site could: each start shows the journey's first page and creates no journey."""
    ect = ECTAtSchoolPeriodFactory(school=school)
    mentor = MentorAtSchoolPeriodFactory(school=school)
    starts = [
        reverse("ects:register-ect-start"),
        f"{reverse('mentors:register-mentor-start')}?ect={ect.pk}",
        reverse("mentors:assign-mentor-start", args=[ect.pk]),
        reverse("mentors:assign-ect-start", args=[mentor.pk]),
        reverse("ects:report-ect-leaving-from-record", args=[ect.pk]),
        reverse("mentors:remove-mentor-from-record", args=[mentor.pk]),
    ]

    for start in starts:
        response = school_client.get(start, follow=True)

        assert response.status_code == 200
        assert "/new/" in response.redirect_chain[-1][0], start
        assert "journeys" not in school_client.session, start
