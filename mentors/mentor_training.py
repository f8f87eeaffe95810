"""Mentor training (docs/journeys/mentors.md, "Mentor training"): two steps that the assign-a-mentor, assign-an-ECT
and register-a-mentor journeys share.

- "review-mentor-eligibility": "{mentor} can receive mentor training", with a "Continue" button (the mentor trains
  with the ECT's lead provider) and "{LP} will not be providing mentor training to {mentor}", a second submit button
  styled as a link (it must record an answer, and a GET link could not: works without JavaScript).
- "eligibility-lead-provider": "Which lead provider would you like to contact your school about training {mentor}?",
  radios of the lead providers active in the ECT's training contract period.

A journey includes them with

    TRAINING = MentorTraining(
        ect_id=lambda answers: answers.fact(SEED, "ect_id"),   # the ECT period the mentor is for
        mentor_name=lambda answers: ...,                       # the mentor's display name, from your facts
        next_after=to(CHECK_ANSWERS),                          # answers -> the step after (or SUBMIT)
    )
    Journey(..., steps=[..., *TRAINING.steps(), ...])

routes to REVIEW_MENTOR_ELIGIBILITY when `mentors.queries.mentor_training_needed(...)` (worked out as a fact by
the step before) says so, and on submit passes `TRAINING.lead_provider(submission)` to the service as
`mentor_training_lead_provider`. Check your answers shows `TRAINING.lead_provider_name(answers)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms

from ecf.govuk import fields
from ecf.journeys import Answers, JourneyContext, JourneyForm, Step, Submission
from ecf.training.forms import LeadProviderChoiceForm
from ecf.training.queries import ect_lead_provider
from mentors.queries import lead_providers_for_mentor_training

REVIEW_MENTOR_ELIGIBILITY = "review-mentor-eligibility"
ELIGIBILITY_LEAD_PROVIDER = "eligibility-lead-provider"

# The two buttons of the eligibility page post this field.
USE_ECT_LEAD_PROVIDER = "use_ect_lead_provider"
YES = "yes"
NO = "no"

LEAD_PROVIDER_REQUIRED = "Select a lead provider to contact your school"
ECT_HAS_NO_LEAD_PROVIDER = "The ECT’s lead provider is not known. Select a lead provider to contact your school."


class ReviewMentorEligibilityForm(JourneyForm):
    """Continue: train with the lead provider of `ect_period`'s training (cleaned_data["lead_provider"]); the
    link-styled button: choose another. facts(): {"use_ect_lead_provider": bool, "lead_provider_id",
    "lead_provider_name"}."""

    use_ect_lead_provider = fields.ChoiceField(
        label="Will the ECT’s lead provider provide mentor training?",
        choices=[(YES, "Yes"), (NO, "No")],
        widget=forms.HiddenInput,
        error_messages={"required": LEAD_PROVIDER_REQUIRED, "invalid_choice": LEAD_PROVIDER_REQUIRED},
    )

    def __init__(self, *args, ect_period, **kwargs):
        super().__init__(*args, **kwargs)
        self.ect_period = ect_period

    def clean(self):
        cleaned = super().clean()
        cleaned["lead_provider"] = None
        if self.errors:
            return cleaned
        if cleaned["use_ect_lead_provider"] == NO:
            self._facts = {"use_ect_lead_provider": False}
            return cleaned
        provider = ect_lead_provider(self.ect_period) if self.ect_period else None
        if provider is None:
            self.add_error(None, ECT_HAS_NO_LEAD_PROVIDER)
            return cleaned
        cleaned["lead_provider"] = provider
        self._facts = {
            "use_ect_lead_provider": True,
            "lead_provider_id": provider.pk,
            "lead_provider_name": provider.name,
        }
        return cleaned


class EligibilityLeadProviderForm(LeadProviderChoiceForm):
    """The lead providers active in the contract period of the ECT's training."""

    lead_provider = fields.ChoiceField(
        label="Which lead provider would you like to contact your school about training the mentor?",
        choices=[],
        label_classes="govuk-visually-hidden",
        error_messages={"required": LEAD_PROVIDER_REQUIRED, "invalid_choice": LEAD_PROVIDER_REQUIRED},
    )

    def __init__(self, *args, mentor_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        label = f"Which lead provider would you like to contact your school about training {mentor_name}?"
        self.fields["lead_provider"].label = label


@dataclass(frozen=True)
class MentorTraining:
    """The mentor training steps, configured for one journey.

    ect_id: answers -> the id of the ECT period the mentor will mentor (loaded through the school).
    mentor_name: answers -> the mentor's display name, for headings.
    next_after: answers -> the step after mentor training (a step name, or SUBMIT).
    """

    ect_id: Callable[[Answers], int | None]
    mentor_name: Callable[[Answers], str]
    next_after: Callable[[Answers], str]

    def after_review(self, answers: Answers) -> str:
        if answers.value(REVIEW_MENTOR_ELIGIBILITY, USE_ECT_LEAD_PROVIDER) == NO:
            return ELIGIBILITY_LEAD_PROVIDER
        return self.next_after(answers)

    def ect_period(self, context: JourneyContext):
        """The ECT period, loaded through the school (tenancy): None when it is not this school's."""
        ect_id = self.ect_id(context.answers)
        return context.school.ect_periods.select_related("teacher").filter(pk=ect_id).first() if ect_id else None

    def steps(self) -> list[Step]:
        return [
            Step(
                REVIEW_MENTOR_ELIGIBILITY,
                "Mentor training",
                ReviewMentorEligibilityForm,
                self.after_review,
                form_kwargs=lambda context: {"ect_period": self.ect_period(context)},
                page_context=self._review_page,
                template="mentors/mentor_training/review-mentor-eligibility.html",
            ),
            Step(
                ELIGIBILITY_LEAD_PROVIDER,
                "Lead provider for mentor training",
                EligibilityLeadProviderForm,
                self.next_after,
                form_kwargs=self._lead_provider_form_kwargs,
                page_context=lambda context: {"mentor_name": self.mentor_name(context.answers)},
                template="mentors/mentor_training/eligibility-lead-provider.html",
            ),
        ]

    def _lead_provider_form_kwargs(self, context: JourneyContext) -> dict:
        ect_period = self.ect_period(context)
        return {
            "lead_providers": list(lead_providers_for_mentor_training(ect_period)) if ect_period else [],
            "mentor_name": self.mentor_name(context.answers),
        }

    def _review_page(self, context: JourneyContext) -> dict:
        ect_period = self.ect_period(context)
        provider = ect_lead_provider(ect_period) if ect_period else None
        return {
            "mentor_name": self.mentor_name(context.answers),
            "ect_lead_provider_name": provider.name if provider else "",
        }

    def lead_provider_name(self, answers: Answers) -> str:
        """The lead provider chosen for mentor training, from the stored facts ("" when not asked)."""
        if REVIEW_MENTOR_ELIGIBILITY not in answers:
            return ""
        if answers.value(REVIEW_MENTOR_ELIGIBILITY, USE_ECT_LEAD_PROVIDER) == NO:
            return answers.fact(ELIGIBILITY_LEAD_PROVIDER, "lead_provider_name", "")
        return answers.fact(REVIEW_MENTOR_ELIGIBILITY, "lead_provider_name", "")

    def lead_provider(self, submission: Submission):
        """The LeadProvider the school chose for mentor training, as validated at submit; None when not asked."""
        review = submission.cleaned.get(REVIEW_MENTOR_ELIGIBILITY)
        if review is None:
            return None
        if review["use_ect_lead_provider"] == NO:
            return submission.cleaned[ELIGIBILITY_LEAD_PROVIDER]["lead_provider"]
        return review["lead_provider"]
