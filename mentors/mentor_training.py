"""Mentor training (journeys.md §5, rect.md §2b "review-mentor-eligibility"): two journey steps shared by the
assign-mentor and assign-ECT journeys (mentors/journeys.py) and the register-a-mentor journey
(mentors/journeys_register.py).

- "review-mentor-eligibility": "{mentor} can receive mentor training", with a "Continue" button (the mentor trains
  with the ECT's lead provider) and "{LP} will not be providing mentor training to {mentor}", a second submit button
  styled as a link (it must record an answer, and a GET link could not: works without JavaScript).
- "eligibility-lead-provider": "Which lead provider would you like to contact your school about training {mentor}?",
  radios of the lead providers active in the ECT's training contract period.

How a journey includes them (journeys 4's developer: this is all you need):

    TRAINING = MentorTraining(
        ect_id=lambda answers: answers.fact(SEED, "ect_id"),   # the ECT period the mentor is for
        mentor_name=lambda answers: ...,                       # the mentor's display name, from your facts
        next_after=CHECK_ANSWERS,                              # or SUBMIT when answering ends the journey
    )
    Journey(..., steps=[..., *TRAINING.steps(), ...])

1. Routing into the steps stays pure: while validating the step before them, work out
   `mentors.registration.mentor_training_needed(ect_period=..., mentor_teacher=... or trn=...)`, store it as a fact,
   and route to `REVIEW_MENTOR_ELIGIBILITY` when it is true (else skip to what follows: a school-led ECT never sees
   these steps and gets no mentor training).
2. Merge `TRAINING.page_context(step_name, context)` into your journey's page_context (it returns {} for other steps).
3. Templates: the framework renders `<your template_dir>/<step name>.html`; make each a one-liner
   `{% extends "mentors/mentor_training/review-mentor-eligibility.html" %}` (and "eligibility-lead-provider.html").
4. On submit, pass `TRAINING.lead_provider(context)` (a LeadProvider, or None when the steps were not on the path) to
   the service as `mentor_training_lead_provider`. It raises DomainError(ANSWERS_CHANGED) when the choice no longer
   holds (e.g. the ECT's lead provider changed meanwhile).
5. For check your answers: `TRAINING.lead_provider_name(answers)` ("" when not asked); its Change link is
   `step_url(REVIEW_MENTOR_ELIGIBILITY, true)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.utils.datastructures import MultiValueDict

from ecf.errors import DomainError
from ecf.govuk import fields
from ecf.journeys import Answers, JourneyContext, JourneyForm, Step

REVIEW_MENTOR_ELIGIBILITY = "review-mentor-eligibility"
ELIGIBILITY_LEAD_PROVIDER = "eligibility-lead-provider"
STEP_NAMES = (REVIEW_MENTOR_ELIGIBILITY, ELIGIBILITY_LEAD_PROVIDER)

# The two buttons of the eligibility page post this field.
USE_ECT_LEAD_PROVIDER = "use_ect_lead_provider"
YES = "yes"
NO = "no"

LEAD_PROVIDER_REQUIRED = "Select a lead provider to contact your school"
ECT_HAS_NO_LEAD_PROVIDER = "The ECT’s lead provider is not known. Select a lead provider to contact your school."
ANSWERS_CHANGED = "Some of the details you gave have changed since you entered them. Check your answers and try again."


def _ect_period(context: JourneyContext, ect_id):
    """The ECT period, loaded through the school (tenancy): None when it is not this school's."""
    if not ect_id:
        return None
    return context.school.ect_periods.select_related("teacher").filter(pk=ect_id).first()


class _TrainingForm(JourneyForm):
    training: MentorTraining  # set on the subclasses MentorTraining.steps() builds

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._facts: dict = {}
        self.ect_period = _ect_period(self.context, self.training.ect_id(self.context.answers))

    def facts(self) -> dict:
        return self._facts


class ReviewMentorEligibilityForm(_TrainingForm):
    """Continue: train with the ECT's lead provider (cleaned_data["lead_provider"]); the link-styled button: choose
    another. facts(): {"use_ect_lead_provider": bool, "lead_provider_id", "lead_provider_name"}."""

    use_ect_lead_provider = fields.ChoiceField(
        label="Will the ECT’s lead provider provide mentor training?",
        choices=[(YES, "Yes"), (NO, "No")],
        widget=forms.HiddenInput,
        error_messages={"required": LEAD_PROVIDER_REQUIRED, "invalid_choice": LEAD_PROVIDER_REQUIRED},
    )

    def clean(self):
        from mentors.registration import ect_lead_provider

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


