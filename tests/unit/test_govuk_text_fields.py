"""The GOV.UK form bridge's text inputs, labels as page headings, textareas and character counts (no database)."""

from django import forms

from ecf.govuk import fields
from ecf.govuk.forms import GovUKForm
from tests.unit.govuk_html import TeacherForm, parse, render

# Text input ---------------------------------------------------------------------------------------------------------


def test_text_input_has_label_hint_value_and_width():
    html = render(TeacherForm(initial={"name": "Ada Lovelace"}), "name")

    field = html.find("input", id="id_name")
    assert field.attrs["name"] == "name"
    assert field.attrs["type"] == "text"
    assert field.attrs["value"] == "Ada Lovelace"
    assert {"govuk-input", "govuk-input--width-20"} <= field.classes
    assert "govuk-input--error" not in field.classes
    assert html.find("label", **{"for": "id_name"}).text == "Full name"
    assert html.by_id("id_name-hint").text == "As it appears on their teacher record"
    assert field.described_by == ["id_name-hint"]
    # GOV.UK validates on the server: no browser `required`, no silently truncating `maxlength`
    assert "required" not in field.attrs
    assert "maxlength" not in field.attrs


def test_text_input_error_uses_the_macros_error_message():
    form = TeacherForm(data={"name": "   "})
    assert not form.is_valid()

    html = render(form, "name")

    field = html.find("input", id="id_name")
    assert "govuk-input--error" in field.classes
    assert field.described_by == ["id_name-hint", "id_name-error"]
    error = html.by_id("id_name-error")
    assert "govuk-error-message" in error.classes
    assert error.find("span", cls="govuk-visually-hidden").text == "Error:"
    assert error.text == "Error: Enter the teacher's full name"
    assert "govuk-form-group--error" in html.find("div", cls="govuk-form-group").classes


def test_email_input_has_type_autocomplete_and_no_spellcheck():
    html = render(TeacherForm(), "email")

    field = html.find("input", id="id_email")
    assert field.attrs["type"] == "email"
    assert field.attrs["autocomplete"] == "email"
    assert field.attrs["spellcheck"] == "false"
    assert "maxlength" not in field.attrs  # Django's EmailField sets max_length=320


def test_plain_django_fields_in_a_govuk_form_render_through_the_bridge():
    class Form(GovUKForm):
        trn = forms.CharField(
            label="TRN",
            widget=forms.TextInput(
                attrs={"autocomplete": "off", "spellcheck": "false", "class": "govuk-input--width-10"}
            ),
            error_messages={"required": "Enter the TRN"},
        )
        years = forms.IntegerField(label="Years", required=False)

    html = parse(Form().render())

    trn = html.find("input", id="id_trn")
    assert {"govuk-input", "govuk-input--width-10"} <= trn.classes
    assert trn.attrs["autocomplete"] == "off"
    assert trn.attrs["spellcheck"] == "false"
    years = html.find("input", id="id_years")
    assert years.attrs["type"] == "text"  # GOV.UK advises against type="number"
    assert years.attrs["inputmode"] == "numeric"


def test_label_as_page_heading():
    html = render(TeacherForm(), "name", page_heading=True)

    label = html.find("label", **{"for": "id_name"})
    assert "govuk-label--l" in label.classes
    heading = html.find("h1")
    assert "govuk-label-wrapper" in heading.classes
    assert label.parent is heading
    assert heading.text == "Full name"
    # without the option there is no heading
    assert render(TeacherForm(), "name").find_all("h1") == []


def test_page_heading_can_be_a_field_option():
    class Form(GovUKForm):
        name = fields.CharField(label="What is their name?", page_heading=True, error_messages={"required": "Enter"})

    html = render(Form(), "name")

    assert html.find("h1").text == "What is their name?"
    assert html.find("h1").children[0].tag == "label"


# Textarea and character count ---------------------------------------------------------------------------------------


class NotesForm(GovUKForm):
    notes = fields.CharField(
        label="Notes",
        widget=forms.Textarea,
        required=False,
        help_text="Anything the lead provider should know",
    )
    reason = fields.CharField(
        label="Why are they leaving?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=200,
        error_messages={
            "required": "Enter why they are leaving",
            "max_length": "Reason must be 200 characters or fewer",
        },
    )


def test_textarea():
    html = render(NotesForm(initial={"notes": "Part time"}), "notes")

    textarea = html.find("textarea", id="id_notes")
    assert textarea.attrs["name"] == "notes"
    assert "govuk-textarea" in textarea.classes
    assert textarea.attrs["rows"] == "5"  # GOV.UK's default, not Django's 10
    assert textarea.text == "Part time"
    assert textarea.described_by == ["id_notes-hint"]
    assert html.find_all(cls="govuk-character-count") == []


def test_character_count_when_max_length_is_set():
    form = NotesForm(data={"reason": "x" * 201})
    assert not form.is_valid()

    html = render(form, "reason")

    group = html.find("div", cls="govuk-character-count")
    assert group.attrs["data-module"] == "govuk-character-count"
    assert group.attrs["data-maxlength"] == "200"
    textarea = html.find("textarea", id="id_reason")
    assert "maxlength" not in textarea.attrs  # the user may type past the limit and is told, not truncated
    assert textarea.attrs["rows"] == "3"
    assert "govuk-textarea--error" in textarea.classes
    assert "id_reason-info" in textarea.described_by
    assert html.by_id("id_reason-error").text == "Error: Reason must be 200 characters or fewer"
