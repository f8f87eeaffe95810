"""The admin for DfE support staff: every model opens, search works, history is protected, saves are audited."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecf.events import Author
from ecf.models import (
    Declaration,
    EmailMessage,
    Event,
    Teacher,
    TrainingPeriod,
)
from ecf.training.api_tokens import create_api_token
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from schools.models import DfESignInAccount, School
from tests.factories import (
    AppropriateBodyFactory,
    DeclarationFactory,
    ECTAtSchoolPeriodFactory,
    EmailMessageFactory,
    EventFactory,
    LeadProviderFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    SchoolUserFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

REGISTERED = sorted(model._meta.label for model in admin.site._registry)
PERIODS = [ECTAtSchoolPeriod, MentorAtSchoolPeriod, MentorshipPeriod, TrainingPeriod]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def one_of_each(db, admin_user):
    """At least one row in every table the admin shows."""
    DeclarationFactory()  # with a training period, ECT period, teacher, school, partnership and providers
    TrainingPeriodFactory(for_mentor=True)
    MentorshipPeriodFactory()
    AppropriateBodyFactory()
    EventFactory(teacher=TeacherFactory(), school=SchoolFactory())
    EmailMessageFactory()
    SchoolUserFactory()
    Group.objects.create(name="Support")
    AccessAttempt.objects.create(
        username="admin@example.com", ip_address="203.0.113.7", failures_since_start=3, path_info="/admin/login/"
    )
    create_api_token(lead_provider=LeadProviderFactory(), author=Author.system())


def test_every_model_is_registered():
    for label in [
        "ecf.Teacher",
        "ecf.ContractPeriod",
        "ecf.LeadProvider",
        "ecf.ActiveLeadProvider",
        "ecf.DeliveryPartner",
        "ecf.LeadProviderDeliveryPartnership",
        "ecf.SchoolPartnership",
        "ecf.AppropriateBody",
        "ecf.TrainingPeriod",
        "ecf.Declaration",
        "ecf.Event",
        "ecf.EmailMessage",
        "schools.School",
        "ects.ECTAtSchoolPeriod",
        "mentors.MentorAtSchoolPeriod",
        "mentors.MentorshipPeriod",
        "auth.User",
    ]:
        assert label in REGISTERED


def test_site_header_names_the_service():
    assert admin.site.site_header == "Register early career teachers: support"


@pytest.mark.parametrize("label", REGISTERED)
def test_staff_can_open_the_list_and_a_record_of_every_model(admin_client, one_of_each, label):
    model = next(model for model in admin.site._registry if model._meta.label == label)
    obj = model._default_manager.first()
    assert obj is not None, f"no {label} to show"

    response = admin_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200

    response = admin_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "model",
    [School, ECTAtSchoolPeriod, MentorAtSchoolPeriod, MentorshipPeriod, TrainingPeriod, Declaration, Event, User],
)
def test_changelists_filter_without_errors(admin_client, one_of_each, model):
    """Every list filter's choices and every search runs (a bad lookup would be a 500)."""
    model_admin = admin.site._registry[model]
    response = admin_client.get(admin_url(model, "changelist"), {"q": "Smith 1234567"})
    assert response.status_code == 200
    for list_filter in model_admin.list_filter:
        if isinstance(list_filter, type) and hasattr(list_filter, "parameter_name"):
            for value, _ in list_filter(None, {}, model, model_admin).lookups(None, model_admin):
                response = admin_client.get(admin_url(model, "changelist"), {list_filter.parameter_name: value})
                assert response.status_code == 200
                assert "cl" in response.context, f"{list_filter.__name__}={value} was rejected"


def test_search_finds_an_ect_by_trn_and_by_urn(admin_client):
    found = ECTAtSchoolPeriodFactory(teacher__trn="1234567", school__urn=654321, teacher__trs_last_name="Findable")
    ECTAtSchoolPeriodFactory(teacher__trs_last_name="Elsewhere")
    url = admin_url(ECTAtSchoolPeriod, "changelist")

    by_trn = admin_client.get(url, {"q": "1234567"})
    by_urn = admin_client.get(url, {"q": "654321"})

    for response in (by_trn, by_urn):
        assert list(response.context["cl"].result_list) == [found]
        assert "Findable" in response.content.decode()
        assert "Elsewhere" not in response.content.decode()


