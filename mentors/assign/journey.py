"""Assign a mentor to an ECT (from the ECT) and an ECT to a mentor (from the mentor record), each with the mentor
training steps (`mentors.mentor_training`) when they apply, ending in one confirmation (docs/journeys/mentors.md).

    /school/ects/<ect_id>/assign-mentor      -> /school/assign-mentor/<journey id>/who-will-mentor
    /school/mentors/<mentor_id>/assign-ect   -> /school/assign-ect/<journey id>/who-to-assign

Answering the last step submits (no check your answers): `assign_mentor` runs once, whatever the number of
submits. "Register a new mentor" hands over to the register-a-mentor journey for the ECT.
"""

from __future__ import annotations

from collections.abc import Callable

from django.shortcuts import get_object_or_404
from django.urls import reverse

from ecf.errors import DomainError
from ecf.events import Author
from ecf.journeys import ANSWERS_CHANGED, SEED, SUBMIT, Answers, Journey, JourneyContext, Outcome, Step, Submission, to
from ecf.journeys.views import id_from_query
from mentors.assign.forms import WhoToAssignForm, WhoWillMentorForm
from mentors.mentor_training import REVIEW_MENTOR_ELIGIBILITY, MentorTraining
from mentors.queries import mentorship_at_school
from mentors.services import assign_mentor

WHO_WILL_MENTOR = "who-will-mentor"
REGISTER_NEW_MENTOR = "register-new-mentor"
WHO_TO_ASSIGN = "who-to-assign"

# Facts of the choice that stay as first worked out when the choice is validated again at submit: the ECT's
# mentoring as the user saw it (assign_mentor refuses when someone else has changed it since), and whether the
# mentor training question was asked (the service decides whether training starts).
AS_CHOSEN = ("mentorship_version", "mentor_training_needed")

# Routing (pure) -----------------------------------------------------------------------------------------------


def after_choosing(choice: dict) -> str:
    """An existing mentor: the mentor training steps when they apply, else assign straight away."""
    return REVIEW_MENTOR_ELIGIBILITY if choice.get("mentor_training_needed") else SUBMIT


def after_who_will_mentor(answers: Answers) -> str:
    if answers.fact(WHO_WILL_MENTOR, "register_new"):
        return REGISTER_NEW_MENTOR
    return after_choosing(answers.facts(WHO_WILL_MENTOR))


def after_who_to_assign(answers: Answers) -> str:
    return after_choosing(answers.facts(WHO_TO_ASSIGN))


ASSIGN_MENTOR_TRAINING = MentorTraining(
    ect_id=lambda answers: answers.fact(SEED, "ect_id"),
    mentor_name=lambda answers: answers.fact(WHO_WILL_MENTOR, "mentor_name", ""),
    next_after=to(SUBMIT),
)
ASSIGN_ECT_TRAINING = MentorTraining(
    ect_id=lambda answers: answers.fact(WHO_TO_ASSIGN, "ect_id"),
    mentor_name=lambda answers: answers.fact(WHO_TO_ASSIGN, "mentor_name", ""),
    next_after=to(SUBMIT),
)

# What each form is given, and each page shows -----------------------------------------------------------------


def seeded_ect(context: JourneyContext):
    """The ECT the journey started from, loaded through the school: None when it is not this school's."""
    ect_id = context.answers.fact(SEED, "ect_id")
    return context.school.ect_periods.select_related("teacher").filter(pk=ect_id).first()


def seeded_mentor(context: JourneyContext):
    mentor_id = context.answers.fact(SEED, "mentor_id")
    return context.school.mentor_periods.select_related("teacher").filter(pk=mentor_id).first()


def assign_mentor_start_facts(request) -> dict:
    """`?ect=<id>`: the school's ECT who needs a mentor (another school's is a 404)."""
    return {
        "ect_id": get_object_or_404(request.school.ect_periods.current_or_future(), pk=id_from_query(request, "ect")).pk
    }


