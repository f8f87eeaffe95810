"""The views every journey shares: start, step (GET and POST), submit, confirmation, and "This page has expired".

An app adds a journey's URLs to its urls.py with `journey_urls(JOURNEY, access=...)`.

A journey exists only once its first page is answered. Its start URL redirects to that page at
`/<journey>/new/<step>` (the seeds, like `?ect=`, travel in the query string), which a GET shows without
storing anything; the POST that answers it creates the journey's state, under a new id in the URL. So no link
on another site can create journeys in a user's session (and push their own in-progress journeys out).
"""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

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
    """/<journey>/ starts a journey, whose first page is /<journey>/new/<step>; /<journey>/<id>/<step> are its
    pages and /<journey>/<id>/confirmation its end.

    access: the decorator every view gets, e.g. `schools.access.school_user_required` (the views work on
    `request.school`, which it guarantees). start_view: a start of the journey's own (already decorated)
    instead of the default one.
    """
    return [
        path(f"{journey.name}/", start_view or access(_start_view(journey)), name=f"{journey.name}-start"),
        path(f"{journey.name}/new/<slug:step_name>", access(_new_step_view(journey)), name=f"{journey.name}-new"),
        path(
            f"{journey.name}/<uuid:journey_id>/confirmation",
            access(_confirmation_view(journey)),
            name=f"{journey.name}-confirmation",
        ),
        path(f"{journey.name}/<uuid:journey_id>/<slug:step_name>", access(_step_view(journey)), name=journey.name),
    ]


def step_url(journey: Journey, journey_id, step_name: str, *, changing: bool = False, query: dict | None = None) -> str:
    """A step's URL: in the journey `journey_id`, or, before the journey exists (journey_id None), the page at
    /<journey>/new/<step> with the journey's seeds in `query`."""
    if journey_id is None:
        url = reverse(f"{journey.url_namespace}:{journey.name}-new", args=[step_name])
        return f"{url}?{urlencode(query)}" if query else url
    url = reverse(f"{journey.url_namespace}:{journey.name}", args=[journey_id, step_name])
    return f"{url}?{CHANGE}=1" if changing else url


def confirmation_url(journey: Journey, journey_id) -> str:
    return reverse(f"{journey.url_namespace}:{journey.name}-confirmation", args=[journey_id])


def start_journey(journey: Journey, *, query: dict | None = None, at_step: str | None = None):
    """Go to a new journey's first page (or `at_step`, the information pages before it counted as read), which
    stores nothing until it is answered. `query` carries the seeds `start_facts` reads, e.g. {"ect": 12}."""
    return redirect(step_url(journey, None, at_step or journey.first_step, query=query))


def id_from_query(request, name: str) -> int:
    """The record id a journey's start or first page carries as `?<name>=12`; Http404 for anything else."""
    value = request.GET.get(name, "")
    if not (value.isascii() and value.isdigit()):
        raise Http404(f"No {name} given")
    return int(value)


def _start_view(journey: Journey):
    @require_http_methods(["GET", "HEAD"])
    def start(request):
        query = {name: value for name, value in request.GET.items() if name != "restart"}
        if journey.start_facts and not query:
            # A journey about a record, started without one (an expired page's "Start again"): it is chosen there.
            return redirect(journey.exit_url_name)
        if journey.start_facts:
            journey.start_facts(request)  # a record that is not the school's is a 404 here already
        restarting = journey.restart_step is not None and request.GET.get("restart") == "1"
        return start_journey(journey, query=query, at_step=journey.restart_step if restarting else None)

    return start