def test_search_finds_a_school_by_urn_and_a_teacher_by_trn(admin_client):
    school = SchoolFactory(urn=777888, name="Larkspur Primary")
    SchoolFactory(name="Other Primary")
    teacher = TeacherFactory(trn="2345678")
    TeacherFactory()

    schools = admin_client.get(admin_url(School, "changelist"), {"q": "777888"})
    teachers = admin_client.get(admin_url(Teacher, "changelist"), {"q": "2345678"})

    assert list(schools.context["cl"].result_list) == [school]
    assert list(teachers.context["cl"].result_list) == [teacher]


def test_search_finds_training_periods_by_mentor_trn(admin_client):
    training = TrainingPeriodFactory(for_mentor=True, mentor_at_school_period__teacher__trn="3456789")
    TrainingPeriodFactory()

    response = admin_client.get(admin_url(TrainingPeriod, "changelist"), {"q": "3456789"})

    assert list(response.context["cl"].result_list) == [training]


@pytest.mark.parametrize("model", [*PERIODS, Event])
def test_periods_and_events_cannot_be_deleted(admin_client, admin_user, rf, one_of_each, model):
    request = rf.get("/admin/")
    request.user = admin_user
    obj = model.objects.first()

    assert admin.site._registry[model].has_delete_permission(request, obj) is False
    assert admin_client.get(admin_url(model, "delete", obj.pk)).status_code == 403
    assert "delete_selected" not in admin.site._registry[model].get_actions(request)


def test_events_cannot_be_added_or_changed(admin_client, admin_user, rf):
    event = EventFactory(heading="Original heading")
    request = rf.get("/admin/")
    request.user = admin_user
    event_admin = admin.site._registry[Event]

    assert event_admin.has_add_permission(request) is False
    assert event_admin.has_change_permission(request, event) is False
    assert admin_client.get(admin_url(Event, "add")).status_code == 403
    response = admin_client.post(
        admin_url(Event, "change", event.pk),
        {"heading": "Rewritten", "event_type": "x", "happened_at_0": "2026-01-01", "happened_at_1": "10:00"},
    )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.heading == "Original heading"


def test_emails_are_read_only(admin_client, admin_user, rf):
    message = EmailMessageFactory()
    request = rf.get("/admin/")
    request.user = admin_user
    email_admin = admin.site._registry[EmailMessage]

    assert email_admin.has_add_permission(request) is False
    assert email_admin.has_change_permission(request, message) is False
    assert email_admin.has_delete_permission(request, message) is False


def test_retry_delivery_sends_a_failed_email_again(admin_client):
    failed = EmailMessageFactory(
        template="mentor_registered", status=EmailMessage.Status.FAILED, attempts=5, last_error="Notify was down"
    )
    sent = EmailMessageFactory(status=EmailMessage.Status.SENT, attempts=1, provider_id="already-sent")

    response = admin_client.post(
        admin_url(EmailMessage, "changelist"),
        {"action": "retry_delivery", "_selected_action": [failed.pk, sent.pk]},
    )

    assert response.status_code == 302
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert failed.status == EmailMessage.Status.SENT
    assert failed.attempts == 6
    assert sent.provider_id == "already-sent"
    assert sent.attempts == 1


def _count_queries(client, url):
    client.get(url)  # warm up: session, user, content types
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_ect_period_list_queries_do_not_grow_with_rows(admin_client):
    TrainingPeriodFactory(ect_at_school_period=MentorshipPeriodFactory().mentee)
    url = admin_url(ECTAtSchoolPeriod, "changelist")
    with_one, _ = _count_queries(admin_client, url)

    for _ in range(19):
        TrainingPeriodFactory(ect_at_school_period=MentorshipPeriodFactory().mentee)
    with_twenty, response = _count_queries(admin_client, url)

    assert response.context["cl"].result_count == 20
    assert with_twenty == with_one


def test_event_list_queries_do_not_grow_with_rows(admin_client):
    EventFactory(teacher=TeacherFactory(), school=SchoolFactory())
    url = admin_url(Event, "changelist")
    with_one, _ = _count_queries(admin_client, url)

    for _ in range(19):
        EventFactory(teacher=TeacherFactory(), school=SchoolFactory())
    with_twenty, response = _count_queries(admin_client, url)

    assert response.context["cl"].result_count == 20
    assert with_twenty == with_one


