from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from ecf.errors import DomainError
from ecf.events import Author
from ecf.pagination import govuk_pagination_params, paginate, search_term
from mentors import forms_record, queries, services
from schools.access import school_user_required


@school_user_required
@require_GET
def mentor_list(request):
    search = search_term(request)
    page = paginate(request, queries.mentors_for_school_list(request.school, search=search))
    return render(
        request,
        "mentors/list.html",
        {
            "title": "Mentors",
            "nav_current": "mentors",
            "school": request.school,
            "search": search,
            "mentors": [queries.summarise(period) for period in page],
            "pagination": govuk_pagination_params(request, page),
            "total": page.paginator.count,
        },
    )


@school_user_required
@require_GET
def mentor_record(request, pk: int):
    mentor = queries.mentor_record(request.school, pk)
    banners = [str(message) for message in messages.get_messages(request) if message.level == messages.SUCCESS]
    # The heading names the mentor, so the title stays generic (names must not reach analytics).
    context = {
        "title": "Mentor details",
        "nav_current": "mentors",
        "mentor": mentor,
        "additional_details": forms_record.ADDITIONAL_DETAILS,
        "banners": banners,
    }
    return render(request, "mentors/record.html", context)


# The record's Change pages: GET shows the form prefilled; a valid POST changes the record through its service and
# returns to it with a success banner (the shape of the ECT record's, ects/views.py).


@dataclass(frozen=True)
class RecordEdit:
    """`change` is a mentors.services function called as (*, mentor_period, author, **form.changes()); `banner`
    names the mentor as `{mentor}`; `title` is generic because the page's heading names the mentor."""

    change: Callable
    template: str
    title: str
    banner: str


QUESTION_TEMPLATE = "mentors/change_question.html"
NAME = RecordEdit(
    services.change_mentor_name,
    "mentors/change_name.html",
    "What is the correct name?",
    "{mentor}’s name has been changed",
)
EMAIL = RecordEdit(
    services.change_mentor_email,
    QUESTION_TEMPLATE,
    "Change email address",
    "{mentor}’s email address has been changed",
)
SUBJECT = RecordEdit(
    services.change_mentor_teaching_details,
    QUESTION_TEMPLATE,
    "Change subject",
    "{mentor}’s subject has been changed",
)
AGE_RANGE = RecordEdit(
    services.change_mentor_teaching_details,
    QUESTION_TEMPLATE,
    "Change age range",
    "{mentor}’s age range has been changed",
)
KEY_STAGE = RecordEdit(
    services.change_mentor_teaching_details,
    QUESTION_TEMPLATE,
    "Change key stage",
    "{mentor}’s key stage has been changed",
)
AGE_RANGE_AND_KEY_STAGE = RecordEdit(
    services.change_mentor_teaching_details,
    QUESTION_TEMPLATE,
    "Change key stage",
    "{mentor}’s age range and key stage have been changed",
)


@school_user_required
@require_http_methods(["GET", "POST"])
def change_mentor_name(request, pk: int):
    period = _mentor_period(request, pk)
    return _record_edit(request, period, forms_record.ChangeNameForm(_data(request), period=period), NAME)


@school_user_required
@require_http_methods(["GET", "POST"])
def change_mentor_email(request, pk: int):
    period = _mentor_period(request, pk)
    return _record_edit(request, period, forms_record.ChangeEmailForm(_data(request), period=period), EMAIL)


@school_user_required
@require_http_methods(["GET", "POST"])
def change_mentor_phase(request, pk: int):
    """Asked before the subject only when neither the school's phase nor the mentor's subject tells it."""
    period = _mentor_period(request, pk)
    if forms_record.mentor_phase(request.school, period):
        return redirect("mentors:change-subject", pk=pk)
    form = forms_record.ChangePhaseForm(_data(request), period=period)
    if form.is_bound and form.is_valid():
        return redirect(_url("mentors:change-subject", pk, phase=form.cleaned_data["phase"]))
    return _render_edit(request, period, form, QUESTION_TEMPLATE, "Change phase")


@school_user_required
@require_http_methods(["GET", "POST"])
def change_mentor_subject(request, pk: int):
    period = _mentor_period(request, pk)
    phase = forms_record.mentor_phase(request.school, period)
    back_url = None
    if not phase:
        phase = request.GET.get("phase", "")
        if phase not in forms_record.teaching.PHASES:
            return redirect("mentors:change-phase", pk=pk)
        back_url = _url("mentors:change-phase", pk)
    form = forms_record.ChangeSubjectForm(_data(request), period=period, phase=phase)
    return _record_edit(request, period, form, SUBJECT, back_url=back_url)


