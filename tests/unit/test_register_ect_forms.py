"""Every validation message of each register-an-ECT form, with the copy of docs/journeys/register-an-ect.md."""

import datetime

import pytest

from ecf.models import AppropriateBody
from ects.register.forms import add_months
from tests.factories import (
    ActiveLeadProviderFactory,
    AppropriateBodyFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    SchoolFactory,
    TeacherFactory,
    current_contract_year,
)
from tests.unit.journey_forms import TODAY, context, date, ect_form, errors, with_find_facts

# Check ECT details (corrected name) -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, {"details_correct": ["Select ‘Yes’ or ‘No’ to confirm whether the details are correct"]}),
        (
            {"details_correct": "maybe"},
            {"details_correct": ["Select ‘Yes’ or ‘No’ to confirm whether the details are correct"]},
        ),
        ({"details_correct": "no"}, {"first_name": ["Enter a first name"], "last_name": ["Enter a last name"]}),
        (
            {"details_correct": "no", "first_name": "x" * 101, "last_name": "Ok"},
            {"first_name": ["First name must be 100 characters or less"]},
        ),
        (
            {"details_correct": "no", "first_name": "Jo", "last_name": "Ma\x00rch"},
            {"last_name": ["Last name must not include hidden characters"]},
        ),
        ({"details_correct": "yes", "first_name": "x" * 500}, {}),  # hidden fields do not count
    ],
)
def test_review_details_errors(data, expected):
    assert errors(ect_form("review-ect-details", data, context())) == expected


def test_a_corrected_name_is_a_fact():
    form = ect_form(
        "review-ect-details", {"details_correct": "no", "first_name": " Jo ", "last_name": "March "}, context=context()
    )

    assert form.is_valid()
    assert form.facts() == {"corrected_name": "Jo March"}
    assert form.fields["details_correct"].label == "Are these details correct for the ECT?"


# Email ---------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter an email address"),
        ("not an email", "Enter an email address in the correct format, like name@example.com"),
        ("a\x00@example.com", "Enter an email address in the correct format, like name@example.com"),
        ("a" * 250 + "@example.com", "Email address must be 254 characters or less"),
    ],
)
def test_email_errors(email, message):
    form = ect_form("email-address", {"email": email}, context(**with_find_facts()))

    assert errors(form)["email"][0] == message


@pytest.mark.django_db
def test_an_email_used_by_a_different_current_ect_is_in_use():
    ECTAtSchoolPeriodFactory(email="taken@example.com")
    taken = ect_form("email-address", {"email": "Taken@example.com"}, context(**with_find_facts()))
    free = ect_form("email-address", {"email": "free@example.com"}, context(**with_find_facts()))

    assert taken.is_valid()
    assert free.is_valid()
    assert taken.facts()["in_use"] is True
    assert free.facts() == {"email": "free@example.com", "in_use": False}


# Start date ----------------------------------------------------------------------------------------------------


@pytest.fixture
def contract_periods(db):
    year = current_contract_year()
    for offset in (-2, -1, 0):
        ContractPeriodFactory(year=year + offset, enabled=True)
    return ContractPeriodFactory(year=year + 1, enabled=False)


def start_date_form(day_or_data, school=None, **facts):
    data = day_or_data if isinstance(day_or_data, dict) else date(day_or_data, "started_on")
    return ect_form("start-date", data, context(school or SchoolFactory(), **with_find_facts(**facts)))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the date the ECT started or will start teaching at your school"),
        (
            {"started_on-day": "40", "started_on-month": "1", "started_on-year": "2025"},
            "Enter the start date using the correct format, for example, 17 09 1999",
        ),
    ],
)
def test_start_date_format_errors(contract_periods, data, message):
    assert errors(start_date_form(data)) == {"started_on": [message]}


def test_a_start_date_before_the_earliest_permitted_date(contract_periods):
    earliest = datetime.date(current_contract_year() - 2, 6, 1)

    assert errors(start_date_form(earliest - datetime.timedelta(days=1))) == {
        "started_on": [f"Start date cannot be this far in the past. Enter a date later than 1 June {earliest.year}."]
    }
    assert start_date_form(earliest).is_valid()


def test_a_start_date_not_after_the_previous_periods_start(contract_periods):
    previous = ECTAtSchoolPeriodFactory(
        teacher=TeacherFactory(trn="1234567"), school=SchoolFactory(name="Brook Academy"), started_on=TODAY
    )
    started = f"{TODAY.day} {TODAY:%B %Y}"

    assert errors(start_date_form(TODAY, registered_before=True)) == {
        "started_on": [
            f"Our records show that Kate Lewis started teaching at Brook Academy on {started}. "
            f"Enter a start date after {started}."
        ]
    }
    assert previous.pk


def test_a_start_date_not_after_a_finished_previous_period(contract_periods):
    finished = TODAY - datetime.timedelta(days=10)
    ECTAtSchoolPeriodFactory(
        teacher=TeacherFactory(trn="1234567"),
        school=SchoolFactory(name="Brook Academy"),
        started_on=TODAY - datetime.timedelta(days=100),
        finished_on=finished,
    )

    message = errors(start_date_form(finished, registered_before=True))["started_on"][0]

    assert message.startswith("Our records show that Kate Lewis finished teaching at Brook Academy on")


