"""PostgreSQL itself refuses every state that the invariants of docs/invariants.md forbid.

Each test writes around model validation (`objects.create`, `QuerySet.update` or raw SQL) and expects
the database to refuse, naming the constraint that did so. Where a rule has an edge (inclusive date
ranges, the TRN pattern), the allowed side of the edge is tested too, so a constraint that is too
strict fails as well as one that is too loose.
"""

import datetime
from contextlib import contextmanager

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, transaction
from django.utils import timezone

from ecf.models import (
    ActiveLeadProvider,
    ContractPeriod,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
    Teacher,
    TrainingPeriod,
)
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    DeliveryPartnerFactory,
    ECTAtSchoolPeriodFactory,
    LeadProviderDeliveryPartnershipFactory,
    LeadProviderFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    SchoolPartnershipFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db

CHECK_VIOLATION = "23514"
UNIQUE_VIOLATION = "23505"
EXCLUSION_VIOLATION = "23P01"

SEP_1 = datetime.date(2024, 9, 1)
MAR_31 = datetime.date(2025, 3, 31)
APR_1 = datetime.date(2025, 4, 1)
AUG_31 = datetime.date(2025, 8, 31)


@contextmanager
def refused_by(constraint_name: str, sqlstate: str):
    """The block must fail in PostgreSQL with `constraint_name`; the savepoint keeps the test usable."""
    with pytest.raises(IntegrityError) as exc, transaction.atomic():
        yield
    cause = exc.value.__cause__
    assert cause.diag.constraint_name == constraint_name
    assert cause.sqlstate == sqlstate


def ect_period(teacher, started_on, finished_on=None, school=None) -> ECTAtSchoolPeriod:
    return ECTAtSchoolPeriod.objects.create(
        teacher=teacher,
        school=school or SchoolFactory(),
        started_on=started_on,
        finished_on=finished_on,
        email="ect@example.com",
        working_pattern=ECTAtSchoolPeriod.WorkingPattern.FULL_TIME,
    )


def mentor_period(teacher, school, started_on, finished_on=None) -> MentorAtSchoolPeriod:
    return MentorAtSchoolPeriod.objects.create(
        teacher=teacher, school=school, started_on=started_on, finished_on=finished_on, email="mentor@example.com"
    )


def training_period(**fields) -> TrainingPeriod:
    defaults = {"training_programme": TrainingPeriod.Programme.SCHOOL_LED, "started_on": SEP_1}
    return TrainingPeriod.objects.create(**(defaults | fields))


# Every period: the end is not before the start ---------------------------------------------------
#
# PostgreSQL computes the generated `during = daterange(started_on, finished_on, '[]')` column before it
# checks CHECK constraints, and daterange() itself refuses an upper bound below the lower one. So today
# an end-before-start row is refused with a DataError (SQLSTATE 22000) before the named CHECK is reached.
# `refused_as_ending_before_starting` accepts that refusal or the CHECK's; the `..._check_alone_...`
# tests prove each CHECK still refuses when the generated column is not there to refuse first.


@contextmanager
def refused_as_ending_before_starting(constraint_name: str):
    with pytest.raises((IntegrityError, DataError)) as exc, transaction.atomic():
        yield
    cause = exc.value.__cause__
    if isinstance(exc.value, IntegrityError):
        assert (cause.sqlstate, cause.diag.constraint_name) == (CHECK_VIOLATION, constraint_name)
    else:
        assert cause.sqlstate == "22000"
        assert cause.diag.message_primary == "range lower bound must be less than or equal to range upper bound"


def test_an_ect_period_cannot_end_before_it_starts():
    period = ECTAtSchoolPeriodFactory(started_on=SEP_1)

    with refused_as_ending_before_starting("ect_at_school_period_finished_after_started"):
        ECTAtSchoolPeriod.objects.filter(pk=period.pk).update(finished_on=SEP_1 - datetime.timedelta(days=1))


def test_a_mentor_period_cannot_end_before_it_starts():
    with refused_as_ending_before_starting("mentor_at_school_period_finished_after_started"):
        mentor_period(TeacherFactory(), SchoolFactory(), started_on=APR_1, finished_on=MAR_31)


