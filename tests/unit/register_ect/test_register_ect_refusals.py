"""register_ect: what it refuses, and moving an ECT from another school (docs/journeys/register-an-ect.md)."""

import datetime

import pytest
from django.db import transaction

from ecf.errors import DomainError
from ecf.models import AppropriateBody, EmailMessage, Event, Teacher
from ects.models import ECTAtSchoolPeriod
from tests.factories import (
    ActiveLeadProviderFactory,
    AppropriateBodyFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)
from tests.unit.register_ect.registration import SEP_1, TRN, provider_led

pytestmark = pytest.mark.django_db


# Refusals ----------------------------------------------------------------------------------------


def test_a_teacher_already_registered_at_this_school_is_refused(register, school):
    ECTAtSchoolPeriodFactory(teacher=TeacherFactory(trn=TRN), school=school, started_on=datetime.date(2025, 6, 2))

    with pytest.raises(DomainError, match=r"^Kenneth Lowry is already registered at your school$"):
        register()

    assert ECTAtSchoolPeriod.objects.count() == 1
    assert not EmailMessage.objects.exists()


def test_a_period_at_this_school_finishing_after_the_new_start_is_refused_too(register, school):
    ECTAtSchoolPeriodFactory(
        teacher=TeacherFactory(trn=TRN),
        school=school,
        started_on=datetime.date(2025, 6, 2),
        finished_on=datetime.date(2025, 12, 31),
    )

    with pytest.raises(DomainError, match="is already registered at your school"):
        register()


def test_a_teacher_who_left_this_school_before_can_be_registered_again(register, school):
    teacher = TeacherFactory(trn=TRN)
    earlier = ECTAtSchoolPeriodFactory(
        teacher=teacher, school=school, started_on=datetime.date(2024, 9, 1), finished_on=datetime.date(2025, 3, 31)
    )

    period = register()

    assert period.pk != earlier.pk
    assert list(teacher.ect_at_school_periods.order_by("started_on")) == [earlier, period]


def test_refusals_leave_nothing_behind(register):
    with pytest.raises(DomainError):
        register(started_on=datetime.date(2030, 9, 1))  # no contract period

    assert not Teacher.objects.exists()
    assert not ECTAtSchoolPeriod.objects.exists()
    assert not Event.objects.exists()
    assert not EmailMessage.objects.exists()


def test_no_contract_period_containing_the_start_date_is_refused(register):
    with pytest.raises(DomainError, match=r"^You cannot register Kenneth Lowry yet\. Registration for this start date"):
        register(started_on=datetime.date(2030, 9, 1))


def test_a_future_start_in_a_contract_period_not_yet_open_is_refused(register):
    ContractPeriodFactory(year=2035, enabled=False)

    with pytest.raises(DomainError, match=r"Registration for the 2035 to 2036 academic year is not open\.$"):
        register(started_on=datetime.date(2035, 9, 1))


def test_a_lead_provider_not_active_in_the_contract_period_is_refused(register):
    elsewhere = ActiveLeadProviderFactory(lead_provider__name="Teach First", contract_period__year=2024)

    with pytest.raises(DomainError, match=r"^Teach First is not providing training in the 2025 to 2026 academic year"):
        register(**provider_led(elsewhere.lead_provider))

    assert not ECTAtSchoolPeriod.objects.exists()


def test_provider_led_without_a_lead_provider_is_refused(register):
    with pytest.raises(DomainError, match=r"^Select which lead provider will be training the ECT$"):
        register(**provider_led(None))


def test_a_state_school_must_choose_a_teaching_school_hub(register):
    national = AppropriateBodyFactory(body_type=AppropriateBody.BodyType.NATIONAL)

    with pytest.raises(DomainError, match=r"^Select a teaching school hub appropriate body"):
        register(appropriate_body=national)


def test_an_independent_school_may_choose_a_national_body_but_not_a_local_authority(register):
    school = SchoolFactory(independent=True)

    register(school=school, appropriate_body=AppropriateBodyFactory(body_type=AppropriateBody.BodyType.NATIONAL))
    with pytest.raises(DomainError, match=r"^Select a valid appropriate body"):
        register(
            school=school,
            trn="7654321",
            email="other@example.com",
            appropriate_body=AppropriateBodyFactory(body_type=AppropriateBody.BodyType.LOCAL_AUTHORITY),
        )


