"""One contract period (the one containing today), a day in it after the ECTs start (1 September), and an ECT."""

import datetime

import pytest

from tests.factories import ContractPeriodFactory, ECTAtSchoolPeriodFactory, SchoolPartnershipFactory, TeacherFactory


@pytest.fixture
def contract_period():
    return ContractPeriodFactory()


@pytest.fixture
def today(contract_period):
    """15 November of the contract period: the ECTs below started on 1 September."""
    return datetime.date(contract_period.year, 11, 15)


@pytest.fixture
def ect(school, contract_period):
    return ECTAtSchoolPeriodFactory(
        school=school,
        started_on=datetime.date(contract_period.year, 9, 1),
        teacher=TeacherFactory(trs_first_name="Ada", trs_last_name="Lovelace"),
    )


@pytest.fixture
def partnership(school, active_lead_provider):
    """The school's partnership confirmed by Best Practice Network (`lead_provider`) for the contract period."""
    return SchoolPartnershipFactory(
        school=school, lead_provider_delivery_partnership__active_lead_provider=active_lead_provider
    )
