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
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms


class Answers(Mapping):
    """The stored answers of one journey: step name -> {"data": {field: [values]}, "facts": {...}}."""

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

    def as_dict(self) -> dict[str, dict]:
        return dict(self._raw)


@dataclass(frozen=True)
class Step:
    """One page of a journey.

    name: the URL segment, e.g. "find-ect"; also names the template `<journey template_dir>/<name>.html`.
    title: the page's <title> (generic: no personal names, which must not reach analytics).
    form_class: validates the answer; None for an information page (answered by pressing Continue).
    next_step: answers -> the next step's name; None for a dead end (no way forward).
    redirect: instead of a page, send the user to the URL it returns (e.g. another journey's start).
    """

    name: str
    title: str
    form_class: type[forms.Form] | None = None
    next_step: Callable[[Answers], str] | None = None
    # A hand-over to another page (e.g. another journey's start): (JourneyContext) -> URL. Ends the path.
    redirect: Callable[[Any], str] | None = None

    @property
    def dead_end(self) -> bool:
        return self.next_step is None


SEED = "_seed"
# What a step's next_step returns when answering it finishes the journey (no check-your-answers page).
SUBMIT = "_submit"


def _no_page_context(step_name, context) -> dict:
    return {}


@dataclass
class Journey:
    """name: the URL prefix and session key, e.g. "register-ect"; its URLs are in `url_namespace`.
    check_answers: the step that submits, where Change links return to; None when the journey ends with a step
        whose next_step is SUBMIT (answering it submits).
    exit_url_name: where the first step's back link goes (a URL name).
    complete: calls the service with the answers (inside the submit's transaction) and returns the record.
    confirmation_context: (school, record id) -> the confirmation page's context; loads through the school.
    page_context: (step name, JourneyContext) -> extra template context for a step (e.g. names for headings).
    """

    name: str
    url_namespace: str
    steps: list[Step]
    check_answers: str | None
    template_dir: str
    exit_url_name: str
    complete: Callable[[Any], Any]
    confirmation_context: Callable[[Any, int], dict]
    page_context: Callable[[str, Any], dict] = _no_page_context
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
        """Record a step's answer and drop answers that are no longer on the path."""
        updated = Answers({**answers.as_dict(), name: {"data": data, "facts": facts}})
        on_path = set(self.path(updated)) | {SEED}
        return Answers({step: value for step, value in updated.as_dict().items() if step in on_path})

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
