"""The mentor record's one-page edits (docs/journeys/mentors.md, "The mentor record"): name, email address, the
teaching details and the additional details.

Name and email use the fields of the register journeys (so their messages are those of docs/journeys/README.md,
"Finding a teacher"); the teaching details use the register-a-mentor journey's own question forms
(`mentors.teaching_details`), with the options of the mentor's phase. Each form's `changes()` gives only what
differs from the record, ready for the matching `mentors.services` function.
"""

from dataclasses import dataclass

from django import forms

from ecf.govuk.fields import CharField
from ecf.govuk.forms import GovUKForm
from ecf.teachers.fields import NULL_CHARACTERS
from ecf.teachers.forms import ChangeEmailForm, ChangeNameForm
from mentors import teaching_details as teaching
from mentors.models import MentorAtSchoolPeriod

__all__ = [
    "ChangeAdditionalDetailForm",
    "ChangeAgeRangeForm",
    "ChangeEmailForm",
    "ChangeKeyStageForm",
    "ChangeNameForm",
    "ChangePhaseForm",
    "ChangeSubjectForm",
]


# Teaching details ---------------------------------------------------------------------------------------------


def mentor_phase(school, period: MentorAtSchoolPeriod) -> str:
    """Which options to offer: the school's phase, or for a school that is neither primary nor secondary, the
    phase of the subject the mentor teaches ("" when that is not known either)."""
    return teaching.school_phase(school) or teaching.phase_of_subject(period.subject)


def key_stage_still_offered(phase: str, period: MentorAtSchoolPeriod, age_range: str) -> bool:
    """Whether the mentor's key stage is an option with this age range (Key stage 2 of a secondary mentor is
    only offered with middle years)."""
    return period.key_stage in {value for value, _ in teaching.key_stage_choices(phase, age_range)}


class _TeachingDetailChanges:
    """`changes()` for the journey's one-field teaching details forms: the answer, when it differs."""

    period: MentorAtSchoolPeriod

    def changes(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if getattr(self.period, name) != value}


class ChangeSubjectForm(_TeachingDetailChanges, teaching.SubjectForm):
    def __init__(self, *args, period: MentorAtSchoolPeriod, phase: str, **kwargs):
        self.period = period
        super().__init__(
            *args, phase=phase, mentor_name=period.teacher.full_name, initial={"subject": period.subject}, **kwargs
        )


class ChangeAgeRangeForm(_TeachingDetailChanges, teaching.AgeRangeForm):
    def __init__(self, *args, period: MentorAtSchoolPeriod, phase: str, **kwargs):
        self.period = period
        super().__init__(
            *args, phase=phase, mentor_name=period.teacher.full_name, initial={"age_range": period.age_range}, **kwargs
        )


class ChangeKeyStageForm(_TeachingDetailChanges, teaching.KeyStageForm):
    """`age_range`: the mentor's, or the new one chosen just before when it ruled out their key stage; then
    `changes()` includes it, so both change together and the record never holds a key stage its age range
    does not offer."""

    def __init__(self, *args, period: MentorAtSchoolPeriod, phase: str, age_range: str, **kwargs):
        self.period = period
        self.age_range = age_range
        initial = {"key_stage": period.key_stage} if key_stage_still_offered(phase, period, age_range) else {}
        super().__init__(
            *args, phase=phase, age_range=age_range, mentor_name=period.teacher.full_name, initial=initial, **kwargs
        )

    def changes(self) -> dict:
        changes = super().changes()
        if self.age_range != self.period.age_range:
            changes["age_range"] = self.age_range
        return changes


class ChangePhaseForm(teaching.PhaseForm):
    """Only for a school of neither phase whose mentor's phase is not known: asked before the subject."""

    def __init__(self, *args, period: MentorAtSchoolPeriod, **kwargs):
        super().__init__(*args, mentor_name=period.teacher.full_name, **kwargs)


# Additional details --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AdditionalDetail:
    """One optional additional detail of the mentor's profile (docs/journeys/mentors.md, "The mentor record")."""

    field: str  # MentorAtSchoolPeriod field
    slug: str  # in the Change page's URL
    label: str  # the record's row key
    question: str  # the Change page's heading; {mentor} is the mentor's name
    hint: str
    multiline: bool = True

    @property
    def max_length(self) -> int:
        return MentorAtSchoolPeriod._meta.get_field(self.field).max_length


ADDITIONAL_DETAILS = (
    AdditionalDetail(
        "started_mentoring",
        "date-started-mentoring",
        "Date started mentoring",
        "When did {mentor} start mentoring?",
        "For example, September 2019",
        multiline=False,
    ),
    AdditionalDetail(
        "provider_training",
        "provider-training",
        "Provider training",
        "What mentor training has {mentor} had from a training provider?",
        "For example, the course, the provider and when they took it",
    ),
    AdditionalDetail(
        "send_training",
        "send-training",
        "SEND training",
        "What special educational needs and disabilities (SEND) training has {mentor} had?",
        "For example, the course and when they took it",
    ),
    AdditionalDetail(
        "subject_networks",
        "subject-networks-and-associations",
        "Subject networks and associations",
        "Which subject networks and associations is {mentor} part of?",
        "For example, the Historical Association",
    ),
    AdditionalDetail(
        "other_experiences",
        "other-experiences",
        "Other experiences",
        "What other experience does {mentor} bring to mentoring?",
        "For example, leading a department or supporting trainee teachers",
    ),
)
ADDITIONAL_DETAILS_BY_SLUG = {detail.slug: detail for detail in ADDITIONAL_DETAILS}


class ChangeAdditionalDetailForm(GovUKForm):
    """One optional short text; blank clears it."""

    def __init__(self, *args, period: MentorAtSchoolPeriod, detail: AdditionalDetail, **kwargs):
        self.period = period
        self.detail = detail
        super().__init__(*args, initial={detail.field: getattr(period, detail.field)}, **kwargs)
        label = detail.label
        self.fields[detail.field] = CharField(
            label=detail.question.format(mentor=period.teacher.full_name),
            help_text=detail.hint,
            required=False,
            max_length=detail.max_length,
            page_heading=True,
            widget=forms.Textarea(attrs={"rows": 5}) if detail.multiline else forms.TextInput,
            error_messages={
                "max_length": f"{label} must be {detail.max_length} characters or less",
                NULL_CHARACTERS: f"{label} must not include hidden characters",
            },
        )

    def changes(self) -> dict:
        value = " ".join(self.cleaned_data[self.detail.field].split())  # as the service stores it
        return {} if value == getattr(self.period, self.detail.field) else {self.detail.field: value}
