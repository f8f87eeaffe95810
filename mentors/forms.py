"""Mentor forms: the teaching details questions (journeys.md §4) and the register-a-mentor journey's steps.

The teaching details forms (`PhaseForm`, `SubjectForm`, `AgeRangeForm`, `KeyStageForm`) are plain one-page
forms: the mentor record's Change pages use them as they are, given the phase and the mentor's name. The
journey uses them through thin adapters that read both from its answers. Options come from pure helpers
(`subject_choices(phase)`, …), so a form never queries and routing can ask which options exist.

Stored values are the option texts themselves ("Primary with science", "7 to 14 - middle years",
"Key stage 2"): what the mentor record shows, with nothing to translate.
"""

from __future__ import annotations

from ecf.govuk import fields
from ecf.govuk.forms import GovUKForm
from ecf.journeys import SEED, Answers, JourneyContext, JourneyForm
from ecf.teachers.forms import EmailAddressField, FindTeacherForm, NationalInsuranceNumberForm, TeacherDetailsForm
from mentors import registration

# Teaching details (journeys.md §4; the seed 002_9cab6106d21003e4 lists the options) ----------------------------

PRIMARY = "primary"
SECONDARY = "secondary"
PHASES = (PRIMARY, SECONDARY)

PRIMARY_SUBJECTS = (
    "Primary",
    "Primary with English",
    "Primary with geography and history",
    "Primary with mathematics",
    "Primary with modern languages",
    "Primary with physical education",
    "Primary with science",
)
SECONDARY_SUBJECTS = (
    "Ancient Greek",
    "Ancient Hebrew",
    "Art and design",
    "Biology",
    "Business studies",
    "Chemistry",
    "Citizenship",
    "Classics",
    "Communication and media studies",
    "Computing",
    "Dance",
    "Design and technology",
    "Drama",
    "Economics",
    "English",
    "English as a second or other language",
    "French",
    "Geography",
    "German",
    "Health and social care",
    "History",
    "Italian",
    "Japanese",
    "Latin",
    "Mandarin",
    "Mathematics",
    "Music",
    "Philosophy",
    "Physical education",
    "Physics",
    "Psychology",
    "Religious education",
    "Russian",
    "Science",
    "Social sciences",
    "Spanish",
)

MIDDLE_YEARS = "7 to 14 - middle years"  # offered in both phases (the seed's further considerations)
PRIMARY_AGE_RANGES = ("3 to 7", "5 to 11", "7 to 11", MIDDLE_YEARS)
SECONDARY_AGE_RANGES = ("11 to 16", "11 to 18", "14 to 19", MIDDLE_YEARS)

KEY_STAGE_2 = "Key stage 2"  # offered whenever middle years is chosen
PRIMARY_KEY_STAGES = ("Early years", "Key stage 1", KEY_STAGE_2)
SECONDARY_KEY_STAGES = ("Key stage 3", "Key stage 4", "Key stage 5")

PHASE_REQUIRED = "Select a phase"
SUBJECT_REQUIRED = "Select a subject"
AGE_RANGE_REQUIRED = "Select an age range"
KEY_STAGE_REQUIRED = "Select a key stage"

THE_MENTOR = "the mentor"


def _check(phase: str) -> str:
    if phase not in PHASES:
        raise ValueError(f"Unknown phase {phase!r}: expected {PRIMARY!r} or {SECONDARY!r}")
    return phase


def school_phase(school) -> str:
    """PRIMARY or SECONDARY from the school's GIAS phase, or "" when it is neither (ask "Which phase…?")."""
    if school.primary:
        return PRIMARY
    if school.secondary:
        return SECONDARY
    return ""


def phase_of_subject(subject: str) -> str:
    """The phase a subject belongs to, or "" (e.g. no subject yet). For a school of neither phase, the Change
    pages of a mentor's age range and key stage can offer the options of the phase the mentor said they teach."""
    if subject in PRIMARY_SUBJECTS:
        return PRIMARY
    if subject in SECONDARY_SUBJECTS:
        return SECONDARY
    return ""


def subject_choices(phase: str) -> list[tuple[str, str]]:
    subjects = PRIMARY_SUBJECTS if _check(phase) == PRIMARY else SECONDARY_SUBJECTS
    return [(subject, subject) for subject in subjects]


def age_range_choices(phase: str) -> list[tuple[str, str]]:
    age_ranges = PRIMARY_AGE_RANGES if _check(phase) == PRIMARY else SECONDARY_AGE_RANGES
    return [(age_range, age_range) for age_range in age_ranges]


