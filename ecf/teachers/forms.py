"""Finding a teacher in the Teaching Record System: the fields and forms the register-an-ECT and
register-a-mentor journeys share (journeys.md "Validation shared by the find steps").

The find forms ask TRS while validating, so a journey's routing reads what TRS said from `facts()`:
whether the teacher was found, whether the date of birth matched, their names, induction status,
whether they are prohibited from teaching and whether their TRN was merged into another.

The date of birth and National Insurance number are compared and then forgotten: they are never in
`facts()`, a log line or an exception message. The journey keeps what was typed in the session (the
framework stores each step's submitted data there), and only there.
"""

from __future__ import annotations

import datetime
import logging
import re

from django.core.exceptions import ValidationError
from django.utils import timezone

from ecf.govuk import fields
from ecf.govuk.widgets import DateWidget
from ecf.journeys import JourneyForm
from ecf.trs import (
    InductionStatus,
    TeacherNotFound,
    TRSError,
    TRSTeacher,
    TRSUnavailable,
    get_trs_client,
    normalise_national_insurance_number,
)

logger = logging.getLogger(__name__)

# Copy (journeys.md wins over rect.md where they differ) -------------------------------------------------------

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
DETAILS_CORRECT = "yes"
DETAILS_WRONG = "no"
DETAILS_CORRECT_REQUIRED = "Select ‘Yes’ or ‘No’ to confirm whether the details are correct"

TRS_UNAVAILABLE = "There is a problem with the teacher record service. Try again later."

# Django's ProhibitNullCharactersValidator code: PostgreSQL cannot store NUL in text.
NULL_CHARACTERS = "null_characters_not_allowed"

# HMRC's rules for a National Insurance number (two prefix letters, six digits, a suffix A to D), plus
# "QQ", the prefix HMRC reserves for examples, which the embedded TRS's test number uses.
NATIONAL_INSURANCE_NUMBER_PATTERN = re.compile(
    r"(?!BG|GB|KN|NK|NT|TN|ZZ)(?:QQ|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[0-9]{6}[A-D]"
)
DIGITS = frozenset("0123456789")


# Fields -------------------------------------------------------------------------------------------------------


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
            "error_messages", {"required": TRN_REQUIRED, "too_short": TRN_TOO_SHORT, "too_long": TRN_TOO_LONG}
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


class GovUKDateField(fields.DateField):
    """The bridge's date field, refusing absurdly long parts as "not a date" before parsing them.

    Works around a bug in `ecf.govuk.fields.DateField`: a part of more than 4,300 digits makes `int()`
    raise ValueError (Python's limit on integer parsing) instead of a validation error.
    """

    MAX_PART_LENGTH = 20

    def clean(self, value):
        if isinstance(value, list | tuple):
            too_long = tuple(
                part
                for part, text in zip(DateWidget.parts, value, strict=False)
                if text is not None and len(str(text).strip()) > self.MAX_PART_LENGTH
            )
            if too_long:
                raise ValidationError(self.error_messages["invalid"], code="invalid", params={"parts": too_long})
        return super().clean(value)


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


class DateOfBirthField(GovUKDateField):
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
            {"required": NATIONAL_INSURANCE_NUMBER_REQUIRED, "invalid": NATIONAL_INSURANCE_NUMBER_INVALID},
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
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Email address")
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
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
            },
        )
        super().__init__(label=label, **kwargs)


def details_correct_field(role: str) -> fields.ChoiceField:
    """'Are these details correct for the {role}?' Yes / No (revealing first and last name)."""
    return fields.ChoiceField(
        label=f"Are these details correct for the {role}?",
        choices=[
            (DETAILS_CORRECT, "Yes"),
            (DETAILS_WRONG, "No, they changed their name or it’s spelt wrong"),
        ],
        label_classes="govuk-fieldset__legend--m",
        reveal={DETAILS_WRONG: ["first_name", "last_name"]},
        error_messages={"required": DETAILS_CORRECT_REQUIRED, "invalid_choice": DETAILS_CORRECT_REQUIRED},
    )


# What TRS said, as facts a journey may store -------------------------------------------------------------------


def teacher_facts(teacher: TRSTeacher, *, requested_trn: str) -> dict:
    """What routing and the pages need about the teacher TRS found. No date of birth, no NI number."""
    return {
        "found": True,
        "requested_trn": requested_trn,
        "trn": teacher.trn,
        "merged_from": requested_trn if teacher.trn != requested_trn else "",
        "first_name": teacher.first_name,
        "last_name": teacher.last_name,
        "induction_status": teacher.induction_status,
        "induction_passed": teacher.has_passed_induction,
        "induction_failed": teacher.has_failed_induction,
        "induction_exempt": teacher.is_exempt_from_induction,
        "prohibited": teacher.prohibited_from_teaching,
        "qts_awarded_on": teacher.qts_awarded_on.isoformat() if teacher.qts_awarded_on else None,
    }


