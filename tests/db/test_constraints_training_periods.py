"""PostgreSQL refuses training periods of no or two owners, wrong programme fields, half withdrawals or deferrals."""

import pytest
from django.db import connection
from django.utils import timezone

from ecf.models import TrainingPeriod
from tests.db.refusals import CHECK_VIOLATION, refused_by, training_period
from tests.factories import (
    ActiveLeadProviderFactory,
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    SchoolPartnershipFactory,
    TrainingPeriodFactory,
)

pytestmark = pytest.mark.django_db


# A training period belongs to exactly one of ECT / mentor ---------------------------------------


def test_a_training_period_cannot_belong_to_both_an_ect_and_a_mentor():
    ect = ECTAtSchoolPeriodFactory()
    mentor = MentorAtSchoolPeriodFactory(school=ect.school)

    with refused_by("training_period_belongs_to_exactly_one_of_ect_or_mentor", CHECK_VIOLATION):
        training_period(
            ect_at_school_period=ect,
            mentor_at_school_period=mentor,
            training_programme=TrainingPeriod.Programme.PROVIDER_LED,
            expression_of_interest=ActiveLeadProviderFactory(),
        )


def test_a_training_period_cannot_belong_to_nobody():
    with refused_by("training_period_belongs_to_exactly_one_of_ect_or_mentor", CHECK_VIOLATION):
        training_period()


def test_a_training_period_cannot_be_moved_off_its_owner():
    training = TrainingPeriodFactory(school_led=True)

    with refused_by("training_period_belongs_to_exactly_one_of_ect_or_mentor", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(ect_at_school_period=None)


# Provider-led: exactly one of partnership / EOI; school-led: neither; mentors: provider-led ------


def test_provider_led_training_needs_a_partnership_or_an_expression_of_interest():
    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        training_period(
            ect_at_school_period=ECTAtSchoolPeriodFactory(), training_programme=TrainingPeriod.Programme.PROVIDER_LED
        )


def test_provider_led_training_cannot_have_both_a_partnership_and_an_expression_of_interest():
    training = TrainingPeriodFactory()  # provider-led with a confirmed partnership

    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(expression_of_interest=ActiveLeadProviderFactory())


def test_provider_led_training_may_have_just_an_expression_of_interest():
    training = TrainingPeriodFactory(with_eoi=True)

    assert training.school_partnership_id is None
    assert training.expression_of_interest_id is not None


def test_school_led_training_cannot_have_a_partnership():
    ect = ECTAtSchoolPeriodFactory()

    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        training_period(ect_at_school_period=ect, school_partnership=SchoolPartnershipFactory(school=ect.school))


def test_school_led_training_cannot_have_an_expression_of_interest():
    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        training_period(
            ect_at_school_period=ECTAtSchoolPeriodFactory(), expression_of_interest=ActiveLeadProviderFactory()
        )


def test_switching_to_school_led_must_drop_the_partnership():
    training = TrainingPeriodFactory()

    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(training_programme=TrainingPeriod.Programme.SCHOOL_LED)


def test_a_training_programme_must_be_one_the_service_knows():
    with refused_by("training_period_provider_led_has_partnership_or_interest", CHECK_VIOLATION):
        training_period(ect_at_school_period=ECTAtSchoolPeriodFactory(), training_programme="diy")


def test_mentor_training_cannot_be_school_led():
    with refused_by("training_period_mentor_training_is_provider_led", CHECK_VIOLATION):
        training_period(mentor_at_school_period=MentorAtSchoolPeriodFactory())


# withdrawn_at <=> withdrawal_reason; deferred_at <=> deferral_reason -----------------------------


def test_a_withdrawal_needs_a_reason():
    training = TrainingPeriodFactory()

    with refused_by("training_period_withdrawn_at_with_reason", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(withdrawn_at=timezone.now())


def test_a_withdrawal_reason_needs_a_withdrawal_date():
    training = TrainingPeriodFactory()

    with refused_by("training_period_withdrawn_at_with_reason", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(
            withdrawal_reason=TrainingPeriod.WithdrawalReason.MOVED_SCHOOL
        )


def test_a_withdrawal_with_date_and_reason_is_accepted():
    training = TrainingPeriodFactory()

    TrainingPeriod.objects.filter(pk=training.pk).update(
        withdrawn_at=timezone.now(), withdrawal_reason=TrainingPeriod.WithdrawalReason.MOVED_SCHOOL
    )

    training.refresh_from_db()
    assert training.status == "withdrawn"


def test_a_deferral_needs_a_reason():
    training = TrainingPeriodFactory()

    with refused_by("training_period_deferred_at_with_reason", CHECK_VIOLATION):
        TrainingPeriod.objects.filter(pk=training.pk).update(deferred_at=timezone.now())


def test_a_deferral_reason_needs_a_deferral_date():
    training = TrainingPeriodFactory()

    with refused_by("training_period_deferred_at_with_reason", CHECK_VIOLATION), connection.cursor() as cursor:
        cursor.execute("UPDATE ecf_trainingperiod SET deferral_reason = 'bereavement' WHERE id = %s", [training.pk])


def test_a_deferral_with_date_and_reason_is_accepted():
    training = TrainingPeriodFactory()

    TrainingPeriod.objects.filter(pk=training.pk).update(
        deferred_at=timezone.now(), deferral_reason=TrainingPeriod.DeferralReason.PARENTAL_LEAVE
    )

    training.refresh_from_db()
    assert training.status == "deferred"
