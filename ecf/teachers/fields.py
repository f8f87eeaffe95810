"""The fields every form about a teacher uses: TRN, date of birth, National Insurance number, email and name.

Their messages are the service's copy for finding a teacher (docs/journeys/README.md, "Finding a teacher").
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone

from ecf.govuk import fields
from ecf.govuk.text import has_a_letter
from ecf.trs import normalise_national_insurance_number

TRN_REQUIRED = "Enter a teacher reference number (TRN)"
TRN_TOO_SHORT = "Teacher reference number must include at least 5 digits"
TRN_TOO_LONG = "Teacher reference number cannot include more than 7 digits"
TRN_HINT = (
    "This unique ID is usually 7 digits long, for example 4567814. It may also include letters or a slash, "
    "for example RP99/12345. It can be found on their payslip, teaching contract or registration document "
    "from the GTCE."
)

DATE_OF_BIRTH_REQUIRED = "Enter a date of birth"
DATE_OF_BIRTH_INVALID = "Enter the date of birth in the correct format, for example 12 03 1998"
DATE_OF_BIRTH_TOO_OLD = "The teacher cannot be more than 100 years old"
DATE_OF_BIRTH_TOO_YOUNG = "The teacher cannot be less than 18 years old"
DATE_OF_BIRTH_HINT = "For example, 31 3 1980"

NATIONAL_INSURANCE_NUMBER_REQUIRED = "Enter a National Insurance Number"
NATIONAL_INSURANCE_NUMBER_INVALID = "Enter a National Insurance Number in the correct format"

EMAIL_REQUIRED = "Enter an email address"
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.com"
EMAIL_MAX_LENGTH = 254  # the email columns of the at-school periods
EMAIL_TOO_LONG = f"Email address must be {EMAIL_MAX_LENGTH} characters or less"

NAME_MAX_LENGTH = 100  # each of first and last name; the stored corrected name ("First Last") allows 400

# Django's ProhibitNullCharactersValidator code: PostgreSQL cannot store NUL in text.
NULL_CHARACTERS = "null_characters_not_allowed"

# HMRC's rules for a National Insurance number (two prefix letters, six digits, a suffix A to D), plus
# "QQ", the prefix HMRC reserves for examples, which the embedded TRS's test number uses.
NATIONAL_INSURANCE_NUMBER_PATTERN = re.compile(
    r"(?!BG|GB|KN|NK|NT|TN|ZZ)(?:QQ|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[0-9]{6}[A-D]"
)
DIGITS = frozenset("0123456789")


class TRNField(fields.CharField):
    """A teacher reference number: non-digits are stripped ("RP99/12345" → "9912345"), 5 or 6 digits are
    left-padded with zeros to 7. Cleans to the 7-digit string."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Teacher reference number (TRN)")
        kwargs.setdefault("help_text", TRN_HINT)
        kwargs.setdefault("label_classes", "govuk-label--m")
        kwargs.setdefault("classes", "govuk-input--width-10")
        kwargs.setdefault("spellcheck", False)
        kwargs.setdefault(
            "error_messages",
            {
                "required": TRN_REQUIRED,
                "too_short": TRN_TOO_SHORT,
                "too_long": TRN_TOO_LONG,
                NULL_CHARACTERS: "Teacher reference number must not include hidden characters",
            },
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return ""
        digits = "".join(character for character in value if character in DIGITS)
        if len(digits) < 5:
            raise ValidationError(self.error_messages["too_short"], code="too_short")
        if len(digits) > 7:
            raise ValidationError(self.error_messages["too_long"], code="too_long")
        return digits.zfill(7)


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


class DateOfBirthField(fields.DateField):
    """A date of birth of someone at least 18 and at most 100 years old today."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Date of birth")
        kwargs.setdefault("help_text", DATE_OF_BIRTH_HINT)
        kwargs.setdefault("label_classes", "govuk-fieldset__legend--m")
        kwargs.setdefault(
            "error_messages",
            {
                "required": DATE_OF_BIRTH_REQUIRED,
                "invalid": DATE_OF_BIRTH_INVALID,
                "too_old": DATE_OF_BIRTH_TOO_OLD,
                "too_young": DATE_OF_BIRTH_TOO_YOUNG,
            },
        )
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        today = timezone.localdate()
        if value < years_before(today, 100):
            raise ValidationError(self.error_messages["too_old"], code="too_old")
        if value > years_before(today, 18):
            raise ValidationError(self.error_messages["too_young"], code="too_young")


class NationalInsuranceNumberField(fields.CharField):
    """Cleans "qq 12 34 56 c" to "QQ123456C"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "National Insurance Number")
        kwargs.setdefault("label_classes", "govuk-label--m")
        kwargs.setdefault("classes", "govuk-input--width-10")
        kwargs.setdefault("spellcheck", False)
        kwargs.setdefault(
            "error_messages",
            {
                "required": NATIONAL_INSURANCE_NUMBER_REQUIRED,
                "invalid": NATIONAL_INSURANCE_NUMBER_INVALID,
                NULL_CHARACTERS: NATIONAL_INSURANCE_NUMBER_INVALID,
            },
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return ""
        normalised = normalise_national_insurance_number(value)
        if not NATIONAL_INSURANCE_NUMBER_PATTERN.fullmatch(normalised):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return normalised


class EmailAddressField(fields.EmailField):
    """A teacher's email address. Autocomplete is off: it is the teacher's address, not the signed-in user's."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Email address")
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        kwargs.setdefault("autocomplete", "off")
        kwargs.setdefault("classes", "govuk-!-width-two-thirds")
        kwargs.setdefault(
            "error_messages",
            {
                "required": EMAIL_REQUIRED,
                "invalid": EMAIL_INVALID,
                "max_length": EMAIL_TOO_LONG,
                NULL_CHARACTERS: EMAIL_INVALID,
            },
        )
        super().__init__(**kwargs)


class NameField(fields.CharField):
    """ "First name" / "Last name": "Enter a first name", "First name must be 100 characters or less"."""

    def __init__(self, label: str, **kwargs):
        kwargs.setdefault("max_length", NAME_MAX_LENGTH)
        kwargs.setdefault("spellcheck", False)
        kwargs.setdefault(
            "error_messages",
            {
                "required": f"Enter a {label.lower()}",
                "max_length": f"{label} must be {NAME_MAX_LENGTH} characters or less",
                NULL_CHARACTERS: f"{label} must not include hidden characters",
                "no_letters": f"{label} must include at least one letter",
            },
        )
        super().__init__(label=label, **kwargs)

    def to_python(self, value):
        """Hidden characters are refused by the bridge (ecf/govuk/text.py); a name must also show a letter,
        so "-", "..." or "123" cannot stand in for one in lists, emails and the audit trail."""
        value = super().to_python(value)
        if value and not has_a_letter(value):
            raise ValidationError(self.error_messages["no_letters"], code="no_letters")
        return value
