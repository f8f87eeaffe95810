"""register_mentor: a new or known teacher registered as a mentor, assigned and emailed, or refused."""

import datetime

import pytest

from ecf.errors import DomainError
from ecf.models import EmailMessage, Event, Teacher
from mentors.models import MentorAtSchoolPeriod
from mentors.services import register_mentor
from tests.factories import LeadProviderFactory, SchoolFactory, TeacherFactory
from tests.unit.mentor_services.periods import (
    MONTH_AGO,
    TODAY,
    TRN,
    a_mentor,
    an_ect,
    provider_led_through_partnership,
    school_led,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(school, author):
    def register(ect_period, **overrides) -> MentorAtSchoolPeriod:
        answers = {
            "school": school,
            "ect_period": ect_period,
            "author": author,
            "trn": TRN,
            "trs_first_name": "Jane",
            "trs_last_name": "Smith",
            "trs_qts_awarded_on": datetime.date(2015, 7, 18),
            "email": "jane.smith@example.com",
            "subject": "Primary with mathematics",
            "age_range": "5 to 11",
            "key_stage": "Key stage 2",
        }
        answers.update(overrides)
        return register_mentor(**answers).mentor_period

    return register


def test_registering_a_new_mentor_creates_them_assigns_them_and_emails_them(register, school, partnership):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)

    period = register(ect, email=" jane.smith@example.com ", corrected_name="  Jane  Smith-Jones ")

    period.refresh_from_db()
    teacher = Teacher.objects.get(trn=TRN)
    assert period.teacher == teacher
    assert (teacher.trs_first_name, teacher.trs_last_name) == ("Jane", "Smith")
    assert teacher.corrected_name == "Jane Smith-Jones"
    assert teacher.trs_qts_awarded_on == datetime.date(2015, 7, 18)
    assert (period.school, period.started_on, period.finished_on) == (school, TODAY, None)
    assert period.email == "jane.smith@example.com"
    assert period.subject == "Primary with mathematics"
    assert (period.age_range, period.key_stage) == ("5 to 11", "Key stage 2")
    mentorship = ect.mentorship_periods.get()
    assert (mentorship.mentor, mentorship.started_on) == (period, TODAY)
    assert period.training_periods.get().school_partnership == partnership
    registered = Event.objects.get(event_type="teacher_registered_as_mentor")
    assert registered.heading == "Jane Smith-Jones was registered as a mentor at Ashdown Primary School"
    assert (registered.teacher, registered.mentor_at_school_period) == (teacher, period)
    email = EmailMessage.objects.get()
    assert email.template == "mentor_registered"
    assert email.to == "jane.smith@example.com"
    assert email.personalisation == {"mentor_name": "Jane Smith-Jones", "school_name": "Ashdown Primary School"}


def test_registering_an_existing_teacher_brings_their_trs_names_up_to_date(register, school):
    teacher = TeacherFactory(trn=TRN, trs_first_name="Janet", trs_last_name="Smyth", corrected_name="")

    period = register(an_ect(school))

    teacher.refresh_from_db()
    assert period.teacher == teacher
    assert (teacher.trs_first_name, teacher.trs_last_name) == ("Jane", "Smith")
    assert Event.objects.get(event_type="teacher_registered_as_mentor").changes["trs_first_name"] == ["Janet", "Jane"]


def test_a_mentor_at_another_school_can_be_registered_here_too(register, school):
    teacher = TeacherFactory(trn=TRN)
    elsewhere = a_mentor(SchoolFactory(), teacher=teacher, email="jane.smith@example.com")

    period = register(an_ect(school))

    assert period.school == school
    assert period.pk != elsewhere.pk
    elsewhere.refresh_from_db()
    assert elsewhere.finished_on is None  # still mentoring there
    assert EmailMessage.objects.filter(template="mentor_registered").count() == 1


def test_the_schools_current_mentor_period_for_the_teacher_is_reused(register, school):
    existing = a_mentor(school, teacher=TeacherFactory(trn=TRN), email="old@example.com")

    period = register(an_ect(school))

    assert period.pk == existing.pk
    assert MentorAtSchoolPeriod.objects.count() == 1
    existing.refresh_from_db()
    assert existing.email == "jane.smith@example.com"
    assert existing.started_on == MONTH_AGO
    assert not EmailMessage.objects.exists()  # registered before: not emailed again
    updated = Event.objects.get(event_type="mentor_details_updated")
    assert updated.changes["email"] == ["old@example.com", "jane.smith@example.com"]


def test_registering_the_ect_as_their_own_mentor_is_refused(register, school):
    ect = an_ect(school)

    with pytest.raises(DomainError, match=r"^You cannot assign an ECT as their own mentor$"):
        register(ect, trn=ect.teacher.trn)

    assert not MentorAtSchoolPeriod.objects.exists()
    assert not EmailMessage.objects.exists()


def test_an_email_in_use_by_someone_else_is_refused(register, school):
    an_ect(school, "Other Person", email="jane.smith@example.com")

    with pytest.raises(DomainError, match=r"^This email is already in use for a different ECT or mentor$"):
        register(an_ect(school), email="JANE.SMITH@example.com")

    assert not Teacher.objects.filter(trn=TRN).exists()
    assert not MentorAtSchoolPeriod.objects.exists()


def test_an_ect_of_another_school_is_refused(register):
    with pytest.raises(DomainError):
        register(an_ect(SchoolFactory()))

    assert not Teacher.objects.filter(trn=TRN).exists()


def test_a_refused_assignment_undoes_the_whole_registration(register, school, partnership):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)

    with pytest.raises(DomainError, match="is not providing training"):
        register(ect, mentor_training_lead_provider=LeadProviderFactory())

    assert not Teacher.objects.filter(trn=TRN).exists()
    assert not MentorAtSchoolPeriod.objects.exists()
    assert not Event.objects.exists()
    assert not EmailMessage.objects.exists()


@pytest.mark.parametrize(
    ("blank", "message"),
    [("subject", "Select a subject"), ("age_range", "Select an age range"), ("key_stage", "Select a key stage")],
)
def test_teaching_details_are_required(register, school, blank, message):
    with pytest.raises(DomainError, match=f"^{message}$"):
        register(an_ect(school), **{blank: " "})


def test_a_school_led_ect_registers_the_mentor_without_training(register, school):
    ect = an_ect(school)
    school_led(ect)

    period = register(ect)

    assert ect.mentorship_periods.get().mentor == period
    assert not period.training_periods.exists()
