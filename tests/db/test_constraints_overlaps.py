"""PostgreSQL refuses overlapping periods (docs/invariants.md); model validation reports the constraint's message."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from ecf.models import ContractPeriod
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from tests.db.refusals import (
    APR_1,
    AUG_31,
    EXCLUSION_VIOLATION,
    MAR_31,
    SEP_1,
    UNIQUE_VIOLATION,
    drop_in_this_savepoint,
    ect_period,
    mentor_period,
    refused_by,
    training_period,
)
from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db


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
