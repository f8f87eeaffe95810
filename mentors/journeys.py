"""Assign a mentor to an ECT (journeys.md §3, from the ECT) and an ECT to a mentor (§7, from the mentor record),
each with the mentor training steps (§5, mentors.mentor_training) when they apply, ending in one confirmation.

    /school/ects/<ect_id>/assign-mentor      -> /school/assign-mentor/<journey id>/who-will-mentor
    /school/mentors/<mentor_id>/assign-ect   -> /school/assign-ect/<journey id>/who-to-assign

Answering the last step submits (no check your answers): `assign_mentor` runs once, whatever the number of
submits. "Register a new mentor" hands over to the register-a-mentor journey for the ECT.
"""

from __future__ import annotations

import datetime

from django.db.models import Exists
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.views.decorators.http import require_http_methods

from ecf.errors import DomainError
from ecf.events import Author
from ecf.journeys import SEED, SUBMIT, Answers, Journey, JourneyContext, Step
from ecf.journeys.views import start_journey
from ecf.models import Event
from mentors.forms_assign import WhoToAssignForm, WhoWillMentorForm
from mentors.mentor_training import ANSWERS_CHANGED, REVIEW_MENTOR_ELIGIBILITY, MentorTraining
from mentors.models import MentorshipPeriod
from schools.access import school_user_required

WHO_WILL_MENTOR = "who-will-mentor"
REGISTER_NEW_MENTOR = "register-new-mentor"
WHO_TO_ASSIGN = "who-to-assign"

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
    next_after=SUBMIT,
)
ASSIGN_ECT_TRAINING = MentorTraining(
    ect_id=lambda answers: answers.fact(WHO_TO_ASSIGN, "ect_id"),
    mentor_name=lambda answers: answers.fact(WHO_TO_ASSIGN, "mentor_name", ""),
    next_after=SUBMIT,
)


def register_new_mentor_url(context: JourneyContext) -> str:
    """The register-a-mentor journey's start, for this ECT."""
    return f"{reverse('mentors:register-mentor-start')}?ect={context.answers.fact(SEED, 'ect_id')}"


def mentor_record_url(mentor_id) -> str:
    return reverse("mentors:record", args=[mentor_id])


# Pages --------------------------------------------------------------------------------------------------------


def assign_mentor_page_context(step_name: str, context: JourneyContext) -> dict:
    page = ASSIGN_MENTOR_TRAINING.page_context(step_name, context)
    if step_name == WHO_WILL_MENTOR:
        page["back_link_url"] = reverse("ects:record", args=[context.answers.fact(SEED, "ect_id")])
    return page


def assign_ect_page_context(step_name: str, context: JourneyContext) -> dict:
    page = ASSIGN_ECT_TRAINING.page_context(step_name, context)
    if step_name == WHO_TO_ASSIGN:
        page["back_link_url"] = mentor_record_url(context.answers.fact(SEED, "mentor_id"))
    return page


def confirmation_context(school, record_id: int) -> dict:
    """The mentorship, loaded through the school: another school's is a 404."""
    mentorship = (
        MentorshipPeriod.objects.filter(mentee__school=school, pk=record_id)
        .select_related("mentee__teacher", "mentor__teacher")
        .first()
    )
    if mentorship is None:
        raise Http404("No such mentorship at this school")
    # Mentor training this assignment started: the service starts it with the mentorship, on the mentor's first
    # provider-led assignment (not one made earlier the same day).
    training = (
        mentorship.mentor.training_periods.filter(started_on=mentorship.started_on)
        .exclude(
            Exists(
                MentorshipPeriod.objects.filter(
                    mentor=mentorship.mentor_id, started_on=mentorship.started_on, pk__lt=mentorship.pk
                )
            )
        )
        .select_related(
            "school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider",
            "expression_of_interest__lead_provider",
        )
        .first()
    )
    # Another mentorship of the ECT (finished before this one), or one this assignment replaced before it started.
    had_a_mentor_before = (
        mentorship.mentee.mentorship_periods.exclude(pk=mentorship.pk).exists()
        or Event.objects.filter(event_type="mentorship_replaced", ect_at_school_period=mentorship.mentee_id).exists()
    )
    return {
        "title": "Mentor assigned",
        "mentor_name": mentorship.mentor.teacher.full_name,
        "ect_name": mentorship.mentee.teacher.full_name,
        "mentor_training_lead_provider_name": training.lead_provider.name
        if training and training.lead_provider
        else "",
        "had_a_mentor_before": had_a_mentor_before,
        "list_url": reverse("ects:list"),
    }


