"""ECTs, mentors and a school user assigning a mentor through the test client, for the assign journeys' tests."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    LeadProviderFactory,
    MentorAtSchoolPeriodFactory,
    TeacherFactory,
    TrainingPeriodFactory,
    current_contract_year,
)
from tests.views.journey_client import JourneyClient

TODAY = datetime.date.today()
LAST_YEAR = TODAY - datetime.timedelta(days=365)


def make_setting() -> dict:
    """This year's contract period with two lead providers active in it."""
    contract_period = ContractPeriodFactory(year=current_contract_year())
    ambition = ActiveLeadProviderFactory(
        lead_provider=LeadProviderFactory(name="Ambition Institute"), contract_period=contract_period
    )
    teach_first = ActiveLeadProviderFactory(
        lead_provider=LeadProviderFactory(name="Teach First"), contract_period=contract_period
    )
    return {"ambition": ambition, "teach_first": teach_first}


def teacher(first, last, **kwargs):
    return TeacherFactory(trs_first_name=first, trs_last_name=last, **kwargs)


def an_ect(school, setting, *, programme="provider_led", name=("Kate", "Lewis"), started_on=None):
    ect = ECTAtSchoolPeriodFactory(school=school, teacher=teacher(*name), started_on=started_on or LAST_YEAR)
    if programme == "provider_led":
        TrainingPeriodFactory(ect_at_school_period=ect, with_eoi=True, expression_of_interest=setting["ambition"])
    else:
        TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)
    return ect


def a_mentor(school, first="Ada", last="Jones", **kwargs):
    return MentorAtSchoolPeriodFactory(school=school, teacher=teacher(first, last), started_on=LAST_YEAR, **kwargs)


class Journey(JourneyClient):
    """A school user assigning a mentor to one ECT, in one browser tab."""

    def __init__(self, client, ect):
        super().__init__(client, reverse("mentors:assign-mentor-start", kwargs={"ect_id": ect.pk}))


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
