"""The first question of the assign journeys (docs/journeys/mentors.md): choose the mentor for an ECT, or the ECT
for a mentor. Each offers what `mentors.queries` offers, and works out the facts the routing needs: who was chosen,
their names, whether the mentor training steps apply, and the ECT's mentoring as the user saw it.

facts(): {"ect_id", "ect_name", "mentor_id", "mentor_name", "mentor_training_needed", "mentorship_version"}, or
{"register_new": True} when "Register a new mentor" is chosen.
"""

from __future__ import annotations

from ecf.govuk import fields
from ecf.journeys import JourneyForm
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod
from mentors.queries import ects_offered_for, mentor_training_needed, mentors_offered_for, mentorship_version

REGISTER_NEW = "new"
WHO_WILL_MENTOR_REQUIRED = "Select a mentor from the list provided or choose to register a new mentor"


def choice_facts(ect_period: ECTAtSchoolPeriod, mentor_period: MentorAtSchoolPeriod) -> dict:
    return {
        "ect_id": ect_period.pk,
        "ect_name": ect_period.teacher.full_name,
        "mentor_id": mentor_period.pk,
        "mentor_name": mentor_period.teacher.full_name,
        "mentor_training_needed": mentor_training_needed(ect_period=ect_period, mentor_teacher=mentor_period.teacher),
        # As the user saw it: assign_mentor refuses to replace a mentor someone else assigned since.
        "mentorship_version": mentorship_version(ect_period),
    }


class WhoWillMentorForm(JourneyForm):
    """One radio per mentor `mentors_offered_for` the ECT (`ect_period`, None when it is not the school's), a
    divider "or", then "Register a new mentor". cleaned_data: "mentor_period" (None for a new mentor),
    "ect_period"."""

    mentor = fields.ChoiceField(
        label="Who will mentor the ECT?",
        choices=[],
        page_heading=True,
        dividers={REGISTER_NEW: "or"},
        error_messages={"required": WHO_WILL_MENTOR_REQUIRED, "invalid_choice": WHO_WILL_MENTOR_REQUIRED},
    )

    def __init__(self, *args, ect_period: ECTAtSchoolPeriod | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.ect_period = ect_period
        mentors = mentors_offered_for(ect_period) if ect_period else []
        self.mentors = {str(period.pk): period for period in mentors}
        field = self.fields["mentor"]
        field.choices = [(str(period.pk), period.teacher.full_name) for period in mentors] + [
            (REGISTER_NEW, "Register a new mentor")
        ]
        if not mentors:  # nothing for "or" to separate
            field.govuk = {**field.govuk, "dividers": {}}
        if ect_period:
            field.label = f"Who will mentor {ect_period.teacher.full_name}?"

    def clean(self):
        cleaned = super().clean()
        cleaned["ect_period"] = self.ect_period
        cleaned["mentor_period"] = None
        if self.errors:
            return cleaned
        if cleaned["mentor"] == REGISTER_NEW:
            self._facts = {"register_new": True}
            return cleaned
        cleaned["mentor_period"] = self.mentors[cleaned["mentor"]]
        self._facts = choice_facts(self.ect_period, cleaned["mentor_period"])
        return cleaned


class WhoToAssignForm(JourneyForm):
    """One radio per ECT `ects_offered_for` the mentor (`mentor_period`, None when it is not the school's): ECTs
    without a mentor first, then by name, each with the hint "Currently mentored by {name}" or "Not currently
    being mentored". cleaned_data: "ect_period", "mentor_period"."""

    ect = fields.ChoiceField(
        label="Who would you like to assign to the mentor?",
        choices=[],
        page_heading=True,
        error_messages={
            "required": "Select the ECT you want to assign to the mentor",
            "invalid_choice": "Select the ECT you want to assign to the mentor",
        },
    )

    def __init__(self, *args, mentor_period: MentorAtSchoolPeriod | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.mentor_period = mentor_period
        offered = ects_offered_for(mentor_period) if mentor_period else []
        self.ects = {str(item.ect_period.pk): item.ect_period for item in offered}
        field = self.fields["ect"]
        field.choices = [(str(item.ect_period.pk), item.name) for item in offered]
        field.govuk = {
            **field.govuk,
            "choice_hints": {
                str(item.ect_period.pk): f"Currently mentored by {item.current_mentor_name}"
                if item.current_mentor_name
                else "Not currently being mentored"
                for item in offered
            },
        }
        if mentor_period:
            name = mentor_period.teacher.full_name
            field.label = f"Who would you like to assign to {name}?"
            message = f"Select the ECT you want to assign to {name}"
            field.error_messages = {**field.error_messages, "required": message, "invalid_choice": message}

    def clean(self):
        cleaned = super().clean()
        cleaned["mentor_period"] = self.mentor_period
        cleaned["ect_period"] = None
        if not self.errors:
            cleaned["ect_period"] = self.ects[cleaned["ect"]]
            self._facts = choice_facts(cleaned["ect_period"], self.mentor_period)
        return cleaned