def test_an_email_used_by_another_current_ect_is_refused(register):
    ECTAtSchoolPeriodFactory(email="Kenneth.Lowry@example.com")

    with pytest.raises(DomainError, match=r"^This email is already in use for a different ECT or mentor$"):
        register()


def test_a_refusal_by_the_database_becomes_a_domain_error_and_the_callers_transaction_carries_on(register, monkeypatch):
    """As if another writer's period appeared unseen: the exclusion constraint refuses the insert."""
    other = ECTAtSchoolPeriodFactory(teacher=TeacherFactory(trn=TRN), started_on=datetime.date(2025, 6, 2))
    monkeypatch.setattr("ects.services._ect_periods_running_from", lambda **kwargs: [])

    with transaction.atomic():
        with pytest.raises(DomainError) as refusal:
            register()
        # The savepoint was rolled back: the caller's transaction is still usable.
        assert ECTAtSchoolPeriod.objects.get() == other

    assert refusal.value.message == (
        "Kenneth Lowry is already registered as an ECT at another school. Contact us if you think this is wrong."
    )
    assert not Event.objects.exists()
    assert not EmailMessage.objects.exists()


# Moving from another school ----------------------------------------------------------------------


def test_moving_from_another_school_finishes_the_old_period_its_training_and_mentorship_the_day_before(
    register, author
):
    old_school = SchoolFactory(name="Brookfield Academy")
    old_period = ECTAtSchoolPeriodFactory(
        teacher=TeacherFactory(trn=TRN), school=old_school, started_on=datetime.date(2025, 6, 2)
    )
    old_training = TrainingPeriodFactory(ect_at_school_period=old_period, school_led=True)
    old_mentorship = MentorshipPeriodFactory(mentee=old_period)
    new_start = datetime.date(2026, 1, 5)

    period = register(started_on=new_start)

    day_before = datetime.date(2026, 1, 4)
    for record in (old_period, old_training, old_mentorship):
        record.refresh_from_db()
        assert record.finished_on == day_before, record
    assert period.started_on == new_start
    assert ECTAtSchoolPeriod.objects.filter(teacher__trn=TRN, finished_on__isnull=True).get() == period
    left = Event.objects.get(event_type="teacher_left_school_as_ect")
    assert left.school == old_school
    assert left.ect_at_school_period == old_period
    assert left.author_name == author.name
    assert Event.objects.filter(event_type="teacher_finishes_training_period", training_period=old_training).exists()
    assert Event.objects.filter(event_type="teacher_finishes_being_mentored", mentorship_period=old_mentorship).exists()


def test_moving_shortens_a_period_at_another_school_that_was_due_to_finish_later(register):
    old_period = ECTAtSchoolPeriodFactory(
        teacher=TeacherFactory(trn=TRN), started_on=datetime.date(2025, 6, 2), finished_on=datetime.date(2026, 3, 31)
    )

    register(started_on=datetime.date(2026, 1, 5))

    old_period.refresh_from_db()
    assert old_period.finished_on == datetime.date(2026, 1, 4)


def test_a_start_date_not_after_the_previous_schools_start_is_refused(register):
    old_period = ECTAtSchoolPeriodFactory(
        teacher=TeacherFactory(trn=TRN), school=SchoolFactory(name="Brookfield Academy"), started_on=SEP_1
    )

    with pytest.raises(DomainError) as refusal:
        register(started_on=SEP_1)

    assert refusal.value.message == (
        "Our records show that Kenneth Lowry started teaching at Brookfield Academy on 1 September 2025. "
        "Enter a start date after 1 September 2025."
    )
    old_period.refresh_from_db()
    assert old_period.finished_on is None


def test_a_start_date_not_after_the_previous_schools_latest_training_is_refused(register):
    old_period = ECTAtSchoolPeriodFactory(
        teacher=TeacherFactory(trn=TRN),
        school=SchoolFactory(name="Brookfield Academy"),
        started_on=datetime.date(2025, 6, 2),
    )
    TrainingPeriodFactory(ect_at_school_period=old_period, school_led=True, started_on=datetime.date(2025, 10, 1))

    with pytest.raises(DomainError, match=r"started their latest training at Brookfield Academy on 1 October 2025\."):
        register(started_on=SEP_1)
