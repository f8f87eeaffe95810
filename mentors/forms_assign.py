"""The first step of the assign journeys (journeys.md §3 and §7): choose the mentor for an ECT, or the ECT for a
mentor. Each loads its records through the school (tenancy), offers what mentors.registration offers, and works out
the facts routing needs: who was chosen, their names, and whether the mentor training steps apply.

facts(): {"ect_id", "ect_name", "mentor_id", "mentor_name", "mentor_training_needed", "ect_updated_at"}, or
{"register_new": True} when "Register a new mentor" is chosen.
"""

from __future__ import annotations

from ecf.govuk import fields
from ecf.journeys import SEED, JourneyForm

REGISTER_NEW = "new"
WHO_WILL_MENTOR_REQUIRED = "Select a mentor from the list provided or choose to register a new mentor"


def _choice_facts(ect_period, mentor_period) -> dict:
    from mentors.registration import mentor_training_needed

    return {
        "ect_id": ect_period.pk,
        "ect_name": ect_period.teacher.full_name,
        "mentor_id": mentor_period.pk,
        "mentor_name": mentor_period.teacher.full_name,
        "mentor_training_needed": mentor_training_needed(ect_period=ect_period, mentor_teacher=mentor_period.teacher),
        # The ECT as the user saw it: assign_mentor refuses to replace a mentor someone else assigned since.
        "ect_updated_at": ect_period.updated_at.isoformat() if ect_period.updated_at else None,
    }


class WhoWillMentorForm(JourneyForm):
    """One radio per mentor `mentors_offered_for` the ECT (never the ECT themself, not their current mentor), a
    divider "or", then "Register a new mentor". cleaned_data: "mentor_period" (None for a new mentor), "ect_period"."""

    mentor = fields.ChoiceField(
        label="Who will mentor the ECT?",
        choices=[],
        page_heading=True,
        dividers={REGISTER_NEW: "or"},
        error_messages={"required": WHO_WILL_MENTOR_REQUIRED, "invalid_choice": WHO_WILL_MENTOR_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        from mentors.registration import mentors_offered_for

        super().__init__(*args, **kwargs)
        self._facts: dict = {}
        ect_id = self.context.answers.fact(SEED, "ect_id")
        self.ect_period = self.context.school.ect_periods.select_related("teacher").filter(pk=ect_id).first()
        mentors = mentors_offered_for(self.ect_period) if self.ect_period else []
        self.mentors = {str(period.pk): period for period in mentors}
        field = self.fields["mentor"]
        field.choices = [(str(period.pk), period.teacher.full_name) for period in mentors] + [
            (REGISTER_NEW, "Register a new mentor")
        ]
        if not mentors:  # nothing for "or" to separate
            field.govuk = {**field.govuk, "dividers": {}}
        if self.ect_period:
            field.label = f"Who will mentor {self.ect_period.teacher.full_name}?"

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
        self._facts = _choice_facts(self.ect_period, cleaned["mentor_period"])
        return cleaned

    def facts(self) -> dict:
        return self._facts


class WhoToAssignForm(JourneyForm):
    """One radio per ECT `ects_offered_for` the mentor (ECTs without a mentor first, then by name), each with the
    hint "Currently mentored by {name}" or "Not currently being mentored". cleaned_data: "ect_period",
    "mentor_period"."""

    ect = fields.ChoiceField(
        label="Who would you like to assign to the mentor?",
        choices=[],
        page_heading=True,
        error_messages={
            "required": "Select the ECT you want to assign to the mentor",
            "invalid_choice": "Select the ECT you want to assign to the mentor",
        },
    )

    def __init__(self, *args, **kwargs):
        from mentors.registration import ects_offered_for

        super().__init__(*args, **kwargs)
        self._facts: dict = {}
        mentor_id = self.context.answers.fact(SEED, "mentor_id")
        self.mentor_period = self.context.school.mentor_periods.select_related("teacher").filter(pk=mentor_id).first()
        offered = ects_offered_for(self.mentor_period) if self.mentor_period else []
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
        if self.mentor_period:
            name = self.mentor_period.teacher.full_name
            field.label = f"Who would you like to assign to {name}?"
            message = f"Select the ECT you want to assign to {name}"
            field.error_messages = {**field.error_messages, "required": message, "invalid_choice": message}

    def clean(self):
        cleaned = super().clean()
        cleaned["mentor_period"] = self.mentor_period
        cleaned["ect_period"] = None
        if not self.errors:
            cleaned["ect_period"] = self.ects[cleaned["ect"]]
            self._facts = _choice_facts(cleaned["ect_period"], self.mentor_period)
        return cleaned

    def facts(self) -> dict:
        return self._facts
