"""A mentor's teaching details: the options by phase, and one question form each (docs/journeys/mentors.md,
"Teaching details").

Used as they are by the register-a-mentor journey (given the phase and the mentor's name by its steps'
`form_kwargs`) and by the mentor record's Change pages. Options come from pure helpers (`subject_choices(phase)`,
...), so a form never queries and routing can ask which options exist.

Stored values are the option texts themselves ("Primary with science", "7 to 14 - middle years",
"Key stage 2"): what the mentor record shows, with nothing to translate.
"""

from __future__ import annotations

from ecf.govuk import fields
from ecf.journeys import JourneyForm

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

MIDDLE_YEARS = "7 to 14 - middle years"  # offered in both phases
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


class PhaseForm(JourneyForm):
    """ "Which phase does {mentor} teach?" for a school that is neither primary nor secondary."""

    phase = fields.ChoiceField(
        choices=[(PRIMARY, "Primary"), (SECONDARY, "Secondary")],
        page_heading=True,
        error_messages={"required": PHASE_REQUIRED, "invalid_choice": PHASE_REQUIRED},
    )

    def __init__(self, *args, mentor_name: str = THE_MENTOR, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].label = f"Which phase does {mentor_name} teach?"


class SubjectForm(JourneyForm):
    subject = _choice_field(SUBJECT_REQUIRED)

    def __init__(self, *args, phase: str, mentor_name: str = THE_MENTOR, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = subject_choices(phase)
        self.fields["subject"].label = f"What subject does {mentor_name} teach?"


class AgeRangeForm(JourneyForm):
    age_range = _choice_field(AGE_RANGE_REQUIRED)

    def __init__(self, *args, phase: str, mentor_name: str = THE_MENTOR, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["age_range"].choices = age_range_choices(phase)
        self.fields["age_range"].label = f"What age range does {mentor_name} teach?"


class KeyStageForm(JourneyForm):
    """age_range: the mentor's age range (answered just before, or on the record), which may add Key stage 2."""

    key_stage = _choice_field(KEY_STAGE_REQUIRED)

    def __init__(self, *args, phase: str, age_range: str = "", mentor_name: str = THE_MENTOR, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_stage"].choices = key_stage_choices(phase, age_range)
        self.fields["key_stage"].label = f"What key stage does {mentor_name} teach?"