# Submitting ---------------------------------------------------------------------------------------------------


def _assign(context: JourneyContext, step_name: str, form_class, training: MentorTraining):
    """Validate the choice again and assign, with the mentor training lead provider when the steps were asked."""
    from mentors.services import assign_mentor

    answers = context.answers
    form = form_class(MultiValueDict(answers[step_name]["data"]), context=context)
    if not form.is_valid() or form.cleaned_data["mentor_period"] is None or form.cleaned_data["ect_period"] is None:
        raise DomainError(ANSWERS_CHANGED)
    # Asked while training was needed: the school's choice stands (the service decides whether training starts).
    lead_provider = training.lead_provider(context) if REVIEW_MENTOR_ELIGIBILITY in answers else None
    ect_period = form.cleaned_data["ect_period"]
    seen = answers.fact(step_name, "ect_updated_at")
    if seen and ect_period.pk == answers.fact(step_name, "ect_id"):
        # As the user saw it when choosing: a mentor assigned by someone else since is not silently replaced.
        ect_period.updated_at = datetime.datetime.fromisoformat(seen)
    return assign_mentor(
        ect_period=ect_period,
        mentor_period=form.cleaned_data["mentor_period"],
        author=Author.school_user(context.user),
        mentor_training_lead_provider=lead_provider,
    )


def complete_assign_mentor(context: JourneyContext):
    return _assign(context, WHO_WILL_MENTOR, WhoWillMentorForm, ASSIGN_MENTOR_TRAINING)


def complete_assign_ect(context: JourneyContext):
    return _assign(context, WHO_TO_ASSIGN, WhoToAssignForm, ASSIGN_ECT_TRAINING)


# The journeys -------------------------------------------------------------------------------------------------

ASSIGN_MENTOR = Journey(
    name="assign-mentor",
    url_namespace="mentors",
    steps=[
        Step(WHO_WILL_MENTOR, "Who will mentor this ECT?", WhoWillMentorForm, after_who_will_mentor),
        Step(REGISTER_NEW_MENTOR, "Register a new mentor", redirect=register_new_mentor_url),
        *ASSIGN_MENTOR_TRAINING.steps(),
    ],
    check_answers=None,
    template_dir="mentors/assign_mentor",
    exit_url_name="ects:list",
    complete=complete_assign_mentor,
    confirmation_context=confirmation_context,
    page_context=assign_mentor_page_context,
)

ASSIGN_ECT = Journey(
    name="assign-ect",
    url_namespace="mentors",
    steps=[
        Step(WHO_TO_ASSIGN, "Who would you like to assign to this mentor?", WhoToAssignForm, after_who_to_assign),
        *ASSIGN_ECT_TRAINING.steps(),
    ],
    check_answers=None,
    template_dir="mentors/assign_ect",
    exit_url_name="mentors:list",
    complete=complete_assign_ect,
    confirmation_context=confirmation_context,
    page_context=assign_ect_page_context,
)


# Starting -----------------------------------------------------------------------------------------------------


@school_user_required
@require_http_methods(["GET"])
def assign_mentor_start(request, ect_id: int):
    """From the ECT list, the ECT record or the register-an-ECT confirmation; the ECT through the school. With no
    mentor to offer, straight to registering a new one (issue 4: nothing to choose but "Register a new mentor")."""
    from mentors.registration import mentors_offered_for

    ect_period = get_object_or_404(request.school.ect_periods, pk=ect_id)
    if not mentors_offered_for(ect_period):
        return redirect(f"{reverse('mentors:register-mentor-start')}?ect={ect_period.pk}")
    return start_journey(request, ASSIGN_MENTOR, facts={"ect_id": ect_period.pk})


@school_user_required
@require_http_methods(["GET"])
def assign_ect_start(request, mentor_id: int):
    """From the mentor record; the mentor through the school."""
    mentor_period = get_object_or_404(request.school.mentor_periods, pk=mentor_id)
    return start_journey(request, ASSIGN_ECT, facts={"mentor_id": mentor_period.pk})


@school_user_required
@require_http_methods(["GET"])
def assign_mentor_without_an_ect(request):
    """The journey's bare start (an expired journey links here): an ECT is chosen from the list."""
    return redirect("ects:list")


@school_user_required
@require_http_methods(["GET"])
def assign_ect_without_a_mentor(request):
    return redirect("mentors:list")
