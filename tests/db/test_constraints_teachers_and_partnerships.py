"""PostgreSQL refuses a malformed or shared TRN, half a mentor training completion, and duplicate partnerships."""

import datetime

import pytest
from django.db import DataError, IntegrityError, connection, transaction

from ecf.models import ActiveLeadProvider, LeadProviderDeliveryPartnership, SchoolPartnership, Teacher
from tests.db.refusals import CHECK_VIOLATION, UNIQUE_VIOLATION, refused_by
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    DeliveryPartnerFactory,
    LeadProviderDeliveryPartnershipFactory,
    LeadProviderFactory,
    SchoolPartnershipFactory,
    TeacherFactory,
)

pytestmark = pytest.mark.django_db


# TRN is 7 digits and unique ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "trn",
    [
        pytest.param("123456", id="6-digits"),
        pytest.param("", id="empty"),
        pytest.param("12345AB", id="letters"),
        pytest.param("RP12345", id="prefix"),
        pytest.param("123 456", id="space"),
        pytest.param(" 123456", id="leading-space"),
        pytest.param("123456\n", id="trailing-newline"),
        pytest.param("-123456", id="minus-sign"),
        pytest.param("١٢٣٤٥٦٧", id="arabic-indic-digits"),
        pytest.param("\uff11\uff12\uff13\uff14\uff15\uff16\uff17", id="fullwidth-digits"),
    ],
)
def test_a_trn_must_be_7_digits(trn):
    with refused_by("teacher_trn_is_7_digits", CHECK_VIOLATION):
        TeacherFactory(trn=trn)


def test_a_trn_cannot_be_changed_to_something_other_than_7_digits():
    teacher = TeacherFactory(trn="1234567")

    with refused_by("teacher_trn_is_7_digits", CHECK_VIOLATION), connection.cursor() as cursor:
        cursor.execute("UPDATE ecf_teacher SET trn = 'ABCDEFG' WHERE id = %s", [teacher.pk])


@pytest.mark.parametrize("trn", [pytest.param("12345678", id="8-digits"), pytest.param("1234567\n", id="newline")])
def test_a_trn_longer_than_7_characters_is_refused_by_the_column_length(trn):
    """varchar(7) refuses these before the CHECK runs, so PostgreSQL raises a DataError, not an IntegrityError."""
    with pytest.raises(DataError) as exc, transaction.atomic():
        TeacherFactory(trn=trn)

    assert exc.value.__cause__.sqlstate == "22001"  # string_data_right_truncation


def test_a_trn_of_7_digits_with_leading_zeros_is_accepted():
    assert TeacherFactory(trn="0000001").pk is not None


def test_two_teachers_cannot_share_a_trn():
    TeacherFactory(trn="1234567")

    with pytest.raises(IntegrityError) as exc, transaction.atomic():
        TeacherFactory(trn="1234567")

    cause = exc.value.__cause__
    assert cause.sqlstate == UNIQUE_VIOLATION
    assert cause.diag.table_name == "ecf_teacher"
    assert "(trn)=(1234567)" in cause.diag.message_detail


# Mentor training completion: date and reason together -------------------------------------------


def test_mentor_training_completion_needs_a_reason():
    teacher = TeacherFactory()

    with refused_by("teacher_mentor_training_completion_has_date_and_reason", CHECK_VIOLATION):
        Teacher.objects.filter(pk=teacher.pk).update(mentor_training_completed_on=datetime.date(2025, 7, 1))


def test_mentor_training_completion_reason_needs_a_date():
    with refused_by("teacher_mentor_training_completion_has_date_and_reason", CHECK_VIOLATION):
        TeacherFactory(
            mentor_training_completion_reason=Teacher.MentorTrainingCompletionReason.COMPLETED_DECLARATION_RECEIVED
        )


# One LP x DP pair, one school x partnership, one LP per contract period --------------------------


def test_a_lead_provider_and_delivery_partner_pair_is_unique():
    partnership = LeadProviderDeliveryPartnershipFactory()

    with refused_by("one_partnership_per_lead_provider_and_delivery_partner", UNIQUE_VIOLATION):
        LeadProviderDeliveryPartnership.objects.create(
            active_lead_provider=partnership.active_lead_provider, delivery_partner=partnership.delivery_partner
        )


def test_a_lead_provider_may_work_with_two_delivery_partners():
    partnership = LeadProviderDeliveryPartnershipFactory()

    LeadProviderDeliveryPartnership.objects.create(
        active_lead_provider=partnership.active_lead_provider, delivery_partner=DeliveryPartnerFactory()
    )

    assert partnership.active_lead_provider.delivery_partnerships.count() == 2


def test_a_school_has_a_partnership_only_once():
    school_partnership = SchoolPartnershipFactory()

    with refused_by("one_school_partnership_per_school_and_partnership", UNIQUE_VIOLATION):
        SchoolPartnership.objects.create(
            school=school_partnership.school,
            lead_provider_delivery_partnership=school_partnership.lead_provider_delivery_partnership,
        )


def test_a_lead_provider_is_active_once_per_contract_period():
    active = ActiveLeadProviderFactory()

    with refused_by("one_active_lead_provider_per_contract_period", UNIQUE_VIOLATION):
        ActiveLeadProvider.objects.create(lead_provider=active.lead_provider, contract_period=active.contract_period)


def test_a_lead_provider_may_be_active_in_two_contract_periods():
    lead_provider = LeadProviderFactory()
    ActiveLeadProvider.objects.create(lead_provider=lead_provider, contract_period=ContractPeriodFactory(year=2030))
    ActiveLeadProvider.objects.create(lead_provider=lead_provider, contract_period=ContractPeriodFactory(year=2031))

    assert lead_provider.active_periods.count() == 2
