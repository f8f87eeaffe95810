"""The 2025 contract period, a teaching school hub, and `register`: Kenneth Lowry's registration, any answer changed."""

import datetime

import pytest

from ecf.models import TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from ects.services import register_ect
from tests.factories import AppropriateBodyFactory, ContractPeriodFactory
from tests.unit.register_ect.registration import SEP_1, TRN


@pytest.fixture
def contract_period():
    return ContractPeriodFactory(year=2025)  # 1 June 2025 to 31 May 2026


@pytest.fixture
def appropriate_body():
    return AppropriateBodyFactory(name="Ambition Teaching School Hub")


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