@pytest.mark.parametrize("model", [TrainingPeriod, MentorshipPeriod, Declaration, MentorAtSchoolPeriod])
def test_other_period_lists_queries_do_not_grow_with_rows(admin_client, model):
    def add_rows(count):
        for _ in range(count):
            DeclarationFactory(training_period=TrainingPeriodFactory(for_mentor=True))
            DeclarationFactory(
                training_period=TrainingPeriodFactory(ect_at_school_period=MentorshipPeriodFactory().mentee)
            )

    add_rows(1)
    url = admin_url(model, "changelist")
    with_one, _ = _count_queries(admin_client, url)
    add_rows(9)
    with_ten, _ = _count_queries(admin_client, url)

    assert with_ten == with_one


def test_recording_a_completed_mentor_declaration_completes_mentor_training(admin_client, admin_user):
    training = TrainingPeriodFactory(for_mentor=True)
    teacher = training.mentor_at_school_period.teacher
    assert teacher.mentor_training_completed_on is None

    response = admin_client.post(
        admin_url(Declaration, "add"),
        {
            "training_period": training.pk,
            "declaration_type": Declaration.DeclarationType.COMPLETED,
            "declaration_date": "2026-07-15",
            "state": Declaration.State.SUBMITTED,
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    declaration = Declaration.objects.get(training_period=training)
    assert declaration.declaration_type == "completed"
    teacher.refresh_from_db()
    assert teacher.mentor_training_completed_on == datetime.date(2026, 7, 15)
    assert teacher.mentor_training_completion_reason == "completed_declaration_received"
    completed = Event.objects.get(event_type="mentor_training_completed")
    assert completed.teacher == teacher
    assert completed.training_period == training
    assert completed.author_type == Event.AuthorType.DFE_STAFF
    assert completed.author_user == admin_user
    recorded = Event.objects.get(event_type="admin_ecf_declaration_created")
    assert recorded.author_type == Event.AuthorType.DFE_STAFF
    assert recorded.teacher == teacher
    assert "declaration_type" in recorded.changes


def test_a_completed_ect_declaration_does_not_touch_mentor_training(admin_client):
    training = TrainingPeriodFactory()

    response = admin_client.post(
        admin_url(Declaration, "add"),
        {
            "training_period": training.pk,
            "declaration_type": Declaration.DeclarationType.COMPLETED,
            "declaration_date": "2026-07-15",
            "state": Declaration.State.SUBMITTED,
        },
    )

    assert response.status_code == 302
    assert (
        training.ect_at_school_period.teacher.__class__.objects.get(
            pk=training.ect_at_school_period.teacher_id
        ).mentor_training_completed_on
        is None
    )
    assert not Event.objects.filter(event_type="mentor_training_completed").exists()


def test_saving_a_record_writes_an_event_with_the_changed_fields(admin_client, admin_user):
    school = SchoolFactory(name="Old Name Primary")
    change_url = admin_url(School, "change", school.pk)
    form = admin_client.get(change_url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "users"}
    data.update({"name": "New Name Primary", "users": []})

    response = admin_client.post(change_url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(event_type="admin_schools_school_changed")
    assert event.school == school
    assert event.author_type == Event.AuthorType.DFE_STAFF
    assert event.author_user == admin_user
    assert event.changes == {"name": ["Old Name Primary", "New Name Primary"]}


def test_deleting_a_record_writes_an_event(admin_client):
    body = AppropriateBodyFactory(name="Short-lived Hub")

    response = admin_client.post(admin_url(type(body), "delete", body.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not type(body).objects.filter(pk=body.pk).exists()
    event = Event.objects.get(event_type="admin_ecf_appropriatebody_deleted")
    assert event.metadata["deleted"] == "Short-lived Hub"
    assert event.author_type == Event.AuthorType.DFE_STAFF


def test_a_school_user_is_sent_away_from_the_admin(client, school_user):
    client.force_login(school_user)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get(admin_url(ECTAtSchoolPeriod, "changelist")).status_code == 302


def test_an_anonymous_visitor_is_sent_to_the_admin_sign_in(client, db):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_support_staff_see_and_find_a_user_by_their_dfe_sign_in_sub(admin_client):
    user = SchoolUserFactory(first_name="Dee", last_name="Fesignin")
    DfESignInAccount.objects.create(user=user, sub="5c2b0a4e-dfe-sub")

    assert "5c2b0a4e-dfe-sub" in admin_client.get(admin_url(User, "change", user.pk)).content.decode()
    found = admin_client.get(admin_url(User, "changelist"), {"q": "5c2b0a4e-dfe-sub"})
    assert list(found.context["cl"].result_list) == [user]
