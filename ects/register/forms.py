"""The register-an-ECT journey's own questions (docs/journeys/register-an-ect.md; the find-a-teacher questions are
`ecf.teachers.forms`).

Each form validates one step and works out, while validating, the facts the journey's routing needs
(`facts()`): which contract period a start date falls in, whether the school's previous choices can be used
again. What a form needs to know (the ECT's name for its label, the school) it is given by its step's
`form_kwargs` (ects/register/journey.py). Choice lists are read once in `__init__`, so templates run no queries.
"""

from __future__ import annotations

import calendar
import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from ecf.govuk import fields
from ecf.govuk.filters import govuk_date
from ecf.journeys import JourneyForm
from ecf.models import AppropriateBody, TrainingPeriod
from ecf.training.forms import LeadProviderChoiceForm
from ecf.training.queries import contract_period_for
from ects import queries
from ects.models import ECTAtSchoolPeriod

PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED.value
SCHOOL_LED = TrainingPeriod.Programme.SCHOOL_LED.value
YES = "yes"
NO = "no"


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def academic_year(day: datetime.date) -> int:
    """The contract year (1 June to 31 May) a day falls in."""
    return day.year if day.month >= 6 else day.year - 1


START_DATE_REQUIRED = "Enter the date the ECT started or will start teaching at your school"
START_DATE_INVALID = "Enter the start date using the correct format, for example, 17 09 1999"
# An ECT still at another school can be registered here at most this far ahead (docs/journeys/register-an-ect.md).
MONTHS_AHEAD_FOR_A_TRANSFER = 4


