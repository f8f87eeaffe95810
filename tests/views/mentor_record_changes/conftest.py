"""Grace Hopper, a primary mentor whose record is changed, and Alan Turing, a secondary mentor of middle years."""

import pytest

from schools.models import School
from tests.factories import MentorAtSchoolPeriodFactory, TeacherFactory


@pytest.fixture
def mentor(school):
    teacher = TeacherFactory(trn="3456789", trs_first_name="Grace", trs_last_name="Hopper")
    return MentorAtSchoolPeriodFactory(
        school=school,
        teacher=teacher,
        email="grace@example.com",
        subject="Primary with mathematics",
        age_range="5 to 11",
        key_stage="Key stage 1",
    )


@pytest.fixture
def secondary_mentor(school):
    school.phase = School.Phase.SECONDARY
    school.save()
    teacher = TeacherFactory(trs_first_name="Alan", trs_last_name="Turing")
    return MentorAtSchoolPeriodFactory(
        school=school,
        teacher=teacher,
        subject="Mathematics",
        age_range="7 to 14 - middle years",
        key_stage="Key stage 2",
    )
