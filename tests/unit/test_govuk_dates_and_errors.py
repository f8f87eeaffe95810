"""The GOV.UK form bridge's date inputs, error summary and base form (no database)."""

import datetime

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured

from ecf.govuk import fields
from ecf.govuk.forms import GovUKForm
from ecf.govuk.rendering import govuk_error_summary, jinja_engine
from tests.unit.govuk_html import ContactForm, TeacherForm, ids, parse, render

# Date input ---------------------------------------------------------------------------------------------------------


def date_classes(html):
    return {
        part: "govuk-input--error" in html.find("input", id=f"id_date_of_birth-{part}").classes
        for part in ("day", "month", "year")
    }


def teacher_with_date(day, month, year):
    return TeacherForm(
        data={
            "name": "Ada",
            "email": "ada@example.com",
            "date_of_birth-day": day,
            "date_of_birth-month": month,
            "date_of_birth-year": year,
        }
    )


def test_date_input_parts_and_values():
    html = render(TeacherForm(initial={"date_of_birth": datetime.date(1998, 3, 12)}), "date_of_birth")

    inputs = html.find("div", cls="govuk-date-input").find_all("input")
    assert ids(inputs) == ["id_date_of_birth-day", "id_date_of_birth-month", "id_date_of_birth-year"]
    assert [i.attrs["name"] for i in inputs] == ["date_of_birth-day", "date_of_birth-month", "date_of_birth-year"]
    assert [i.attrs["value"] for i in inputs] == ["12", "3", "1998"]
    assert [i.attrs["inputmode"] for i in inputs] == ["numeric"] * 3
    assert "govuk-input--width-4" in inputs[2].classes
    assert [html.find("label", **{"for": i.attrs["id"]}).text for i in inputs] == ["Day", "Month", "Year"]
    assert html.find("legend").text == "Date of birth"
    assert html.find("fieldset").attrs["role"] == "group"
    assert html.find("fieldset").described_by == ["id_date_of_birth-hint"]


def test_date_input_highlights_only_the_wrong_month():
    form = teacher_with_date("12", "13", "1998")
    assert form.errors == {"date_of_birth": ["Enter the date of birth in the correct format, for example 12 03 1998"]}

    html = render(form, "date_of_birth")

    assert date_classes(html) == {"day": False, "month": True, "year": False}
    assert html.find("input", id="id_date_of_birth-month").attrs["value"] == "13"  # what they typed, kept
    assert html.by_id("id_date_of_birth-error").text.startswith("Error: Enter the date of birth in the correct")
    assert html.find("fieldset").described_by == ["id_date_of_birth-hint", "id_date_of_birth-error"]


@pytest.mark.parametrize(
    ("day", "month", "year", "wrong", "message"),
    [
        ("31", "4", "1998", {"day"}, "Enter the date of birth in the correct format, for example 12 03 1998"),
        ("29", "2", "2023", {"day"}, "Enter the date of birth in the correct format, for example 12 03 1998"),
        ("12", "3", "98", {"year"}, "Enter the date of birth in the correct format, for example 12 03 1998"),
        ("x", "3", "abcd", {"day", "year"}, "Enter the date of birth in the correct format, for example 12 03 1998"),
        ("12", "", "1998", {"month"}, "Date of birth must include a month"),
        ("", "3", "", {"day", "year"}, "Date of birth must include a day and year"),
        ("", "", "", {"day", "month", "year"}, "Enter a date of birth"),
        # An absurdly long part is what is wrong, whatever else was typed or not typed yet.
        ("1" * 25, "", "", {"day"}, "Enter the date of birth in the correct format, for example 12 03 1998"),
        ("1" * 25, "ab", "19999", {"day"}, "Enter the date of birth in the correct format, for example 12 03 1998"),
    ],
)
def test_date_errors_name_the_parts_in_error(day, month, year, wrong, message):
    form = teacher_with_date(day, month, year)

    assert form.errors == {"date_of_birth": [message]}
    assert {part for part, error in date_classes(render(form, "date_of_birth")).items() if error} == wrong


def test_date_is_cleaned_with_spaces_and_month_names():
    form = teacher_with_date(" 12 ", "March", " 1998")

    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == datetime.date(1998, 3, 12)
    assert teacher_with_date("1", "sept", "2001").is_valid()


def test_a_form_level_date_error_highlights_every_part():
    form = teacher_with_date("12", "3", "2030")
    form.is_valid()
    form.add_error("date_of_birth", "Date of birth must be in the past")

    assert date_classes(render(form, "date_of_birth")) == {"day": True, "month": True, "year": True}


# Error summary ------------------------------------------------------------------------------------------------------


def summary_links(html):
    return [
        (link.attrs.get("href"), link.text) for link in html.find("ul", cls="govuk-error-summary__list").find_all("a")
    ]