def _new_step_view(journey: Journey):
    @require_http_methods(["GET", "HEAD", "POST"])
    def new_step(request, step_name: str):
        """A page before the journey exists: shown without storing anything; answering it starts the journey."""
        facts = journey.start_facts(request) if journey.start_facts else None
        answers = journey.seed(Answers(), facts) if facts else Answers()
        step = journey.step(step_name)
        try:
            answers = journey.read_up_to(answers, step_name)
        except (ValueError, LookupError):
            raise Http404("Not a page a journey starts at") from None
        query = dict(request.GET.items())
        state = JourneyState(None, journey.name, request.school.pk, answers)
        if request.method != "POST" or step.dead_end:
            return _render(request, journey, state, step, form=_form_to_show(step, state, request), query=query)
        form = step.build_form(_context(request, state), request.POST) if step.form_class else None
        if form is not None and not form.is_valid():
            return _render(request, journey, state, step, form=form, query=query)
        state.journey_id = uuid.uuid4()
        return _store_answer(request, journey, state, step, form, changing=False)

    return new_step


def expired(request, journey: Journey):
    return render(
        request,
        "journeys/expired.html",
        {"title": "This page has expired", "start_url": reverse(f"{journey.url_namespace}:{journey.name}-start")},
        status=404,
    )


def _step_view(journey: Journey):
    @require_http_methods(["GET", "HEAD", "POST"])
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
    """A POSTed step: show its errors, or store the answer and go where it leads."""
    form = step.build_form(_context(request, state), request.POST) if step.form_class else None
    if form is not None and not form.is_valid():
        return _render(request, journey, state, step, form=form, changing=changing)
    return _store_answer(request, journey, state, step, form, changing=changing)


def _store_answer(request, journey: Journey, state: JourneyState, step: Step, form, *, changing: bool):
    """Store a valid answer (`form` None for an information page) and go where it leads (submitting, if it ends
    the journey)."""
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


def _back_link(journey: Journey, state: JourneyState, step: Step, *, changing: bool, query: dict | None) -> str:
    if changing and journey.check_answers and journey.is_allowed(journey.check_answers, state.answers):
        return step_url(journey, state.journey_id, journey.check_answers)
    # Also while changing, when the change took the path away from check your answers (a new question, a dead
    # end): a link there would only redirect back here.
    previous = journey.previous_step(step.name, state.answers)
    if previous is None:
        return reverse(journey.exit_url_name)
    return step_url(journey, state.journey_id, previous, changing=changing, query=query)


def _render(
    request,
    journey: Journey,
    state: JourneyState,
    step: Step,
    *,
    form,
    changing: bool = False,
    submit_error: str = "",
    query: dict | None = None,
):
    """The page of `step`. `query`: the seeds in the URL of a page shown before the journey exists."""
    context = _context(request, state)
    page = {
        "title": step.title,
        "form": form,
        "journey_id": state.journey_id,
        "step_name": step.name,
        "changing": changing,
        "back_link_url": _back_link(journey, state, step, changing=changing, query=query),
        "step_url": lambda name, change=False: step_url(journey, state.journey_id, name, changing=change, query=query),
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
    try:
        revalidation = journey.revalidate(_context(request, state))
        if revalidation.invalid_steps:
            state.invalid_steps = revalidation.invalid_steps
            journey_state.save(request, state)
            return redirect(step_url(journey, state.journey_id, revalidation.invalid_steps[0], changing=True))
        submission = Submission(
            school=request.school, user=request.user, answers=revalidation.answers, cleaned=revalidation.cleaned
        )
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
    # What the user typed (a date of birth, a National Insurance number) does not outlive the journey.
    state.completed, state.answers, state.invalid_steps = True, Answers(), []
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
    @require_http_methods(["GET", "HEAD"])
    def confirmation(request, journey_id: uuid.UUID):
        completion = JourneyCompletion.objects.filter(journey_id=journey_id, journey_name=journey.name).first()
        if completion is None:
            # A journey still under way in this session (a hand-typed or bookmarked address) goes back to where its
            # answers allow, rather than saying it has expired.
            state = journey_state.load(request, journey.name, journey_id)
            if state is not None and not state.completed:
                return redirect(step_url(journey, journey_id, journey.furthest_allowed_step(state.answers)))
            return expired(request, journey)
        # Loaded through the school: another school's journey id is a 404.
        page = journey.confirmation_context(request.school, completion)
        return render(request, f"{journey.template_dir}/confirmation.html", page)

    return confirmation