def key_stage_choices(phase: str, age_range: str = "") -> list[tuple[str, str]]:
    """The phase's key stages; a secondary mentor teaching middle years is offered Key stage 2 as well."""
    if _check(phase) == PRIMARY:
        key_stages = PRIMARY_KEY_STAGES
    elif age_range == MIDDLE_YEARS:
        key_stages = (KEY_STAGE_2, *SECONDARY_KEY_STAGES)
    else:
        key_stages = SECONDARY_KEY_STAGES
    return [(key_stage, key_stage) for key_stage in key_stages]


def _choice_field(message: str) -> fields.ChoiceField:
    # No option is pre-selected: the forms are never given an initial value unless one was answered before.
    return fields.ChoiceField(
        choices=[], page_heading=True, error_messages={"required": message, "invalid_choice": message}
    )


class PhaseForm(GovUKForm):
    """ "Which phase does {mentor} teach?" for a school that is neither primary nor secondary."""

    phase = fields.ChoiceField(
        choices=[(PRIMARY, "Primary"), (SECONDARY, "Secondary")],
        page_heading=True,
        error_messages={"required": PHASE_REQUIRED, "invalid_choice": PHASE_REQUIRED},
    )

    def __init__(self, *args, mentor_name: str = THE_MENTOR, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].label = f"Which phase does {mentor_name} teach?"


