"""Assigning and registering mentors, the mentor record's changes, and the reads the mentor journeys use."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from ecf.errors import DomainError
from ecf.events import Author
from ecf.models import EmailMessage, Event, Teacher, TrainingPeriod
from ecf.training.queries import ect_lead_provider
from ects.models import ECTAtSchoolPeriod
from ects.register.journey import REGISTER_ECT
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from mentors.queries import (
    OfferedECT,
    current_mentor_period_at_school,
    ects_offered_for,
    lead_providers_for_mentor_training,
    mentor_training_needed,
    mentors_offered_for,
    mentorship_version,
)
from mentors.register.journey import REGISTER_MENTOR
from mentors.services import (
    assign_mentor,
    change_mentor_additional_details,
    change_mentor_email,
    change_mentor_name,
    change_mentor_teaching_details,
    register_mentor,
)
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    LeadProviderFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    SchoolPartnershipFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
MONTH_AGO = TODAY - 30 * DAY
TRN = "2345678"


@pytest.fixture
def contract_period():
    return ContractPeriodFactory()  # the one containing today


@pytest.fixture
def author(school_user):
    return Author.school_user(school_user)


@pytest.fixture
def active_lead_provider(contract_period):
    return ActiveLeadProviderFactory(lead_provider__name="Best Practice Network", contract_period=contract_period)


@pytest.fixture
def lead_provider(active_lead_provider):
    return active_lead_provider.lead_provider


@pytest.fixture
def partnership(school, active_lead_provider):
    return SchoolPartnershipFactory(
        school=school, lead_provider_delivery_partnership__active_lead_provider=active_lead_provider
    )


def an_ect(school, name="Kenneth Lowry", started_on=MONTH_AGO, **kwargs) -> ECTAtSchoolPeriod:
    first, last = name.split(" ", 1)
    return ECTAtSchoolPeriodFactory(
        school=school,
        started_on=started_on,
        teacher__trs_first_name=first,
        teacher__trs_last_name=last,
        teacher__corrected_name="",
        **kwargs,
    )


def a_mentor(school, name="Jane Smith", started_on=MONTH_AGO, **kwargs) -> MentorAtSchoolPeriod:
    first, last = name.split(" ", 1)
    teacher_kwargs = {} if "teacher" in kwargs else {"teacher__trs_first_name": first, "teacher__trs_last_name": last}
    return MentorAtSchoolPeriodFactory(school=school, started_on=started_on, **teacher_kwargs, **kwargs)


def provider_led_through_partnership(ect, partnership) -> TrainingPeriod:
    return TrainingPeriodFactory(ect_at_school_period=ect, school_partnership=partnership, started_on=ect.started_on)


def provider_led_through_eoi(ect, active_lead_provider) -> TrainingPeriod:
    return TrainingPeriodFactory(
        ect_at_school_period=ect,
        school_partnership=None,
        expression_of_interest=active_lead_provider,
        started_on=ect.started_on,
    )


def school_led(ect) -> TrainingPeriod:
    return TrainingPeriodFactory(ect_at_school_period=ect, school_led=True, started_on=ect.started_on)


def fresh(period):
    """The record as a new request would load it."""
    return type(period).objects.get(pk=period.pk)


# assign_mentor: the mentorship ------------------------------------------------------------------------------


def test_assigning_a_mentor_starts_the_mentorship_today_and_records_who_did_it(school, author, school_user):
    ect, mentor = an_ect(school), a_mentor(school)

    mentorship = assign_mentor(ect_period=ect, mentor_period=mentor, author=author).mentorship

    mentorship.refresh_from_db()
    assert (mentorship.mentee, mentorship.mentor) == (ect, mentor)
    assert (mentorship.started_on, mentorship.finished_on) == (TODAY, None)
    events = {event.event_type: event for event in Event.objects.all()}
    assert set(events) == {"teacher_starts_being_mentored", "teacher_starts_mentoring"}
    mentee_event, mentor_event = events["teacher_starts_being_mentored"], events["teacher_starts_mentoring"]
    assert mentee_event.heading == "Jane Smith is mentoring Kenneth Lowry"
    assert mentee_event.teacher == ect.teacher
    assert mentor_event.teacher == mentor.teacher
    for event in events.values():
        assert event.author_user == school_user
        assert event.author_name == "Sam Tutor"
        assert (event.school, event.ect_at_school_period, event.mentor_at_school_period) == (school, ect, mentor)
        assert event.mentorship_period == mentorship


@pytest.mark.parametrize(
    ("ect_start", "mentor_start", "expected"),
    [
        pytest.param(MONTH_AGO, MONTH_AGO, TODAY, id="both already started: today"),
        pytest.param(TODAY + 10 * DAY, MONTH_AGO, TODAY + 10 * DAY, id="ECT starts later: the ECT's start"),
        pytest.param(MONTH_AGO, TODAY + 20 * DAY, TODAY + 20 * DAY, id="mentor starts later: the mentor's start"),
        pytest.param(TODAY + 10 * DAY, TODAY + 20 * DAY, TODAY + 20 * DAY, id="both in the future: the latest"),
    ],
)
def test_the_mentorship_starts_on_the_latest_of_the_ect_start_the_mentor_start_and_today(
    school, author, ect_start, mentor_start, expected
):
    ect, mentor = an_ect(school, started_on=ect_start), a_mentor(school, started_on=mentor_start)

    mentorship = assign_mentor(ect_period=ect, mentor_period=mentor, author=author).mentorship

    assert mentorship.started_on == expected


def test_the_mentorship_ends_when_the_first_of_the_ect_and_the_mentor_leaves(school, author):
    ect = an_ect(school, finished_on=TODAY + 60 * DAY)
    mentor = a_mentor(school, finished_on=TODAY + 30 * DAY)

    mentorship = assign_mentor(ect_period=ect, mentor_period=mentor, author=author).mentorship

    assert mentorship.finished_on == TODAY + 30 * DAY


def test_a_mentorship_that_started_earlier_is_finished_the_day_before(school, author):
    ect = an_ect(school)
    previous = MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school, "Old Mentor"), started_on=MONTH_AGO)
    new_mentor = a_mentor(school, "New Mentor")

    mentorship = assign_mentor(ect_period=ect, mentor_period=new_mentor, author=author).mentorship

    previous.refresh_from_db()
    assert previous.finished_on == TODAY - DAY
    assert mentorship.started_on == TODAY
    assert list(ect.mentorship_periods.order_by("started_on")) == [previous, mentorship]
    finished = Event.objects.filter(event_type__in=["teacher_finishes_being_mentored", "teacher_finishes_mentoring"])
    assert {event.teacher_id for event in finished} == {ect.teacher_id, previous.mentor.teacher_id}
    assert {event.mentorship_period_id for event in finished} == {previous.pk}
    assert {event.metadata["finished_on"] for event in finished} == {(TODAY - DAY).isoformat()}
    assert finished.get(event_type="teacher_finishes_being_mentored").heading == (
        "Old Mentor stopped mentoring Kenneth Lowry"
    )


@pytest.mark.parametrize("starts_in", [0, 5], ids=["starting today", "starting in the future"])
def test_a_mentorship_starting_on_the_new_start_or_later_is_replaced(school, author, starts_in):
    ect = an_ect(school)
    old_mentor = a_mentor(school, "Old Mentor")
    old = assign_mentor(
        ect_period=ect, mentor_period=old_mentor, author=author, today=TODAY + starts_in * DAY
    ).mentorship
    new_mentor = a_mentor(school, "New Mentor")

    mentorship = assign_mentor(ect_period=fresh(ect), mentor_period=new_mentor, author=author).mentorship

    assert list(ect.mentorship_periods.all()) == [mentorship]
    assert not MentorshipPeriod.objects.filter(pk=old.pk).exists()
    replaced = Event.objects.get(event_type="mentorship_replaced")
    assert replaced.heading == "New Mentor replaced Old Mentor as Kenneth Lowry’s mentor before the mentoring started"
    assert replaced.metadata["deleted_mentorship"]["mentorship_period_id"] == old.pk
    assert replaced.mentor_at_school_period == old_mentor
    # The old mentorship's own events stay in the audit trail, without the link to the deleted row.
    old_events = Event.objects.filter(event_type="teacher_starts_mentoring", mentor_at_school_period=old_mentor)
    assert old_events.count() == 1
    assert old_events.get().mentorship_period is None


def test_reassigning_the_current_mentor_changes_nothing(school, author):
    ect, mentor = an_ect(school), a_mentor(school)
    current = MentorshipPeriodFactory(mentee=ect, mentor=mentor, started_on=MONTH_AGO)

    mentorship = assign_mentor(ect_period=ect, mentor_period=mentor, author=author).mentorship

    assert mentorship == current
    assert list(ect.mentorship_periods.all()) == [current]
    current.refresh_from_db()
    assert (current.started_on, current.finished_on) == (MONTH_AGO, None)
    assert not Event.objects.exists()


def test_an_ect_cannot_be_their_own_mentor(school, author):
    ect = an_ect(school)
    themself = a_mentor(school, teacher=ect.teacher)

    with pytest.raises(DomainError, match=r"^You cannot assign an ECT as their own mentor$"):
        assign_mentor(ect_period=ect, mentor_period=themself, author=author)

    assert not MentorshipPeriod.objects.exists()


def test_a_mentor_at_another_school_is_refused(school, author):
    ect, elsewhere = an_ect(school), a_mentor(SchoolFactory())

    with pytest.raises(DomainError, match=r"^This mentor is not registered at this school$"):
        assign_mentor(ect_period=ect, mentor_period=elsewhere, author=author)

    assert not MentorshipPeriod.objects.exists()


def test_an_ect_who_has_left_is_refused(school, author):
    ect = an_ect(school, started_on=MONTH_AGO - 30 * DAY, finished_on=TODAY - DAY)

    with pytest.raises(DomainError, match=r"^You cannot assign a mentor to Kenneth Lowry because they have left"):
        assign_mentor(ect_period=ect, mentor_period=a_mentor(school), author=author)

    assert not MentorshipPeriod.objects.exists()


def test_a_mentor_who_has_left_is_refused(school, author):
    mentor = a_mentor(school, started_on=MONTH_AGO - 30 * DAY, finished_on=TODAY - DAY)

    with pytest.raises(DomainError, match=r"^Jane Smith is no longer a mentor at your school"):
        assign_mentor(ect_period=an_ect(school), mentor_period=mentor, author=author)

    assert not MentorshipPeriod.objects.exists()


def test_a_mentor_who_leaves_before_the_ect_starts_is_refused(school, author):
    ect = an_ect(school, started_on=TODAY + 30 * DAY)
    mentor = a_mentor(school, finished_on=TODAY + 10 * DAY)

    with pytest.raises(DomainError, match=r"not at your school at the same time$"):
        assign_mentor(ect_period=ect, mentor_period=mentor, author=author)


def test_someone_elses_assignment_since_the_ect_was_loaded_is_not_overwritten(school, author):
    ect = an_ect(school)
    seen_by_me = mentorship_version(ect)
    theirs = assign_mentor(
        ect_period=fresh(ect), mentor_period=a_mentor(school, "Their Choice"), author=author
    ).mentorship

    with pytest.raises(DomainError) as refused:
        assign_mentor(
            ect_period=ect, mentor_period=a_mentor(school, "My Choice"), author=author, expected_version=seen_by_me
        )

    assert refused.value.message == (
        "Kenneth Lowry has just been assigned a mentor by someone else. Check their record before changing it."
    )
    assert list(ect.mentorship_periods.all()) == [theirs]


def test_the_same_instance_can_assign_twice_in_a_row(school, author):
    ect = an_ect(school)
    assign_mentor(ect_period=ect, mentor_period=a_mentor(school, "First Mentor"), author=author)

    second = assign_mentor(ect_period=ect, mentor_period=a_mentor(school, "Second Mentor"), author=author).mentorship

    assert list(ect.mentorship_periods.all()) == [second]


def test_a_refusal_by_the_database_is_a_message_and_leaves_the_callers_transaction_usable(school, author, monkeypatch):
    """A writer that skipped the lock slips in a mentorship just before ours is inserted."""
    ect, ours, theirs = an_ect(school), a_mentor(school, "Our Mentor"), a_mentor(school, "Their Mentor")
    create = MentorshipPeriod.objects.create

    def create_after_someone_else(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO mentors_mentorshipperiod (mentee_id, mentor_id, started_on, created_at, updated_at) "
                "VALUES (%s, %s, %s, now(), now())",
                [ect.pk, theirs.pk, TODAY],
            )
        return create(**kwargs)

    monkeypatch.setattr(MentorshipPeriod.objects, "create", create_after_someone_else)

    with transaction.atomic():
        with pytest.raises(DomainError) as refused:
            assign_mentor(ect_period=ect, mentor_period=ours, author=author)
        assert Event.objects.count() == 0  # the savepoint rolled back our events; the transaction still works

    assert refused.value.message.startswith("Kenneth Lowry has just been assigned a mentor by someone else.")
    assert not MentorshipPeriod.objects.filter(mentor=ours).exists()


def test_other_integrity_errors_are_not_hidden(school, author, monkeypatch):
    def broken(**kwargs):
        raise IntegrityError("something else")

    monkeypatch.setattr(MentorshipPeriod.objects, "create", broken)

    with pytest.raises(IntegrityError):
        assign_mentor(ect_period=an_ect(school), mentor_period=a_mentor(school), author=author)


# assign_mentor: mentor training ------------------------------------------------------------------------------


def test_first_provider_led_assignment_starts_mentor_training_through_the_schools_partnership(
    school, author, partnership, lead_provider
):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    mentor = a_mentor(school)

    mentorship = assign_mentor(ect_period=ect, mentor_period=mentor, author=author).mentorship

    training = mentor.training_periods.get()
    assert training.training_programme == TrainingPeriod.Programme.PROVIDER_LED
    assert training.school_partnership == partnership
    assert training.expression_of_interest is None
    assert training.started_on == mentorship.started_on == TODAY
    assert training.finished_on is None
    event = Event.objects.get(event_type="teacher_starts_training_period")
    assert event.heading == "Jane Smith started mentor training with Best Practice Network (confirmed partnership)"
    assert (event.teacher, event.training_period, event.lead_provider) == (mentor.teacher, training, lead_provider)
    assert event.school_partnership == partnership


def test_mentor_training_starts_with_the_mentorship_for_a_future_ect(school, author, partnership):
    ect = an_ect(school, started_on=TODAY + 14 * DAY)
    provider_led_through_partnership(ect, partnership)
    mentor = a_mentor(school)

    assign_mentor(ect_period=ect, mentor_period=mentor, author=author)

    assert mentor.training_periods.get().started_on == TODAY + 14 * DAY


def test_without_a_partnership_mentor_training_is_an_expression_of_interest(
    school, author, active_lead_provider, contract_period
):
    ect = an_ect(school)
    provider_led_through_eoi(ect, active_lead_provider)
    # A partnership with this lead provider in another contract period, and another school's this year: not used.
    last_year = ActiveLeadProviderFactory(
        lead_provider=active_lead_provider.lead_provider, contract_period=ContractPeriodFactory(year=1999)
    )
    SchoolPartnershipFactory(school=school, lead_provider_delivery_partnership__active_lead_provider=last_year)
    SchoolPartnershipFactory(lead_provider_delivery_partnership__active_lead_provider=active_lead_provider)
    mentor = a_mentor(school)

    assign_mentor(ect_period=ect, mentor_period=mentor, author=author)

    training = mentor.training_periods.get()
    assert training.school_partnership is None
    assert training.expression_of_interest == active_lead_provider
    assert Event.objects.get(event_type="teacher_starts_training_period").heading.endswith(
        "with Best Practice Network (awaiting confirmation)"
    )


def test_a_lead_provider_chosen_for_mentor_training_is_used_instead_of_the_ects(
    school, author, partnership, contract_period
):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    other = ActiveLeadProviderFactory(lead_provider__name="Teach First", contract_period=contract_period)
    mentor = a_mentor(school)

    assign_mentor(
        ect_period=ect, mentor_period=mentor, author=author, mentor_training_lead_provider=other.lead_provider
    )

    training = mentor.training_periods.get()
    assert training.school_partnership is None
    assert training.expression_of_interest == other


def test_a_chosen_lead_provider_with_a_partnership_trains_through_it(school, author, partnership, contract_period):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    other = ActiveLeadProviderFactory(lead_provider__name="Teach First", contract_period=contract_period)
    theirs = SchoolPartnershipFactory(school=school, lead_provider_delivery_partnership__active_lead_provider=other)
    mentor = a_mentor(school)

    assign_mentor(
        ect_period=ect, mentor_period=mentor, author=author, mentor_training_lead_provider=other.lead_provider
    )

    assert mentor.training_periods.get().school_partnership == theirs


def test_a_chosen_lead_provider_not_active_that_year_is_refused_and_nothing_is_assigned(school, author, partnership):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    mentor = a_mentor(school)
    inactive = LeadProviderFactory(name="Gone Training")

    with pytest.raises(DomainError, match=r"^Gone Training is not providing training in the \d{4} to \d{4} academic"):
        assign_mentor(ect_period=ect, mentor_period=mentor, author=author, mentor_training_lead_provider=inactive)

    assert not MentorshipPeriod.objects.exists()
    assert not mentor.training_periods.exists()


def test_a_school_led_ect_never_starts_mentor_training(school, author, lead_provider):
    ect = an_ect(school)
    school_led(ect)
    mentor = a_mentor(school)

    assign_mentor(ect_period=ect, mentor_period=mentor, author=author, mentor_training_lead_provider=lead_provider)

    assert ect.mentorship_periods.exists()
    assert not TrainingPeriod.objects.filter(mentor_at_school_period__isnull=False).exists()


def test_a_mentor_who_completed_mentor_training_gets_none(school, author, partnership):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    teacher = TeacherFactory(
        mentor_training_completed_on=datetime.date(2024, 7, 1),
        mentor_training_completion_reason=Teacher.MentorTrainingCompletionReason.COMPLETED_DECLARATION_RECEIVED,
    )
    mentor = a_mentor(school, teacher=teacher)

    assign_mentor(ect_period=ect, mentor_period=mentor, author=author)

    assert ect.mentorship_periods.exists()
    assert not mentor.training_periods.exists()


def test_a_mentor_who_already_has_mentor_training_gets_no_more(school, author, partnership):
    mentor = a_mentor(school)
    existing = TrainingPeriodFactory(for_mentor=True, mentor_at_school_period=mentor, school_partnership=partnership)
    first_ect, second_ect = an_ect(school, "Kenneth Lowry"), an_ect(school, "Amal Khan")
    provider_led_through_partnership(first_ect, partnership)
    provider_led_through_partnership(second_ect, partnership)

    assign_mentor(ect_period=first_ect, mentor_period=mentor, author=author)
    assign_mentor(ect_period=second_ect, mentor_period=mentor, author=author)

    assert list(mentor.training_periods.all()) == [existing]


def test_only_the_first_provider_led_assignment_starts_mentor_training(school, author, partnership):
    mentor = a_mentor(school)
    first_ect, second_ect = an_ect(school, "Kenneth Lowry"), an_ect(school, "Amal Khan")
    provider_led_through_partnership(first_ect, partnership)
    provider_led_through_partnership(second_ect, partnership)

    assign_mentor(ect_period=first_ect, mentor_period=mentor, author=author)
    assign_mentor(ect_period=second_ect, mentor_period=mentor, author=author)

    assert mentor.training_periods.count() == 1


def test_mentor_training_at_another_school_counts(school, author, partnership):
    """The teacher mentors at two schools; their training there means no second training here."""
    teacher = TeacherFactory()
    TrainingPeriodFactory(for_mentor=True, mentor_at_school_period=a_mentor(SchoolFactory(), teacher=teacher))
    mentor = a_mentor(school, teacher=teacher)
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)

    assign_mentor(ect_period=ect, mentor_period=mentor, author=author)

    assert not mentor.training_periods.exists()


# register_mentor ---------------------------------------------------------------------------------------------


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


# The mentor record's changes ---------------------------------------------------------------------------------


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


# Reads --------------------------------------------------------------------------------------------------------


def test_mentors_offered_are_the_schools_current_mentors_by_name(school):
    ect = an_ect(school)
    current = MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school, "Current Mentor"), started_on=MONTH_AGO)
    zoe, adam = a_mentor(school, "Zoe Adams"), a_mentor(school, "adam Zed")
    future = a_mentor(school, "Future Mentor", started_on=TODAY + 10 * DAY)
    a_mentor(school, "Left Mentor", started_on=MONTH_AGO - 30 * DAY, finished_on=TODAY - DAY)
    a_mentor(SchoolFactory(), "Other School")
    a_mentor(school, teacher=ect.teacher)  # the ECT themself, also a mentor here

    offered = mentors_offered_for(ect)

    assert offered == [adam, future, zoe]
    assert current.mentor not in offered


def test_mentors_offered_run_one_query_however_many(school, django_assert_num_queries):
    ect = an_ect(school)
    for number in range(20):
        a_mentor(school, f"Mentor {number}")

    with django_assert_num_queries(1):
        names = [period.teacher.full_name for period in mentors_offered_for(ect)]

    assert len(names) == 20


def test_ects_offered_put_those_without_a_mentor_first_then_by_name(school):
    mentor = a_mentor(school, "Jane Smith")
    other_mentor = a_mentor(school, "Other Mentor")
    mentored = an_ect(school, "Amal Khan")
    MentorshipPeriodFactory(mentee=mentored, mentor=other_mentor, started_on=MONTH_AGO)
    zed, bea = an_ect(school, "Zed Young"), an_ect(school, "bea Brown")
    future = an_ect(school, "Future Starter", started_on=TODAY + 20 * DAY)
    already_hers = an_ect(school, "Already Hers")
    MentorshipPeriodFactory(mentee=already_hers, mentor=mentor, started_on=MONTH_AGO)
    an_ect(school, "Left Early", started_on=MONTH_AGO - 30 * DAY, finished_on=TODAY - DAY)
    an_ect(SchoolFactory(), "Other School")
    an_ect(school, teacher=mentor.teacher)  # the mentor themself, also an ECT here

    offered = ects_offered_for(mentor)

    assert offered == [
        OfferedECT(bea, "bea Brown", ""),
        OfferedECT(future, "Future Starter", ""),
        OfferedECT(zed, "Zed Young", ""),
        OfferedECT(mentored, "Amal Khan", "Other Mentor"),
    ]


def test_an_ect_whose_mentorship_ended_is_not_currently_mentored(school):
    mentor = a_mentor(school)
    ect = an_ect(school)
    MentorshipPeriodFactory(
        mentee=ect, mentor=a_mentor(school, "Old Mentor"), started_on=MONTH_AGO, finished_on=TODAY - DAY
    )

    assert ects_offered_for(mentor) == [OfferedECT(ect, "Kenneth Lowry", "")]


def test_ects_offered_run_one_query_however_many(school, django_assert_num_queries):
    mentor = a_mentor(school)
    other = a_mentor(school, "Other Mentor")
    for number in range(20):
        ect = an_ect(school, f"ECT {number}")
        if number % 2:
            MentorshipPeriodFactory(mentee=ect, mentor=other, started_on=MONTH_AGO)

    with django_assert_num_queries(1):
        offered = ects_offered_for(mentor)
        hints = [(item.name, item.current_mentor_name) for item in offered]

    assert len(hints) == 20
    assert [mentor_name for _name, mentor_name in hints] == [""] * 10 + ["Other Mentor"] * 10


def test_mentor_training_is_needed_for_a_provider_led_ect_and_an_eligible_mentor(school, partnership):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    mentor = a_mentor(school)

    assert mentor_training_needed(ect_period=ect, mentor_teacher=mentor.teacher)
    assert mentor_training_needed(ect_period=ect, trn=mentor.teacher.trn)
    assert mentor_training_needed(ect_period=ect, trn="7654321")  # not known yet: eligible


def test_mentor_training_is_needed_with_an_expression_of_interest_too(school, active_lead_provider):
    ect = an_ect(school)
    provider_led_through_eoi(ect, active_lead_provider)

    assert mentor_training_needed(ect_period=ect, trn="7654321")


def test_mentor_training_is_not_needed_for_a_school_led_ect_or_one_without_training(school):
    ect = an_ect(school)

    assert not mentor_training_needed(ect_period=ect, trn="7654321")
    school_led(ect)
    assert not mentor_training_needed(ect_period=ect, trn="7654321")


def test_mentor_training_is_not_needed_when_completed_or_already_training(school, partnership):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    completed = TeacherFactory(
        mentor_training_completed_on=datetime.date(2024, 7, 1),
        mentor_training_completion_reason=Teacher.MentorTrainingCompletionReason.COMPLETED_DURING_EARLY_ROLL_OUT,
    )
    training = TrainingPeriodFactory(for_mentor=True).mentor_at_school_period.teacher

    assert not mentor_training_needed(ect_period=ect, mentor_teacher=completed)
    assert not mentor_training_needed(ect_period=ect, trn=completed.trn)
    assert not mentor_training_needed(ect_period=ect, mentor_teacher=training)


def test_the_ects_lead_provider_is_that_of_their_current_training(school, partnership, active_lead_provider):
    ect = an_ect(school)
    assert ect_lead_provider(ect) is None
    provider_led_through_partnership(ect, partnership)
    assert ect_lead_provider(ect) == partnership.lead_provider

    eoi_ect = an_ect(school, "Amal Khan")
    provider_led_through_eoi(eoi_ect, active_lead_provider)
    assert ect_lead_provider(eoi_ect) == active_lead_provider.lead_provider

    school_led_ect = an_ect(school, "Zed Young")
    school_led(school_led_ect)
    assert ect_lead_provider(school_led_ect) is None


def test_an_ect_who_changed_lead_provider_has_the_new_one(school, partnership, contract_period):
    ect = an_ect(school, started_on=MONTH_AGO - 30 * DAY)
    TrainingPeriodFactory(
        ect_at_school_period=ect, school_partnership=partnership, started_on=ect.started_on, finished_on=MONTH_AGO
    )
    new = ActiveLeadProviderFactory(lead_provider__name="Teach First", contract_period=contract_period)
    TrainingPeriodFactory(
        ect_at_school_period=ect, school_partnership=None, expression_of_interest=new, started_on=MONTH_AGO + DAY
    )

    assert ect_lead_provider(ect) == new.lead_provider


def test_lead_providers_for_mentor_training_are_those_active_in_the_ects_contract_period(
    school, partnership, contract_period
):
    ect = an_ect(school)
    provider_led_through_partnership(ect, partnership)
    ActiveLeadProviderFactory(lead_provider__name="Ambition Institute", contract_period=contract_period)
    ActiveLeadProviderFactory(lead_provider__name="Old Provider", contract_period=ContractPeriodFactory(year=1999))

    names = [provider.name for provider in lead_providers_for_mentor_training(ect)]

    assert names == ["Ambition Institute", "Best Practice Network"]
    assert list(lead_providers_for_mentor_training(an_ect(school, "No Training"))) == []


def test_current_mentor_period_at_school(school):
    teacher = TeacherFactory(trn=TRN)
    assert current_mentor_period_at_school(school, TRN) is None
    a_mentor(school, teacher=teacher, started_on=MONTH_AGO - 60 * DAY, finished_on=MONTH_AGO)
    elsewhere = a_mentor(SchoolFactory(), teacher=teacher)
    assert current_mentor_period_at_school(school, TRN) is None
    assert current_mentor_period_at_school(elsewhere.school, TRN) == elsewhere

    leaving = a_mentor(school, teacher=teacher, started_on=MONTH_AGO + DAY, finished_on=TODAY)

    assert current_mentor_period_at_school(school, TRN) == leaving


def test_email_in_use_is_the_ect_rule():
    """Both register journeys ask for the email with one form, so one rule says whether it is in use."""
    assert REGISTER_MENTOR.step("email-address").form_class is REGISTER_ECT.step("email-address").form_class


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