def test_a_mentorship_cannot_end_before_it_starts():
    mentorship = MentorshipPeriodFactory(started_on=SEP_1)

    with refused_as_ending_before_starting("mentorship_period_finished_after_started"):
        MentorshipPeriod.objects.filter(pk=mentorship.pk).update(finished_on=datetime.date(2024, 8, 31))


def test_a_training_period_cannot_end_before_it_starts():
    with refused_as_ending_before_starting("training_period_finished_after_started"):
        training_period(ect_at_school_period=ECTAtSchoolPeriodFactory(), started_on=APR_1, finished_on=MAR_31)


def test_a_contract_period_cannot_end_before_it_starts():
    with refused_as_ending_before_starting("contract_period_finished_after_started"):
        ContractPeriod.objects.create(
            year=2030, started_on=datetime.date(2030, 6, 1), finished_on=datetime.date(2030, 5, 31)
        )


def drop_in_this_savepoint(sql: str) -> None:
    """Run DDL that the enclosing savepoint's rollback undoes (DDL is transactional in PostgreSQL).

    Django's foreign keys are DEFERRABLE INITIALLY DEFERRED; their pending checks would block ALTER TABLE.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(sql)


@pytest.mark.parametrize(
    ("table", "make_row", "constraint_name"),
    [
        pytest.param(
            "ects_ectatschoolperiod",
            lambda: ECTAtSchoolPeriodFactory().pk,
            "ect_at_school_period_finished_after_started",
            id="ect-at-school",
        ),
        pytest.param(
            "mentors_mentoratschoolperiod",
            lambda: MentorAtSchoolPeriodFactory().pk,
            "mentor_at_school_period_finished_after_started",
            id="mentor-at-school",
        ),
        pytest.param(
            "mentors_mentorshipperiod",
            lambda: MentorshipPeriodFactory().pk,
            "mentorship_period_finished_after_started",
            id="mentorship",
        ),
        pytest.param(
            "ecf_trainingperiod",
            lambda: TrainingPeriodFactory().pk,
            "training_period_finished_after_started",
            id="training",
        ),
        pytest.param(
            "ecf_contractperiod",
            lambda: ContractPeriodFactory(year=2030).pk,
            "contract_period_finished_after_started",
            id="contract",
        ),
    ],
)
def test_the_end_before_start_check_alone_refuses(table, make_row, constraint_name):
    pk = make_row()
    pk_column = "year" if table == "ecf_contractperiod" else "id"

    with refused_by(constraint_name, CHECK_VIOLATION), connection.cursor() as cursor:
        drop_in_this_savepoint(f"ALTER TABLE {table} DROP COLUMN during CASCADE")
        cursor.execute(f"UPDATE {table} SET finished_on = started_on - 1 WHERE {pk_column} = %s", [pk])  # noqa: S608


def test_a_period_may_start_and_end_on_the_same_day():
    """Ranges are inclusive: a one-day period is a real period, not an empty one."""
    period = ect_period(TeacherFactory(), started_on=SEP_1, finished_on=SEP_1)

    assert ECTAtSchoolPeriod.objects.filter(pk=period.pk, during__contains=SEP_1).exists()


# A teacher is an ECT at one school at a time ---------------------------------------------------


def test_an_ect_cannot_be_at_two_schools_at_once():
    teacher = TeacherFactory()
    ect_period(teacher, started_on=SEP_1, finished_on=AUG_31)

    with refused_by("ect_at_one_school_at_a_time", EXCLUSION_VIOLATION):
        ect_period(teacher, started_on=APR_1, finished_on=datetime.date(2025, 12, 31))


def test_an_ect_cannot_be_registered_twice_at_the_same_school():
    first = ECTAtSchoolPeriodFactory(started_on=SEP_1)

    with refused_by("ect_at_one_school_at_a_time", EXCLUSION_VIOLATION):
        ect_period(first.teacher, started_on=APR_1, school=first.school)


def test_an_ect_cannot_have_two_open_periods():
    teacher = TeacherFactory()
    ect_period(teacher, started_on=SEP_1)

    with pytest.raises(IntegrityError) as exc, transaction.atomic():
        ect_period(teacher, started_on=datetime.date(2026, 9, 1))

    # Two open ranges always overlap, so either the exclusion or the open-period index may refuse first.
    assert exc.value.__cause__.diag.constraint_name in {
        "ect_at_one_school_at_a_time",
        "one_open_ect_period_per_teacher",
    }


def test_the_one_open_ect_period_index_refuses_on_its_own():
    """The partial unique index is a second guard: it still refuses two open periods without the exclusion."""
    teacher = TeacherFactory()
    ect_period(teacher, started_on=SEP_1)

    with refused_by("one_open_ect_period_per_teacher", UNIQUE_VIOLATION):
        drop_in_this_savepoint("ALTER TABLE ects_ectatschoolperiod DROP CONSTRAINT ect_at_one_school_at_a_time")
        ect_period(teacher, started_on=datetime.date(2026, 9, 1))

    with refused_by("ect_at_one_school_at_a_time", EXCLUSION_VIOLATION):
        ect_period(teacher, started_on=datetime.date(2026, 9, 1))


def test_an_ects_next_school_may_start_the_day_after_the_last_one_finished():
    teacher = TeacherFactory()
    ect_period(teacher, started_on=SEP_1, finished_on=MAR_31)

    successor = ect_period(teacher, started_on=APR_1)

    assert successor.pk is not None
    assert ECTAtSchoolPeriod.objects.filter(teacher=teacher).count() == 2


def test_an_ects_next_school_cannot_start_on_the_day_the_last_one_finished():
    """`finished_on` is the last day at the old school, so starting on it overlaps by one day."""
    teacher = TeacherFactory()
    ect_period(teacher, started_on=SEP_1, finished_on=MAR_31)

    with refused_by("ect_at_one_school_at_a_time", EXCLUSION_VIOLATION):
        ect_period(teacher, started_on=MAR_31)


def test_an_ects_finished_period_cannot_be_extended_into_the_next_one():
    teacher = TeacherFactory()
    previous = ect_period(teacher, started_on=SEP_1, finished_on=MAR_31)
    ect_period(teacher, started_on=APR_1)

    with refused_by("ect_at_one_school_at_a_time", EXCLUSION_VIOLATION):
        ECTAtSchoolPeriod.objects.filter(pk=previous.pk).update(finished_on=APR_1)

    with refused_by("ect_at_one_school_at_a_time", EXCLUSION_VIOLATION), connection.cursor() as cursor:
        cursor.execute("UPDATE ects_ectatschoolperiod SET finished_on = NULL WHERE id = %s", [previous.pk])


def test_two_different_ects_may_be_at_the_same_school_at_once():
    school = SchoolFactory()
    ect_period(TeacherFactory(), started_on=SEP_1, school=school)
    ect_period(TeacherFactory(), started_on=SEP_1, school=school)

    assert ECTAtSchoolPeriod.objects.filter(school=school).count() == 2


# A teacher has no overlapping mentor periods at the same school --------------------------------


def test_a_mentor_cannot_have_overlapping_periods_at_the_same_school():
    teacher, school = TeacherFactory(), SchoolFactory()
    mentor_period(teacher, school, started_on=SEP_1, finished_on=AUG_31)

    with refused_by("mentor_periods_at_a_school_never_overlap", EXCLUSION_VIOLATION):
        mentor_period(teacher, school, started_on=AUG_31)


def test_a_mentor_may_mentor_at_two_schools_at_once():
    teacher = TeacherFactory()
    mentor_period(teacher, SchoolFactory(), started_on=SEP_1)
    mentor_period(teacher, SchoolFactory(), started_on=SEP_1)

    assert MentorAtSchoolPeriod.objects.filter(teacher=teacher, finished_on__isnull=True).count() == 2


def test_a_mentor_may_return_to_a_school_the_day_after_leaving_it():
    teacher, school = TeacherFactory(), SchoolFactory()
    mentor_period(teacher, school, started_on=SEP_1, finished_on=MAR_31)

    mentor_period(teacher, school, started_on=APR_1)

    assert MentorAtSchoolPeriod.objects.filter(teacher=teacher, school=school).count() == 2


# An ECT period has no overlapping mentorships ---------------------------------------------------


def test_an_ect_cannot_have_two_mentors_at_once():
    mentorship = MentorshipPeriodFactory(started_on=SEP_1)
    other_mentor = MentorAtSchoolPeriodFactory(school=mentorship.mentee.school, started_on=SEP_1)

    with refused_by("ect_has_one_mentor_at_a_time", EXCLUSION_VIOLATION):
        MentorshipPeriod.objects.create(mentee=mentorship.mentee, mentor=other_mentor, started_on=APR_1)


def test_an_ects_next_mentor_cannot_start_on_the_day_the_last_mentorship_finished():
    mentorship = MentorshipPeriodFactory(started_on=SEP_1, finished_on=MAR_31)
    other_mentor = MentorAtSchoolPeriodFactory(school=mentorship.mentee.school, started_on=SEP_1)

    with refused_by("ect_has_one_mentor_at_a_time", EXCLUSION_VIOLATION):
        MentorshipPeriod.objects.create(mentee=mentorship.mentee, mentor=other_mentor, started_on=MAR_31)


def test_an_ects_next_mentor_may_start_the_day_after_the_last_mentorship_finished():
    mentorship = MentorshipPeriodFactory(started_on=SEP_1, finished_on=MAR_31)
    other_mentor = MentorAtSchoolPeriodFactory(school=mentorship.mentee.school, started_on=SEP_1)

    MentorshipPeriod.objects.create(mentee=mentorship.mentee, mentor=other_mentor, started_on=APR_1)

    assert mentorship.mentee.mentorship_periods.count() == 2


def test_a_mentor_may_mentor_two_ects_at_once():
    mentorship = MentorshipPeriodFactory(started_on=SEP_1)
    other_ect = ECTAtSchoolPeriodFactory(school=mentorship.mentee.school, started_on=SEP_1)

    MentorshipPeriod.objects.create(mentee=other_ect, mentor=mentorship.mentor, started_on=SEP_1)

    assert mentorship.mentor.mentorship_periods.count() == 2


# An at-school period has no overlapping training periods ---------------------------------------


def test_an_ect_period_cannot_have_overlapping_training_periods():
    ect = ECTAtSchoolPeriodFactory(started_on=SEP_1)
    training_period(ect_at_school_period=ect, started_on=SEP_1, finished_on=MAR_31)

    with refused_by("ect_training_periods_never_overlap", EXCLUSION_VIOLATION):
        training_period(ect_at_school_period=ect, started_on=MAR_31)


def test_an_ect_periods_next_training_may_start_the_day_after_the_last_finished():
    ect = ECTAtSchoolPeriodFactory(started_on=SEP_1)
    training_period(ect_at_school_period=ect, started_on=SEP_1, finished_on=MAR_31)

    training_period(ect_at_school_period=ect, started_on=APR_1)

    assert ect.training_periods.count() == 2


def test_a_mentor_period_cannot_have_overlapping_training_periods():
    mentor = MentorAtSchoolPeriodFactory(started_on=SEP_1)
    TrainingPeriodFactory(for_mentor=True, with_eoi=True, mentor_at_school_period=mentor, started_on=SEP_1)

    with refused_by("mentor_training_periods_never_overlap", EXCLUSION_VIOLATION):
        TrainingPeriodFactory(for_mentor=True, with_eoi=True, mentor_at_school_period=mentor, started_on=APR_1)


def test_training_periods_of_different_mentors_may_overlap():
    """The ECT exclusion compares a null ECT period for mentors' training: null never equals null."""
    first = TrainingPeriodFactory(for_mentor=True, with_eoi=True, started_on=SEP_1)
    second = TrainingPeriodFactory(for_mentor=True, with_eoi=True, started_on=SEP_1)

    assert first.ect_at_school_period_id is None
    assert second.ect_at_school_period_id is None


