"""Tell us that an ECT has left or is leaving the school permanently (docs/journeys/leaving.md).

    /school/ects/<id>/report-leaving -> /school/report-ect-leaving/new/leaving-date?ect=<id>
        -> /school/report-ect-leaving/<journey id>/check-answers -> .../confirmation

Nothing is stored until the date is answered (ADR 0006). Check answers submits once, whatever the number of submits;
another tab or a back-button resubmit after the leaving was reported gets "You’ve already told us…".
"""

from __future__ import annotations

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from ecf.errors import DomainError
from ecf.events import Author
from ecf.govuk.filters import govuk_date
from ecf.journeys import ANSWERS_CHANGED, SEED, SUBMIT, Journey, JourneyContext, Outcome, Step, Submission, to
from ecf.journeys.views import id_from_query
from ects.leaving.forms import LeavingDateForm
from ects.leaving.services import already_reported, report_ect_leaving
from ects.models import ECTAtSchoolPeriod

LEAVING_DATE = "leaving-date"
CHECK_ANSWERS = "check-answers"


def start_facts(request) -> dict:
    """`?ect=<id>`: one of the school's ECTs (another school's is a 404)."""
    return {
        "ect_id": get_object_or_404(request.school.ect_periods.current_or_future(), pk=id_from_query(request, "ect")).pk
    }


def seeded_ect(context: JourneyContext) -> ECTAtSchoolPeriod | None:
    """The ECT the journey is about, loaded through the school: None when it is not this school's."""
    return context.school.ect_periods.select_related("teacher").filter(pk=context.answers.fact(SEED, "ect_id")).first()


def leaving_words(leaving_on: datetime.date, today: datetime.date) -> dict:
    """The tense of the check answers and confirmation pages: a date in the past has happened."""
    return {"leaving_on": govuk_date(leaving_on), "in_the_past": leaving_on < today}


def date_form_kwargs(context: JourneyContext) -> dict:
    ect = seeded_ect(context)
    return {"period": ect, "name": ect.teacher.full_name if ect else "the ECT"}


def page(context: JourneyContext) -> dict:
    ect = seeded_ect(context)
    if ect is None:
        raise Http404("No such ECT at this school")
    return {"name": ect.teacher.full_name, "record_url": reverse("ects:record", args=[ect.pk])}


def reported_meanwhile(period, name: str, list_url_name: str) -> dict:
    """The date page once the leaving has been reported (another tab, a stale record page) or the teacher has gone: it
    says so in place of the question, which would refuse every answer, and links to the list (`list_url_name`)."""
    message = already_reported(name, period, today=timezone.localdate()) if period else ""
    if not message:
        return {}
    return {"already_reported": message, "list_url": reverse(list_url_name), "form": None, "title": "Already told us"}


def date_page(context: JourneyContext) -> dict:
    words = page(context)
    return {"back_link_url": words["record_url"], **reported_meanwhile(seeded_ect(context), words["name"], "ects:list")}


def check_answers_page(context: JourneyContext) -> dict:
    leaving_on = datetime.date.fromisoformat(context.answers.fact(LEAVING_DATE, "leaving_on"))
    words = leaving_words(leaving_on, timezone.localdate())
    # The <title> in the tense of the <h1> ("has left" for a date in the past).
    return words | ({"title": "Confirm that the ECT has left"} if words["in_the_past"] else {})


def complete(submission: Submission) -> Outcome:
    ect = submission.cleaned[LEAVING_DATE]
    period = submission.school.ect_periods.filter(pk=submission.answers.fact(SEED, "ect_id")).first()
    if period is None:
        raise DomainError(ANSWERS_CHANGED)
    left = report_ect_leaving(
        ect_period=period,
        leaving_on=ect["leaving_on"],
        author=Author.school_user(submission.user),
        expected_version=submission.answers.fact(LEAVING_DATE, "leaving_version"),
    )
    had_mentor = any(left.ended_mentorships.values())
    return Outcome(period.pk, {"leaving_on": ect["leaving_on"].isoformat(), "had_mentor": had_mentor})


def confirmation_context(school, completion) -> dict:
    """Loaded through the school: another school's ECT is a 404."""
    period = school.ect_periods.select_related("teacher").filter(pk=completion.record_id).first()
    if period is None:
        raise Http404("No such ECT at this school")
    leaving_on = datetime.date.fromisoformat(completion.outcome["leaving_on"])
    return {
        "title": "ECT leaving reported",
        "name": period.teacher.full_name,
        "list_url": reverse("ects:list"),
        # "{name}’s mentor can continue their mentor training" is said only of an ECT who had one.
        "had_mentor": completion.outcome.get("had_mentor", True),
        **leaving_words(leaving_on, timezone.localdate()),
    }


REPORT_ECT_LEAVING = Journey(
    name="report-ect-leaving",
    url_namespace="ects",
    steps=[
        Step(
            LEAVING_DATE,
            "Tell us if an ECT has left or is leaving your school permanently",
            LeavingDateForm,
            to(CHECK_ANSWERS),
            form_kwargs=date_form_kwargs,
            page_context=date_page,
            # The answer it was given for: check answers refuses when the leaving was reported meanwhile.
            kept_facts=("leaving_version",),
        ),
        Step(CHECK_ANSWERS, "Confirm that the ECT is leaving", next_step=to(SUBMIT), page_context=check_answers_page),
    ],
    check_answers=CHECK_ANSWERS,
    template_dir="ects/leaving",
    exit_url_name="ects:list",
    complete=complete,
    confirmation_context=confirmation_context,
    start_facts=start_facts,
    page_context=page,
)
