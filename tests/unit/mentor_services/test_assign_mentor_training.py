"""assign_mentor: whether the mentor starts mentor training, and with which lead provider (docs/journeys/mentors.md)."""

import datetime

import pytest

from ecf.errors import DomainError
from ecf.models import Event, Teacher, TrainingPeriod
from mentors.models import MentorshipPeriod
from mentors.services import assign_mentor
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    LeadProviderFactory,
    SchoolFactory,
    SchoolPartnershipFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)
from tests.unit.mentor_services.periods import (
    DAY,
    TODAY,
    a_mentor,
    an_ect,
    provider_led_through_eoi,
    provider_led_through_partnership,
    school_led,
)

pytestmark = pytest.mark.django_db


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
