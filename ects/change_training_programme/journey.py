"""Change an ECT's training programme (docs/journeys/change-lead-provider.md, "Change the training programme").

    /school/ects/<id>/change-training-programme -> /school/change-training-programme/<journey id>/explanation
        (to provider-led: -> .../lead-provider) -> .../check-answers -> .../confirmation

The direction is fixed when the journey starts, from the ECT's current training (provider-led goes to school-led,
anything else to provider-led), and seeded with the training as the user saw it (`training_version`):
`change_training_programme` refuses when someone else has changed it since, and runs once whatever the number of
submits.
"""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from django.urls import reverse

from ecf.errors import DomainError
from ecf.events import Author
from ecf.journeys import ANSWERS_CHANGED, SEED, SUBMIT, Answers, Journey, JourneyContext, Outcome, Step, Submission, to
from ecf.journeys.views import id_from_query
from ecf.models import TrainingPeriod
from ecf.training.changes import change_training_programme, changed_by_someone_else, current_training, training_version
from ecf.training.queries import lead_providers_for_change
from ects.change_training_programme.forms import WhichLeadProviderForm

EXPLANATION = "explanation"
LEAD_PROVIDER = "lead-provider"
CHECK_ANSWERS = "check-answers"
PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED
SCHOOL_LED = TrainingPeriod.Programme.SCHOOL_LED
LABELS = dict(TrainingPeriod.Programme.choices)


def new_programme(answers: Answers) -> str:
    return answers.fact(SEED, "new_programme", SCHOOL_LED)


def after_explanation(answers: Answers) -> str:
    return LEAD_PROVIDER if new_programme(answers) == PROVIDER_LED else CHECK_ANSWERS


def programme_after(training: TrainingPeriod | None) -> str:
    """Where a change of programme goes from `training`: provider-led to school-led, anything else to provider-led."""
    return SCHOOL_LED if training is not None and training.provider_led else PROVIDER_LED


def start_facts(request) -> dict:
    """`?ect=<id>`: the school's ECT (another school's is a 404), their training as it stands, and where it goes."""
    period = get_object_or_404(request.school.ect_periods.current_or_future(), pk=id_from_query(request, "ect"))
    training = current_training(period)
    return {
        "id": period.pk,
        "training_version": training_version(training),
        "new_programme": programme_after(training),
    }


def seeded_ect(context: JourneyContext | Submission):
    return context.school.ect_periods.select_related("teacher").filter(pk=context.answers.fact(SEED, "id")).first()


def journey_page(context: JourneyContext) -> dict:
    period = seeded_ect(context)
    training = current_training(period) if period else None
    programme = new_programme(context.answers)
    return {
        "ect_name": period.teacher.full_name if period else "",
        "new_programme": programme,
        "current_programme_label": LABELS.get(training.training_programme, "") if training else "",
        "new_programme_label": LABELS[programme],
        "lead_provider_name": context.answers.fact(LEAD_PROVIDER, "lead_provider_name", ""),
        "record_url": reverse("ects:record", args=[context.answers.fact(SEED, "id")]),
    }


def check_answers_page(context: JourneyContext) -> dict:
    """When someone else changed the ECT's training since the journey began, confirming would only be refused: the
    page says so instead of rows that no longer hold, and links to a fresh journey when the change still makes sense
    (`continue_url`: they are still on the programme this journey moves them from), else only to the record."""
    period = seeded_ect(context)
    training = current_training(period) if period else None
    if period is not None and training_version(training) == context.answers.fact(SEED, "training_version"):
        return {}
    still_possible = (
        period is not None
        and (period.finished_on is None or period.finished_on >= datetime.date.today())
        and programme_after(training) == new_programme(context.answers)
    )
    return {
        "conflict": True,
        "submit_error": changed_by_someone_else(period.teacher.full_name if period else "This ECT"),
        "continue_url": reverse("ects:change-training-programme-start", args=[period.pk]) if still_possible else "",
    }


def lead_provider_kwargs(context: JourneyContext) -> dict:
    period = seeded_ect(context)
    if period is None:
        return {"lead_providers": [], "ect_name": ""}
    return {
        "lead_providers": lead_providers_for_change(period, current_training(period)),
        "ect_name": period.teacher.full_name,
    }


def complete(submission: Submission) -> Outcome:
    period = seeded_ect(submission)
    if period is None:
        raise DomainError(ANSWERS_CHANGED)
    programme = new_programme(submission.answers)
    lead_provider = submission.cleaned[LEAD_PROVIDER]["lead_provider"] if programme == PROVIDER_LED else None
    change = change_training_programme(
        ect_period=period,
        training_programme=programme,
        lead_provider=lead_provider,
        author=Author.school_user(submission.user),
        expected_version=submission.answers.fact(SEED, "training_version"),
    )
    mentor_training = change.mentor_training
    return Outcome(
        period.pk,
        {
            "training_programme": programme,
            "lead_provider": lead_provider.name if lead_provider else "",
            "mentor_name": mentor_training.mentor_at_school_period.teacher.full_name if mentor_training else "",
        },
    )


def confirmation_context(school, completion) -> dict:
    """The ECT, loaded through the school: another school's is a 404."""
    period = get_object_or_404(school.ect_periods.select_related("teacher"), pk=completion.record_id)
    return {
        "title": "Training programme updated",
        "ect_name": period.teacher.full_name,
        "provider_led": completion.outcome.get("training_programme") == PROVIDER_LED,
        "lead_provider_name": completion.outcome.get("lead_provider", ""),
        "mentor_name": completion.outcome.get("mentor_name", ""),
        "record_url": reverse("ects:record", args=[period.pk]),
        "list_url": reverse("ects:list"),
    }


CHANGE_TRAINING_PROGRAMME = Journey(
    name="change-training-programme",
    url_namespace="ects",
    steps=[
        Step(
            EXPLANATION,
            "Change training programme",
            next_step=after_explanation,
            page_context=lambda context: {
                "back_link_url": reverse("ects:record", args=[context.answers.fact(SEED, "id")])
            },
        ),
        Step(
            LEAD_PROVIDER, "Lead provider", WhichLeadProviderForm, to(CHECK_ANSWERS), form_kwargs=lead_provider_kwargs
        ),
        Step(CHECK_ANSWERS, "Check and confirm change", next_step=to(SUBMIT), page_context=check_answers_page),
    ],
    check_answers=CHECK_ANSWERS,
    template_dir="ects/change_training_programme",
    exit_url_name="ects:list",
    complete=complete,
    confirmation_context=confirmation_context,
    start_facts=start_facts,
    page_context=journey_page,
)
