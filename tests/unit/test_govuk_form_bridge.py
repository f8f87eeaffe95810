"""The GOV.UK form bridge: each Django field renders through its govuk-frontend-jinja macro.

Assertions read the parsed HTML (ids, classes, aria-describedby), not snapshots. No database needed.
"""

import datetime
from html.parser import HTMLParser

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured

from ecf.govuk import fields
from ecf.govuk.forms import GovUKForm
from ecf.govuk.rendering import govuk_error_summary, jinja_engine

# A tiny DOM --------------------------------------------------------------------------------------------------------

VOID = {"input", "br", "img", "meta", "link", "hr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children, self.content = tag, attrs, parent, [], []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    @property
    def text(self) -> str:
        return " ".join(" ".join(part if isinstance(part, str) else part.text for part in self.content).split())

    @property
    def described_by(self) -> list[str]:
        return (self.attrs.get("aria-describedby") or "").split()

    def iter(self):
        for child in self.children:
            yield child
            yield from child.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        return [
            node
            for node in self.iter()
            if (tag is None or node.tag == tag)
            and (cls is None or cls in node.classes)
            and all(node.attrs.get(key.replace("_", "-")) == value for key, value in attrs.items())
        ]

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        assert len(found) == 1, f"expected one <{tag} {cls or ''} {attrs}>, found {len(found)}"
        return found[0]

    def by_id(self, id_):
        return self.find(id=id_)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = self.current = Node("root", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {key: "" if value is None else value for key, value in attrs}, self.current)
        self.current.children.append(node)
        self.current.content.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.content.append(data)


def parse(html, *, must_be_safe=True) -> Node:
    assert not must_be_safe or hasattr(html, "__html__"), "rendered output must be marked safe"
    builder = TreeBuilder()
    builder.feed(str(html))
    return builder.root


def ids(nodes) -> list[str]:
    return [node.attrs.get("id") for node in nodes]


# Forms used below --------------------------------------------------------------------------------------------------


class TeacherForm(GovUKForm):
    name = fields.CharField(
        label="Full name",
        help_text="As it appears on their teacher record",
        classes="govuk-input--width-20",
        error_messages={"required": "Enter the teacher's full name"},
    )
    email = fields.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter the teacher's email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    date_of_birth = fields.DateField(
        label="Date of birth",
        help_text="For example, 12 03 1998",
        error_messages={
            "required": "Enter a date of birth",
            "invalid": "Enter the date of birth in the correct format, for example 12 03 1998",
            "incomplete": "Date of birth must include a %(missing)s",
        },
    )


class ContactForm(GovUKForm):
    contact = fields.ChoiceField(
        label="How should we contact the mentor?",
        help_text="Select one option",
        choices=[("email", "Email"), ("phone", "Phone"), ("none", "Do not contact them")],
        choice_hints={"email": "We will send a link", "phone": "Only in working hours"},
        dividers={"none": "or"},
        reveal={"email": ["contact_email"]},
        error_messages={"required": "Select how we should contact the mentor"},
    )
    contact_email = fields.EmailField(
        label="Email address",
        error_messages={"required": "Enter the mentor's email address", "invalid": "Enter an email address"},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact") == "phone":
            raise forms.ValidationError("We cannot phone mentors yet")
        return cleaned


def render(form, name, **options):
    return parse(form[name].as_field_group(**options))


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
