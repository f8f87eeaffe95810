from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from ecf.errors import DomainError
from ecf.events import Author
from ecf.pagination import govuk_pagination_params, paginate_count, search_term
from ects import forms_record, queries, services
from schools.access import school_user_required


@school_user_required
@require_GET
def ect_list(request):
    search = search_term(request)
    page = paginate_count(request, queries.count_listed_ects(request.school, search=search))
    return render(
        request,
        "ects/list.html",
        {
            "title": "Early career teachers (ECT)",
            "nav_current": "ects",
            "school": request.school,
            "search": search,
            "ects": queries.listed_ects(
                request.school,
                search=search,
                offset=(page.number - 1) * page.paginator.per_page,
                limit=page.paginator.per_page,
            ),
            "pagination": govuk_pagination_params(request, page),
            "total": page.paginator.count,
        },
    )


@school_user_required
@require_GET
def ect_record(request, pk: int):
    ect = queries.ect_summary(request.school, pk)
    banners = [str(message) for message in messages.get_messages(request) if message.level == messages.SUCCESS]
    # The heading names the ECT, so the title stays generic (names must not reach analytics).
    return render(
        request, "ects/record.html", {"title": "ECT details", "nav_current": "ects", "ect": ect, "banners": banners}
    )


@dataclass(frozen=True)
class RecordEdit:
    """A one-page edit from the ECT record. `banner` names the ECT as `{ect}` (the new name after a name change);
    `title` is generic because the page's heading names the ECT."""

    form_class: type
    change: Callable  # an ects.services function: (*, ect_period, author, **form.changes())
    template: str
    title: str
    banner: str


NAME = RecordEdit(
    forms_record.ChangeNameForm,
    services.change_ect_name,
    "ects/change_name.html",
    "What is the correct name?",
    "{ect}’s name has been changed",
)
EMAIL = RecordEdit(
    forms_record.ChangeEmailForm,
    services.change_ect_email,
    "ects/change_email_address.html",
    "Change email address",
    "{ect}’s email address has been changed",
)
WORKING_PATTERN = RecordEdit(
    forms_record.ChangeWorkingPatternForm,
    services.change_ect_working_pattern,
    "ects/change_working_pattern.html",
    "Change working pattern",
    "{ect}’s working pattern has been changed",
)


@school_user_required
@require_http_methods(["GET", "POST"])
def change_ect_name(request, pk: int):
    return _record_edit(request, pk, NAME)


@school_user_required
@require_http_methods(["GET", "POST"])
def change_ect_email(request, pk: int):
    return _record_edit(request, pk, EMAIL)


@school_user_required
@require_http_methods(["GET", "POST"])
def change_ect_working_pattern(request, pk: int):
    return _record_edit(request, pk, WORKING_PATTERN)


def _record_edit(request, pk: int, edit: RecordEdit):
    """GET shows the form prefilled; a valid POST changes the record and redirects to it with a banner."""
    period = get_object_or_404(request.school.ect_periods.select_related("teacher"), pk=pk)
    form = edit.form_class(request.POST if request.method == "POST" else None, period=period)
    if form.is_bound and form.is_valid() and _save(request, period, form, edit):
        return redirect("ects:record", pk=period.pk)
    context = {
        "title": edit.title,
        "nav_current": "ects",
        "form": form,
        "person_name": period.teacher.full_name,
        "back_link_url": reverse("ects:record", kwargs={"pk": period.pk}),
    }
    return render(request, edit.template, context)


def _save(request, period, form, edit: RecordEdit) -> bool:
    """False when the service refused the change (its message becomes the form's error)."""
    if not form.has_changed():
        return True  # nothing to change, nothing to announce
    changes = form.changes()
    try:
        edit.change(ect_period=period, author=Author.school_user(request.user), **changes)
    except DomainError as error:
        form.add_error(next(iter(form.fields)), error.message)
        return False
    messages.success(request, edit.banner.format(ect=changes.get("corrected_name") or period.teacher.full_name))
    return True