def trs_problem(error: TRSError, trn: str) -> ValidationError:
    """TRS could not answer: a GOV.UK message for the user, one log line naming only the TRN."""
    if isinstance(error, TRSUnavailable):
        logger.warning("TRS unavailable looking up TRN %s", trn)
    else:
        logger.error("TRS answered looking up TRN %s in a way we cannot use (%s)", trn, type(error).__name__)
    return ValidationError(TRS_UNAVAILABLE, code="trs_unavailable")


# Forms --------------------------------------------------------------------------------------------------------


class FindTeacherForm(JourneyForm):
    """TRN and date of birth; TRS is asked while validating (by TRN alone, then the dates are compared,
    so a mismatch can fall back to the National Insurance number step).

    facts(): {"found": False, "requested_trn"} when TRS has no such TRN (or it was deactivated);
    {"found": True, "dob_matched": False, "requested_trn"} when the date of birth differs;
    else `teacher_facts(...)` with "dob_matched": True plus `identified(teacher)`.
    """

    trn = TRNField()
    date_of_birth = DateOfBirthField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._facts: dict = {}

    def identified(self, teacher: TRSTeacher) -> dict:
        """Extra facts once the teacher is known (e.g. "already registered at this school"). Override."""
        return {}

    def clean(self):
        cleaned = super().clean()
        self._facts = {}
        if self.errors:
            return cleaned
        trn = cleaned["trn"]
        try:
            teacher = get_trs_client().find_teacher(trn=trn)
        except TeacherNotFound:
            self._facts = {"found": False, "requested_trn": trn}
            return cleaned
        except TRSError as error:
            raise trs_problem(error, trn) from None
        if teacher.date_of_birth is None or teacher.date_of_birth != cleaned["date_of_birth"]:
            self._facts = {"found": True, "dob_matched": False, "requested_trn": trn}
        else:
            self._facts = {**teacher_facts(teacher, requested_trn=trn), "dob_matched": True, **self.identified(teacher)}
        return cleaned

    def facts(self) -> dict:
        return self._facts


class NationalInsuranceNumberForm(JourneyForm):
    """The fallback when the date of birth did not match: TRS is asked with the TRN and NI number.

    `find_step` names the journey's find step (where the TRN was given). facts(): {"found": False} or
    `teacher_facts(...)` plus `identified(teacher)`.
    """

    find_step = "find-teacher"
    role = "teacher"

    national_insurance_number = NationalInsuranceNumberField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._facts: dict = {}
        self.fields["national_insurance_number"].help_text = (
            f"Enter your {self.role}’s National Insurance number. It’s on their National Insurance card, "
            "benefit letter, payslip or P60. For example, ‘QQ 12 34 56 D’."
        )

    def identified(self, teacher: TRSTeacher) -> dict:
        return {}

    def clean(self):
        cleaned = super().clean()
        self._facts = {}
        if self.errors:
            return cleaned
        trn = self.context.answers.fact(self.find_step, "requested_trn") or ""
        if len(trn) != 7:
            self._facts = {"found": False}
            return cleaned
        try:
            teacher = get_trs_client().find_teacher(
                trn=trn, national_insurance_number=cleaned["national_insurance_number"]
            )
        except TeacherNotFound:
            self._facts = {"found": False, "requested_trn": trn}
            return cleaned
        except TRSError as error:
            raise trs_problem(error, trn) from None
        self._facts = {**teacher_facts(teacher, requested_trn=trn), **self.identified(teacher)}
        return cleaned

    def facts(self) -> dict:
        return self._facts


class TeacherDetailsForm(JourneyForm):
    """ "Are these details correct?" Yes, or No with the corrected first and last name.

    facts(): {"corrected_name": "First Last"} when corrected, else {"corrected_name": ""}.
    """

    role = "teacher"

    details_correct = details_correct_field("teacher")
    first_name = NameField("First name")
    last_name = NameField("Last name")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["details_correct"].label = f"Are these details correct for the {self.role}?"

    @property
    def corrected_name(self) -> str:
        if self.cleaned_data.get("details_correct") != DETAILS_WRONG:
            return ""
        first_name = self.cleaned_data.get("first_name") or ""
        last_name = self.cleaned_data.get("last_name") or ""
        return " ".join(f"{first_name} {last_name}".split())

    def facts(self) -> dict:
        return {"corrected_name": self.corrected_name}


__all__ = [
    "DateOfBirthField",
    "EmailAddressField",
    "FindTeacherForm",
    "GovUKDateField",
    "InductionStatus",
    "NameField",
    "NationalInsuranceNumberField",
    "NationalInsuranceNumberForm",
    "TRNField",
    "TeacherDetailsForm",
    "details_correct_field",
    "teacher_facts",
]
