"""The GOV.UK form bridge's radios, conditional reveals, checkboxes and selects (no database)."""

from django import forms

from ecf.govuk import fields
from ecf.govuk.forms import GovUKForm
from tests.unit.govuk_html import ContactForm, ids, parse, render

# Radios -------------------------------------------------------------------------------------------------------------


def test_radios_with_hints_divider_and_conditional_reveal():
    html = render(ContactForm(initial={"contact": "email"}), "contact")

    radios = html.find_all("input", type="radio")
    assert ids(radios) == ["id_contact", "id_contact-2", "id_contact-3"]
    assert [radio.attrs["value"] for radio in radios] == ["email", "phone", "none"]
    assert [("checked" in radio.attrs) for radio in radios] == [True, False, False]
    assert {radio.attrs["name"] for radio in radios} == {"contact"}
    # a hint per option, linked from its radio
    assert radios[0].described_by == ["id_contact-item-hint"]
    assert html.by_id("id_contact-item-hint").text == "We will send a link"
    assert html.by_id("id_contact-2-item-hint").text == "Only in working hours"
    assert "aria-describedby" not in radios[2].attrs
    # the divider sits between "Phone" and "Do not contact them"
    container = html.find("div", cls="govuk-radios")
    order = [
        ("divider", child.text) if "govuk-radios__divider" in child.classes else child.find("input").attrs["value"]
        for child in container.children
        if child.classes & {"govuk-radios__item", "govuk-radios__divider"}
    ]
    assert order == ["email", "phone", ("divider", "or"), "none"]
    # the email field is revealed under "Email" (shown, because "Email" is chosen)
    reveal = html.by_id("conditional-id_contact")
    assert radios[0].attrs["data-aria-controls"] == "conditional-id_contact"
    assert "govuk-radios__conditional--hidden" not in reveal.classes
    assert reveal.find("input", id="id_contact_email").attrs["type"] == "email"
    # the legend and the fieldset's hint
    assert html.find("legend").text == "How should we contact the mentor?"
    assert html.find("legend").find_all("h1") == []
    assert html.find("fieldset").described_by == ["id_contact-hint"]


def test_conditional_reveal_is_hidden_when_its_option_is_not_chosen():
    html = render(ContactForm(), "contact")

    assert "govuk-radios__conditional--hidden" in html.by_id("conditional-id_contact").classes
    assert [("checked" in radio.attrs) for radio in html.find_all("input", type="radio")] == [False, False, False]


def test_radios_legend_as_page_heading():
    html = render(ContactForm(), "contact", page_heading=True)

    legend = html.find("legend")
    assert "govuk-fieldset__legend--l" in legend.classes
    assert legend.find("h1", cls="govuk-fieldset__heading").text == "How should we contact the mentor?"


def test_radios_error_is_on_the_fieldset():
    form = ContactForm(data={})
    assert not form.is_valid()

    html = render(form, "contact")

    assert html.find("fieldset").described_by == ["id_contact-hint", "id_contact-error"]
    assert html.by_id("id_contact-error").text == "Error: Select how we should contact the mentor"


def test_revealed_field_is_required_only_when_its_option_is_chosen():
    hidden = ContactForm(data={"contact": "none", "contact_email": "not an email"})
    assert hidden.is_valid(), hidden.errors
    assert hidden.cleaned_data == {"contact": "none", "contact_email": None}

    form = ContactForm(data={"contact": "email", "contact_email": ""})
    assert not form.is_valid()
    assert form.errors == {"contact_email": ["Enter the mentor's email address"]}


def test_form_template_renders_revealed_fields_once():
    html = parse(ContactForm().render())

    assert len(html.find_all("input", id="id_contact_email")) == 1
    assert html.find("input", id="id_contact_email").parent.parent.attrs["id"] == "conditional-id_contact"


# Checkboxes ---------------------------------------------------------------------------------------------------------


class SupportForm(GovUKForm):
    support = fields.MultipleChoiceField(
        label="What support do they need?",
        choices=[("reduced", "Reduced timetable"), ("mentor", "Extra mentor time"), ("none", "None of these")],
        choice_hints={"reduced": "At least 10% less teaching"},
        dividers={"none": "or"},
        exclusive="none",
        error_messages={"required": "Select the support they need, or select none of these"},
    )
    confirm = fields.BooleanField(
        label="I confirm the details are correct",
        error_messages={"required": "Confirm the details are correct"},
    )


def test_checkboxes():
    form = SupportForm(data={"support": ["reduced", "mentor"]})
    form.is_valid()

    html = render(form, "support")

    boxes = html.find_all("input", type="checkbox")
    assert ids(boxes) == ["id_support", "id_support-2", "id_support-3"]
    assert {box.attrs["name"] for box in boxes} == {"support"}
    assert [("checked" in box.attrs) for box in boxes] == [True, True, False]
    assert boxes[0].described_by == ["id_support-item-hint"]
    assert html.find(cls="govuk-checkboxes__divider").text == "or"
    assert boxes[2].attrs["data-behaviour"] == "exclusive"
    assert html.find("legend").text == "What support do they need?"


def test_checkboxes_can_reveal_a_field_too():
    class Form(GovUKForm):
        needs = fields.MultipleChoiceField(
            label="Needs",
            choices=[("other", "Other"), ("time", "Time")],
            reveal={"other": ["details"]},
            error_messages={"required": "Select their needs"},
        )
        details = fields.CharField(label="Give details", error_messages={"required": "Enter the details"})

    assert Form(data={"needs": ["time"]}).is_valid()
    form = Form(data={"needs": ["time", "other"]})
    assert form.errors == {"details": ["Enter the details"]}
    html = render(form, "needs")
    assert html.by_id("conditional-id_needs").find("input", id="id_details")
    assert "govuk-checkboxes__conditional--hidden" not in html.by_id("conditional-id_needs").classes


def test_single_checkbox_error():
    form = SupportForm(data={"support": ["none"]})
    assert not form.is_valid()

    html = render(form, "confirm")

    box = html.find("input", id="id_confirm")
    assert box.attrs["type"] == "checkbox"
    assert box.attrs["value"] == "true"
    assert html.find("label", **{"for": "id_confirm"}).text == "I confirm the details are correct"
    assert html.by_id("id_confirm-error").text == "Error: Confirm the details are correct"
    assert SupportForm(data={"support": ["none"], "confirm": "true"}).is_valid()


# Select -------------------------------------------------------------------------------------------------------------


def test_select():
    class Form(GovUKForm):
        provider = fields.ChoiceField(
            label="Lead provider",
            widget=forms.Select,
            choices=[
                ("", "Choose a lead provider"),
                ("ambition", "Ambition Institute"),
                ("teach-first", "Teach First"),
            ],
            help_text="You can change this later",
            error_messages={"required": "Select a lead provider"},
        )

    html = render(Form(data={"provider": "teach-first"}), "provider")

    select = html.find("select", id="id_provider")
    assert select.attrs["name"] == "provider"
    assert "govuk-select" in select.classes
    assert select.described_by == ["id_provider-hint"]
    options = select.find_all("option")
    assert [option.attrs["value"] for option in options] == ["", "ambition", "teach-first"]
    assert [("selected" in option.attrs) for option in options] == [False, False, True]

    form = Form(data={"provider": ""})
    assert form.errors == {"provider": ["Select a lead provider"]}
    assert "govuk-select--error" in render(form, "provider").find("select").classes
