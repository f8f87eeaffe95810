"""The reads the register-an-ECT steps use: previous periods, emails in use, contract periods, reusable choices."""

import datetime

import pytest

from ecf.models import AppropriateBody
from ecf.teachers.queries import email_in_use_by_someone_else
from ecf.training.queries import contract_period_for, lead_providers_active_on
from ects.queries import (
    earliest_permitted_start_date,
    open_ect_period_at_school,
    previous_ect_period,
    reusable_programme_choices,
)
from schools.models import School
from tests.factories import (
    ActiveLeadProviderFactory,
    AppropriateBodyFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)
from tests.unit.register_ect.registration import SEP_1, TRN, partnership

pytestmark = pytest.mark.django_db


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
