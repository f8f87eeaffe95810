"""register_ect: the training, teacher and ECT period it records, and its events and email."""

import datetime

import pytest

from ecf.models import EmailMessage, Event, Teacher, TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from schools.models import School
from tests.factories import ActiveLeadProviderFactory, ContractPeriodFactory, SchoolFactory, TeacherFactory
from tests.unit.register_ect.registration import SEP_1, TRN, partnership, provider_led

pytestmark = pytest.mark.django_db


# Training ----------------------------------------------------------------------------------------


def test_provider_led_with_a_confirmed_partnership_trains_through_that_partnership(
    register, school, active_lead_provider, lead_provider
):
    confirmed = partnership(school, active_lead_provider)
    partnership(SchoolFactory(), active_lead_provider)  # another school's: never used

    period = register(**provider_led(lead_provider))

    training = period.training_periods.get()
    assert training.training_programme == TrainingPeriod.Programme.PROVIDER_LED
    assert training.school_partnership == confirmed
    assert training.expression_of_interest is None
    assert training.started_on == SEP_1
    assert training.finished_on is None


def test_provider_led_without_a_partnership_this_year_is_an_expression_of_interest(
    register, school, active_lead_provider, lead_provider
):
    last_year = ActiveLeadProviderFactory(lead_provider=lead_provider, contract_period=ContractPeriodFactory(year=2024))
    partnership(school, last_year)  # confirmed for 2024 only: not this registration's contract period

    period = register(**provider_led(lead_provider))

    training = period.training_periods.get()
    assert training.school_partnership is None
    assert training.expression_of_interest == active_lead_provider


def test_school_led_has_neither_partnership_nor_expression_of_interest(register, lead_provider):
    period = register(training_programme=TrainingPeriod.Programme.SCHOOL_LED, lead_provider=lead_provider)

    training = period.training_periods.get()
    assert training.training_programme == TrainingPeriod.Programme.SCHOOL_LED
    assert training.school_partnership is None
    assert training.expression_of_interest is None


def test_the_ect_period_records_the_answers(register, school, appropriate_body):
    period = register(email="  kenneth.lowry@example.com ", working_pattern=ECTAtSchoolPeriod.WorkingPattern.PART_TIME)

    period.refresh_from_db()
    assert period.school == school
    assert period.teacher.trn == TRN
    assert period.started_on == SEP_1
    assert period.finished_on is None
    assert period.email == "kenneth.lowry@example.com"
    assert period.working_pattern == ECTAtSchoolPeriod.WorkingPattern.PART_TIME
    assert period.appropriate_body == appropriate_body


# The teacher -------------------------------------------------------------------------------------


def test_a_new_teacher_is_created_with_their_trs_details_and_corrected_name(register):
    register(corrected_name=" Kenneth Lowry-Smith ")

    teacher = Teacher.objects.get(trn=TRN)
    assert (teacher.trs_first_name, teacher.trs_last_name) == ("Kenneth", "Lowry")
    assert teacher.corrected_name == "Kenneth Lowry-Smith"
    assert teacher.trs_induction_status == "RequiredToComplete"
    assert teacher.trs_qts_awarded_on == datetime.date(2025, 7, 18)


def test_an_existing_teacher_is_reused_and_brought_up_to_date(register):
    teacher = TeacherFactory(
        trn=TRN, trs_first_name="Ken", trs_last_name="Lowery", corrected_name="K Lowry", trs_induction_status=""
    )

    period = register()

    assert Teacher.objects.count() == 1
    assert period.teacher_id == teacher.pk
    teacher.refresh_from_db()
    assert (teacher.trs_first_name, teacher.trs_last_name) == ("Kenneth", "Lowry")
    assert teacher.trs_induction_status == "RequiredToComplete"
    assert teacher.corrected_name == "K Lowry"  # no corrected name given: the school's earlier one stays
    event = Event.objects.get(event_type="teacher_registered_as_ect")
    assert event.changes["trs_first_name"] == ["Ken", "Kenneth"]
    assert event.changes["trs_induction_status"] == ["", "RequiredToComplete"]
    assert "corrected_name" not in event.changes


# What else registration does ---------------------------------------------------------------------


def test_the_schools_programme_choices_are_remembered(register, school, appropriate_body, lead_provider):
    School.objects.filter(pk=school.pk).update(name="Ashdown Primary School (renamed)")  # the instance is stale

    register(**provider_led(lead_provider))

    school.refresh_from_db()
    assert school.last_chosen_appropriate_body == appropriate_body
    assert school.last_chosen_training_programme == "provider_led"
    assert school.last_chosen_lead_provider == lead_provider
    assert school.name == "Ashdown Primary School (renamed)"  # only the choices were written

    register(trn="7654321", email="other@example.com", training_programme="school_led")

    school.refresh_from_db()
    assert school.last_chosen_training_programme == "school_led"
    assert school.last_chosen_lead_provider is None


def test_events_are_written_with_the_author_and_links(
    register, school, author, appropriate_body, active_lead_provider, lead_provider
):
    confirmed = partnership(school, active_lead_provider)

    period = register(**provider_led(lead_provider))

    training = period.training_periods.get()
    registered = Event.objects.get(event_type="teacher_registered_as_ect")
    started = Event.objects.get(event_type="teacher_starts_training_period")
    assert registered.heading == "Kenneth Lowry was registered as an ECT at Ashdown Primary School"
    for event in (registered, started):
        assert event.author_type == Event.AuthorType.SCHOOL_USER
        assert event.author_user == author.user
        assert event.author_name == "Sam Tutor"
        assert event.teacher == period.teacher
        assert event.school == school
        assert event.ect_at_school_period == period
        assert event.training_period == training
        assert event.lead_provider == lead_provider
        assert event.appropriate_body == appropriate_body
        assert event.school_partnership == confirmed
    assert registered.metadata["started_on"] == "2025-09-01"
    assert registered.metadata["contract_period"] == 2025


@pytest.mark.parametrize(
    ("programme", "template"),
    [("provider_led", "ect_registered_provider_led"), ("school_led", "ect_registered_school_led")],
)
def test_the_ect_is_emailed_after_commit(
    register, lead_provider, django_capture_on_commit_callbacks, programme, template
):
    with django_capture_on_commit_callbacks() as callbacks:
        register(
            corrected_name="Ken Lowry",
            training_programme=programme,
            lead_provider=lead_provider if programme == "provider_led" else None,
        )

    message = EmailMessage.objects.get()
    assert message.template == template
    assert message.to == "kenneth.lowry@example.com"
    assert message.personalisation == {"ect_name": "Ken Lowry", "school_name": "Ashdown Primary School"}
    assert len(callbacks) == 1  # delivery is queued only once the registration commits
