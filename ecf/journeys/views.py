"""The views every journey shares: start, step (GET and POST), submit, confirmation, and "This page has expired".

An app adds a journey's URLs to its urls.py with `journey_urls(JOURNEY, access=...)`.
"""

from __future__ import annotations

import uuid

from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods

from ecf.errors import DomainError
from ecf.journeys import state as journey_state
from ecf.journeys.base import ANSWERS_CHANGED, SUBMIT, Answers, Journey, JourneyContext, Step, Submission
from ecf.journeys.forms import JourneyForm, initial_from_answer, submitted_data
from ecf.journeys.state import JourneyState
from ecf.models import JourneyCompletion

CHANGE = "change"
QUESTION_TEMPLATE = "journeys/question.html"


def journey_urls(journey: Journey, *, access, start_view=None) -> list:
    """/<journey>/ starts a journey; /<journey>/<id>/<step> are its pages and /<journey>/<id>/confirmation its end.

    access: the decorator every view gets, e.g. `schools.access.school_user_required` (the views work on
    `request.school`, which it guarantees). start_view: a start of the journey's own (already decorated)
    instead of the default one.
    """
    return [
        path(f"{journey.name}/", start_view or access(_start_view(journey)), name=f"{journey.name}-start"),
        path(
            f"{journey.name}/<uuid:journey_id>/confirmation",
            access(_confirmation_view(journey)),
            name=f"{journey.name}-confirmation",
        ),
        path(f"{journey.name}/<uuid:journey_id>/<slug:step_name>", access(_step_view(journey)), name=journey.name),
    ]


def step_url(journey: Journey, journey_id, step_name: str, *, changing: bool = False) -> str:
    url = reverse(f"{journey.url_namespace}:{journey.name}", args=[journey_id, step_name])
    return f"{url}?{CHANGE}=1" if changing else url


def confirmation_url(journey: Journey, journey_id) -> str:
    return reverse(f"{journey.url_namespace}:{journey.name}-confirmation", args=[journey_id])


def start_journey(request, journey: Journey, *, facts: dict | None = None, at_step: str | None = None):
    """Begin a new journey and go to its first page (or `at_step`, the information pages before it counted as
    read). `facts` seed it: e.g. which ECT a mentor is being registered for."""
    answers = journey.seed(Answers(), facts) if facts else Answers()
    if at_step:
        answers = journey.read_up_to(answers, at_step)
    state = journey_state.start(request, journey.name, answers)
    return redirect(step_url(journey, state.journey_id, at_step or journey.first_step))


def _start_view(journey: Journey):
    @require_http_methods(["GET"])
    def start(request):
        facts = journey.start_facts(request) if journey.start_facts else None
        restarting = journey.restart_step is not None and request.GET.get("restart") == "1"
        return start_journey(request, journey, facts=facts, at_step=journey.restart_step if restarting else None)

    return start


def expired(request, journey: Journey):
    return render(
        request,
        "journeys/expired.html",
        {"title": "This page has expired", "start_url": reverse(f"{journey.url_namespace}:{journey.name}-start")},
        status=404,
    )


def _step_view(journey: Journey):
    @require_http_methods(["GET", "POST"])
    def step_view(request, journey_id: uuid.UUID, step_name: str):
        state = journey_state.load(request, journey.name, journey_id)
        if state is None:
            return _completed_elsewhere_or_expired(request, journey, journey_id)
        if state.completed or (
            # Another request (a double click, a second tab) may have completed it since this session was read.
            request.method == "POST" and JourneyCompletion.objects.filter(journey_id=journey_id).exists()
        ):
            return redirect(confirmation_url(journey, journey_id))
        step = journey.step(step_name)
        if step is None:
            raise Http404("No such step")
        if not journey.is_allowed(step_name, state.answers):
            return redirect(step_url(journey, journey_id, journey.furthest_allowed_step(state.answers)))
        if step.redirect:
            return redirect(step.redirect(_context(request, state)))

        changing = request.GET.get(CHANGE) == "1"
        if request.method == "POST" and step.name == journey.check_answers:
            return _submit(request, journey, state, from_step=step.name)
        if request.method == "POST" and not step.dead_end:
            return _answer(request, journey, state, step, changing=changing)
        return _render(request, journey, state, step, form=_form_to_show(step, state, request), changing=changing)

    return step_view


def _context(request, state: JourneyState) -> JourneyContext:
    return JourneyContext(school=request.school, user=request.user, answers=state.answers, journey_id=state.journey_id)


def _completed_elsewhere_or_expired(request, journey: Journey, journey_id: uuid.UUID):
    """Not in this session: a journey completed (in another session of the user's) shows its confirmation."""
    completion = JourneyCompletion.objects.filter(journey_id=journey_id, journey_name=journey.name).first()
    if completion is None:
        return expired(request, journey)
    # Loaded through the school first: another school's journey id is a 404, not a redirect.
    journey.confirmation_context(request.school, completion)
    return redirect(confirmation_url(journey, journey_id))


