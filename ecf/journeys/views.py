"""The views every journey shares: start, step (GET/POST), check your answers' submit, confirmation."""

from __future__ import annotations

import uuid

from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.datastructures import MultiValueDict
from django.views.decorators.http import require_http_methods

from ecf.errors import DomainError
from ecf.journeys import state as journey_state
from ecf.journeys.base import SUBMIT, Journey
from ecf.journeys.forms import JourneyContext, initial_from_answer, submitted_data
from ecf.models import JourneyCompletion
from schools.access import school_user_required

CHANGE = "change"


def journey_urls(journey: Journey, *, start_view=None) -> list:
    """/school/<journey>/ starts a journey; /school/<journey>/<id>/<step> are its pages."""
    return [
        path(f"{journey.name}/", start_view or _start_view(journey), name=f"{journey.name}-start"),
        path(
            f"{journey.name}/<uuid:journey_id>/confirmation",
            _confirmation_view(journey),
            name=f"{journey.name}-confirmation",
        ),
        path(f"{journey.name}/<uuid:journey_id>/<slug:step_name>", _step_view(journey), name=journey.name),
    ]


def step_url(journey: Journey, journey_id, step_name: str, *, changing: bool = False) -> str:
    url = reverse(f"{journey.url_namespace}:{journey.name}", args=[journey_id, step_name])
    return f"{url}?{CHANGE}=1" if changing else url


def confirmation_url(journey: Journey, journey_id) -> str:
    return reverse(f"{journey.url_namespace}:{journey.name}-confirmation", args=[journey_id])


def start_journey(request, journey: Journey, *, facts: dict | None = None):
    """Begin a new journey; `facts` seed it (e.g. which ECT a mentor is being registered for)."""
    state = journey_state.start(request, journey.name)
    if facts:
        state.answers = journey.seed(state.answers, facts)
        journey_state.save(request, state)
    return redirect(step_url(journey, state.journey_id, journey.first_step))


def _start_view(journey: Journey):
    @school_user_required
    @require_http_methods(["GET"])
    def start(request):
        return start_journey(request, journey)

    return start


def expired(request, journey: Journey):
    return render(
        request,
        "journeys/expired.html",
        {"title": "This page has expired", "start_url": reverse(f"{journey.url_namespace}:{journey.name}-start")},
        status=404,
    )


def _step_view(journey: Journey):
    @school_user_required
    @require_http_methods(["GET", "POST"])
    def step_view(request, journey_id: uuid.UUID, step_name: str):
        state = journey_state.load(request, journey.name, journey_id)
        if state is None:
            completion = JourneyCompletion.objects.filter(journey_id=journey_id, journey_name=journey.name).first()
            if completion is not None:
                # Loaded through the school first: another school's journey id is a 404, not a redirect.
                journey.confirmation_context(request.school, completion.record_id)
                return redirect(confirmation_url(journey, journey_id))
            return expired(request, journey)
        if state.completed_record_id is not None or (
            # Another request (a double click, a second tab) may have completed it since this session was read.
            request.method == "POST" and JourneyCompletion.objects.filter(journey_id=journey_id).exists()
        ):
            return redirect(confirmation_url(journey, journey_id))
        step = journey.step(step_name)
        if step is None:
            raise Http404("No such step")
        if not journey.is_allowed(step_name, state.answers):
            return redirect(step_url(journey, journey_id, journey.furthest_allowed_step(state.answers)))

        changing = request.GET.get(CHANGE) == "1"
        context = JourneyContext(school=request.school, user=request.user, answers=state.answers, journey_id=journey_id)
        if step.redirect:
            return redirect(step.redirect(context))

        if step_name == journey.check_answers and request.method == "POST":
            return _submit(request, journey, state, context)

        form = None
        if request.method == "POST" and not step.dead_end:
            form = step.form_class(request.POST, context=context) if step.form_class else None
            if form is None or form.is_valid():
                data = submitted_data(form, request.POST) if form else {}
                state.answers = journey.answer(state.answers, step_name, data=data, facts=form.facts() if form else {})
                state.invalid_steps = [name for name in state.invalid_steps if name != step_name]
                journey_state.save(request, state)
                following, still_changing = journey.after_answering(step_name, state.answers, changing=changing)
                if following == SUBMIT:
                    context = JourneyContext(
                        school=request.school, user=request.user, answers=state.answers, journey_id=journey_id
                    )
                    return _submit(request, journey, state, context, from_step=step_name)
                return redirect(step_url(journey, journey_id, following, changing=still_changing))
        elif step.form_class:
            stored = state.answers.get(step_name, {}).get("data")
            if stored and step_name in state.invalid_steps:
                # Check your answers found this answer no longer valid: show why.
                form = step.form_class(MultiValueDict(stored), context=context)
                form.is_valid()
            else:
                initial = initial_from_answer(step.form_class, stored, context=context) if stored else None
                form = step.form_class(initial=initial, context=context)

        if changing and journey.is_allowed(journey.check_answers, state.answers):
            back_link_url = step_url(journey, journey_id, journey.check_answers)
        else:
            # Also while changing, when the change took the path away from check your answers (a new question,
            # a dead end): a link there would only redirect back here.
            previous = journey.previous_step(step_name, state.answers)
            back_link_url = (
                step_url(journey, journey_id, previous, changing=changing)
                if previous
                else reverse(journey.exit_url_name)
            )
        page = {
            "title": step.title,
            "form": form,
            "journey_id": journey_id,
            "step_name": step_name,
            "changing": changing,
            "back_link_url": back_link_url,
            "step_url": lambda name, change=False: step_url(journey, journey_id, name, changing=change),
            "answers": state.answers,
        }
        page.update(journey.page_context(step_name, context))
        return render(request, f"{journey.template_dir}/{step_name}.html", page)

    return step_view


