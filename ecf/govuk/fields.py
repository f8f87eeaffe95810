"""Form fields that carry GOV.UK presentation options, and the GOV.UK date field.

Any Django field renders through the bridge inside a `GovUKForm` (the form sets `bound_field_class`); use
these subclasses when a field needs an option such as `page_heading=True`, per-option hints, dividers or
conditional reveals. Options can also be given at render time: `form.x.as_field_group(page_heading=True)`.
"""

import calendar
import datetime

from django import forms
from django.core.exceptions import ValidationError

from ecf.govuk.bound_field import GovUKBoundField
from ecf.govuk.text import HIDDEN_CHARACTERS, refuse_hidden_characters
from ecf.govuk.widgets import DateWidget

# Options a field (or a template, through `as_field_group(**options)`) may set; see GovUKBoundField.
OPTIONS = (
    "page_heading",  # the label (or legend) is the page's <h1>
    "label_classes",  # e.g. "govuk-label--m" / "govuk-fieldset__legend--m"; page headings default to --l
    "classes",  # on the input itself, e.g. "govuk-input--width-20", "govuk-radios--inline"
    "autocomplete",
    "spellcheck",  # True / False; None leaves the browser default
    "inputmode",
    "choice_hints",  # {option value: hint text} for radios and checkboxes
    "dividers",  # {option value: "or"}: a divider before that option
    "reveal",  # {option value: [field names]}: fields shown under that option (radios)
    "exclusive",  # checkboxes: the value of a "None of these" option that unticks the others (JavaScript)
)


class GovUKFieldMixin:
    """Takes the GOV.UK options as keyword arguments and keeps them in `self.govuk`."""

    bound_field_class = GovUKBoundField

    def __init__(self, *args, **kwargs):
        self.govuk = {name: kwargs.pop(name) for name in OPTIONS if name in kwargs}
        super().__init__(*args, **kwargs)


class VisibleTextMixin:
    """Typed text refuses hidden characters (ecf/govuk/text.py): control, format and bidirectional ones.

    The message is the field's own for `null_characters_not_allowed` ("First name must not include hidden
    characters"); a field that gives none gets "<label> must not include hidden characters".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if HIDDEN_CHARACTERS not in self.error_messages:
            self.error_messages[HIDDEN_CHARACTERS] = (
                f"{self.label} must not include hidden characters"
                if isinstance(self.label, str) and self.label
                else "Remove hidden characters, such as zero-width spaces"
            )

    def to_python(self, value):
        value = super().to_python(value)
        refuse_hidden_characters(
            value, self.error_messages[HIDDEN_CHARACTERS], multiline=isinstance(self.widget, forms.Textarea)
        )
        return value


class CharField(VisibleTextMixin, GovUKFieldMixin, forms.CharField):
    """govukInput; with `widget=forms.Textarea`, govukTextarea, or govukCharacterCount when max_length is set."""


class EmailField(VisibleTextMixin, GovUKFieldMixin, forms.EmailField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("autocomplete", "email")
        kwargs.setdefault("spellcheck", False)
        super().__init__(*args, **kwargs)


class ChoiceField(GovUKFieldMixin, forms.ChoiceField):
    """govukRadios by default; pass `widget=forms.Select` for govukSelect."""

    widget = forms.RadioSelect


class TypedChoiceField(GovUKFieldMixin, forms.TypedChoiceField):
    widget = forms.RadioSelect


class ModelChoiceField(GovUKFieldMixin, forms.ModelChoiceField):
    widget = forms.RadioSelect

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", None)  # radios have no "---------" option
        super().__init__(*args, **kwargs)


class MultipleChoiceField(GovUKFieldMixin, forms.MultipleChoiceField):
    """govukCheckboxes."""

    widget = forms.CheckboxSelectMultiple


class BooleanField(GovUKFieldMixin, forms.BooleanField):
    """A single govukCheckboxes item ("I confirm that…")."""


MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTH_NAMES["sept"] = 9


class DateField(GovUKFieldMixin, forms.MultiValueField):
    """A date typed as day, month and year (GOV.UK's date input pattern).

    Messages, written per form: `required` (nothing entered), `invalid` (not a real date),
    and optionally `incomplete` (a part missing; may use `%(missing)s`, e.g. "Date of birth must include a
    %(missing)s"; falls back to `invalid`). Each error carries `params["parts"]`, the parts in error
    (e.g. `("month",)`), so only those inputs are highlighted; an error without `parts` (required, or one
    raised by a validator or the form) highlights all three. Month names ("Jan", "march") are accepted.
    """

    widget = DateWidget
    default_error_messages = {"invalid": None, "incomplete": None}

    def __init__(self, **kwargs):
        parts = (forms.CharField(required=False), forms.CharField(required=False), forms.CharField(required=False))
        super().__init__(parts, require_all_fields=False, **kwargs)

    def compress(self, data_list):  # pragma: no cover - clean() is overridden and never calls it
        raise NotImplementedError

    # No part of a date needs more: a longer one is "not a date" whatever else was typed, and only it is
    # highlighted (it is what the user got wrong, not the parts they have not filled in yet).
    MAX_PART_LENGTH = 20

    def clean(self, value):
        value = value if isinstance(value, list | tuple) else ["", "", ""]
        day, month, year = (str(part if part is not None else "").strip() for part in value[:3])
        entered = {"day": day, "month": month, "year": year}
        too_long = tuple(part for part, text in entered.items() if len(text) > self.MAX_PART_LENGTH)
        if too_long:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"parts": too_long})
        if not any(entered.values()):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        missing = tuple(part for part, text in entered.items() if not text)
        if missing:
            message = self.error_messages["incomplete"] or self.error_messages["invalid"]
            raise ValidationError(
                message, code="incomplete", params={"parts": missing, "missing": " and ".join(missing)}
            )
        numbers = {
            "day": _number(day),
            "month": MONTH_NAMES.get(month.lower()) or _number(month),
            "year": _number(year),
        }
        wrong = tuple(
            part
            for part, ok in (
                ("day", numbers["day"] is not None and 1 <= numbers["day"] <= 31),
                ("month", numbers["month"] is not None and 1 <= numbers["month"] <= 12),
                ("year", numbers["year"] is not None and len(year) == 4 and numbers["year"] >= 1000),
            )
            if not ok
        )
        if not wrong and numbers["day"] > calendar.monthrange(numbers["year"], numbers["month"])[1]:
            wrong = ("day",)  # 31 April, 29 February 2023
        if wrong:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"parts": wrong})
        date = datetime.date(numbers["year"], numbers["month"], numbers["day"])
        self.validate(date)
        self.run_validators(date)
        return date

    def has_changed(self, initial, data):
        try:
            return self.clean(data) != initial
        except ValidationError:
            return True


def _number(text: str) -> int | None:
    # Python refuses int() of strings over 4,300 digits; no date part needs more than 4.
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 8 else None