class EligibilityLeadProviderForm(_TrainingForm):
    """The lead providers active in the ECT's training contract period. cleaned_data["lead_provider"] is the
    LeadProvider; facts() its id and name."""

    lead_provider = fields.ChoiceField(
        label="Which lead provider would you like to contact your school about training the mentor?",
        choices=[],
        label_classes="govuk-visually-hidden",
        error_messages={"required": LEAD_PROVIDER_REQUIRED, "invalid_choice": LEAD_PROVIDER_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        from mentors.registration import lead_providers_for_mentor_training

        super().__init__(*args, **kwargs)
        providers = list(lead_providers_for_mentor_training(self.ect_period)) if self.ect_period else []
        self.providers = {str(provider.pk): provider for provider in providers}
        field = self.fields["lead_provider"]
        field.choices = [(str(provider.pk), provider.name) for provider in providers]
        field.label = (
            "Which lead provider would you like to contact your school about training "
            f"{self.training.mentor_name(self.context.answers)}?"
        )

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            provider = self.providers[cleaned["lead_provider"]]
            cleaned["lead_provider"] = provider
            self._facts = {"lead_provider_id": provider.pk, "lead_provider_name": provider.name}
        return cleaned


@dataclass(frozen=True)
class MentorTraining:
    """The mentor training steps, configured for one journey.

    ect_id: answers -> the id of the ECT period the mentor will mentor (loaded through the school).
    mentor_name: answers -> the mentor's display name, for headings.
    next_after: the step after mentor training (a step name, or SUBMIT).
    """

    ect_id: Callable[[Answers], int | None]
    mentor_name: Callable[[Answers], str]
    next_after: str

    def after_review(self, answers: Answers) -> str:
        if answers.value(REVIEW_MENTOR_ELIGIBILITY, USE_ECT_LEAD_PROVIDER) == NO:
            return ELIGIBILITY_LEAD_PROVIDER
        return self.next_after

    @cached_property
    def form_classes(self) -> dict[str, type[JourneyForm]]:
        """The two forms, bound to this configuration (the framework builds forms from the class alone)."""
        return {
            REVIEW_MENTOR_ELIGIBILITY: type(
                "ReviewMentorEligibilityForm",
                (ReviewMentorEligibilityForm,),
                {"training": self, "__module__": __name__},
            ),
            ELIGIBILITY_LEAD_PROVIDER: type(
                "EligibilityLeadProviderForm",
                (EligibilityLeadProviderForm,),
                {"training": self, "__module__": __name__},
            ),
        }

    def after_lead_provider(self, answers: Answers) -> str:
        return self.next_after

    def steps(self) -> list[Step]:
        return [
            Step(
                REVIEW_MENTOR_ELIGIBILITY,
                "Mentor training",
                self.form_classes[REVIEW_MENTOR_ELIGIBILITY],
                self.after_review,
            ),
            Step(
                ELIGIBILITY_LEAD_PROVIDER,
                "Lead provider for mentor training",
                self.form_classes[ELIGIBILITY_LEAD_PROVIDER],
                self.after_lead_provider,
            ),
        ]

    def page_context(self, step_name: str, context: JourneyContext) -> dict:
        """Names for the two pages: {"mentor_name", "ect_lead_provider_name"}; {} for any other step."""
        from mentors.registration import ect_lead_provider

        if step_name not in STEP_NAMES:
            return {}
        page = {"mentor_name": self.mentor_name(context.answers)}
        if step_name == REVIEW_MENTOR_ELIGIBILITY:
            ect_period = _ect_period(context, self.ect_id(context.answers))
            provider = ect_lead_provider(ect_period) if ect_period else None
            page["ect_lead_provider_name"] = provider.name if provider else ""
        return page

    def lead_provider_name(self, answers: Answers) -> str:
        """The lead provider chosen for mentor training, from the stored facts ("" when not asked)."""
        if REVIEW_MENTOR_ELIGIBILITY not in answers:
            return ""
        if answers.value(REVIEW_MENTOR_ELIGIBILITY, USE_ECT_LEAD_PROVIDER) == NO:
            return answers.fact(ELIGIBILITY_LEAD_PROVIDER, "lead_provider_name", "")
        return answers.fact(REVIEW_MENTOR_ELIGIBILITY, "lead_provider_name", "")

    def lead_provider(self, context: JourneyContext):
        """The LeadProvider the school chose for mentor training, validated again now; None when not asked."""
        answers = context.answers
        if REVIEW_MENTOR_ELIGIBILITY not in answers:
            return None
        name = REVIEW_MENTOR_ELIGIBILITY
        if answers.value(REVIEW_MENTOR_ELIGIBILITY, USE_ECT_LEAD_PROVIDER) == NO:
            name = ELIGIBILITY_LEAD_PROVIDER
            if name not in answers:
                raise DomainError(ANSWERS_CHANGED)
        form = self.form_classes[name](MultiValueDict(answers[name]["data"]), context=context)
        if not form.is_valid():
            raise DomainError(ANSWERS_CHANGED)
        return form.cleaned_data["lead_provider"]