def test_error_summary_links_to_the_first_input_of_each_failing_field():
    form = teacher_with_date("12", "13", "1998")
    form.data = {**form.data, "name": "", "email": "nope"}
    form.full_clean()

    html = parse(govuk_error_summary(form))

    assert html.find("h2", cls="govuk-error-summary__title").text == "There is a problem"
    assert html.find("div", cls="govuk-error-summary").attrs["data-module"] == "govuk-error-summary"
    assert summary_links(html) == [
        ("#id_name", "Enter the teacher's full name"),
        ("#id_email", "Enter an email address in the correct format, like name@example.com"),
        ("#id_date_of_birth-month", "Enter the date of birth in the correct format, for example 12 03 1998"),
    ]


def test_error_summary_links_a_date_to_its_first_part_in_error_and_radios_to_the_first_radio():
    teacher = teacher_with_date("", "", "1998")
    contact = ContactForm(data={})

    assert summary_links(parse(govuk_error_summary(teacher))) == [
        ("#id_date_of_birth-day", "Date of birth must include a day and month")
    ]
    assert summary_links(parse(govuk_error_summary(contact))) == [
        ("#id_contact", "Select how we should contact the mentor")
    ]
    assert parse(contact["contact"].as_field_group()).find_all("input", id="id_contact")  # the link's target exists


def test_error_summary_lists_form_errors_without_a_link():
    form = ContactForm(data={"contact": "phone"})

    html = parse(govuk_error_summary(form))

    items = html.find("ul", cls="govuk-error-summary__list").find_all("li")
    assert [item.text for item in items] == ["We cannot phone mentors yet"]
    assert html.find_all("a") == []


def test_error_summary_is_empty_without_errors():
    assert govuk_error_summary(TeacherForm()) == ""  # unbound
    assert govuk_error_summary(teacher_with_date("12", "3", "1998")) == ""  # valid
    assert govuk_error_summary(None) == ""


def test_error_summary_is_a_jinja_global_and_fields_render_unescaped_in_jinja():
    env = jinja_engine().env
    template = env.from_string("{{ govuk_error_summary(form) }}{{ form.name.as_field_group() }}")

    html = parse(template.render(form=TeacherForm(data={})), must_be_safe=False)

    assert summary_links(html)[0] == ("#id_name", "Enter the teacher's full name")
    assert html.find("input", id="id_name")  # rendered as HTML, not as escaped text
    assert "&lt;" not in template.render(form=TeacherForm(data={}))


def test_user_input_is_escaped():
    form = TeacherForm(data={"name": '<script>alert("x")</script>'})

    rendered = str(form["name"].as_field_group())

    assert "<script>" not in rendered
    assert (
        parse(form["name"].as_field_group()).find("input", id="id_name").attrs["value"] == '<script>alert("x")</script>'
    )


# The base form ------------------------------------------------------------------------------------------------------


def test_every_required_field_needs_its_own_required_message():
    class Careless(GovUKForm):
        trn = fields.CharField(label="TRN")
        notes = fields.CharField(label="Notes", required=False)

    with pytest.raises(ImproperlyConfigured, match=r"Careless .* trn: required"):
        Careless()


def test_a_date_field_needs_its_invalid_message():
    class Careless(GovUKForm):
        start = fields.DateField(label="Start date", error_messages={"required": "Enter the start date"})

    with pytest.raises(ImproperlyConfigured, match="start: invalid"):
        Careless()


def test_whitespace_is_stripped():
    form = teacher_with_date("12", "3", "1998")
    form.data = {**form.data, "name": "  Ada Lovelace \n", "email": " ada@example.com "}

    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Ada Lovelace"
    assert form.cleaned_data["email"] == "ada@example.com"


def test_form_renders_hidden_fields_as_hidden_inputs():
    class Form(GovUKForm):
        journey = forms.CharField(widget=forms.HiddenInput, error_messages={"required": "Start again"})

    html = parse(Form(initial={"journey": "abc"}).render())

    assert html.find("input", type="hidden").attrs == {
        "type": "hidden",
        "name": "journey",
        "value": "abc",
        "id": "id_journey",
    }


def test_a_date_part_of_thousands_of_digits_is_an_error_not_a_crash():
    from django import forms as django_forms

    from ecf.govuk.fields import DateField
    from ecf.govuk.forms import GovUKForm

    class StartDateForm(GovUKForm):
        started_on = DateField(
            label="Start date",
            error_messages={"required": "Enter a start date", "invalid": "Enter the start date in the correct format"},
        )

    form = StartDateForm({"started_on-day": "1", "started_on-month": "9", "started_on-year": "9" * 5000})

    assert not form.is_valid()
    assert form.errors["started_on"] == ["Enter the start date in the correct format"]
    assert isinstance(form, django_forms.Form)