class SubjectForm(GovUKForm):
    subject = _choice_field(SUBJECT_REQUIRED)

    def __init__(self, *args, phase: str, mentor_name: str = THE_MENTOR, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = subject_choices(phase)
        self.fields["subject"].label = f"What subject does {mentor_name} teach?"


class AgeRangeForm(GovUKForm):
    age_range = _choice_field(AGE_RANGE_REQUIRED)

    def __init__(self, *args, phase: str, mentor_name: str = THE_MENTOR, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["age_range"].choices = age_range_choices(phase)
        self.fields["age_range"].label = f"What age range does {mentor_name} teach?"


class KeyStageForm(GovUKForm):
    """age_range: the mentor's age range (answered just before, or on the record), which may add Key stage 2."""

    key_stage = _choice_field(KEY_STAGE_REQUIRED)

    def __init__(self, *args, phase: str, age_range: str = "", mentor_name: str = THE_MENTOR, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_stage"].choices = key_stage_choices(phase, age_range)
        self.fields["key_stage"].label = f"What key stage does {mentor_name} teach?"


# The register-a-mentor journey's steps (journeys.md §4, rect.md §2b) -------------------------------------------

WHAT_YOU_WILL_NEED = "what-you-will-need"
FIND = "find-mentor"
NO_TRN = "no-trn"  # reached by the link "They do not have a TRN": a page of its own, not a step on the path
NATIONAL_INSURANCE_NUMBER = "national-insurance-number"
TRN_NOT_FOUND = "trn-not-found"
NOT_FOUND = "not-found"
CANNOT_MENTOR_THEMSELF = "cannot-mentor-themself"
ALREADY_ACTIVE_AT_SCHOOL = "already-active-at-school"
CANNOT_REGISTER = "cannot-register-mentor"
REVIEW_DETAILS = "review-mentor-details"
EMAIL = "email-address"
CANT_USE_EMAIL = "cant-use-email"
PHASE = "phase"
SUBJECT = "subject"
AGE_RANGE = "age-range"
KEY_STAGE = "key-stage"
CHECK_ANSWERS = "check-answers"

# Seeded when the journey starts (`answers.fact(SEED, ...)`).
ECT_ID = "ect_id"
SCHOOL_PHASE = "school_phase"


# What the answers so far say (pure: answers and facts only) ------------------------------------------------------


def identified_teacher(answers: Answers) -> dict:
    """What TRS said about the mentor: from the find step when the date of birth matched, else from the National
    Insurance number step. {} before they are identified."""
    if answers.fact(FIND, "dob_matched"):
        return answers.facts(FIND)
    if answers.fact(NATIONAL_INSURANCE_NUMBER, "found"):
        return answers.facts(NATIONAL_INSURANCE_NUMBER)
    return {}


def mentor_name(answers: Answers) -> str:
    """The corrected name when the school gave one, else TRS's first and last name."""
    corrected = answers.fact(REVIEW_DETAILS, "corrected_name")
    if corrected:
        return corrected
    teacher = identified_teacher(answers)
    return " ".join(filter(None, [teacher.get("first_name"), teacher.get("last_name")])) or THE_MENTOR


def mentor_phase(answers: Answers) -> str:
    """The school's phase; for a school of neither phase, the one the school said the mentor teaches ("" until
    then: the teaching details steps come after the phase question, so they never see "")."""
    return answers.fact(SEED, SCHOOL_PHASE) or answers.value(PHASE, "phase")


def ect_period_for(context: JourneyContext):
    """The ECT the mentor is for, loaded through the school (tenancy): None when it is not this school's."""
    ect_id = context.answers.fact(SEED, ECT_ID)
    if not ect_id:
        return None
    return context.school.ect_periods.select_related("teacher").filter(pk=ect_id).first()


# Finding the mentor -----------------------------------------------------------------------------------------------


class _MentorFacts:
    """What routing needs once TRS has found the teacher: are they the ECT themself, already a mentor at this
    school, and would assigning them ask the mentor training question."""

    context: JourneyContext

    def ect_period(self):
        if not hasattr(self, "_ect_period"):
            self._ect_period = ect_period_for(self.context)
        return self._ect_period

    def is_the_ect(self, *trns: str) -> bool:
        ect_period = self.ect_period()
        return ect_period is not None and ect_period.teacher.trn in trns

    def requested_trn(self) -> str:
        raise NotImplementedError

    def identified(self, teacher) -> dict:
        ect_period = self.ect_period()
        return {
            "is_the_ect": self.is_the_ect(teacher.trn, self.requested_trn() or teacher.trn),
            "already_at_school": registration.current_mentor_period_at_school(self.context.school, teacher.trn)
            is not None,
            "mentor_training_needed": ect_period is not None
            and registration.mentor_training_needed(ect_period=ect_period, trn=teacher.trn),
        }


class FindMentorForm(_MentorFacts, FindTeacherForm):
    def requested_trn(self) -> str:
        return self.cleaned_data.get("trn") or ""

    def clean(self):
        cleaned = super().clean()
        if self._facts.get("found") and "is_the_ect" not in self._facts:
            # Date of birth not matched: the mentor is still not the ECT (rect.md checks the TRN first).
            self._facts["is_the_ect"] = self.is_the_ect(self._facts["requested_trn"])
        return cleaned


class MentorNationalInsuranceNumberForm(_MentorFacts, NationalInsuranceNumberForm):
    find_step = FIND
    role = "mentor"

    def requested_trn(self) -> str:
        return self.context.answers.fact(FIND, "requested_trn") or ""


class ReviewMentorDetailsForm(TeacherDetailsForm):
    role = "mentor"


class MentorEmailForm(JourneyForm):
    """facts(): {"email", "in_use"}: in use by a different teacher's current ECT or mentor period."""

    email = EmailAddressField(autocomplete="off", classes="govuk-!-width-two-thirds")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._facts: dict = {}
        self.fields["email"].label = "Email address"

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            trn = identified_teacher(self.context.answers).get("trn", "")
            email = cleaned["email"]
            self._facts = {"email": email, "in_use": registration.email_in_use_by_someone_else(email, trn)}
        return cleaned

    def facts(self) -> dict:
        return self._facts


# Teaching details in the journey: the one-page forms above, told the phase and name by the answers ---------------


class _FromJourney:
    """Adapts a teaching details form to a journey step: `context` in, `facts()` out."""

    def __init__(self, *args, context: JourneyContext, **kwargs):
        self.context = context
        super().__init__(*args, **self.options(context.answers), **kwargs)

    def options(self, answers: Answers) -> dict:
        return {"mentor_name": mentor_name(answers)}

    def facts(self) -> dict:
        return {}


class PhaseStepForm(_FromJourney, PhaseForm):
    pass


class SubjectStepForm(_FromJourney, SubjectForm):
    def options(self, answers: Answers) -> dict:
        return {**super().options(answers), "phase": mentor_phase(answers) or PRIMARY}


class AgeRangeStepForm(_FromJourney, AgeRangeForm):
    def options(self, answers: Answers) -> dict:
        return {**super().options(answers), "phase": mentor_phase(answers) or PRIMARY}


class KeyStageStepForm(_FromJourney, KeyStageForm):
    def options(self, answers: Answers) -> dict:
        return {
            **super().options(answers),
            "phase": mentor_phase(answers) or PRIMARY,
            "age_range": answers.value(AGE_RANGE, "age_range"),
        }