@school_user_required
@require_http_methods(["GET", "POST"])
def change_mentor_age_range(request, pk: int):
    """An age range that rules out the mentor's key stage (secondary, away from middle years, with Key stage 2)
    is not saved alone: the key stage page asks again and saves both together."""
    period = _mentor_period(request, pk)
    phase = forms_record.mentor_phase(request.school, period)
    if not phase:
        return redirect("mentors:change-subject", pk=pk)
    form = forms_record.ChangeAgeRangeForm(_data(request), period=period, phase=phase)
    if form.is_bound and form.is_valid():
        age_range = form.cleaned_data["age_range"]
        if not forms_record.key_stage_still_offered(phase, period, age_range):
            return redirect(_url("mentors:change-key-stage", pk, age_range=age_range))
    return _record_edit(request, period, form, AGE_RANGE)


@school_user_required
@require_http_methods(["GET", "POST"])
def change_mentor_key_stage(request, pk: int):
    """With `?age_range=`, the new age range chosen just before, saved together with the key stage."""
    period = _mentor_period(request, pk)
    phase = forms_record.mentor_phase(request.school, period)
    if not phase:
        return redirect("mentors:change-subject", pk=pk)
    new_age_range = request.GET.get("age_range", "")
    if new_age_range and new_age_range not in dict(forms_record.teaching.age_range_choices(phase)):
        return redirect("mentors:change-age-range", pk=pk)
    form = forms_record.ChangeKeyStageForm(
        _data(request), period=period, phase=phase, age_range=new_age_range or period.age_range
    )
    if new_age_range:
        edit = AGE_RANGE_AND_KEY_STAGE if new_age_range != period.age_range else KEY_STAGE
        return _record_edit(request, period, form, edit, back_url=_url("mentors:change-age-range", pk))
    return _record_edit(request, period, form, KEY_STAGE)


@school_user_required
@require_http_methods(["GET", "POST"])
def change_mentor_additional_detail(request, pk: int, detail: str):
    period = _mentor_period(request, pk)
    additional_detail = forms_record.ADDITIONAL_DETAILS_BY_SLUG.get(detail)
    if additional_detail is None:
        raise Http404("No such additional detail")
    label = additional_detail.label
    label = label if label.startswith("SEND") else label.lower()
    edit = RecordEdit(
        services.change_mentor_additional_details,
        QUESTION_TEMPLATE,
        f"Change {label}",
        f"{{mentor}}’s {label} has been changed",
    )
    form = forms_record.ChangeAdditionalDetailForm(_data(request), period=period, detail=additional_detail)
    return _record_edit(request, period, form, edit)


def _mentor_period(request, pk: int):
    """Only ever one of the signed-in school's mentors: anyone else's id is a 404."""
    return get_object_or_404(request.school.mentor_periods.select_related("teacher"), pk=pk)


def _data(request):
    return request.POST if request.method == "POST" else None


def _url(name: str, pk: int, **query) -> str:
    url = reverse(name, kwargs={"pk": pk})
    return f"{url}?{urlencode(query)}" if query else url


def _record_edit(request, period, form, edit: RecordEdit, *, back_url: str | None = None):
    if form.is_bound and form.is_valid() and _save(request, period, form, edit):
        return redirect("mentors:record", pk=period.pk)
    return _render_edit(request, period, form, edit.template, edit.title, back_url=back_url)


def _render_edit(request, period, form, template: str, title: str, *, back_url: str | None = None):
    context = {
        "title": title,
        "nav_current": "mentors",
        "form": form,
        "person_name": period.teacher.full_name,
        "back_link_url": back_url or _url("mentors:record", period.pk),
    }
    return render(request, template, context)


def _save(request, period, form, edit: RecordEdit) -> bool:
    """False when the service refused the change (its message becomes the form's error)."""
    changes = form.changes()
    if not changes:
        return True  # nothing to change, nothing to announce
    try:
        edit.change(mentor_period=period, author=Author.school_user(request.user), **changes)
    except DomainError as error:
        form.add_error(next(iter(form.fields)), error.message)
        return False
    messages.success(request, edit.banner.format(mentor=changes.get("corrected_name") or period.teacher.full_name))
    return True
