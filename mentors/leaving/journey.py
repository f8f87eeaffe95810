"""Remove a mentor: they have left or are leaving the school, or stay but will no longer mentor
(docs/journeys/leaving.md).

    /school/mentors/<id>/remove -> /school/remove-mentor/new/reason?mentor=<id>
        -> /school/remove-mentor/<journey id>/leaving-date -> .../check-answers -> .../confirmation

Check answers submits once, whatever the number of submits; another tab or a back-button resubmit after the removal
gets "You’ve already told us…".
"""

from __future__ import annotations

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from ecf.errors import DomainError
from ecf.events import Author
from ecf.journeys import ANSWERS_CHANGED, SEED, SUBMIT, Journey, JourneyContext, Outcome, Step, Submission, to
from ecf.journeys.views import id_from_query
from ects.leaving.forms import LeavingDateForm
from ects.leaving.journey import leaving_words, reported_meanwhile
from mentors.leaving.forms import RemovalReasonForm
from mentors.models import MentorAtSchoolPeriod
from mentors.services.leaving import NO_LONGER_MENTORING, remove_mentor

REASON = "reason"
LEAVING_DATE = "leaving-date"
CHECK_ANSWERS = "check-answers"


def start_facts(request) -> dict:
    """`?mentor=<id>`: one of the school's mentors (another school's is a 404)."""
    return {
        "mentor_id": get_object_or_404(
            request.school.mentor_periods.current_or_future(), pk=id_from_query(request, "mentor")
        ).pk
    }


def seeded_mentor(context: JourneyContext) -> MentorAtSchoolPeriod | None:
    """The mentor the journey is about, loaded through the school: None when it is not this school's."""
    mentor_id = context.answers.fact(SEED, "mentor_id")
    return context.school.mentor_periods.select_related("teacher").filter(pk=mentor_id).first()


def stopping_mentoring(context: JourneyContext) -> bool:
    return context.answers.fact(REASON, "reason") == NO_LONGER_MENTORING


def page(context: JourneyContext) -> dict:
    mentor = seeded_mentor(context)
    if mentor is None:
        raise Http404("No such mentor at this school")
    return {
        "name": mentor.teacher.full_name,
        "record_url": reverse("mentors:record", args=[mentor.pk]),
        "stopping_mentoring": stopping_mentoring(context),
    }


def date_form_kwargs(context: JourneyContext) -> dict:
    mentor = seeded_mentor(context)
    return {
        "period": mentor,
        "name": mentor.teacher.full_name if mentor else "the mentor",
        "stopping_mentoring": stopping_mentoring(context),
    }


def worded_title(context: JourneyContext, stopping_title: str) -> dict:
    """The <title> of a mentor who stays but will no longer mentor, worded as their <h1> is (the step's own title
    speaks of leaving); {} keeps the step's title."""
    return {"title": stopping_title} if stopping_mentoring(context) else {}


def date_page(context: JourneyContext) -> dict:
    words = worded_title(context, "When will the mentor stop mentoring?")
    return words | reported_meanwhile(seeded_mentor(context), page(context)["name"], "mentors:list")


def check_answers_page(context: JourneyContext) -> dict:
    leaving_on = datetime.date.fromisoformat(context.answers.fact(LEAVING_DATE, "leaving_on"))
    words = leaving_words(leaving_on, timezone.localdate())
    if words["in_the_past"]:
        words["title"] = "Confirm that the mentor has left"
    return words | worded_title(context, "Confirm that the mentor will no longer mentor")


def complete(submission: Submission) -> Outcome:
    period = submission.school.mentor_periods.filter(pk=submission.answers.fact(SEED, "mentor_id")).first()
    if period is None:
        raise DomainError(ANSWERS_CHANGED)
    leaving_on = submission.cleaned[LEAVING_DATE]["leaving_on"]
    reason = submission.cleaned[REASON]["reason"]
    removed = remove_mentor(
        mentor_period=period,
        leaving_on=leaving_on,
        reason=reason,
        author=Author.school_user(submission.user),
        expected_version=submission.answers.fact(LEAVING_DATE, "leaving_version"),
    )
    had_ects = any(removed.ended_mentorships.values())
    return Outcome(period.pk, {"leaving_on": leaving_on.isoformat(), "reason": reason, "had_ects": had_ects})


def confirmation_context(school, completion) -> dict:
    """Loaded through the school: another school's mentor is a 404."""
    period = school.mentor_periods.select_related("teacher").filter(pk=completion.record_id).first()
    if period is None:
        raise Http404("No such mentor at this school")
    leaving_on = datetime.date.fromisoformat(completion.outcome["leaving_on"])
    return {
        "title": "Mentor removed",
        "name": period.teacher.full_name,
        "stopping_mentoring": completion.outcome.get("reason") == NO_LONGER_MENTORING,
        # "ECTs currently assigned to {name} will need to be reassigned" is said only of a mentor who had ECTs.
        "had_ects": completion.outcome.get("had_ects", True),
        "list_url": reverse("mentors:list"),
        **leaving_words(leaving_on, timezone.localdate()),
    }


REMOVE_MENTOR = Journey(
    name="remove-mentor",
    url_namespace="mentors",
    steps=[
        Step(
            REASON,
            "Why are you removing this mentor?",
            RemovalReasonForm,
            to(LEAVING_DATE),
            form_kwargs=lambda context: {"name": page(context)["name"]},
            page_context=lambda context: {"back_link_url": page(context)["record_url"]},
        ),
        Step(
            LEAVING_DATE,
            "When is the mentor leaving?",
            LeavingDateForm,
            to(CHECK_ANSWERS),
            form_kwargs=date_form_kwargs,
            kept_facts=("leaving_version",),
            page_context=date_page,
        ),
        Step(
            CHECK_ANSWERS, "Confirm that the mentor is leaving", next_step=to(SUBMIT), page_context=check_answers_page
        ),
    ],
    check_answers=CHECK_ANSWERS,
    template_dir="mentors/leaving",
    exit_url_name="mentors:list",
    complete=complete,
    confirmation_context=confirmation_context,
    start_facts=start_facts,
    page_context=page,
)
