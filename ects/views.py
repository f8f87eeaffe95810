from django.contrib import messages
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from ecf.pagination import list_page, paginate_count, search_term
from ecf.record_edits import Record, RecordEdit, edit_record, left_record
from ects import forms, queries, services
from schools.access import school_user_required


@school_user_required
@require_safe
def ect_list(request):
    search = search_term(request)
    page = paginate_count(request, queries.count_listed_ects(request.school, search=search))
    per_page = page.paginator.per_page
    ects = queries.listed_ects(request.school, search=search, offset=(page.number - 1) * per_page, limit=per_page)
    return list_page(
        request,
        "ects/list.html",
        page,
        search=search,
        title="Early career teachers (ECT)",
        nav_current="ects",
        ects=ects,
    )


@school_user_required
@require_safe
def ect_record(request, pk: int):
    ect = queries.ect_summary(request.school, pk)
    if ect.has_left:
        return left_record(request, ect, title="ECT details", nav_current="ects", list_text="Back to ECTs")
    banners = [str(message) for message in messages.get_messages(request) if message.level == messages.SUCCESS]
    # The heading names the ECT, so the title stays generic (names must not reach analytics).
    return render(
        request, "ects/record.html", {"title": "ECT details", "nav_current": "ects", "ect": ect, "banners": banners}
    )


# The record's Change pages: one question each (ecf.record_edits).

NAME = RecordEdit(
    services.change_ect_name,
    "What is the correct name?",
    "{name}’s name has been changed",
    template="change_name.html",
    context={"role": "ECT"},
)
EMAIL = RecordEdit(services.change_ect_email, "Change email address", "{name}’s email address has been changed")
WORKING_PATTERN = RecordEdit(
    services.change_ect_working_pattern, "Change working pattern", "{name}’s working pattern has been changed"
)


@school_user_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_ect_name(request, pk: int):
    record = _record(request, pk)
    return edit_record(request, record, forms.ChangeNameForm(_data(request), period=record.period), NAME)


@school_user_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_ect_email(request, pk: int):
    record = _record(request, pk)
    return edit_record(request, record, forms.ChangeEmailForm(_data(request), period=record.period, role="ECT"), EMAIL)


@school_user_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_ect_working_pattern(request, pk: int):
    record = _record(request, pk)
    form = forms.ChangeWorkingPatternForm(_data(request), period=record.period)
    return edit_record(request, record, form, WORKING_PATTERN)


def _record(request, pk: int) -> Record:
    """Only ever one of the signed-in school's ECTs, until their last day: anyone else's id, or theirs after it, is a
    404 (docs/journeys/leaving.md)."""
    period = get_object_or_404(request.school.ect_periods.current_or_future().select_related("teacher"), pk=pk)
    return Record(period, "ect_period", reverse("ects:record", kwargs={"pk": pk}), "ects")


def _data(request):
    return request.POST if request.method == "POST" else None
