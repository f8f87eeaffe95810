"""Participant declarations: create (idempotent), list, show, void; a mentor's `completed` completes mentor training."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ecf.models import Declaration, Event
from tests.api.conftest import errors
from tests.factories import (
    ActiveLeadProviderFactory,
    DeclarationFactory,
    LeadProviderDeliveryPartnershipFactory,
    SchoolPartnershipFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db


def declare(api, teacher, declaration_type="started", course="ecf-induction", on=None):
    """Declares with evidence the type takes (tests/api/test_declaration_evidence.py checks the evidence rules)."""
    on = on or timezone.now() - datetime.timedelta(days=1)
    evidence = "75-percent-engagement-met" if declaration_type in {"retained-2", "completed"} else "other"
    return api.post(
        "/participant-declarations",
        {
            "data": {
                "type": "participant-declaration",
                "attributes": {
                    "participant_id": str(teacher.api_id),
                    "declaration_type": declaration_type,
                    "declaration_date": on.isoformat(),
                    "course_identifier": course,
                    "evidence_held": evidence,
                },
            }
        },
    )


@pytest.fixture
def mentor_training(partnership):
    return TrainingPeriodFactory(
        for_mentor=True, mentor_at_school_period__school=partnership.school, school_partnership=partnership
    )


def test_a_declaration_is_recorded_once_however_often_it_is_sent(api, ect_training, lead_provider):
    teacher = ect_training.ect_at_school_period.teacher
    first = declare(api, teacher)
    again = declare(api, teacher)

    assert first.status_code == again.status_code == 200
    assert first.json()["data"]["id"] == again.json()["data"]["id"]
    attributes = first.json()["data"]["attributes"]
    assert attributes["participant_id"] == str(teacher.api_id)
    assert (attributes["declaration_type"], attributes["state"]) == ("started", "submitted")
    assert attributes["course_identifier"] == "ecf-induction"
    assert attributes["lead_provider_name"] == lead_provider.name
    assert Declaration.objects.count() == 1
    assert Event.objects.get(event_type="declaration_recorded").author_type == "lead_provider_api"


def test_list_show_and_filter(api, ect_training):
    teacher = ect_training.ect_at_school_period.teacher
    api_id = declare(api, teacher).json()["data"]["id"]
    DeclarationFactory()  # another provider's

    assert [d["id"] for d in api.get("/participant-declarations").json()["data"]] == [api_id]
    assert api.get(f"/participant-declarations/{api_id}").json()["data"]["id"] == api_id
    by_participant = api.get("/participant-declarations", {"filter[participant_id]": str(teacher.api_id)})
    assert len(by_participant.json()["data"]) == 1
    assert api.get("/participant-declarations", {"filter[participant_id]": "nope"}).json()["data"] == []
    assert api.get("/participant-declarations", {"filter[cohort]": "1999"}).json()["data"] == []


def test_void(api, ect_training):
    api_id = declare(api, ect_training.ect_at_school_period.teacher).json()["data"]["id"]
    response = api.put(f"/participant-declarations/{api_id}/void")
    assert response.status_code == 200
    assert response.json()["data"]["attributes"]["state"] == "voided"
    again = api.put(f"/participant-declarations/{api_id}/void")
    assert again.status_code == 422
    assert errors(again) == [("id", "This declaration has already been voided.")]


def test_a_mentors_completed_declaration_completes_mentor_training_and_voiding_reverts_it(api, mentor_training):
    teacher = mentor_training.mentor_at_school_period.teacher
    response = declare(api, teacher, "completed", course="ecf-mentor")
    assert response.status_code == 200
    teacher.refresh_from_db()
    assert teacher.mentor_training_completed

    api.put(f"/participant-declarations/{response.json()['data']['id']}/void")

    teacher.refresh_from_db()
    assert not teacher.mentor_training_completed
    assert Event.objects.filter(event_type="mentor_training_completion_removed").exists()


def test_a_mentor_has_no_retained_declarations(api, mentor_training):
    response = declare(api, mentor_training.mentor_at_school_period.teacher, "retained-1", course="ecf-mentor")
    assert response.status_code == 422
    assert errors(response) == [("declaration_type", "You cannot send retained or extended declarations for mentors.")]


def test_a_future_date_is_refused(api, ect_training):
    response = declare(api, ect_training.ect_at_school_period.teacher, on=timezone.now() + datetime.timedelta(days=2))
    assert response.status_code == 422
    assert errors(response)[0][0] == "declaration_date"


def test_a_date_before_the_training_is_refused(api, ect_training):
    before = timezone.now().replace(year=ect_training.started_on.year - 1)
    response = declare(api, ect_training.ect_at_school_period.teacher, on=before)
    assert response.status_code == 422
    assert errors(response)[0][0] == "declaration_date"


def test_another_providers_participant_is_not_recognised_like_an_unknown_one(api):
    """The reference answers 422 on `participant_id`, the same for an id nobody has (no 404: the id is in the body)."""
    theirs = TrainingPeriodFactory().ect_at_school_period.teacher
    unknown = TeacherFactory.build()
    for teacher in (theirs, unknown):
        response = declare(api, teacher)
        assert response.status_code == 422
        assert errors(response) == [
            (
                "participant_id",
                "Your update cannot be made as the '#/participant_id' is not recognised. "
                "Check participant details and try again.",
            )
        ]
    assert not Declaration.objects.exists()


@pytest.mark.parametrize("count", [1, 20])
def test_the_list_runs_a_constant_number_of_queries(api, partnership, count, django_assert_num_queries):
    for _ in range(count):
        DeclarationFactory(training_period=TrainingPeriodFactory(school_partnership=partnership))
    with django_assert_num_queries(8):  # token and its use (2), rate limit (5), declarations (1)
        response = api.get("/participant-declarations")
    assert len(response.json()["data"]) == count


def test_support_staff_void_a_declaration_in_the_admin_through_the_service(admin_client, mentor_training, api):
    teacher = mentor_training.mentor_at_school_period.teacher
    declare(api, teacher, "completed", course="ecf-mentor")
    declaration = Declaration.objects.get()
    admin_client.post("/admin/ecf/declaration/", {"action": "void", "_selected_action": [declaration.pk]}, follow=True)
    declaration.refresh_from_db()
    teacher.refresh_from_db()
    assert declaration.state == "voided"
    assert not teacher.mentor_training_completed
    assert Event.objects.get(event_type="declaration_voided").author_type == "dfe_staff"


def test_the_school_sees_training_completed_after_the_providers_declaration_and_not_after_its_void(
    api, school_client, school, lead_provider
):
    active = ActiveLeadProviderFactory(lead_provider=lead_provider)
    partnership = SchoolPartnershipFactory(
        school=school,
        lead_provider_delivery_partnership=LeadProviderDeliveryPartnershipFactory(active_lead_provider=active),
    )
    training = TrainingPeriodFactory(
        for_mentor=True, mentor_at_school_period__school=school, school_partnership=partnership
    )
    mentor = training.mentor_at_school_period
    record = reverse("mentors:record", kwargs={"pk": mentor.pk})
    assert "Training completed" not in school_client.get(record).content.decode()

    declared = declare(api, mentor.teacher, "completed", course="ecf-mentor")
    assert "Training completed" in school_client.get(record).content.decode()

    api.put(f"/participant-declarations/{declared.json()['data']['id']}/void")
    assert "Training completed" not in school_client.get(record).content.decode()