# Contract periods never overlap -----------------------------------------------------------------


def test_contract_periods_cannot_overlap():
    ContractPeriod.objects.create(
        year=2030, started_on=datetime.date(2030, 6, 1), finished_on=datetime.date(2031, 5, 31)
    )

    with refused_by("contract_periods_never_overlap", EXCLUSION_VIOLATION):
        ContractPeriod.objects.create(
            year=2031, started_on=datetime.date(2031, 5, 31), finished_on=datetime.date(2032, 5, 31)
        )


def test_the_next_contract_period_may_start_the_day_after_the_last_one_finished():
    ContractPeriod.objects.create(
        year=2030, started_on=datetime.date(2030, 6, 1), finished_on=datetime.date(2031, 5, 31)
    )
    ContractPeriod.objects.create(
        year=2031, started_on=datetime.date(2031, 6, 1), finished_on=datetime.date(2032, 5, 31)
    )

    assert ContractPeriod.objects.filter(year__in=[2030, 2031]).count() == 2


# A training period belongs to exactly one of ECT / mentor ---------------------------------------


def test_a_training_period_cannot_belong_to_both_an_ect_and_a_mentor():
    ect = ECTAtSchoolPeriodFactory()
    mentor = MentorAtSchoolPeriodFactory(school=ect.school)

    with refused_by("training_period_belongs_to_exactly_one_of_ect_or_mentor", CHECK_VIOLATION):
        training_period(
            ect_at_school_period=ect,
            mentor_at_school_period=mentor,
            training_programme=TrainingPeriod.Programme.PROVIDER_LED,
            expression_of_interest=ActiveLeadProviderFactory(),
        )


