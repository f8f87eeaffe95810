"""The mentor record's changes: name, email address, teaching details and additional details."""

import pytest

from ecf.errors import DomainError
from ecf.models import Event
from mentors.services import (
    change_mentor_additional_details,
    change_mentor_email,
    change_mentor_name,
    change_mentor_teaching_details,
)
from tests.factories import SchoolFactory
from tests.unit.mentor_services.periods import a_mentor, an_ect, fresh

pytestmark = pytest.mark.django_db


def test_changing_the_mentors_name_records_the_corrected_name(school, author):
    mentor = a_mentor(school)

    change_mentor_name(mentor_period=mentor, corrected_name="  Jane   Smith-Jones ", author=author)

    mentor.teacher.refresh_from_db()
    assert mentor.teacher.corrected_name == "Jane Smith-Jones"
    event = Event.objects.get()
    assert event.heading == "Name changed from Jane Smith to Jane Smith-Jones"
    assert event.changes == {"corrected_name": ["", "Jane Smith-Jones"]}
    assert (event.mentor_at_school_period, event.teacher) == (mentor, mentor.teacher)


def test_changing_the_name_to_the_same_name_writes_nothing(school, author):
    mentor = a_mentor(school)

    change_mentor_name(mentor_period=mentor, corrected_name="Jane Smith", author=author)

    assert not Event.objects.exists()


def test_changing_the_mentors_email(school, author):
    mentor = a_mentor(school, email="old@example.com")

    change_mentor_email(mentor_period=mentor, email=" new@example.com ", author=author)

    assert fresh(mentor).email == "new@example.com"
    assert mentor.email == "new@example.com"
    assert Event.objects.get().changes == {"email": ["old@example.com", "new@example.com"]}


def test_an_unchanged_email_writes_nothing(school, author):
    mentor = a_mentor(school, email="same@example.com")

    change_mentor_email(mentor_period=mentor, email="same@example.com", author=author)

    assert not Event.objects.exists()


def test_an_email_used_by_someone_else_is_refused(school, author):
    mentor = a_mentor(school, email="old@example.com")
    a_mentor(school, "Other Mentor", email="taken@example.com")

    with pytest.raises(DomainError, match=r"^This email is already in use for a different ECT or mentor$"):
        change_mentor_email(mentor_period=mentor, email="Taken@example.com", author=author)

    assert fresh(mentor).email == "old@example.com"


def test_the_mentors_own_ect_email_is_not_someone_elses(school, author):
    mentor = a_mentor(school, email="old@example.com")
    an_ect(SchoolFactory(), teacher=mentor.teacher, email="mine@example.com")

    change_mentor_email(mentor_period=mentor, email="mine@example.com", author=author)

    assert fresh(mentor).email == "mine@example.com"


def test_changing_teaching_details_changes_only_what_is_given(school, author):
    mentor = a_mentor(school)  # Primary, 5 to 11, Key stage 2

    change_mentor_teaching_details(mentor_period=mentor, author=author, age_range="7 to 14 - middle years")

    mentor = fresh(mentor)
    assert (mentor.subject, mentor.age_range, mentor.key_stage) == ("Primary", "7 to 14 - middle years", "Key stage 2")
    event = Event.objects.get()
    assert event.event_type == "mentor_teaching_details_updated"
    assert event.changes == {"age_range": ["5 to 11", "7 to 14 - middle years"]}
    assert event.heading == "Age range changed from 5 to 11 to 7 to 14 - middle years"


def test_unchanged_teaching_details_write_nothing(school, author):
    mentor = a_mentor(school)

    change_mentor_teaching_details(mentor_period=mentor, author=author, subject="Primary", key_stage="Key stage 2")

    assert not Event.objects.exists()


def test_a_blank_teaching_detail_is_refused(school, author):
    with pytest.raises(DomainError, match=r"^Select a key stage$"):
        change_mentor_teaching_details(mentor_period=a_mentor(school), author=author, key_stage="")


def test_changing_additional_details(school, author):
    mentor = a_mentor(school, send_training="Old course")

    change_mentor_additional_details(
        mentor_period=mentor, author=author, started_mentoring=" September 2019 ", send_training=""
    )

    mentor = fresh(mentor)
    assert (mentor.started_mentoring, mentor.send_training) == ("September 2019", "")
    event = Event.objects.get()
    assert event.event_type == "mentor_additional_details_updated"
    assert event.changes == {"started_mentoring": ["", "September 2019"], "send_training": ["Old course", ""]}
    assert event.heading == "Date started mentoring set to September 2019; SEND training removed"


def test_unchanged_additional_details_write_nothing(school, author):
    mentor = a_mentor(school, other_experiences="Lead for maths")

    change_mentor_additional_details(mentor_period=mentor, author=author, other_experiences="Lead for maths")

    assert not Event.objects.exists()


def test_additional_details_longer_than_allowed_are_refused(school, author):
    mentor = a_mentor(school)

    with pytest.raises(DomainError, match=r"^Subject networks and associations must be 500 characters or less$"):
        change_mentor_additional_details(mentor_period=mentor, author=author, subject_networks="x" * 501)

    assert fresh(mentor).subject_networks == ""


def test_an_unknown_additional_detail_is_a_programming_error(school, author):
    with pytest.raises(TypeError):
        change_mentor_additional_details(mentor_period=a_mentor(school), author=author, email="x@example.com")


@pytest.mark.django_db
def test_a_500_character_additional_detail_is_saved_and_its_event_heading_shortened():
    from ecf.events import Author
    from ecf.models import Event
    from mentors.services import change_mentor_additional_details
    from tests.factories import MentorAtSchoolPeriodFactory, UserFactory

    mentor_period = MentorAtSchoolPeriodFactory()

    change_mentor_additional_details(
        mentor_period=mentor_period, author=Author.school_user(UserFactory()), other_experiences="x" * 500
    )

    mentor_period.refresh_from_db()
    assert mentor_period.other_experiences == "x" * 500
    event = Event.objects.get(mentor_at_school_period=mentor_period)
    assert len(event.heading) <= 500
    assert event.changes["other_experiences"][1] == "x" * 500
