"""Why a mentor is being removed (docs/journeys/leaving.md); the date question is `ects.leaving.forms`."""

from __future__ import annotations

from ecf.govuk import fields
from ecf.journeys import JourneyForm
from mentors.models import MentorAtSchoolPeriod


class RemovalReasonForm(JourneyForm):
    """ "Why are you removing {mentor}?": leaving the school, or staying but no longer mentoring.
    facts(): {"reason": a MentorAtSchoolPeriod.LeavingReason value}."""

    reason = fields.ChoiceField(
        label="Why are you removing the mentor?",
        choices=MentorAtSchoolPeriod.LeavingReason.choices,
        page_heading=True,
        error_messages={
            "required": "Select why you are removing the mentor",
            "invalid_choice": "Select why you are removing the mentor",
        },
    )

    def __init__(self, *args, name: str, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.label = f"Why are you removing {name}?"
        message = f"Select why you are removing {name}"
        field.error_messages = {**field.error_messages, "required": message, "invalid_choice": message}

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            self._facts = {"reason": cleaned["reason"]}
        return cleaned
