"""Select a new lead provider, for an ECT (here) and for a mentor's training (`mentors.change_lead_provider`): the same
steps with each role's copy (docs/journeys/change-lead-provider.md).

    /school/ects/<id>/change-lead-provider  -> /school/change-lead-provider/<journey id>/select-lead-provider
                                            -> .../check-answers -> .../confirmation

The journey is seeded with the teacher's period at the school and their training as the user saw it
(`training_version`); `change_lead_provider` refuses when someone else has changed the training since, and runs
once whatever the number of submits.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ecf.errors import DomainError
from ecf.events import Author
from ecf.journeys import ANSWERS_CHANGED, SEED, SUBMIT, Journey, JourneyContext, Outcome, Step, Submission, to
from ecf.journeys.views import id_from_query
from ecf.training.changes import (
    change_lead_provider,
    changed_by_someone_else,
    current_training,
    school_led,
    training_version,
)
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
    start_url_name: the journey's start from the record (a fresh journey, after someone else's change).
    """

    seed: str
    periods: Callable[[object], QuerySet]
    record_url_name: str
    required: str
    invalid: str
    rows: tuple[str, str, str]
    list_url_name: str
    list_link_text: str
    start_url_name: str


ECT = Role(
    seed="ect",
    periods=lambda school: school.ect_periods,
    record_url_name="ects:record",
    required="Select which lead provider will be training the ECT",
    invalid="Enter the name of a known lead provider",
    rows=("Early career teacher", "Current lead provider", "New lead provider"),
    list_url_name="ects:list",
    list_link_text="Back to ECTs",
    start_url_name="ects:change-lead-provider-start",
)


def seeded_period(role: Role, context: JourneyContext | Submission):
    """The period the journey started from, through the school (with `teacher`); None when it is not the school's."""
    return role.periods(context.school).select_related("teacher").filter(pk=context.answers.fact(SEED, "id")).first()


def period_to_change(role: Role, school, pk: int):
    """The school's current or future teacher whose lead provider may be changed, and their current training: a 404
    for another school's, one who has left, or school-led training (a change of training programme instead)."""
    period = get_object_or_404(role.periods(school).select_related("teacher").current_or_future(), pk=pk)
    current = current_training(period)
    if school_led(period, current):
        raise Http404("School-led training has no lead provider to change")
    return period, current


def start_facts(role: Role):
    def facts(request) -> dict:
        """`?<seed>=<id>`: the teacher (`period_to_change`), and their training as it stands."""
        period, current = period_to_change(role, request.school, id_from_query(request, role.seed))
        return {"id": period.pk, "training_version": training_version(current)}

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
        when there is none (no lead provider has trained them), and the page leaves the row out.

        When someone else changed the training since the journey began, confirming would only be refused: the page
        says so instead of showing answers that no longer hold, and links to a fresh journey when a new lead
        provider can still be chosen (`continue_url`), else only to the record."""
        period = seeded_period(role, context)
        current = current_training(period) if period else None
        replaced = lead_provider_replaced(period, current) if period else None
        page = {"current_lead_provider": replaced.name if replaced else ""}
        if period is not None and training_version(current) == context.answers.fact(SEED, "training_version"):
            return page
        still_possible = (
            period is not None
            and (period.finished_on is None or period.finished_on >= datetime.date.today())
            and not school_led(period, current)
            and (replaced is None or replaced.pk != context.answers.fact(SELECT_LEAD_PROVIDER, "lead_provider_id"))
        )
        name = period.teacher.full_name if period else "This teacher"
        return {
            **page,
            "conflict": True,
            "submit_error": changed_by_someone_else(name),
            "continue_url": reverse(role.start_url_name, args=[period.pk]) if still_possible else "",
        }

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
