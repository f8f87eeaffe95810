"""Declared multi-step journeys with pure routing (after DESNZ's Help to Heat).

A journey is a list of steps. Each step has a form (or none: an information page with a Continue
button, or a dead end with no way forward) and a pure `next_step(answers) -> step name`. Everything
else is derived by replaying `next_step` from the first step over the stored answers:

- the path: the steps the user's answers lead through, ending at the first unanswered step;
- the allowed steps: those on the path (any other step redirects to the furthest one);
- the back link: the previous step on the path;
- which answers still count: answers of steps that fell off the path are dropped.

Routing never touches the database or an external service. A form that needs facts from outside
(a TRS lookup, "is this ECT already at the school?") works them out while validating and returns
them from `facts()`; they are stored with the answer and routing reads them from there.

See docs/adr/0006-own-journey-framework-not-formtools.md, and `ects/register/journey.py` for a
journey declared with it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.datastructures import MultiValueDict

from ecf.journeys.forms import JourneyForm

SEED = "_seed"
# What a step's next_step returns when answering it finishes the journey (no check-your-answers page).
SUBMIT = "_submit"
# What the user is told when an answer no longer holds at submit (say, the ECT left the school meanwhile).
ANSWERS_CHANGED = "Some of the details you gave have changed since you entered them. Check your answers and try again."


class Answers(Mapping):
    """The stored answers of one journey: step name -> {"data": {field: [values]}, "facts": {...}}.

    `data` is what the user posted (so a step can be shown again as it was filled in); `facts` is what
    the step's form worked out while validating, JSON values only.
    """

    def __init__(self, raw: dict[str, dict] | None = None):
        self._raw = raw or {}

    def __getitem__(self, step: str) -> dict:
        return self._raw[step]

    def __iter__(self):
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def value(self, step: str, field_name: str, default: str = "") -> str:
        """What the user entered in one field of a step, as submitted (e.g. a radio option's value)."""
        values = self._raw.get(step, {}).get("data", {}).get(field_name) or []
        return values[0] if values else default

    def fact(self, step: str, name: str, default: Any = None) -> Any:
        return self._raw.get(step, {}).get("facts", {}).get(name, default)

    def facts(self, step: str) -> dict:
        return self._raw.get(step, {}).get("facts", {})

    def data(self, step: str) -> MultiValueDict:
        """A step's posted data, as a form takes it."""
        return MultiValueDict(self._raw.get(step, {}).get("data", {}))

    def as_dict(self) -> dict[str, dict]:
        return dict(self._raw)


@dataclass(frozen=True)
class JourneyContext:
    """What a journey's steps may know: who is answering, for which school, the answers so far, and whether
    the journey is being submitted (every answer is then validated again, see `Journey.revalidate`)."""

    school: Any
    user: Any
    answers: Answers
    journey_id: Any = None
    submitting: bool = False


def to(step_name: str) -> Callable[[Answers], str]:
    """A next_step that always leads to `step_name`."""
    return lambda answers: step_name


@dataclass(frozen=True)
class Step:
    """One page of a journey.

    name: the URL segment, e.g. "find-ect"; the page's template is `<journey template_dir>/<name>.html`
        if the journey has one, else `template`, else the default question page `journeys/question.html`.
    title: the page's <title> (generic: no personal names, which must not reach analytics).
    form_class: validates the answer; None for an information page (answered by pressing Continue).
    next_step: answers -> the next step's name (or SUBMIT); None for a dead end (no way forward).
    form_kwargs: JourneyContext -> the keyword arguments the form is built with (e.g. the ECT's name for a
        label); forms never read the answers themselves.
    page_context: JourneyContext -> extra template context for this page.
    redirect: instead of a page, send the user to the URL it returns (e.g. another journey's start).
    kept_facts: facts that keep the value first worked out when every answer is validated again at
        submit (say, whether a question was offered: a later change elsewhere must not offer it now).
    refresh: for a step whose typed data is forgotten once it has served (see `forgets`): at submit, instead
        of validating the stored answer again, (context) -> its facts worked out afresh from its facts so far
        (say, asking TRS again about the teacher it identified). Raises DomainError when it cannot.
    forgets: {earlier step: field names}: answering this step drops what was typed in those fields of those
        steps (say, a date of birth once the teacher it found is confirmed), so it is stored no longer than
        needed.
    """

    name: str
    title: str
    form_class: type[JourneyForm] | None = None
    next_step: Callable[[Answers], str] | None = None
    form_kwargs: Callable[[JourneyContext], dict] | None = None
    page_context: Callable[[JourneyContext], dict] | None = None
    template: str | None = None
    redirect: Callable[[JourneyContext], str] | None = None
    kept_facts: tuple[str, ...] = ()
    refresh: Callable[[JourneyContext], dict] | None = None
    forgets: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def dead_end(self) -> bool:
        return self.next_step is None

    def build_form(self, context: JourneyContext, data=None, *, initial: dict | None = None) -> JourneyForm:
        kwargs = self.form_kwargs(context) if self.form_kwargs else {}
        return self.form_class(data, initial=initial, **kwargs)


@dataclass(frozen=True)
class Submission:
    """What a journey's `complete` gets: who submits, for which school, the answers as validated again just now
    (with fresh facts), and each answered question's `cleaned_data` by step name."""

    school: Any
    user: Any
    answers: Answers
    cleaned: dict[str, dict]


@dataclass(frozen=True)
class Outcome:
    """What `complete` did: the record the confirmation page is about (loaded through the school), and
    JSON details of what happened that the record alone cannot tell (e.g. whether mentor training started)."""

    record_id: int
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Revalidation:
    """Every answer on the path validated again: the answers with fresh facts, each step's cleaned_data, and
    the steps whose stored answer is no longer valid (in path order)."""

    answers: Answers
    cleaned: dict[str, dict]
    invalid_steps: list[str]


@dataclass
class Journey:
    """name: the URL prefix and session key, e.g. "register-ect"; its URLs are in `url_namespace`.
    steps: the pages; the first is where the journey starts.
    check_answers: the step that submits, where Change links return to; None when the journey ends with a step
        whose next_step is SUBMIT (answering it submits).
    template_dir: where the steps' own templates are, e.g. "ects/register".
    exit_url_name: where the first step's back link goes (a URL name).
    complete: Submission -> Outcome. Calls the service, inside the submit's transaction; a DomainError it
        raises is shown to the user on the page that submitted.
    confirmation_context: (school, JourneyCompletion) -> the confirmation page's context; loads through the
        school, so another school's completed journey is a 404.
    restart_step: `?restart=1` on the start URL begins a new journey at this step (the information pages before
        it counted as read): the TRN's Change link on check your answers, for a different teacher.
    start_facts: request -> the facts a new journey starts with (read with `answers.fact(SEED, ...)`), e.g. the
        ECT a mentor is registered for; raises Http404 for a record that is not the school's. Its start URL with no
        seeds (where an expired page's "Start again" goes) redirects to `exit_url_name`, where the record is chosen.
    page_context: JourneyContext -> template context every page of the journey gets (e.g. names for headings).
    """

    name: str
    url_namespace: str
    steps: list[Step]
    template_dir: str
    exit_url_name: str
    complete: Callable[[Submission], Outcome]
    confirmation_context: Callable[[Any, Any], dict]
    check_answers: str | None = None
    restart_step: str | None = None
    start_facts: Callable[[Any], dict] | None = None
    page_context: Callable[[JourneyContext], dict] | None = None
    _by_name: dict[str, Step] = field(init=False, repr=False)

    def __post_init__(self):
        self._by_name = {step.name: step for step in self.steps}
        assert len(self._by_name) == len(self.steps), f"{self.name}: two steps share a name"
        assert self.check_answers is None or self.check_answers in self._by_name, f"{self.name}: no check answers"

    @property
    def first_step(self) -> str:
        return self.steps[0].name

    def step(self, name: str) -> Step | None:
        return self._by_name.get(name)

    def path(self, answers: Answers) -> list[str]:
        """Replay the routing from the first step: the answered steps, then the first unanswered one."""
        path = [self.first_step]
        while True:
            step = self._by_name[path[-1]]
            if step.dead_end or step.name not in answers or step.name == self.check_answers:
                return path
            following = step.next_step(answers)
            if following == SUBMIT:
                return path
            if following not in self._by_name:
                raise LookupError(f"{self.name}: {step.name} leads to an unknown step {following!r}")
            if following in path:
                raise LookupError(f"{self.name}: {step.name} leads back to {following!r}")
            path.append(following)

    def furthest_allowed_step(self, answers: Answers) -> str:
        return self.path(answers)[-1]

    def is_allowed(self, name: str, answers: Answers) -> bool:
        return name in self.path(answers)

    def previous_step(self, name: str, answers: Answers) -> str | None:
        path = self.path(answers)
        index = path.index(name)
        return path[index - 1] if index else None

    def seed(self, answers: Answers, facts: dict) -> Answers:
        """Facts a journey starts with (e.g. the ECT a mentor is for), read with `answers.fact(SEED, ...)`."""
        return Answers({**answers.as_dict(), SEED: {"data": {}, "facts": facts}})

    def answer(self, answers: Answers, name: str, *, data: dict[str, list[str]], facts: dict) -> Answers:
        """Record a step's answer, drop what it `forgets` of earlier steps, and drop answers that are no longer
        on the path."""
        updated = {**answers.as_dict(), name: {"data": data, "facts": facts}}
        for earlier, field_names in self._by_name[name].forgets.items():
            if earlier in updated:
                kept = {
                    key: values
                    for key, values in updated[earlier]["data"].items()
                    if key.split("-")[0] not in field_names
                }
                updated[earlier] = {**updated[earlier], "data": kept}
        on_path = set(self.path(Answers(updated))) | {SEED}
        return Answers({step: value for step, value in updated.items() if step in on_path})

    def read_up_to(self, answers: Answers, name: str) -> Answers:
        """The answers with every information page before `name` answered, as if Continue had been pressed.

        Raises ValueError when a question or a dead end stands before `name`, or `name` is not on the path (a hand-
        edited URL): only pages to read may be skipped, and a page answered again without moving on ends the walk
        rather than looping for ever.
        """
        while (current := self.furthest_allowed_step(answers)) != name:
            step = self._by_name[current]
            if step.form_class is not None or step.dead_end:
                raise ValueError(f"{self.name}: cannot skip {current!r} to reach {name!r}")
            answers = self.answer(answers, current, data={}, facts={})
            if self.furthest_allowed_step(answers) == current:
                raise ValueError(f"{self.name}: {name!r} is not reached from {current!r}")
        return answers

    def after_answering(self, name: str, answers: Answers, *, changing: bool) -> tuple[str, bool]:
        """Where to go once `name` is answered: (step, still changing).

        Normally the next step. In change mode (from a check-your-answers Change link), straight back
        to check your answers when the path reaches it again, else the first unanswered step, still
        in change mode.
        """
        path = self.path(answers)
        if path[-1] == name and self._by_name[name].next_step(answers) == SUBMIT:
            return SUBMIT, False
        if changing:
            if path[-1] == self.check_answers:
                return self.check_answers, False
            return path[-1], True
        return path[path.index(name) + 1], False

    def revalidate(self, context: JourneyContext) -> Revalidation:
        """Validate every answered question on the path again, in path order, from its stored data.

        Each form sees the answers as validated so far (so fresh facts, say what TRS answers now, are what the
        later steps and the routing read), and `context.submitting` is True. Runs each form once: this is the
        only validation at submit, and what `complete` gets is its result. A step with `refresh` has its facts
        worked out again instead. Raises DomainError when a refresh cannot be done.
        """
        answers, cleaned, invalid, done = context.answers, {}, [], set()
        while pending := [name for name in self.path(answers) if name in answers and name not in done]:
            name = pending[0]
            done.add(name)
            step = self._by_name[name]
            if step.refresh is not None:
                facts = step.refresh(replace(context, answers=answers, submitting=True))
                answers = self.answer(answers, name, data=answers[name]["data"], facts=facts)
                continue
            if step.form_class is None:
                continue
            form = step.build_form(replace(context, answers=answers, submitting=True), answers.data(name))
            if not form.is_valid():
                invalid.append(name)
                continue
            cleaned[name] = form.cleaned_data
            kept = {fact: answers.fact(name, fact) for fact in step.kept_facts if fact in answers.facts(name)}
            answers = self.answer(answers, name, data=answers[name]["data"], facts={**form.facts(), **kept})
        return Revalidation(answers=answers, cleaned=cleaned, invalid_steps=invalid)