def _submit(request, journey: Journey, state, context: JourneyContext, *, from_step: str | None = None):
    """Re-validate every answer, then create the record once, whatever the number of submits.

    from_step: the page that submitted, shown again with the service's error (check your answers by default).
    """
    from_step = from_step or journey.check_answers
    invalid = [
        name
        for name in journey.path(state.answers)
        if name in state.answers
        and (step := journey.step(name)).form_class
        and not step.form_class(MultiValueDict(state.answers[name]["data"]), context=context).is_valid()
    ]
    if invalid:
        state.invalid_steps = invalid
        journey_state.save(request, state)
        return redirect(step_url(journey, state.journey_id, invalid[0], changing=True))

    try:
        with transaction.atomic():
            # Claimed first: a concurrent submit of the same journey waits here, then finds it taken.
            completion = JourneyCompletion.objects.create(
                journey_id=state.journey_id, journey_name=journey.name, record_id=0
            )
            record = journey.complete(context)
            completion.record_id = record.pk
            completion.save(update_fields=["record_id"])
    except IntegrityError:
        completion = JourneyCompletion.objects.filter(journey_id=state.journey_id).first()
        if completion is None:
            raise
    except DomainError as error:
        form = None
        if form_class := journey.step(from_step).form_class:
            form = form_class(MultiValueDict(state.answers[from_step]["data"]), context=context)
            form.is_valid()
            form.add_error(None, error.message)
        previous = journey.previous_step(from_step, state.answers)
        page = {
            "title": journey.step(from_step).title,
            "form": form,
            "journey_id": state.journey_id,
            "step_name": from_step,
            "changing": False,
            "back_link_url": step_url(journey, state.journey_id, previous)
            if previous
            else reverse(journey.exit_url_name),
            "step_url": lambda name, change=False: step_url(journey, state.journey_id, name, changing=change),
            "answers": state.answers,
            "submit_error": error.message,
        }
        page.update(journey.page_context(from_step, context))
        return render(request, f"{journey.template_dir}/{from_step}.html", page, status=200)

    state.completed_record_id = completion.record_id
    journey_state.save(request, state)
    return redirect(confirmation_url(journey, state.journey_id))


def _confirmation_view(journey: Journey):
    @school_user_required
    @require_http_methods(["GET"])
    def confirmation(request, journey_id: uuid.UUID):
        completion = JourneyCompletion.objects.filter(journey_id=journey_id, journey_name=journey.name).first()
        if completion is None:
            return expired(request, journey)
        # Loaded through the school: another school's journey id is a 404.
        page = journey.confirmation_context(request.school, completion.record_id)
        return render(request, f"{journey.template_dir}/confirmation.html", page)

    return confirmation
