"""Select a new lead provider, for an ECT (here) and for a mentor's training (`mentors.change_lead_provider`): the same
steps with each role's copy (docs/journeys/change-lead-provider.md).

    /school/ects/<id>/change-lead-provider  -> /school/change-lead-provider/<journey id>/select-lead-provider
                                            -> .../check-answers -> .../confirmation

The journey is seeded with the teacher's period at the school and their training as the user saw it
(`training_version`); `change_lead_provider` refuses when someone else has changed the training since, and runs
once whatever the number of submits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ecf.errors import DomainError
from ecf.events import Author
from ecf.journeys import ANSWERS_CHANGED, SEED, SUBMIT, Journey, JourneyContext, Outcome, Step, Submission, to
from ecf.journeys.views import id_from_query
from ecf.training.changes import change_lead_provider, current_training, training_version
from ecf.training.queries import lead_provider_replaced, lead_providers_for_change
from ects.change_lead_provider.forms import NewLeadProviderForm

SELECT_LEAD_PROVIDER = "select-lead-provider"
CHECK_ANSWERS = "check-answers"


@dataclass(frozen=True)
class Role:
    """What differs between the ECT's journey and the mentor's.

    seed: the query parameter and seed fact naming the period, "ect" or "mentor".
    periods: school -> the school's periods of this role (so another school's id is a 404).
    record_url_name: the record page (the first step's back link, the confirmation's link).
    required / invalid: the question's GOV.UK error messages.
    rows: check your answers' labels (the teacher, the current lead provider, the new one).
    list_url_name / list_link_text: the list the confirmation links back to, and its link's words.
    """

    seed: str
    periods: Callable[[object], QuerySet]
    record_url_name: str
    required: str
    invalid: str
    rows: tuple[str, str, str]
    list_url_name: str
    list_link_text: str


ECT = Role(
    seed="ect",
    periods=lambda school: school.ect_periods,
    record_url_name="ects:record",
    required="Select which lead provider will be training the ECT",
    invalid="Enter the name of a known lead provider",
    rows=("Early career teacher", "Current lead provider", "New lead provider"),
    list_url_name="ects:list",
    list_link_text="Back to ECTs",
)


def seeded_period(role: Role, context: JourneyContext | Submission):
    """The period the journey started from, through the school (with `teacher`); None when it is not the school's."""
    return role.periods(context.school).select_related("teacher").filter(pk=context.answers.fact(SEED, "id")).first()


def start_facts(role: Role):
    def facts(request) -> dict:
        """`?<seed>=<id>`: the school's teacher (another school's is a 404), and their training as it stands."""
        period = get_object_or_404(
            role.periods(request.school).current_or_future(), pk=id_from_query(request, role.seed)
        )
        return {"id": period.pk, "training_version": training_version(current_training(period))}

    return facts


def form_kwargs(role: Role):
    def kwargs(context: JourneyContext) -> dict:
        period = seeded_period(role, context)
        providers = []
        if period is not None:
            current = current_training(period)
            providers = lead_providers_for_change(period, current, replacing=lead_provider_replaced(period, current))
        name = period.teacher.full_name if period else ""
        return {"lead_providers": providers, "name": name, "required": role.required, "invalid": role.invalid}

    return kwargs


def page_context(role: Role):
    def context_for(context: JourneyContext) -> dict:
        period = seeded_period(role, context)
        return {
            "role": role.seed,
            "name": period.teacher.full_name if period else "",
            "new_lead_provider": context.answers.fact(SELECT_LEAD_PROVIDER, "lead_provider_name", ""),
            "row_labels": role.rows,
            "record_url": reverse(role.record_url_name, args=[context.answers.fact(SEED, "id")]),
        }

    return context_for


def check_answers_context(role: Role):
    def context_for(context: JourneyContext) -> dict:
        """The current lead provider: the current training's, else the one that withdrew or deferred them; ""
        when there is none (no lead provider has trained them), and the page leaves the row out."""
        period = seeded_period(role, context)
        replaced = lead_provider_replaced(period, current_training(period)) if period else None
        return {"current_lead_provider": replaced.name if replaced else ""}

    return context_for


def completing(role: Role):
    def complete(submission: Submission) -> Outcome:
        period = seeded_period(role, submission)
        if period is None:
            raise DomainError(ANSWERS_CHANGED)
        change = change_lead_provider(
            at_school_period=period,
            lead_provider=submission.cleaned[SELECT_LEAD_PROVIDER]["lead_provider"],
            author=Author.school_user(submission.user),
            expected_version=submission.answers.fact(SEED, "training_version"),
        )
        return Outcome(
            period.pk,
            {
                "lead_provider": change.training_period.lead_provider.name,
                "previous_lead_provider": change.previous_lead_provider_name,
            },
        )

    return complete


def confirmation_context(role: Role):
    def context_for(school, completion) -> dict:
        """The period, loaded through the school: another school's is a 404."""
        period = get_object_or_404(role.periods(school).select_related("teacher"), pk=completion.record_id)
        return {
            "title": "Lead provider changed",
            "role": role.seed,
            "name": period.teacher.full_name,
            "lead_provider": completion.outcome.get("lead_provider", ""),
            "record_url": reverse(role.record_url_name, args=[period.pk]),
            "list_url": reverse(role.list_url_name),
            "list_link_text": role.list_link_text,
        }

    return context_for


def lead_provider_change_journey(*, name: str, url_namespace: str, role: Role) -> Journey:
    return Journey(
        name=name,
        url_namespace=url_namespace,
        steps=[
            Step(
                SELECT_LEAD_PROVIDER,
                "Change lead provider",
                NewLeadProviderForm,
                to(CHECK_ANSWERS),
                form_kwargs=form_kwargs(role),
                page_context=lambda context: {
                    "back_link_url": reverse(role.record_url_name, args=[context.answers.fact(SEED, "id")])
                },
            ),
            Step(
                CHECK_ANSWERS,
                "Check and confirm change",
                next_step=to(SUBMIT),
                page_context=check_answers_context(role),
            ),
        ],
        check_answers=CHECK_ANSWERS,
        template_dir="change_lead_provider",
        exit_url_name=role.list_url_name,
        complete=completing(role),
        confirmation_context=confirmation_context(role),
        start_facts=start_facts(role),
        page_context=page_context(role),
    )


CHANGE_LEAD_PROVIDER = lead_provider_change_journey(name="change-lead-provider", url_namespace="ects", role=ECT)