def test_an_ect_still_at_another_school_cannot_be_registered_too_far_ahead(contract_periods):
    ECTAtSchoolPeriodFactory(teacher=TeacherFactory(trn="1234567"), started_on=TODAY - datetime.timedelta(days=100))
    limit = add_months(TODAY, 4) + datetime.timedelta(days=1)

    assert errors(start_date_form(limit, registered_before=True)) == {
        "started_on": [
            f"Start date must be before {limit.day} {limit:%B %Y}. You cannot register the ECT this far in advance."
        ]
    }
    assert start_date_form(limit - datetime.timedelta(days=1), registered_before=True).is_valid()


def test_start_date_facts(contract_periods):
    form = start_date_form(contract_periods.started_on + datetime.timedelta(days=100))

    assert form.is_valid()
    facts = form.facts()
    assert facts["contract_period"] == contract_periods.year
    assert facts["registration_open"] is False
    assert facts["academic_year"] == f"{contract_periods.year} to {contract_periods.year + 1}"
    assert facts["reusable_choices"] is False


# Working pattern, previous choices, appropriate body, programme, lead provider -----------------------------------


@pytest.mark.parametrize("value", [None, "sometimes"])
def test_working_pattern_errors(value):
    data = {} if value is None else {"working_pattern": value}

    assert errors(ect_form("working-pattern", data, context())) == {
        "working_pattern": ["Select if the ECT’s working pattern is full or part time"]
    }


def test_the_working_pattern_question_names_the_ect():
    form = ect_form("working-pattern", None, context(**with_find_facts()))

    assert form.fields["working_pattern"].label == "Is Kate Lewis’s working pattern as an ECT full or part time?"


@pytest.mark.django_db
def test_use_previous_choices_errors(contract_periods):
    school = SchoolFactory()
    required = ect_form("use-previous-ect-choices", {}, context(school))
    gone = ect_form(
        "use-previous-ect-choices",
        {"use_previous": "yes"},
        context=context(school, **{"start-date": {"data": {}, "facts": {"started_on": TODAY.isoformat()}}}),
    )

    assert errors(required) == {
        "use_previous": [
            "Select ‘Yes’ or ‘No’ to confirm whether to use the programme choices used by your school previously"
        ]
    }
    assert errors(gone) == {
        "use_previous": ["You can no longer use these programme choices. Select ‘No’ to choose again."]
    }


@pytest.mark.django_db
def test_state_school_appropriate_body_errors():
    hub = AppropriateBodyFactory()
    local_authority = AppropriateBodyFactory(body_type=AppropriateBody.BodyType.LOCAL_AUTHORITY)
    school = SchoolFactory()
    message = "Select the appropriate body which will be supporting the ECT’s induction"

    assert errors(ect_form("appropriate-body", {}, context(school))) == {"appropriate_body": [message]}
    assert errors(ect_form("appropriate-body", {"appropriate_body": str(local_authority.pk)}, context(school))) == {
        "appropriate_body": [message]
    }
    form = ect_form("appropriate-body", {"appropriate_body": str(hub.pk)}, context(school))
    assert form.is_valid()
    assert form.cleaned_data["appropriate_body"] == hub
    assert "appropriate_body_type" not in form.fields


@pytest.mark.django_db
def test_independent_school_appropriate_body_errors():
    istip = AppropriateBodyFactory(name="Independent Schools Teacher Induction Panel (ISTIP)", body_type="national")
    hub = AppropriateBodyFactory()
    school = SchoolFactory(independent=True)
    message = "Select the appropriate body which will be supporting the ECT’s induction"

    assert errors(ect_form("appropriate-body", {}, context(school))) == {"appropriate_body_type": [message]}
    assert errors(ect_form("appropriate-body", {"appropriate_body_type": "teaching_school_hub"}, context(school))) == {
        "appropriate_body": [message]
    }
    chose_istip = ect_form("appropriate-body", {"appropriate_body_type": "istip"}, context(school))
    assert chose_istip.is_valid()
    assert chose_istip.cleaned_data["appropriate_body"] == istip
    chose_hub = ect_form(
        "appropriate-body",
        {"appropriate_body_type": "teaching_school_hub", "appropriate_body": str(hub.pk)},
        context=context(school),
    )
    assert chose_hub.is_valid()
    assert chose_hub.cleaned_data["appropriate_body"] == hub


@pytest.mark.parametrize("value", [None, "self_led"])
def test_training_programme_errors(value):
    data = {} if value is None else {"training_programme": value}

    assert errors(ect_form("training-programme", data, context())) == {
        "training_programme": ["Select either ‘Provider-led’ or ‘School-led’ training"]
    }


@pytest.mark.django_db
def test_lead_provider_offers_those_active_in_the_start_dates_contract_period(contract_periods):
    active = ActiveLeadProviderFactory(contract_period_id=current_contract_year()).lead_provider
    inactive = ActiveLeadProviderFactory(contract_period=contract_periods).lead_provider
    answers = {"start-date": {"data": {}, "facts": {"started_on": TODAY.isoformat()}}}
    message = "Select which lead provider will be training the ECT"

    form = ect_form("lead-provider", None, context(**answers))
    assert [name for _, name in form.fields["lead_provider"].choices] == [active.name]
    assert errors(ect_form("lead-provider", {}, context(**answers))) == {"lead_provider": [message]}
    assert errors(ect_form("lead-provider", {"lead_provider": str(inactive.pk)}, context(**answers))) == {
        "lead_provider": [message]
    }
    chosen = ect_form("lead-provider", {"lead_provider": str(active.pk)}, context(**answers))
    assert chosen.is_valid()
    assert chosen.cleaned_data["lead_provider"] == active
