"""GET /api/v3/participants and /participants/{id}: the reference's payload, filters, pagination and errors."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from ecf.events import Author
from ecf.models import Teacher
from ecf.training.api_tokens import revoke_api_token
from tests.api.conftest import errors
from tests.factories import MentorshipPeriodFactory, TrainingPeriodFactory

pytestmark = pytest.mark.django_db
ECT = "ecf-induction"


def test_lists_the_providers_ects_in_the_reference_shape(api, ect_training, partnership):
    MentorshipPeriodFactory(mentee=ect_training.ect_at_school_period)
    response = api.get("/participants")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    [participant] = response.json()["data"]
    teacher = ect_training.ect_at_school_period.teacher
    mentor = ect_training.ect_at_school_period.mentorship_periods.get().mentor.teacher
    assert participant["id"] == str(teacher.api_id)
    assert participant["type"] == "participant"
    attributes = participant["attributes"]
    assert attributes["full_name"] == teacher.full_name
    assert attributes["teacher_reference_number"] == teacher.trn
    [enrolment] = attributes["ecf_enrolments"]
    assert enrolment == {
        "training_record_id": str(ect_training.api_id),
        "email": ect_training.ect_at_school_period.email,
        "mentor_id": str(mentor.api_id),
        "school_urn": str(partnership.school.urn),
        "participant_type": "ect",
        "cohort": str(partnership.lead_provider_delivery_partnership.active_lead_provider.contract_period_id),
        "training_status": "active",
        "participant_status": "active"
        if ect_training.ect_at_school_period.started_on <= datetime.date.today()
        else "joining",
        "withdrawal": None,
        "deferral": None,
        "created_at": enrolment["created_at"],
        "working_pattern": "full_time",
        "delivery_partner_id": str(partnership.delivery_partner.api_id),
    }
    assert "date_of_birth" not in str(participant)


def test_shows_one_participant(api, ect_training):
    teacher = ect_training.ect_at_school_period.teacher
    response = api.get(f"/participants/{teacher.api_id}")
    assert response.status_code == 200
    assert response.json()["data"]["id"] == str(teacher.api_id)


def test_another_providers_participant_is_not_found(api, ect_training):
    theirs = TrainingPeriodFactory()  # with another lead provider
    response = api.get(f"/participants/{theirs.ect_at_school_period.teacher.api_id}")
    assert response.status_code == 404
    assert errors(response) == [("Resource not found", "Nothing could be found for the provided details")]
    assert api.get("/participants").json()["data"][0]["id"] == str(ect_training.ect_at_school_period.teacher.api_id)
    assert len(api.get("/participants").json()["data"]) == 1


@pytest.mark.parametrize("bad_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_an_unknown_id_is_not_found(api, bad_id):
    response = api.get(f"/participants/{bad_id}")
    assert response.status_code == 404
    assert errors(response) == [("Resource not found", "Nothing could be found for the provided details")]


def test_an_unknown_path_is_a_json_404(api):
    response = api.get("/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic abc"])
def test_without_a_valid_token_access_is_denied(client, authorization):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = client.get("/api/v3/participants", **headers)
    assert response.status_code == 401
    assert response.json() == {"error": "HTTP Token: Access denied"}


def test_a_revoked_token_is_denied(api, lead_provider):
    token = lead_provider.api_tokens.get()
    revoke_api_token(token, author=Author.system())
    response = api.get("/participants")
    assert response.status_code == 401
    assert response.json() == {"error": "HTTP Token: Access denied"}


def test_using_a_token_records_when(api, lead_provider):
    api.get("/participants")
    assert lead_provider.api_tokens.get().last_used_at is not None


BAD_PAGE = "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number"


@pytest.mark.parametrize("params", [{"page[per_page]": "0"}, {"page[page]": "0"}, {"page[page]": "x"}])
def test_bad_page_values_are_a_bad_request(api, params):
    response = api.get("/participants", params)
    assert response.status_code == 400
    assert errors(response) == [("Bad request", BAD_PAGE)]


def test_pages_are_countless_and_stable(api, partnership):
    periods = [TrainingPeriodFactory(school_partnership=partnership) for _ in range(3)]
    ids = [str(period.ect_at_school_period.teacher.api_id) for period in periods]
    first = api.get("/participants", {"page[per_page]": "2"}).json()
    second = api.get("/participants", {"page[per_page]": "2", "page[page]": "2"}).json()
    assert [p["id"] for p in first["data"] + second["data"]] == ids
    assert set(first) == {"data"}  # no total, no links
    assert len(api.get("/participants", {"page[per_page]": "3000"}).json()["data"]) == 3
    # More than the most per page gives the most, as the reference does.
    assert len(api.get("/participants", {"page[per_page]": "3001"}).json()["data"]) == 3


@pytest.mark.parametrize("path", ["/participants", "/participant-declarations", "/partnerships", "/delivery-partners"])
def test_a_page_past_what_the_database_can_count_to_is_empty(api, ect_training, path):
    # (page - 1) * per_page beyond PostgreSQL's bigint OFFSET: found by schemathesis as a 500.
    response = api.get(path, {"page[page]": "4503599627370497", "page[per_page]": "3600"})
    assert response.status_code == 200
    assert response.json() == {"data": []}


def test_updated_since_must_be_iso_8601(api):
    response = api.get("/participants", {"filter[updated_since]": "yesterday"})
    assert response.status_code == 400
    assert errors(response) == [("Bad request", "The filter '#/updated_since' must be a valid ISO 8601 date")]


def test_filters_by_updated_since(api, ect_training):
    teacher = ect_training.ect_at_school_period.teacher
    Teacher.objects.filter(pk=teacher.pk).update(api_updated_at=timezone.now() - datetime.timedelta(days=2))
    yesterday = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert api.get("/participants", {"filter[updated_since]": yesterday}).json()["data"] == []
    Teacher.objects.filter(pk=teacher.pk).update(api_updated_at=timezone.now())
    assert len(api.get("/participants", {"filter[updated_since]": yesterday}).json()["data"]) == 1


def test_filters_by_cohort(api, ect_training, partnership):
    year = partnership.lead_provider_delivery_partnership.active_lead_provider.contract_period_id
    assert len(api.get("/participants", {"filter[cohort]": f"{year - 1},{year}"}).json()["data"]) == 1
    assert api.get("/participants", {"filter[cohort]": str(year - 1)}).json()["data"] == []


def test_filters_by_training_status(api, ect_training):
    assert len(api.get("/participants", {"filter[training_status]": "active"}).json()["data"]) == 1
    assert api.get("/participants", {"filter[training_status]": "withdrawn"}).json()["data"] == []
    ect_training.withdrawn_at, ect_training.withdrawal_reason = timezone.now(), "other"
    ect_training.save()
    assert len(api.get("/participants", {"filter[training_status]": "withdrawn"}).json()["data"]) == 1


def test_filters_by_from_participant_id(api, ect_training):
    api_id = str(ect_training.ect_at_school_period.teacher.api_id)
    assert [p["id"] for p in api.get("/participants", {"filter[from_participant_id]": api_id}).json()["data"]] == [
        api_id
    ]
    assert api.get("/participants", {"filter[from_participant_id]": "nope"}).json()["data"] == []


def test_sorts_by_updated_at_descending(api, partnership):
    older, newer = (TrainingPeriodFactory(school_partnership=partnership) for _ in range(2))
    Teacher.objects.filter(pk=older.ect_at_school_period.teacher_id).update(api_updated_at=timezone.now())
    ids = [p["id"] for p in api.get("/participants", {"sort": "-updated_at"}).json()["data"]]
    assert ids == [str(older.ect_at_school_period.teacher.api_id), str(newer.ect_at_school_period.teacher.api_id)]


def test_a_mentor_enrolment_is_shown(api, partnership):
    TrainingPeriodFactory(
        for_mentor=True, mentor_at_school_period__school=partnership.school, school_partnership=partnership
    )
    [enrolment] = api.get("/participants").json()["data"][0]["attributes"]["ecf_enrolments"]
    assert enrolment["participant_type"] == "mentor"
    assert enrolment["mentor_id"] is None


@pytest.mark.parametrize("count", [1, 500])
def test_the_list_runs_a_constant_number_of_queries(api, partnership, count, django_assert_num_queries):
    for _ in range(count):
        period = TrainingPeriodFactory(school_partnership=partnership)
        MentorshipPeriodFactory(mentee=period.ect_at_school_period)
    # The same for 1 and 500: the token and its last use (2), the rate limit's count in the database cache (5,
    # with its savepoint), then teachers, their training periods and the ECTs' mentorships (3).
    with django_assert_num_queries(10):
        response = api.get("/participants", {"page[per_page]": "1000"})
    assert len(response.json()["data"]) == count


@pytest.mark.parametrize("path", ["/participants/x/withdraw", "/participants//resume", "/nothing-here"])
def test_no_csrf_page_for_a_providers_put_even_to_a_wrong_path(token, path):
    """Providers send no cookies: Django's CSRF check (which the test client skips unless asked) must not
    answer their PUTs with its HTML page."""
    client = Client(enforce_csrf_checks=True)
    response = client.put(f"/api/v3{path}", "{}", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code in {400, 404}
    assert response["Content-Type"].startswith("application/json")


def test_a_providers_withdraw_passes_the_csrf_check(token, ect_training):
    client = Client(enforce_csrf_checks=True)
    response = client.put(
        f"/api/v3/participants/{ect_training.ect_at_school_period.teacher.api_id}/withdraw",
        {
            "data": {
                "type": "participant-withdraw",
                "attributes": {"reason": "other", "course_identifier": "ecf-induction"},
            }
        },
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200
