"""Forms about a teacher. The find-a-teacher steps' (`ecf.teachers.find`): find by TRN and date of birth, the
National Insurance number fallback, "Are these details correct?", and the teacher's email address. And the
ECT and mentor records' changes of name and email address (`ecf.record_edits`).

The find forms ask TRS while validating, so a journey's routing reads what TRS said from `facts()`:
whether the teacher was found, their names, induction status, whether
they are prohibited from teaching and whether their TRN was merged into another.

The date of birth and National Insurance number go to TRS with the TRN, which checks them: they are never in
`facts()`, a log line or an exception message. The journey keeps what was typed in the session (the framework
stores each step's submitted data there) until the school confirms the teacher, and then forgets it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import ValidationError

from ecf.errors import DomainError
from ecf.govuk import fields
from ecf.govuk.forms import GovUKForm
from ecf.journeys import JourneyForm
from ecf.teachers.fields import (
    DateOfBirthField,
    EmailAddressField,
    NameField,
    NationalInsuranceNumberField,
    TRNField,
)
from ecf.teachers.lookups import TeacherLookups
from ecf.teachers.queries import email_in_use_by_someone_else
from ecf.teachers.services import EMAIL_IN_USE
from ecf.trs import TeacherNotFound, TRSError, TRSTeacher, TRSUnavailable, get_trs_client

logger = logging.getLogger(__name__)

DETAILS_CORRECT = "yes"
DETAILS_WRONG = "no"
DETAILS_CORRECT_REQUIRED = "Select ‘Yes’ or ‘No’ to confirm whether the details are correct"
TRS_UNAVAILABLE = "There is a problem with the teacher record service. Try again later."

# (requested TRN, TRS's record once the date of birth or National Insurance number matched, else None) -> the
# facts the journey routes on besides what TRS says (e.g. "already registered at this school").
FactsAbout = Callable[[str, TRSTeacher | None], dict]


def no_facts(requested_trn: str, teacher: TRSTeacher | None) -> dict:
    return {}


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


def trs_problem(error: TRSError) -> ValidationError:
    """TRS could not answer: a GOV.UK message for the user, and one log line that names no TRN (its request id
    ties it to the request)."""
    if isinstance(error, TRSUnavailable):
        logger.warning("TRS unavailable looking up a TRN")
    else:
        logger.error("TRS answered a TRN lookup in a way we cannot use (%s)", type(error).__name__)
    return ValidationError(TRS_UNAVAILABLE, code="trs_unavailable")


class FindTeacherForm(JourneyForm):
    """TRN and date of birth, which TRS checks together (docs/journeys/README.md, "Finding a teacher"): an unknown
    TRN and a wrong date of birth give the same answer, "not found", so nothing here tells which it was.

    facts(): {"found": False, "requested_trn", **facts_about(trn, None)} when TRS found no one;
    {"refused": True, "requested_trn"} when `lookups` refuses (too many lookups found no one) and TRS was not
    asked; else `teacher_facts(...)` and `facts_about(trn, teacher)`. `lookups`: a TeacherLookups, or None for
    no limit.
    """

    trn = TRNField()
    date_of_birth = DateOfBirthField()

    def __init__(self, *args, facts_about: FactsAbout = no_facts, lookups: TeacherLookups | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.facts_about = facts_about
        self.lookups = lookups

    def clean(self):
        cleaned = super().clean()
        self._facts = {}
        if not self.errors:
            self._facts = look_up(
                cleaned["trn"],
                {"date_of_birth": cleaned["date_of_birth"]},
                lookups=self.lookups,
                facts_about=self.facts_about,
            )
        return cleaned


class NationalInsuranceNumberForm(JourneyForm):
    """The second chance when TRS found no one with the date of birth: the TRN given at the find step
    (`requested_trn`) and the National Insurance number, checked together by TRS.

    facts(): as FindTeacherForm's.
    """

    national_insurance_number = NationalInsuranceNumberField()

    def __init__(
        self,
        *args,
        requested_trn: str,
        role: str,
        facts_about: FactsAbout = no_facts,
        lookups: TeacherLookups | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.requested_trn = requested_trn
        self.facts_about = facts_about
        self.lookups = lookups
        self.fields["national_insurance_number"].help_text = (
            f"Enter your {role}’s National Insurance number. It’s on their National Insurance card, "
            "benefit letter, payslip or P60. For example, ‘QQ 12 34 56 D’."
        )

    def clean(self):
        cleaned = super().clean()
        self._facts = {}
        if not self.errors:
            number = {"national_insurance_number": cleaned["national_insurance_number"]}
            if len(self.requested_trn) != 7:
                self._facts = {"found": False}
            else:
                self._facts = look_up(self.requested_trn, number, lookups=self.lookups, facts_about=self.facts_about)
        return cleaned


def look_up_again(facts: dict, *, facts_about: FactsAbout) -> dict:
    """The facts of a find form's answer (see FindTeacherForm) worked out afresh when the journey submits, once
    the date of birth or National Insurance number that identified the teacher is forgotten: TRS is asked again
    by the TRN it identified alone (no check: identity was proven earlier in this journey), and `facts_about`
    again. An answer that identified no one asks TRS nothing. Raises DomainError (TRS_UNAVAILABLE) when TRS
    cannot answer."""
    requested_trn = facts.get("requested_trn", "")
    if facts.get("refused"):
        return facts
    if not facts.get("found"):
        return {**facts, **facts_about(requested_trn, None)}
    try:
        teacher = get_trs_client().find_teacher(trn=facts["trn"])
    except TeacherNotFound:  # deactivated since: the journey's path changes, and the user is told to check
        return {"found": False, "requested_trn": requested_trn, **facts_about(requested_trn, None)}
    except TRSError as error:
        raise DomainError(trs_problem(error).message) from None
    return {**teacher_facts(teacher, requested_trn=requested_trn), **facts_about(requested_trn, teacher)}


CHECKED = {"date_of_birth": "date of birth", "national_insurance_number": "National Insurance number"}


def look_up(trn: str, check: dict, *, lookups: TeacherLookups | None, facts_about: FactsAbout) -> dict:
    """Ask TRS for the teacher with `trn` and `check` ({"date_of_birth": date} or {"national_insurance_number":
    "QQ123456C"}, which TRS checks). Returns the facts the find forms report (see FindTeacherForm). Raises
    ValidationError (TRS_UNAVAILABLE) when TRS cannot answer; records a failed lookup when it found no one."""
    if lookups is None:
        return _ask_trs(trn, check, lookups=None, facts_about=facts_about)
    with lookups.one_at_a_time(trn):
        if lookups.refused(trn):
            return {"refused": True, "requested_trn": trn}
        return _ask_trs(trn, check, lookups=lookups, facts_about=facts_about)


def _ask_trs(trn: str, check: dict, *, lookups: TeacherLookups | None, facts_about: FactsAbout) -> dict:
    try:
        teacher = get_trs_client().find_teacher(trn=trn, **check)
    except TeacherNotFound:
        if lookups is not None:
            lookups.record_failure(trn, checked=CHECKED[next(iter(check))])
        return {"found": False, "requested_trn": trn, **facts_about(trn, None)}
    except TRSError as error:
        raise trs_problem(error) from None
    return {**teacher_facts(teacher, requested_trn=trn), **facts_about(trn, teacher)}


class TeacherDetailsForm(JourneyForm):
    """ "Are these details correct for the {role}?" Yes, or No with the corrected first and last name.

    facts(): {"corrected_name": "First Last"} when corrected, else {"corrected_name": ""}.
    """

    details_correct = fields.ChoiceField(
        choices=[
            (DETAILS_CORRECT, "Yes"),
            (DETAILS_WRONG, "No, they changed their name or it’s spelt wrong"),
        ],
        label_classes="govuk-fieldset__legend--m",
        reveal={DETAILS_WRONG: ["first_name", "last_name"]},
        error_messages={"required": DETAILS_CORRECT_REQUIRED, "invalid_choice": DETAILS_CORRECT_REQUIRED},
    )
    first_name = NameField("First name")
    last_name = NameField("Last name")

    def __init__(self, *args, role: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["details_correct"].label = f"Are these details correct for the {role}?"

    @property
    def corrected_name(self) -> str:
        if self.cleaned_data.get("details_correct") != DETAILS_WRONG:
            return ""
        first_name = self.cleaned_data.get("first_name") or ""
        last_name = self.cleaned_data.get("last_name") or ""
        return " ".join(f"{first_name} {last_name}".split())

    def facts(self) -> dict:
        return {"corrected_name": self.corrected_name}


class TeacherEmailForm(JourneyForm):
    """The teacher's email address. facts(): {"email", "in_use"}: whether a different teacher's current ECT or
    mentor period uses it (the teacher is the one with `trn`)."""

    email = EmailAddressField()

    def __init__(self, *args, trn: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.trn = trn

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            email = cleaned["email"]
            self._facts = {"email": email, "in_use": email_in_use_by_someone_else(email, self.trn)}
        return cleaned


# The records' changes ------------------------------------------------------------------------------------------


def split_name(name: str) -> tuple[str, str]:
    """A display name as first and last name: the last word is the last name."""
    first, _, last = name.strip().rpartition(" ")
    return (first, last) if first else (last, "")


class ChangeNameForm(GovUKForm):
    """First name and last name, filled in with the name the service uses for the teacher of `period`."""

    # autocomplete off: the teacher's name, not the signed-in user's
    first_name = NameField("First name", autocomplete="off")
    last_name = NameField("Last name", autocomplete="off")

    def __init__(self, *args, period, **kwargs):
        teacher = period.teacher
        self.current_name = teacher.full_name
        if teacher.corrected_name:
            first, last = split_name(teacher.corrected_name)
        else:
            first, last = teacher.trs_first_name, teacher.trs_last_name
        super().__init__(*args, initial={"first_name": first, "last_name": last}, **kwargs)

    @property
    def corrected_name(self) -> str:
        return " ".join(f"{self.cleaned_data['first_name']} {self.cleaned_data['last_name']}".split())

    def changes(self) -> dict:
        return {} if self.corrected_name == self.current_name else {"corrected_name": self.corrected_name}


class ChangeEmailForm(GovUKForm):
    """ "What is {name}’s email address?" for the ECT or mentor `period` (`role` says which, for the hint)."""

    email = EmailAddressField()

    def __init__(self, *args, period, role: str, **kwargs):
        self.period = period
        super().__init__(*args, initial={"email": period.email}, **kwargs)
        field = self.fields["email"]
        field.label = f"What is {period.teacher.full_name}’s email address?"
        field.help_text = (
            f"Make sure you use an email the {role} can access. Do not use a generic email like headteacher@school.com."
        )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if email_in_use_by_someone_else(email, self.period.teacher.trn):
            raise ValidationError(EMAIL_IN_USE, code="in_use")
        return email

    def changes(self) -> dict:
        email = self.cleaned_data["email"]
        return {} if email == self.period.email else {"email": email}
