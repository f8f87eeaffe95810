"""Typed text refuses control, format and bidirectional characters, and names need a letter: one rule
(ecf/govuk/text.py), applied by the form bridge to every free-text field of the service.

Before, a change of name to a zero-width space, or a name wrapped in right-to-left override characters,
was saved and then shown in lists, emails and the audit trail.
"""

import importlib

import pytest
from django import forms

from ecf.govuk.fields import VisibleTextMixin
from ecf.govuk.forms import GovUKForm
from ecf.govuk.text import hidden_characters
from ecf.teachers.forms import ChangeEmailForm, ChangeNameForm
from mentors.forms import ADDITIONAL_DETAILS, ChangeAdditionalDetailForm
from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory, TeacherFactory

FORM_MODULES = [
    "ecf.journeys.forms",
    "ecf.teachers.forms",
    "ecf.training.forms",
    "schools.forms",
    "ects.forms",
    "ects.register.forms",
    "mentors.forms",
    "mentors.assign.forms",
]

HIDDEN = [
    "\u200b",  # zero-width space
    "Jo\u200bMarch",
    "\u202eJo March\u202c",  # right-to-left override ... pop
    "\u2067Jo\u2069",  # right-to-left isolate
    "\u200fJo",  # right-to-left mark
    "\ufeffJo",  # byte order mark
    "Jo\x1b[31m",  # escape (terminal colours)
    "Jo\x00",
    "Jo\u2028March",  # line separator
    "Jo\ue000",  # private use
    "\u3164",  # Hangul filler: a "letter" (Lo) that shows nothing; once accepted as a whole name
    "\uffa0",  # halfwidth Hangul filler
    "\u115f\u1160",  # Hangul choseong and jungseong fillers
    "Jo\u034f",  # combining grapheme joiner (Mn)
    "Jo\ufe0f",  # variation selector
]


def every_govuk_form():
    for module in FORM_MODULES:
        importlib.import_module(module)
    found, todo = set(), [GovUKForm]
    while todo:
        form = todo.pop()
        for subclass in form.__subclasses__():
            if subclass not in found:
                found.add(subclass)
                todo.append(subclass)
    return sorted(found, key=lambda form: f"{form.__module__}.{form.__qualname__}")


TEXT_FIELDS = [
    (f"{form.__module__}.{form.__qualname__}.{name}", field)
    for form in every_govuk_form()
    for name, field in form.base_fields.items()
    if isinstance(field, forms.CharField) and not isinstance(field, forms.MultiValueField)
]


def test_the_service_has_free_text_fields_to_check():
    names = [name for name, _ in TEXT_FIELDS]
    assert any(name.endswith("ChangeNameForm.first_name") for name in names)
    assert any(name.endswith("TeacherEmailForm.email") for name in names)
    assert len(names) >= 8


@pytest.mark.parametrize(("name", "field"), TEXT_FIELDS, ids=[name for name, _ in TEXT_FIELDS])
def test_every_free_text_field_goes_through_the_bridge_rule(name, field):
    assert isinstance(field, VisibleTextMixin), f"{name} is a plain Django field: use ecf.govuk.fields"


@pytest.mark.parametrize(("name", "field"), TEXT_FIELDS, ids=[name for name, _ in TEXT_FIELDS])
def test_every_free_text_field_refuses_a_zero_width_space_with_a_govuk_message(name, field):
    with pytest.raises(forms.ValidationError) as refused:
        field.clean("1234567\u200b@example.com")

    message = refused.value.messages[0]
    assert message != "Null characters are not allowed."
    assert not message.startswith("This field")


@pytest.mark.parametrize("text", HIDDEN)
def test_hidden_characters_are_found(text):
    assert hidden_characters(text)


@pytest.mark.parametrize("text", ["Zoë Siân", "Ó Ceallaigh-李", "O’Brien", "Anne-Marie", "D'Souza", "Ng"])
def test_visible_names_in_any_script_have_no_hidden_characters(text):
    assert hidden_characters(text) == []


def test_line_breaks_are_allowed_only_in_a_textarea():
    assert hidden_characters("First line\nsecond line")
    assert hidden_characters("First line\r\nsecond line", multiline=True) == []
    assert hidden_characters("First line\u202esecond", multiline=True)


@pytest.mark.django_db
@pytest.mark.parametrize("first_name", HIDDEN)
def test_a_name_with_hidden_characters_is_refused(first_name):
    form = ChangeNameForm(
        {"first_name": first_name, "last_name": "March"}, period=ECTAtSchoolPeriodFactory.build(teacher__trn="1234567")
    )

    assert form.errors == {"first_name": ["First name must not include hidden characters"]}


@pytest.mark.django_db
@pytest.mark.parametrize("last_name", ["-", "...", "123", "'", "- -"])
def test_a_name_needs_at_least_one_letter(last_name):
    form = ChangeNameForm(
        {"first_name": "Jo", "last_name": last_name}, period=ECTAtSchoolPeriodFactory.build(teacher__trn="1234567")
    )

    assert form.errors == {"last_name": ["Last name must include at least one letter"]}


@pytest.mark.django_db
def test_an_email_address_with_hidden_characters_is_refused():
    form = ChangeEmailForm(
        {"email": "jo\u200b.march@example.com"},
        period=ECTAtSchoolPeriodFactory.build(teacher__trn="1234567"),
        role="ECT",
    )

    assert form.errors == {"email": ["Enter an email address in the correct format, like name@example.com"]}


@pytest.mark.django_db
@pytest.mark.parametrize("detail", ADDITIONAL_DETAILS, ids=[detail.slug for detail in ADDITIONAL_DETAILS])
def test_a_mentors_additional_details_refuse_hidden_characters_but_keep_line_breaks(detail):
    period = MentorAtSchoolPeriodFactory.build(teacher__trn="1234567")

    refused = ChangeAdditionalDetailForm({detail.field: "Maths\u202e"}, period=period, detail=detail)
    assert refused.errors == {detail.field: [f"{detail.label} must not include hidden characters"]}
    accepted = ChangeAdditionalDetailForm({detail.field: "Maths\r\nand physics"}, period=period, detail=detail)
    assert accepted.is_valid() == detail.multiline


def test_the_issues_case_a_name_changed_to_a_zero_width_space_is_not_saved(school_client, school):
    ect = ECTAtSchoolPeriodFactory(school=school)

    response = school_client.post(f"/school/ects/{ect.pk}/change-name", {"first_name": "\u200b", "last_name": "\u200b"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "First name must not include hidden characters" in html
    assert "govuk-error-summary" in html
    ect.teacher.refresh_from_db()
    assert ect.teacher.corrected_name == ""


def test_staff_cannot_give_a_teacher_an_invisible_name_in_the_admin(admin_client):
    teacher = TeacherFactory()

    response = admin_client.post(
        f"/admin/ecf/teacher/{teacher.pk}/change/",
        {"trn": teacher.trn, "trs_first_name": "\u202eJo", "trs_last_name": "March", "corrected_name": "\u200b"},
    )

    assert response.status_code == 200  # the form again, with errors
    assert "Remove hidden characters" in response.content.decode()
    teacher.refresh_from_db()
    assert teacher.trs_first_name != "\u202eJo"
