"""One-page edits from a teacher's record (the ECT record, the mentor record), each a question on its own page.

GET shows the question filled in with what the record says; a valid POST changes the record through its
service and returns to the record with a success banner; when the service refuses, its message is the form's
error. A form says what it would change with `changes()`: only what differs from the record ({} when nothing
does, and then nothing is written or announced).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from ecf.errors import DomainError
from ecf.events import Author

QUESTION_TEMPLATE = "question.html"


@dataclass(frozen=True)
class Record:
    """Whose record: the ECT or mentor period (with `teacher` loaded), the keyword its services take it by
    ("ect_period", "mentor_period"), the record page's URL, and the navigation item that is current."""

    period: object
    keyword: str
    url: str
    nav_current: str


@dataclass(frozen=True)
class RecordEdit:
    """change: the service, called as change(<keyword>=period, author=..., **form.changes()).
    title: the page's <title>, generic because the heading names the person.
    banner: the success banner, naming the person as {name} (the new name after a change of name).
    template, context: the page's template and what else it shows."""

    change: Callable
    title: str
    banner: str
    template: str = QUESTION_TEMPLATE
    context: dict = field(default_factory=dict)


def edit_record(request, record: Record, form, edit: RecordEdit, *, back_url: str | None = None):
    """The view of a one-page edit: `form` is bound on POST, unbound on GET."""
    if form.is_bound and form.is_valid() and _save(request, record, form, edit):
        return redirect(record.url)
    return render_question(
        request, record, form, template=edit.template, title=edit.title, back_url=back_url, **edit.context
    )


def render_question(
    request, record: Record, form, *, template: str, title: str, back_url: str | None = None, **context
):
    """A question about the record's teacher, with a back link to the record (or `back_url`)."""
    page = {
        "title": title,
        "nav_current": record.nav_current,
        "form": form,
        "person_name": record.period.teacher.full_name,
        "back_link_url": back_url or record.url,
    }
    return render(request, template, {**page, **context})


def _save(request, record: Record, form, edit: RecordEdit) -> bool:
    """False when the service refused the change (its message becomes the form's error)."""
    changes = form.changes()
    if not changes:
        return True  # nothing to change, nothing to announce
    try:
        edit.change(**{record.keyword: record.period}, author=Author.school_user(request.user), **changes)
    except DomainError as error:
        form.add_error(next(iter(form.fields)), error.message)
        return False
    messages.success(request, edit.banner.format(name=changes.get("corrected_name") or record.period.teacher.full_name))
    return True


def left_record(request, teacher, *, title: str, nav_current: str, list_text: str):
    """After the last day: what the school told us, none of the details (docs/journeys/leaving.md). A teacher who
    left without this school reporting it (another school registered them) is simply not this school's: a 404.
    `teacher` is an ECT summary or mentor record (name, finished_on, reported_leaving, has_left)."""
    if not teacher.reported_leaving:
        raise Http404("No such teacher at this school")
    context = {
        "title": title,
        "nav_current": nav_current,
        "left": teacher,
        "back_link_url": reverse(f"{nav_current}:list"),
        "back_link_text": list_text,
    }
    return render(request, "includes/left_record.html", context)