def _answer(request, journey: Journey, state: JourneyState, step: Step, *, changing: bool):
    """A POSTed step: show its errors, or store the answer and go where it leads (submitting, if it ends the
    journey)."""
    form = step.build_form(_context(request, state), request.POST) if step.form_class else None
    if form is not None and not form.is_valid():
        return _render(request, journey, state, step, form=form, changing=changing)
    data = submitted_data(form, request.POST) if form else {}
    state.answers = journey.answer(state.answers, step.name, data=data, facts=form.facts() if form else {})
    state.invalid_steps = [name for name in state.invalid_steps if name != step.name]
    journey_state.save(request, state)
    following, still_changing = journey.after_answering(step.name, state.answers, changing=changing)
    if following == SUBMIT:
        return _submit(request, journey, state, from_step=step.name)
    return redirect(step_url(journey, state.journey_id, following, changing=still_changing))


def _form_to_show(step: Step, state: JourneyState, request) -> JourneyForm | None:
    """The step's form as the user left it: blank, filled in with the stored answer, or, when check your answers
    found that answer no longer valid, bound to it to show why."""
    if step.form_class is None:
        return None
    context = _context(request, state)
    stored = state.answers.get(step.name, {}).get("data")
    if stored and step.name in state.invalid_steps:
        form = step.build_form(context, state.answers.data(step.name))
        form.is_valid()
        return form
    form = step.build_form(context)
    if stored:
        form.initial = initial_from_answer(form, stored)
    return form


def _back_link(journey: Journey, state: JourneyState, step: Step, *, changing: bool) -> str:
    if changing and journey.check_answers and journey.is_allowed(journey.check_answers, state.answers):
        return step_url(journey, state.journey_id, journey.check_answers)
    # Also while changing, when the change took the path away from check your answers (a new question, a dead
    # end): a link there would only redirect back here.
    previous = journey.previous_step(step.name, state.answers)
    if previous is None:
        return reverse(journey.exit_url_name)
    return step_url(journey, state.journey_id, previous, changing=changing)


def _render(request, journey: Journey, state: JourneyState, step: Step, *, form, changing: bool, submit_error=""):
    context = _context(request, state)
    page = {
        "title": step.title,
        "form": form,
        "journey_id": state.journey_id,
        "step_name": step.name,
        "changing": changing,
        "back_link_url": _back_link(journey, state, step, changing=changing),
        "step_url": lambda name, change=False: step_url(journey, state.journey_id, name, changing=change),
        "answers": state.answers,
        "submit_error": submit_error,
    }
    if journey.page_context:
        page.update(journey.page_context(context))
    if step.page_context:
        page.update(step.page_context(context))
    templates = [f"{journey.template_dir}/{step.name}.html", step.template or QUESTION_TEMPLATE]
    return render(request, templates, page)


def _submit(request, journey: Journey, state: JourneyState, *, from_step: str):
    """Validate every answer again, then complete the journey once, whatever the number of submits.

    from_step: the page that submitted (check your answers, or a last question), shown again with the service's
    error when it refuses.
    """
    revalidation = journey.revalidate(_context(request, state))
    if revalidation.invalid_steps:
        state.invalid_steps = revalidation.invalid_steps
        journey_state.save(request, state)
        return redirect(step_url(journey, state.journey_id, revalidation.invalid_steps[0], changing=True))
    submission = Submission(
        school=request.school, user=request.user, answers=revalidation.answers, cleaned=revalidation.cleaned
    )
    try:
        if journey.path(submission.answers)[-1] != from_step:
            # What the answers lead to has changed since (say, TRS now records a passed induction).
            raise DomainError(ANSWERS_CHANGED)
        _complete(journey, state, submission)
    except DomainError as error:
        form = None
        step = journey.step(from_step)
        if step.form_class:
            form = step.build_form(_context(request, state), state.answers.data(from_step))
            form.is_valid()
            form.add_error(None, error.message)
        return _render(request, journey, state, step, form=form, changing=False, submit_error=error.message)
    state.completed = True
    journey_state.save(request, state)
    return redirect(confirmation_url(journey, state.journey_id))


def _complete(journey: Journey, state: JourneyState, submission: Submission) -> JourneyCompletion:
    """Run the journey's `complete` and record what it did, in one transaction. A concurrent submit of the same
    journey waits on the JourneyCompletion row claimed first, then finds it taken and does nothing."""
    try:
        with transaction.atomic():
            completion = JourneyCompletion.objects.create(
                journey_id=state.journey_id, journey_name=journey.name, record_id=0
            )
            outcome = journey.complete(submission)
            completion.record_id = outcome.record_id
            completion.outcome = outcome.details
            completion.save(update_fields=["record_id", "outcome"])
    except IntegrityError:
        completion = JourneyCompletion.objects.filter(journey_id=state.journey_id).first()
        if completion is None:
            raise
    return completion


def _confirmation_view(journey: Journey):
    @require_http_methods(["GET"])
    def confirmation(request, journey_id: uuid.UUID):
        completion = JourneyCompletion.objects.filter(journey_id=journey_id, journey_name=journey.name).first()
        if completion is None:
            return expired(request, journey)
        # Loaded through the school: another school's journey id is a 404.
        page = journey.confirmation_context(request.school, completion)
        return render(request, f"{journey.template_dir}/confirmation.html", page)

    return confirmation
