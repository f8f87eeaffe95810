"""Rows written around model validation, and the check that PostgreSQL refused them by the constraint's name."""

# Each test writes around model validation (`objects.create`, `QuerySet.update` or raw SQL) and expects the database
# to refuse, naming the constraint that did so. Where a rule has an edge (inclusive date ranges, the TRN pattern), the
# allowed side of the edge is tested too, so a constraint that is too strict fails as well as one that is too loose.

import datetime
from contextlib import contextmanager

import pytest
from django.db import IntegrityError, connection, transaction

from ecf.models import TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod
from tests.factories import SchoolFactory

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


def drop_in_this_savepoint(sql: str) -> None:
    """Run DDL that the enclosing savepoint's rollback undoes (DDL is transactional in PostgreSQL).

    Django's foreign keys are DEFERRABLE INITIALLY DEFERRED; their pending checks would block ALTER TABLE.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(sql)
