"""Arbitrary input at every field of every register-an-ECT form: the form is valid or has GOV.UK errors,
and never raises (huge strings, unicode, NUL bytes, SQL and HTML metacharacters, tampered choices)."""

import datetime

import pytest
from django.forms import MultiWidget
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecf.journeys import Answers, JourneyContext
from ects.register.journey import REGISTER_ECT
from tests.factories import (
    ActiveLeadProviderFactory,
    AppropriateBodyFactory,
    ContractPeriodFactory,
    SchoolFactory,
    current_contract_year,
)

STEPS = [step for step in REGISTER_ECT.steps if step.form_class]

# What Django says when a form forgets to give its own message: none of it may reach a user.
DJANGO_DEFAULTS = (
    "This field is required",
    "Select a valid choice",
    "Enter a valid",
    "Ensure this value",
    "Null characters are not allowed",
    "is not one of the available choices",
)

METACHARACTERS = st.sampled_from(
    [
        "'; DROP TABLE ecf_teacher; --",
        '" OR 1=1 --',
        "<script>alert(1)</script>",
        "&amp;<b>",
        "%s %(x)s {0}",
        "\x00",
        "1234567\x00",
        "\u202e\u200b\ufeff",
        "١٢٣٤٥٦٧",
        "𝟙𝟚𝟛𝟜𝟝𝟞𝟟",
        "Ⅻ",
        "9" * 5000,
        "a@" + "b" * 300 + ".com",
        "",
        "   ",
    ]
)
HUGE = st.builds(lambda text, times: text * times, st.text(min_size=1, max_size=4), st.integers(1000, 30000))
VALID_ISH = st.sampled_from(
    [
        *("yes", "no", "1234567", "3", "2", "1977", "QQ123456C", "a@example.com", "full_time", "provider_led"),
        *("istip", "teaching_school_hub", "school_led", "part_time", "1", "9", "2025"),
    ]
)
ANY_TEXT = st.one_of(st.text(), METACHARACTERS, HUGE, VALID_ISH)

ANSWERS = Answers(
    {
        "find-ect": {
            "data": {},
            "facts": {
                "found": True,
                "requested_trn": "1234567",
                "trn": "1234567",
                "first_name": "Kate",
                "last_name": "Lewis",
                "registered_before": True,
            },
        },
        "start-date": {"data": {}, "facts": {"started_on": datetime.date.today().isoformat()}},
    }
)


def data_names(form) -> list[str]:
    names = []
    for bound_field in form:
        widget = bound_field.field.widget
        if isinstance(widget, MultiWidget):
            names += [f"{bound_field.html_name}{suffix}" for suffix in widget.widgets_names]
        else:
            names.append(bound_field.html_name)
    return names


@pytest.fixture
def schools(db):
    year = current_contract_year()
    for offset in (-2, -1, 0):
        ContractPeriodFactory(year=year + offset)
    AppropriateBodyFactory(name="Independent Schools Teacher Induction Panel (ISTIP)", body_type="national")
    AppropriateBodyFactory()
    ActiveLeadProviderFactory(contract_period_id=year)
    return [SchoolFactory(), SchoolFactory(independent=True)]


def check(step, school, values: dict) -> None:
    context = JourneyContext(school=school, user=None, answers=ANSWERS)
    names = data_names(step.build_form(context))
    data = MultiValueDict({name: [values[name]] for name in names if values.get(name) is not None})
    form = step.build_form(context, data)

    if form.is_valid():
        form.facts()  # must not raise either
        return
    messages = [str(message) for errors in form.errors.values() for message in errors]
    assert messages
    for message in messages:
        assert not any(default in message for default in DJANGO_DEFAULTS), message


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.form_class.__name__)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_arbitrary_text_gives_a_gov_uk_error_or_success(schools, step, data):
    school = data.draw(st.sampled_from(schools))
    names = data_names(step.build_form(JourneyContext(school=school, user=None, answers=ANSWERS)))
    values = {name: data.draw(st.one_of(st.none(), ANY_TEXT), label=name) for name in names}

    check(step, school, values)


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.form_class.__name__)
def test_nul_bytes_in_every_field_are_refused_or_stripped(schools, step):
    for school in schools:
        names = data_names(step.build_form(JourneyContext(school=school, user=None, answers=ANSWERS)))
        for name in names:
            check(step, school, {name: "abc\x00def"})
            check(step, school, dict.fromkeys(names, "\x00"))
