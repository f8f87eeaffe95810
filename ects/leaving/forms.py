"""The leaving date question, for an ECT and for a mentor (docs/journeys/leaving.md, "The date")."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from ecf.govuk import fields
from ecf.govuk.filters import govuk_date
from ecf.journeys import JourneyForm
from ects.leaving.services import LEAVING_DATE_TOO_FAR_AHEAD, MONTHS_AHEAD, already_reported, leaving_version
from ects.register.forms import add_months

LEAVING_DATE_REQUIRED = "Enter the date the teacher left or will be leaving your school"
STOPPING_DATE_REQUIRED = "Enter the date the teacher stopped or will stop mentoring at your school"
LEAVING_DATE_INVALID = "Enter the date in the correct format, for example 30 06 2001"


class LeavingDateForm(JourneyForm):
    """ "When did or when will {name} be leaving your school?" (or, for a mentor who stays but will no longer mentor,
    "…stop mentoring at your school?").

    period: the ECT or mentor period at the school (None when it is not the school's: every answer is then refused);
    name: the teacher's name; stopping_mentoring: the wording for a mentor who stays at the school.

    The date must be a real date (30 February and month 111 are format errors), no more than 4 months from today, and
    after the day the teacher started at the school; the teacher must not already be reported leaving or gone.
    facts(): {"leaving_on": ISO date, "leaving_version": the period's leaving as the user saw it}.
    """

    leaving_on = fields.DateField(
        label="When did or when will the teacher be leaving your school?",
        help_text="For example, 31 3 2025",
        label_classes="govuk-fieldset__legend--m",
        error_messages={"required": LEAVING_DATE_REQUIRED, "invalid": LEAVING_DATE_INVALID},
    )

    def __init__(self, *args, period, name: str, stopping_mentoring: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.period, self.name = period, name
        field = self.fields["leaving_on"]
        if stopping_mentoring:
            field.label = f"When did or when will {name} stop mentoring at your school?"
            field.error_messages = {**field.error_messages, "required": STOPPING_DATE_REQUIRED}
        else:
            field.label = f"When did or when will {name} be leaving your school?"

    def clean_leaving_on(self) -> datetime.date | None:
        value = self.cleaned_data["leaving_on"]
        if value is None:
            return value
        today = timezone.localdate()
        if self.period is None:
            raise ValidationError(LEAVING_DATE_REQUIRED, code="unknown")
        if message := already_reported(self.name, self.period, today=today):
            raise ValidationError(message, code="already_reported")
        if value > add_months(today, MONTHS_AHEAD):
            raise ValidationError(LEAVING_DATE_TOO_FAR_AHEAD, code="too_far_ahead")
        if value <= self.period.started_on:
            started = govuk_date(self.period.started_on)
            raise ValidationError(
                f"Our records show that {self.name} started teaching at your school on {started}. "
                f"Enter a date after {started}.",
                code="before_start",
            )
        self._facts = {"leaving_on": value.isoformat(), "leaving_version": leaving_version(self.period)}
        return value