class StartDateForm(JourneyForm):
    """The boundary rules (docs/journeys/register-an-ect.md, "Start date"): not before the earliest permitted
    date; after the start of the ECT's latest ECT period (and after its end, when it ended in the past); an ECT
    still at another school at most 4 months ahead.

    school: where the ECT is being registered; ect_name: for the label and messages; trn, registered_before:
    the teacher TRS identified, and whether they have had an ECT period anywhere before.

    facts(): {"started_on", "contract_period" (year or None), "registration_open", "in_the_past",
    "academic_year" ("2026 to 2027"), "reusable_choices"}.
    """

    started_on = fields.DateField(
        label="Start date",
        page_heading=True,
        error_messages={"required": START_DATE_REQUIRED, "invalid": START_DATE_INVALID},
    )

    def __init__(self, *args, school, ect_name: str, trn: str, registered_before: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.school, self.ect_name, self.trn, self.registered_before = school, ect_name, trn, registered_before
        field = self.fields["started_on"]
        field.label = f"When did or when will {ect_name} start teaching as an ECT at your school?"
        field.help_text = f"For example, 17 9 {timezone.localdate().year}"

    def clean_started_on(self):
        value = self.cleaned_data["started_on"]
        if value is None:
            return value
        today = timezone.localdate()
        earliest = queries.earliest_permitted_start_date(today)
        if value < earliest:
            raise ValidationError(
                f"Start date cannot be this far in the past. Enter a date later than {govuk_date(earliest)}.",
                code="too_early",
            )
        previous = queries.previous_ect_period(self.trn) if self.registered_before else None
        if previous is not None:
            name = self.ect_name
            school_name = previous.school.name
            if value <= previous.started_on:
                started = govuk_date(previous.started_on)
                raise ValidationError(
                    f"Our records show that {name} started teaching at {school_name} on {started}. "
                    f"Enter a start date after {started}.",
                    code="before_previous_period",
                )
            if previous.finished_on is not None and previous.finished_on < today and value <= previous.finished_on:
                finished = govuk_date(previous.finished_on)
                raise ValidationError(
                    f"Our records show that {name} finished teaching at {school_name} on {finished}. "
                    f"Enter a start date after {finished}.",
                    code="before_previous_period_ended",
                )
            still_there = previous.finished_on is None or previous.finished_on >= today
            latest = add_months(today, MONTHS_AHEAD_FOR_A_TRANSFER) + datetime.timedelta(days=1)
            if still_there and previous.school_id != self.school.pk and value >= latest:
                raise ValidationError(
                    f"Start date must be before {govuk_date(latest)}. You cannot register the ECT this far in advance.",
                    code="too_far_ahead",
                )
        return value

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            started_on = cleaned["started_on"]
            contract_period = contract_period_for(started_on)
            year = contract_period.year if contract_period else academic_year(started_on)
            self._facts = {
                "started_on": started_on.isoformat(),
                "contract_period": contract_period.year if contract_period else None,
                "registration_open": bool(contract_period and contract_period.enabled),
                "in_the_past": started_on < timezone.localdate(),
                "academic_year": f"{year} to {year + 1}",
                "reusable_choices": bool(
                    contract_period and queries.reusable_programme_choices(self.school, started_on)
                ),
            }
        return cleaned


class WorkingPatternForm(JourneyForm):
    working_pattern = fields.ChoiceField(
        label="Working pattern",
        choices=ECTAtSchoolPeriod.WorkingPattern.choices,
        page_heading=True,
        help_text="We’ll pass this information on so adjustments can be made to training if needed.",
        error_messages={
            "required": "Select if the ECT’s working pattern is full or part time",
            "invalid_choice": "Select if the ECT’s working pattern is full or part time",
        },
    )

    def __init__(self, *args, ect_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_pattern"].label = f"Is {ect_name}’s working pattern as an ECT full or part time?"


USE_PREVIOUS_REQUIRED = (
    "Select ‘Yes’ or ‘No’ to confirm whether to use the programme choices used by your school previously"
)
PREVIOUS_CHOICES_GONE = "You can no longer use these programme choices. Select ‘No’ to choose again."


class UsePreviousChoicesForm(JourneyForm):
    """Yes copies the school's last programme choices. cleaned_data["choices"] holds them
    (queries.ProgrammeChoices) when Yes; facts() their names for check your answers. started_on: the ECT's
    start date, which decides whether the choices can still be used."""

    use_previous = fields.ChoiceField(
        label="Do you want to use the same choices?",
        choices=[(YES, "Yes"), (NO, "No")],
        label_classes="govuk-fieldset__legend--m",
        classes="govuk-radios--inline",
        error_messages={"required": USE_PREVIOUS_REQUIRED, "invalid_choice": USE_PREVIOUS_REQUIRED},
    )

    def __init__(self, *args, school, ect_name: str, started_on: datetime.date | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.school, self.started_on = school, started_on
        self.fields["use_previous"].label = f"Do you want to use the same choices for {ect_name}?"

    def clean(self):
        cleaned = super().clean()
        cleaned["choices"] = None
        if not self.errors and cleaned["use_previous"] == YES:
            started_on = self.started_on
            choices = queries.reusable_programme_choices(self.school, started_on) if started_on else None
            if choices is None:
                self.add_error("use_previous", PREVIOUS_CHOICES_GONE)
                return cleaned
            cleaned["choices"] = choices
            self._facts = programme_choice_facts(choices)
        return cleaned


def programme_choice_facts(choices) -> dict:
    lead_provider = choices["lead_provider"]
    delivery_partner = choices["delivery_partner"]
    return {
        "appropriate_body_name": choices["appropriate_body"].name,
        "training_programme": choices["training_programme"],
        "lead_provider_name": lead_provider.name if lead_provider else "",
        "delivery_partner_name": delivery_partner.name if delivery_partner else "",
    }


APPROPRIATE_BODY_REQUIRED = "Select the appropriate body which will be supporting the ECT’s induction"
ISTIP = "istip"
TEACHING_SCHOOL_HUB = "teaching_school_hub"
ISTIP_NAME = "Independent Schools Teacher Induction Panel (ISTIP)"


class AppropriateBodyForm(JourneyForm):
    """State-funded schools choose a teaching school hub from a list (a select: works without JavaScript).
    Independent schools choose ISTIP or "A different appropriate body (teaching school hub)", which reveals
    the list. cleaned_data["appropriate_body"] is the AppropriateBody; facts() its id and name."""

    appropriate_body_type = fields.ChoiceField(
        label="Which appropriate body will be supporting the ECT’s induction?",
        choices=[],
        label_classes="govuk-visually-hidden",
        reveal={TEACHING_SCHOOL_HUB: ["appropriate_body"]},
        error_messages={"required": APPROPRIATE_BODY_REQUIRED, "invalid_choice": APPROPRIATE_BODY_REQUIRED},
    )
    appropriate_body = fields.ChoiceField(
        label="Enter appropriate body name",
        choices=[],
        widget=forms.Select,
        label_classes="govuk-label--s",
        error_messages={"required": APPROPRIATE_BODY_REQUIRED, "invalid_choice": APPROPRIATE_BODY_REQUIRED},
    )

    def __init__(self, *args, school, ect_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.school = school
        bodies = list(
            AppropriateBody.objects.filter(
                body_type__in=[AppropriateBody.BodyType.TEACHING_SCHOOL_HUB, AppropriateBody.BodyType.NATIONAL]
            ).order_by("name")
        )
        hubs = [body for body in bodies if body.body_type == AppropriateBody.BodyType.TEACHING_SCHOOL_HUB]
        self.hubs = {str(body.pk): body for body in hubs}
        self.fields["appropriate_body"].choices = [("", "")] + [(str(body.pk), body.name) for body in hubs]
        self.independent = bool(school and school.independent)
        self.istip = next(
            (body for body in bodies if body.body_type == AppropriateBody.BodyType.NATIONAL and "ISTIP" in body.name),
            None,
        )
        if self.independent:
            chooser = self.fields["appropriate_body_type"]
            chooser.label = f"Which appropriate body will be supporting {ect_name}’s induction?"
            chooser.choices = [
                (ISTIP, self.istip.name if self.istip else ISTIP_NAME),
                (TEACHING_SCHOOL_HUB, "A different appropriate body (teaching school hub)"),
            ]
        else:
            del self.fields["appropriate_body_type"]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if self.independent and cleaned["appropriate_body_type"] == ISTIP:
            body = self.istip
            if body is None:
                self.add_error("appropriate_body_type", APPROPRIATE_BODY_REQUIRED)
                return cleaned
        else:
            body = self.hubs[cleaned["appropriate_body"]]
        if message := queries.appropriate_body_error(self.school, body):
            self.add_error("appropriate_body_type" if self.independent else "appropriate_body", message)
            return cleaned
        cleaned["appropriate_body"] = body
        self._facts = {"appropriate_body_id": body.pk, "appropriate_body_name": body.name}
        return cleaned


TRAINING_PROGRAMME_REQUIRED = "Select either ‘Provider-led’ or ‘School-led’ training"


class TrainingProgrammeForm(JourneyForm):
    training_programme = fields.ChoiceField(
        label="Which training programme will the ECT follow?",
        choices=TrainingPeriod.Programme.choices,
        page_heading=True,
        choice_hints={
            PROVIDER_LED: "Your school will use DfE funded providers to design and deliver training based on the "
            "initial teacher training and early career framework",
            SCHOOL_LED: "Your school will design and deliver its own training based on the initial teacher training "
            "and early career framework",
        },
        error_messages={"required": TRAINING_PROGRAMME_REQUIRED, "invalid_choice": TRAINING_PROGRAMME_REQUIRED},
    )

    def __init__(self, *args, ect_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["training_programme"].label = f"Which training programme will {ect_name} follow?"


LEAD_PROVIDER_REQUIRED = "Select which lead provider will be training the ECT"


class LeadProviderForm(LeadProviderChoiceForm):
    """The lead providers active in the contract period of the ECT's start date."""

    lead_provider = fields.ChoiceField(
        label="Select lead provider",
        choices=[],
        label_classes="govuk-visually-hidden",
        error_messages={"required": LEAD_PROVIDER_REQUIRED, "invalid_choice": LEAD_PROVIDER_REQUIRED},
    )
