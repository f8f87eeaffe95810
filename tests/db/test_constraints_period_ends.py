"""PostgreSQL refuses a period that ends before it starts (docs/invariants.md); a one-day period is allowed."""

import datetime
from contextlib import contextmanager

import pytest
from django.db import DataError, IntegrityError, connection, transaction

from ecf.models import ContractPeriod
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorshipPeriod
from tests.db.refusals import (
    APR_1,
    CHECK_VIOLATION,
    MAR_31,
    SEP_1,
    drop_in_this_savepoint,
    ect_period,
    mentor_period,
    refused_by,
    training_period,
)
from tests.factories import (
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db


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
