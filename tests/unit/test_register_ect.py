"""Registering an ECT (the journey's final step), the reads its steps use, and the ECT record's changes."""

import datetime

import pytest
from django.db import transaction

from ecf.errors import DomainError
from ecf.events import Author
from ecf.models import AppropriateBody, EmailMessage, Event, Teacher, TrainingPeriod
from ecf.teachers.queries import email_in_use_by_someone_else
from ecf.training.queries import contract_period_for, lead_providers_active_on
from ects.models import ECTAtSchoolPeriod
from ects.queries import (
    earliest_permitted_start_date,
    open_ect_period_at_school,
    previous_ect_period,
    reusable_programme_choices,
)
from ects.services import change_ect_email, change_ect_name, change_ect_working_pattern, register_ect
from schools.models import School
from tests.factories import (
    ActiveLeadProviderFactory,
    AppropriateBodyFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    SchoolPartnershipFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db

SEP_1 = datetime.date(2025, 9, 1)
TRN = "1234567"


@pytest.fixture
def contract_period():
    return ContractPeriodFactory(year=2025)  # 1 June 2025 to 31 May 2026


@pytest.fixture
def author(school_user):
    return Author.school_user(school_user)


@pytest.fixture
def appropriate_body():
    return AppropriateBodyFactory(name="Ambition Teaching School Hub")


@pytest.fixture
def active_lead_provider(contract_period):
    return ActiveLeadProviderFactory(lead_provider__name="Best Practice Network", contract_period=contract_period)


@pytest.fixture
def lead_provider(active_lead_provider):
    return active_lead_provider.lead_provider


@pytest.fixture
def register(school, author, appropriate_body, contract_period):
    def register(**overrides) -> ECTAtSchoolPeriod:
        answers = {
            "school": school,
            "author": author,
            "trn": TRN,
            "trs_first_name": "Kenneth",
            "trs_last_name": "Lowry",
            "trs_induction_status": "RequiredToComplete",
            "trs_qts_awarded_on": datetime.date(2025, 7, 18),
            "email": "kenneth.lowry@example.com",
            "started_on": SEP_1,
            "working_pattern": ECTAtSchoolPeriod.WorkingPattern.FULL_TIME,
            "appropriate_body": appropriate_body,
            "training_programme": TrainingPeriod.Programme.SCHOOL_LED,
        }
        answers.update(overrides)
        return register_ect(**answers)

    return register


def provider_led(lead_provider) -> dict:
    return {"training_programme": TrainingPeriod.Programme.PROVIDER_LED, "lead_provider": lead_provider}


def partnership(school, active_lead_provider, delivery_partner_name=None):
    return SchoolPartnershipFactory(
        school=school,
        lead_provider_delivery_partnership__active_lead_provider=active_lead_provider,
        **(
            {"lead_provider_delivery_partnership__delivery_partner__name": delivery_partner_name}
            if delivery_partner_name
            else {}
        ),
    )


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


# Reads for the journey ---------------------------------------------------------------------------


def test_previous_ect_period_is_the_latest_anywhere_with_what_the_page_shows_prefetched(
    django_assert_num_queries, active_lead_provider
):
    teacher = TeacherFactory(trn=TRN)
    ECTAtSchoolPeriodFactory(
        teacher=teacher, started_on=datetime.date(2023, 9, 1), finished_on=datetime.date(2024, 7, 31)
    )
    latest = ECTAtSchoolPeriodFactory(teacher=teacher, started_on=datetime.date(2024, 9, 1))
    TrainingPeriodFactory(ect_at_school_period=latest, school_led=True, finished_on=datetime.date(2025, 1, 5))
    newest_training = TrainingPeriodFactory(
        ect_at_school_period=latest,
        started_on=datetime.date(2025, 1, 6),
        school_partnership__school=latest.school,
        school_partnership__lead_provider_delivery_partnership__active_lead_provider=active_lead_provider,
    )

    with django_assert_num_queries(2):
        period = previous_ect_period(TRN)
    with django_assert_num_queries(0):
        assert period == latest
        assert period.school.name == latest.school.name
        assert period.appropriate_body.name == latest.appropriate_body.name
        assert period.latest_training_period == newest_training
        assert period.latest_training_period.lead_provider.name == "Best Practice Network"
        assert period.latest_training_period.delivery_partner is not None
        assert len(period.training_periods.all()) == 2
    assert previous_ect_period("7654321") is None


def test_open_ect_period_at_school(school):
    teacher = TeacherFactory(trn=TRN)
    ECTAtSchoolPeriodFactory(teacher=teacher, school=school, started_on=datetime.date(2024, 9, 1))
    left = TeacherFactory(trn="7654321")
    ECTAtSchoolPeriodFactory(
        teacher=left, school=school, started_on=datetime.date(2024, 9, 1), finished_on=datetime.date(2025, 3, 31)
    )
    elsewhere = TeacherFactory(trn="1111111")
    ECTAtSchoolPeriodFactory(teacher=elsewhere, started_on=datetime.date(2024, 9, 1))

    today = datetime.date(2025, 11, 23)
    assert open_ect_period_at_school(school, TRN, today=today)
    assert not open_ect_period_at_school(school, "7654321", today=today)
    assert open_ect_period_at_school(school, "7654321", today=datetime.date(2025, 3, 31))  # their last day
    assert not open_ect_period_at_school(school, "1111111", today=today)
    assert not open_ect_period_at_school(school, "2222222", today=today)


def test_email_in_use_by_someone_else():
    ECTAtSchoolPeriodFactory(teacher=TeacherFactory(trn=TRN), email="ect@example.com")
    MentorAtSchoolPeriodFactory(email="mentor@example.com")
    ECTAtSchoolPeriodFactory(
        email="gone@example.com", started_on=datetime.date(2023, 9, 1), finished_on=datetime.date(2024, 7, 31)
    )

    assert email_in_use_by_someone_else(" ECT@Example.com ", "7654321")
    assert not email_in_use_by_someone_else("ect@example.com", TRN)  # their own
    assert email_in_use_by_someone_else("Mentor@example.com", TRN)
    assert not email_in_use_by_someone_else("gone@example.com", TRN)  # finished: free again
    assert not email_in_use_by_someone_else("new@example.com", TRN)


def test_earliest_permitted_start_date_is_the_start_of_the_contract_period_before_the_previous_one():
    for year in (2022, 2023, 2024, 2025):
        ContractPeriodFactory(year=year)

    assert earliest_permitted_start_date(datetime.date(2025, 11, 23)) == datetime.date(2023, 6, 1)
    assert earliest_permitted_start_date(datetime.date(2025, 6, 1)) == datetime.date(2023, 6, 1)
    assert earliest_permitted_start_date(datetime.date(2025, 5, 31)) == datetime.date(2022, 6, 1)


def test_contract_period_for_and_lead_providers_active_on(contract_period, active_lead_provider):
    ActiveLeadProviderFactory(lead_provider__name="Ambition Institute", contract_period=contract_period)
    ActiveLeadProviderFactory(lead_provider__name="Teach First", contract_period__year=2024)

    assert contract_period_for(SEP_1) == contract_period
    assert contract_period_for(datetime.date(2026, 5, 31)) == contract_period
    assert contract_period_for(datetime.date(2030, 1, 1)) is None
    assert [lp.name for lp in lead_providers_active_on(SEP_1)] == ["Ambition Institute", "Best Practice Network"]
    assert [lp.name for lp in lead_providers_active_on(datetime.date(2024, 9, 1))] == ["Teach First"]
    assert list(lead_providers_active_on(datetime.date(2030, 1, 1))) == []


def choose(school, *, appropriate_body, programme, lead_provider=None) -> School:
    school.last_chosen_appropriate_body = appropriate_body
    school.last_chosen_training_programme = programme
    school.last_chosen_lead_provider = lead_provider
    school.save()
    return school


def test_reusable_programme_choices_school_led(school, appropriate_body, contract_period):
    assert reusable_programme_choices(school, SEP_1) is None  # nothing chosen yet

    choose(school, appropriate_body=appropriate_body, programme="school_led")

    assert reusable_programme_choices(school, SEP_1) == {
        "appropriate_body": appropriate_body,
        "training_programme": "school_led",
        "lead_provider": None,
        "delivery_partner": None,
    }
    assert reusable_programme_choices(school, datetime.date(2030, 9, 1)) is None  # no contract period


def test_reusable_programme_choices_provider_led(school, appropriate_body, active_lead_provider, lead_provider):
    choose(school, appropriate_body=appropriate_body, programme="provider_led", lead_provider=lead_provider)

    choices = reusable_programme_choices(school, SEP_1)
    assert choices["lead_provider"] == lead_provider
    assert choices["delivery_partner"] is None  # an expression of interest: not confirmed yet

    partnership(school, active_lead_provider, delivery_partner_name="Ace Delivery")

    assert reusable_programme_choices(school, SEP_1)["delivery_partner"].name == "Ace Delivery"


def test_programme_choices_are_not_reusable_when_the_lead_provider_is_not_active_that_year(
    school, appropriate_body, lead_provider
):
    ContractPeriodFactory(year=2026)
    choose(school, appropriate_body=appropriate_body, programme="provider_led", lead_provider=lead_provider)

    assert reusable_programme_choices(school, SEP_1) is not None
    assert reusable_programme_choices(school, datetime.date(2026, 9, 1)) is None


def test_programme_choices_are_not_reusable_with_an_appropriate_body_the_school_cannot_choose(school, contract_period):
    choose(
        school,
        appropriate_body=AppropriateBodyFactory(body_type=AppropriateBody.BodyType.LOCAL_AUTHORITY),
        programme="school_led",
    )

    assert reusable_programme_choices(school, SEP_1) is None


# The ECT record's Change pages -------------------------------------------------------------------


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
