from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.forms import MultiWidget

from ecf.govuk.forms import GovUKForm
from ecf.journeys.base import Answers


@dataclass(frozen=True)
class JourneyContext:
    """What a journey's forms and pages may know: who is answering, for which school, and the answers so far."""

    school: Any
    user: Any
    answers: Answers
    journey_id: Any = None


class JourneyForm(GovUKForm):
    """A journey step's form. It may use the context (e.g. a name for its label) and, while validating, work
    out facts the routing needs (e.g. what the Teaching Record System says), returned by `facts()`."""

    def __init__(self, *args, context: JourneyContext, **kwargs):
        self.context = context
        super().__init__(*args, **kwargs)

    def facts(self) -> dict:
        return {}


def submitted_data(form, post) -> dict[str, list[str]]:
    """The POSTed values that belong to the form's fields (each part of a date), as stored answers."""
    data = {}
    for bound_field in form:
        widget = bound_field.field.widget
        if isinstance(widget, MultiWidget):
            names = [f"{bound_field.html_name}{suffix}" for suffix in widget.widgets_names]
        else:
            names = [bound_field.html_name]
        for name in names:
            data[name] = post.getlist(name)
    return data


def initial_from_answer(form_class, data: dict[str, list[str]], *, context: JourneyContext) -> dict:
    """A stored answer as a form's initial values, so a revisited step shows what was entered."""
    from django.utils.datastructures import MultiValueDict

    stored = MultiValueDict(data)
    blank = form_class(context=context)
    return {
        name: field.widget.value_from_datadict(stored, {}, blank.add_prefix(name))
        for name, field in blank.fields.items()
    }