def test_a_training_period_cannot_belong_to_nobody():
    with refused_by("training_period_belongs_to_exactly_one_of_ect_or_mentor", CHECK_VIOLATION):
        training_period()


def test_a_training_period_cannot_be_moved_off_its_owner():
    training = TrainingPeriodFactory(school_led=True)

    with refused_by("training_period_belongs_to_exactly_one_of_ect_or_mentor", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(ect_at_school_period=None)


# Provider-led: exactly one of partnership / EOI; school-led: neither; mentors: provider-led ------


def test_provider_led_training_needs_a_partnership_or_an_expression_of_interest():
    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        training_period(
            ect_at_school_period=ECTAtSchoolPeriodFactory(), training_programme=TrainingPeriod.Programme.PROVIDER_LED
        )


def test_provider_led_training_cannot_have_both_a_partnership_and_an_expression_of_interest():
    training = TrainingPeriodFactory()  # provider-led with a confirmed partnership

    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(expression_of_interest=ActiveLeadProviderFactory())


def test_provider_led_training_may_have_just_an_expression_of_interest():
    training = TrainingPeriodFactory(with_eoi=True)

    assert training.school_partnership_id is None
    assert training.expression_of_interest_id is not None


def test_school_led_training_cannot_have_a_partnership():
    ect = ECTAtSchoolPeriodFactory()

    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        training_period(ect_at_school_period=ect, school_partnership=SchoolPartnershipFactory(school=ect.school))


def test_school_led_training_cannot_have_an_expression_of_interest():
    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        training_period(
            ect_at_school_period=ECTAtSchoolPeriodFactory(), expression_of_interest=ActiveLeadProviderFactory()
        )


def test_switching_to_school_led_must_drop_the_partnership():
    training = TrainingPeriodFactory()

    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(training_programme=TrainingPeriod.Programme.SCHOOL_LED)


def test_a_training_programme_must_be_one_the_service_knows():
    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        training_period(ect_at_school_period=ECTAtSchoolPeriodFactory(), training_programme="diy")


def test_mentor_training_cannot_be_school_led():
    with refused_by("training_period_mentor_training_is_provider_led", CHECK_VIOLATION):
        training_period(mentor_at_school_period=MentorAtSchoolPeriodFactory())


# withdrawn_at <=> withdrawal_reason; deferred_at <=> deferral_reason -----------------------------


def test_a_withdrawal_needs_a_reason():
    training = TrainingPeriodFactory()

    with refused_by("training_period_withdrawn_at_with_reason", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(withdrawn_at=timezone.now())


def test_a_withdrawal_reason_needs_a_withdrawal_date():
    training = TrainingPeriodFactory()

    with refused_by("training_period_withdrawn_at_with_reason", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(
            withdrawal_reason=TrainingPeriod.WithdrawalReason.MOVED_SCHOOL
        )


def test_a_withdrawal_with_date_and_reason_is_accepted():
    training = TrainingPeriodFactory()

    TrainingPeriod.objects.filter(pk=training.pk).update(
        withdrawn_at=timezone.now(), withdrawal_reason=TrainingPeriod.WithdrawalReason.MOVED_SCHOOL
    )

    training.refresh_from_db()
    assert training.status == "withdrawn"


def test_a_deferral_needs_a_reason():
    training = TrainingPeriodFactory()

    with refused_by("training_period_deferred_at_with_reason", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(deferred_at=timezone.now())


def test_a_deferral_reason_needs_a_deferral_date():
    training = TrainingPeriodFactory()

    with refused_by("training_period_deferred_at_with_reason", CHECK_VIOLATION), connection.cursor() as cursor:
        cursor.execute("UPDATE ecf_trainingperiod SET deferral_reason = 'bereavement' WHERE id = %s", [training.pk])


def test_a_deferral_with_date_and_reason_is_accepted():
    training = TrainingPeriodFactory()

    TrainingPeriod.objects.filter(pk=training.pk).update(
        deferred_at=timezone.now(), deferral_reason=TrainingPeriod.DeferralReason.PARENTAL_LEAVE
    )

    training.refresh_from_db()
    assert training.status == "deferred"


# TRN is 7 digits and unique ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "trn",
    [
        pytest.param("123456", id="6-digits"),
        pytest.param("", id="empty"),
        pytest.param("12345AB", id="letters"),
        pytest.param("RP12345", id="prefix"),
        pytest.param("123 456", id="space"),
        pytest.param(" 123456", id="leading-space"),
        pytest.param("123456\n", id="trailing-newline"),
        pytest.param("-123456", id="minus-sign"),
        pytest.param("١٢٣٤٥٦٧", id="arabic-indic-digits"),
        pytest.param("\uff11\uff12\uff13\uff14\uff15\uff16\uff17", id="fullwidth-digits"),
    ],
)
def test_a_trn_must_be_7_digits(trn):
    with refused_by("teacher_trn_is_7_digits", CHECK_VIOLATION):
        TeacherFactory(trn=trn)


def test_a_trn_cannot_be_changed_to_something_other_than_7_digits():
    teacher = TeacherFactory(trn="1234567")

    with refused_by("teacher_trn_is_7_digits", CHECK_VIOLATION), connection.cursor() as cursor:
        cursor.execute("UPDATE ecf_teacher SET trn = 'ABCDEFG' WHERE id = %s", [teacher.pk])


@pytest.mark.parametrize("trn", [pytest.param("12345678", id="8-digits"), pytest.param("1234567\n", id="newline")])
def test_a_trn_longer_than_7_characters_is_refused_by_the_column_length(trn):
    """varchar(7) refuses these before the CHECK runs, so PostgreSQL raises a DataError, not an IntegrityError."""
    with pytest.raises(DataError) as exc, transaction.atomic():
        TeacherFactory(trn=trn)

    assert exc.value.__cause__.sqlstate == "22001"  # string_data_right_truncation


def test_a_trn_of_7_digits_with_leading_zeros_is_accepted():
    assert TeacherFactory(trn="0000001").pk is not None


def test_two_teachers_cannot_share_a_trn():
    TeacherFactory(trn="1234567")

    with pytest.raises(IntegrityError) as exc, transaction.atomic():
        TeacherFactory(trn="1234567")

    cause = exc.value.__cause__
    assert cause.sqlstate == UNIQUE_VIOLATION
    assert cause.diag.table_name == "ecf_teacher"
    assert "(trn)=(1234567)" in cause.diag.message_detail


# Mentor training completion: date and reason together -------------------------------------------


def test_mentor_training_completion_needs_a_reason():
    teacher = TeacherFactory()

    with refused_by("teacher_mentor_training_completion_has_date_and_reason", CHECK_VIOLATION):
        Teacher.objects.filter(pk=teacher.pk).update(mentor_training_completed_on=datetime.date(2025, 7, 1))


def test_mentor_training_completion_reason_needs_a_date():
    with refused_by("teacher_mentor_training_completion_has_date_and_reason", CHECK_VIOLATION):
        TeacherFactory(
            mentor_training_completion_reason=Teacher.MentorTrainingCompletionReason.COMPLETED_DECLARATION_RECEIVED
        )


# One LP x DP pair, one school x partnership, one LP per contract period --------------------------


def test_a_lead_provider_and_delivery_partner_pair_is_unique():
    partnership = LeadProviderDeliveryPartnershipFactory()

    with refused_by("one_partnership_per_lead_provider_and_delivery_partner", UNIQUE_VIOLATION):
        LeadProviderDeliveryPartnership.objects.create(
            active_lead_provider=partnership.active_lead_provider, delivery_partner=partnership.delivery_partner
        )


def test_a_lead_provider_may_work_with_two_delivery_partners():
    partnership = LeadProviderDeliveryPartnershipFactory()

    LeadProviderDeliveryPartnership.objects.create(
        active_lead_provider=partnership.active_lead_provider, delivery_partner=DeliveryPartnerFactory()
    )

    assert partnership.active_lead_provider.delivery_partnerships.count() == 2


def test_a_school_has_a_partnership_only_once():
    school_partnership = SchoolPartnershipFactory()

    with refused_by("one_school_partnership_per_school_and_partnership", UNIQUE_VIOLATION):
        SchoolPartnership.objects.create(
            school=school_partnership.school,
            lead_provider_delivery_partnership=school_partnership.lead_provider_delivery_partnership,
        )


def test_a_lead_provider_is_active_once_per_contract_period():
    active = ActiveLeadProviderFactory()

    with refused_by("one_active_lead_provider_per_contract_period", UNIQUE_VIOLATION):
        ActiveLeadProvider.objects.create(lead_provider=active.lead_provider, contract_period=active.contract_period)


def test_a_lead_provider_may_be_active_in_two_contract_periods():
    lead_provider = LeadProviderFactory()
    ActiveLeadProvider.objects.create(lead_provider=lead_provider, contract_period=ContractPeriodFactory(year=2030))
    ActiveLeadProvider.objects.create(lead_provider=lead_provider, contract_period=ContractPeriodFactory(year=2031))

    assert lead_provider.active_periods.count() == 2


# What users see: model validation reports the constraint's own message --------------------------


def test_full_clean_on_an_overlapping_ect_period_gives_the_constraints_message():
    existing = ECTAtSchoolPeriodFactory(started_on=SEP_1)
    overlapping = ECTAtSchoolPeriod(
        teacher=existing.teacher,
        school=SchoolFactory(),
        started_on=MAR_31,
        finished_on=AUG_31,
        email="ect@example.com",
        working_pattern=ECTAtSchoolPeriod.WorkingPattern.FULL_TIME,
    )

    with pytest.raises(ValidationError) as exc:
        overlapping.full_clean()

    assert exc.value.message_dict == {"__all__": ["This teacher is already an ECT at a school in these dates."]}


def test_full_clean_on_an_overlapping_mentorship_gives_the_constraints_message():
    mentorship = MentorshipPeriodFactory(started_on=SEP_1, finished_on=MAR_31)
    other_mentor = MentorAtSchoolPeriodFactory(school=mentorship.mentee.school, started_on=SEP_1)

    with pytest.raises(ValidationError) as exc:
        MentorshipPeriod(mentee=mentorship.mentee, mentor=other_mentor, started_on=MAR_31).full_clean()

    assert exc.value.messages == ["This ECT already has a mentor in these dates."]


def test_full_clean_accepts_the_successor_period():
    mentorship = MentorshipPeriodFactory(started_on=SEP_1, finished_on=MAR_31)
    other_mentor = MentorAtSchoolPeriodFactory(school=mentorship.mentee.school, started_on=SEP_1)

    MentorshipPeriod(mentee=mentorship.mentee, mentor=other_mentor, started_on=APR_1).full_clean()
