"""ECT and mentor periods, and ECTs' training, as the mentor services' tests make them."""

import datetime

from ecf.models import TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod
from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory, TrainingPeriodFactory

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
MONTH_AGO = TODAY - 30 * DAY
TRN = "2345678"


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
