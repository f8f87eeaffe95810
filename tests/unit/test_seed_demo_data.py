"""`manage.py seed_demo_data`: idempotent demo data covering every state a school user meets."""

import datetime
import io
import time

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from ecf.models import AppropriateBody, ContractPeriod, Declaration, LeadProvider, Teacher, TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from schools.models import School

pytestmark = pytest.mark.django_db

User = get_user_model()


def seed(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo_data", *args, stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    counts["school users"] = School.users.through.objects.count()
    counts["user permissions"] = User.user_permissions.through.objects.count()
    return counts


@pytest.fixture
def seeded():
    return seed()


def test_running_it_twice_creates_nothing_new(seeded):
    first = row_counts()

    seed()

    assert row_counts() == first
    assert first["ecf.Teacher"] > 10


def test_it_says_how_to_sign_in_on_the_port_make_run_serves(monkeypatch):
    monkeypatch.setenv("PORT", "8124")

    printed = seed()

    assert "http://127.0.0.1:8124/admin/" in printed
    assert "admin@example.com / admin" in printed
    assert "support@example.com / support" in printed
    assert "Sign in as a school user at http://127.0.0.1:8124/sign-in" in printed


def test_contract_periods_run_june_to_may_and_registration_is_open_up_to_this_year(seeded):
    periods = {period.year: period for period in ContractPeriod.objects.all()}

    assert {2024, 2025, 2026, 2027} <= set(periods)
    for year, period in periods.items():
        assert (period.started_on.month, period.started_on.day) == (6, 1)
        assert (period.finished_on.year, period.finished_on.month, period.finished_on.day) == (year + 1, 5, 31)
    current = ContractPeriod.objects.containing(datetime.date.today()).get()
    assert current.enabled
    assert all(period.enabled == (year <= current.year) for year, period in periods.items())


def test_lead_providers_are_active_with_delivery_partners(seeded):
    assert LeadProvider.objects.count() >= 4
    for lead_provider in LeadProvider.objects.all():
        for active in lead_provider.active_periods.all():
            assert 2 <= active.delivery_partnerships.count() <= 3


def test_there_is_an_appropriate_body_of_each_type(seeded):
    types = set(AppropriateBody.objects.values_list("body_type", flat=True))

    assert types == set(AppropriateBody.BodyType.values)
    assert AppropriateBody.objects.filter(name="Independent Schools Teacher Induction Panel (ISTIP)").exists()
    assert AppropriateBody.objects.filter(body_type="teaching_school_hub").count() >= 2


def test_a_primary_and_a_secondary_school_with_their_personas(seeded):
    primary = School.objects.get(phase=School.Phase.PRIMARY)
    secondary = School.objects.get(phase=School.Phase.SECONDARY)

    for school in (primary, secondary):
        assert 100000 <= school.urn <= 999999
        assert school.local_authority
        assert school.address_line1
        assert school.postcode
        assert school.users.exists()
    both = User.objects.filter(schools=primary).filter(schools=secondary)
    assert both.count() == 1
    for persona in User.objects.filter(schools__isnull=False).distinct():
        assert persona.first_name
        assert persona.last_name
        assert persona.email
        assert not persona.has_usable_password()
        assert not persona.is_staff
    assert User.objects.filter(schools=primary).exclude(schools=secondary).exists()
    assert User.objects.filter(schools=secondary).exclude(schools=primary).exists()


def test_ects_and_mentors_in_every_state(seeded):
    ects = ECTAtSchoolPeriod.objects.all()
    ect_training = TrainingPeriod.objects.filter(ect_at_school_period__isnull=False)

    assert ects.exclude(mentorship_periods__isnull=False).exists(), "an ECT without a mentor"
    assert ects.filter(mentorship_periods__isnull=False).exists(), "an ECT with a mentor"
    assert ect_training.filter(school_partnership__isnull=False, withdrawn_at=None, deferred_at=None).exists()
    assert ect_training.filter(expression_of_interest__isnull=False).exists(), "an expression of interest"
    assert ect_training.filter(training_programme="school_led").exists()
    assert [t.status for t in ect_training].count("deferred") == 1
    assert [t.status for t in ect_training].count("withdrawn") == 2
    for school in School.objects.all():
        assert school.ect_periods.exists()
        assert school.mentor_periods.exists()


def test_the_first_demo_school_shows_what_lead_providers_reported(seeded):
    """`make run` shows a withdrawn ECT, a deferred ECT and a deferred mentor to the first persona's school."""
    primary = School.objects.get(phase=School.Phase.PRIMARY)
    training = TrainingPeriod.objects.filter(finished_on=None)

    ect_statuses = [t.status for t in training.filter(ect_at_school_period__school=primary)]
    mentor_statuses = [t.status for t in training.filter(mentor_at_school_period__school=primary)]

    assert ect_statuses.count("withdrawn") == 1
    assert ect_statuses.count("deferred") == 1
    assert mentor_statuses.count("deferred") == 1


def test_a_mentor_with_completed_training_and_a_mentor_with_no_ects(seeded):
    completed = Declaration.objects.get(
        declaration_type="completed", training_period__mentor_at_school_period__isnull=False
    )
    teacher = completed.training_period.mentor_at_school_period.teacher
    assert teacher.mentor_training_completed_on == completed.declaration_date
    assert teacher.mentor_training_completion_reason == "completed_declaration_received"
    assert MentorAtSchoolPeriod.objects.filter(mentorship_periods__isnull=True).exists()


def test_trns_never_meet_the_fake_trs_special_trns(seeded):
    trns = set(Teacher.objects.values_list("trn", flat=True))

    assert not trns & {f"{7000000 + n}" for n in range(1, 13)}


def test_dfe_staff_can_sign_in_to_the_admin(seeded, client):
    admin_user = User.objects.get(username="admin@example.com")
    support = User.objects.get(username="support@example.com")

    assert admin_user.is_staff
    assert admin_user.is_superuser
    assert admin_user.check_password("admin")
    assert support.is_staff
    assert not support.is_superuser
    assert support.check_password("support")
    assert support.has_perm("ects.view_ectatschoolperiod")
    assert support.has_perm("ects.change_ectatschoolperiod")
    assert support.has_perm("ecf.add_declaration")
    assert support.has_perm("ecf.view_event")
    assert not support.has_perm("ecf.change_event")
    assert not support.has_perm("ects.delete_ectatschoolperiod")
    # Through the admin's sign-in page, as staff do (django-axes needs the request to count failures).
    signed_in = client.post("/admin/login/", {"username": "support@example.com", "password": "support", "next": "/"})
    assert signed_in.status_code == 302
    assert client.get("/admin/ects/ectatschoolperiod/").status_code == 200


def test_large_school_adds_500_ects_and_200_mentors_quickly_and_once():
    seed()
    started = time.monotonic()
    seed("--large-school")
    elapsed = time.monotonic() - started
    school = School.objects.get(name="Kingsmere Grange Academy")

    assert elapsed < 30
    assert school.ect_periods.count() == 500
    assert school.mentor_periods.count() == 200
    assert MentorshipPeriod.objects.filter(mentee__school=school).count() >= 400
    assert TrainingPeriod.objects.filter(ect_at_school_period__school=school).count() == 500
    assert TrainingPeriod.objects.filter(mentor_at_school_period__school=school).count() == 200
    assert school.users.exists()

    counts = row_counts()
    seed("--large-school")
    assert row_counts() == counts


def test_it_refuses_to_run_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="production"):
        seed()
    assert not School.objects.exists()
