"""The form side of a journey step: what a step's form may tell the routing, and how answers are stored."""

from __future__ import annotations

from django.forms import MultiWidget
from django.utils.datastructures import MultiValueDict

from ecf.govuk.forms import GovUKForm


class JourneyForm(GovUKForm):
    """A journey step's form. While validating it may work out facts the routing needs (say, what the Teaching
    Record System says about a TRN): its `clean()` records them in `self._facts` (JSON values), and `facts()`
    returns them to be stored with the answer.

    What it needs to know from the journey (a name for its label, the school) it is given as keyword arguments
    by its step's `form_kwargs`: it never reads the answers itself, so it can be tested on its own.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._facts: dict = {}

    def facts(self) -> dict:
        return self._facts


def submitted_data(form: JourneyForm, post) -> dict[str, list[str]]:
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


def initial_from_answer(form: JourneyForm, data: dict[str, list[str]]) -> dict:
    """A stored answer as initial values for `form` (built unbound), so a revisited step shows what was entered."""
    stored = MultiValueDict(data)
    return {
        name: field.widget.value_from_datadict(stored, {}, form.add_prefix(name)) for name, field in form.fields.items()
    }
