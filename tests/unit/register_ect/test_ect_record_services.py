"""The ECT record's changes: name, email address and working pattern."""

import pytest

from ecf.errors import DomainError
from ecf.models import Event, Teacher
from ects.models import ECTAtSchoolPeriod
from ects.services import change_ect_email, change_ect_name, change_ect_working_pattern
from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory, TeacherFactory
from tests.unit.register_ect.registration import TRN

pytestmark = pytest.mark.django_db


@pytest.fixture
def ect_period(school):
    return ECTAtSchoolPeriodFactory(
        school=school,
        teacher=TeacherFactory(trn=TRN, trs_first_name="Kenneth", trs_last_name="Lowry"),
        email="kenneth.lowry@example.com",
        working_pattern=ECTAtSchoolPeriod.WorkingPattern.FULL_TIME,
    )


def test_change_ect_name_records_the_corrected_name_and_an_event(ect_period, author):
    change_ect_name(ect_period=ect_period, corrected_name="  Ken   Lowry ", author=author)

    teacher = Teacher.objects.get(trn=TRN)
    assert teacher.corrected_name == "Ken Lowry"
    assert (teacher.trs_first_name, teacher.trs_last_name) == ("Kenneth", "Lowry")
    assert ect_period.teacher.full_name == "Ken Lowry"
    event = Event.objects.get()
    assert event.event_type == "teacher_name_updated_by_user"
    assert event.heading == "Name changed from Kenneth Lowry to Ken Lowry"
    assert event.changes == {"corrected_name": ["", "Ken Lowry"]}
    assert event.author_name == author.name
    assert (event.teacher, event.school, event.ect_at_school_period) == (teacher, ect_period.school, ect_period)


def test_change_ect_name_to_the_same_name_writes_nothing(ect_period, author):
    change_ect_name(ect_period=ect_period, corrected_name="Kenneth Lowry", author=author)

    assert Teacher.objects.get(trn=TRN).corrected_name == ""
    assert not Event.objects.exists()


def test_change_ect_email_records_an_event(ect_period, author):
    change_ect_email(ect_period=ect_period, email="ken@example.com", author=author)

    ect_period.refresh_from_db()
    assert ect_period.email == "ken@example.com"
    event = Event.objects.get()
    assert event.event_type == "teacher_email_updated"
    assert event.changes == {"email": ["kenneth.lowry@example.com", "ken@example.com"]}
    assert event.ect_at_school_period == ect_period
    assert event.author_name == author.name


def test_change_ect_email_to_the_same_email_writes_nothing(ect_period, author):
    change_ect_email(ect_period=ect_period, email=" kenneth.lowry@example.com ", author=author)

    assert not Event.objects.exists()


def test_change_ect_email_to_someone_elses_is_refused(ect_period, author):
    MentorAtSchoolPeriodFactory(email="taken@example.com")

    with pytest.raises(DomainError, match=r"^This email is already in use for a different ECT or mentor$"):
        change_ect_email(ect_period=ect_period, email="Taken@example.com", author=author)

    ect_period.refresh_from_db()
    assert ect_period.email == "kenneth.lowry@example.com"
    assert not Event.objects.exists()


def test_change_ect_working_pattern_records_an_event(ect_period, author):
    change_ect_working_pattern(
        ect_period=ect_period, working_pattern=ECTAtSchoolPeriod.WorkingPattern.PART_TIME, author=author
    )

    ect_period.refresh_from_db()
    assert ect_period.working_pattern == "part_time"
    event = Event.objects.get()
    assert event.event_type == "teacher_working_pattern_updated"
    assert event.heading == "Working pattern changed from full time to part time"
    assert event.changes == {"working_pattern": ["full_time", "part_time"]}
    assert event.author_name == author.name


def test_change_ect_working_pattern_to_the_same_writes_nothing(ect_period, author):
    change_ect_working_pattern(ect_period=ect_period, working_pattern="full_time", author=author)

    assert not Event.objects.exists()


def test_change_ect_working_pattern_refuses_an_unknown_pattern(ect_period, author):
    with pytest.raises(DomainError, match="full or part time"):
        change_ect_working_pattern(ect_period=ect_period, working_pattern="weekends", author=author)