def assign_ect_start_facts(request) -> dict:
    """`?mentor=<id>`: the school's mentor who will take an ECT (another school's is a 404)."""
    return {
        "mentor_id": get_object_or_404(
            request.school.mentor_periods.current_or_future(), pk=id_from_query(request, "mentor")
        ).pk
    }


def register_new_mentor_url(context: JourneyContext) -> str:
    """The register-a-mentor journey's start, for this ECT."""
    return f"{reverse('mentors:register-mentor-start')}?ect={context.answers.fact(SEED, 'ect_id')}"


# Completing ---------------------------------------------------------------------------------------------------


def completing(step_name: str, training: MentorTraining) -> Callable[[Submission], Outcome]:
    """`complete` for a journey whose first step (`step_name`) chose the ECT and the mentor."""

    def complete(submission: Submission) -> Outcome:
        chosen = submission.cleaned[step_name]
        if chosen["mentor_period"] is None or chosen["ect_period"] is None:
            raise DomainError(ANSWERS_CHANGED)
        assignment = assign_mentor(
            ect_period=chosen["ect_period"],
            mentor_period=chosen["mentor_period"],
            author=Author.school_user(submission.user),
            mentor_training_lead_provider=training.lead_provider(submission),
            expected_version=submission.answers.fact(step_name, "mentorship_version"),
        )
        training_period = assignment.mentor_training
        return Outcome(
            assignment.mentorship.pk,
            {
                "mentor_training_lead_provider": training_period.lead_provider.name if training_period else "",
                "had_a_mentor_before": assignment.had_a_mentor_before,
            },
        )

    return complete


def confirmation_context(school, completion) -> dict:
    """The mentorship, loaded through the school: another school's is a 404."""
    mentorship = mentorship_at_school(school, completion.record_id)
    return {
        "title": "Mentor assigned",
        "mentor_name": mentorship.mentor.teacher.full_name,
        "ect_name": mentorship.mentee.teacher.full_name,
        "mentor_training_lead_provider_name": completion.outcome.get("mentor_training_lead_provider", ""),
        "had_a_mentor_before": completion.outcome.get("had_a_mentor_before", False),
        "list_url": reverse("ects:list"),
    }


# The journeys -------------------------------------------------------------------------------------------------

ASSIGN_MENTOR = Journey(
    name="assign-mentor",
    url_namespace="mentors",
    steps=[
        Step(
            WHO_WILL_MENTOR,
            "Who will mentor this ECT?",
            WhoWillMentorForm,
            after_who_will_mentor,
            form_kwargs=lambda context: {"ect_period": seeded_ect(context)},
            page_context=lambda context: {
                "back_link_url": reverse("ects:record", args=[context.answers.fact(SEED, "ect_id")])
            },
            kept_facts=AS_CHOSEN,
        ),
        Step(REGISTER_NEW_MENTOR, "Register a new mentor", redirect=register_new_mentor_url),
        *ASSIGN_MENTOR_TRAINING.steps(),
    ],
    template_dir="mentors/assign",
    exit_url_name="ects:list",
    complete=completing(WHO_WILL_MENTOR, ASSIGN_MENTOR_TRAINING),
    confirmation_context=confirmation_context,
    start_facts=assign_mentor_start_facts,
)

ASSIGN_ECT = Journey(
    name="assign-ect",
    url_namespace="mentors",
    steps=[
        Step(
            WHO_TO_ASSIGN,
            "Who would you like to assign to this mentor?",
            WhoToAssignForm,
            after_who_to_assign,
            form_kwargs=lambda context: {"mentor_period": seeded_mentor(context)},
            page_context=lambda context: {
                "back_link_url": reverse("mentors:record", args=[context.answers.fact(SEED, "mentor_id")])
            },
            kept_facts=AS_CHOSEN,
        ),
        *ASSIGN_ECT_TRAINING.steps(),
    ],
    template_dir="mentors/assign",
    exit_url_name="mentors:list",
    complete=completing(WHO_TO_ASSIGN, ASSIGN_ECT_TRAINING),
    confirmation_context=confirmation_context,
    start_facts=assign_ect_start_facts,
)
