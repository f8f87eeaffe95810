from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from ecf.pagination import list_page, paginate, search_term
from ecf.record_edits import QUESTION_TEMPLATE, Record, RecordEdit, edit_record, left_record, render_question
from mentors import forms, queries, services, teaching_details
from schools.access import school_user_required


@school_user_required
@require_safe
def mentor_list(request):
    search = search_term(request)
    page = paginate(request, queries.mentors_for_school_list(request.school, search=search))
    mentors = [queries.summarise(period) for period in page]
    return list_page(
        request, "mentors/list.html", page, search=search, title="Mentors", nav_current="mentors", mentors=mentors
    )


@school_user_required
@require_safe
def mentor_record(request, pk: int):
    mentor = queries.mentor_record(request.school, pk)
    if mentor.has_left:
        return left_record(request, mentor, title="Mentor details", nav_current="mentors", list_text="Back to mentors")
    banners = [str(message) for message in messages.get_messages(request) if message.level == messages.SUCCESS]
    # The heading names the mentor, so the title stays generic (names must not reach analytics).
    context = {
        "title": "Mentor details",
        "nav_current": "mentors",
        "mentor": mentor,
        "additional_details": forms.ADDITIONAL_DETAILS,
        "banners": banners,
    }
    return render(request, "mentors/record.html", context)


# The record's Change pages: one question each (ecf.record_edits).

NAME = RecordEdit(
    services.change_mentor_name,
    "What is the correct name?",
    "{name}’s name has been changed",
    template="change_name.html",
    context={"role": "mentor"},
)
EMAIL = RecordEdit(services.change_mentor_email, "Change email address", "{name}’s email address has been changed")
TEACHING = services.change_mentor_teaching_details
SUBJECT = RecordEdit(TEACHING, "Change subject", "{name}’s subject has been changed")
AGE_RANGE = RecordEdit(TEACHING, "Change age range", "{name}’s age range has been changed")
KEY_STAGE = RecordEdit(TEACHING, "Change key stage", "{name}’s key stage has been changed")
AGE_RANGE_AND_KEY_STAGE = RecordEdit(TEACHING, "Change key stage", "{name}’s age range and key stage have been changed")


@school_user_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_mentor_name(request, pk: int):
    record = _record(request, pk)
    return edit_record(request, record, forms.ChangeNameForm(_data(request), period=record.period), NAME)


@school_user_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_mentor_email(request, pk: int):
    record = _record(request, pk)
    form = forms.ChangeEmailForm(_data(request), period=record.period, role="mentor")
    return edit_record(request, record, form, EMAIL)


@school_user_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_mentor_phase(request, pk: int):
    """Asked before the subject only when neither the school's phase nor the mentor's subject tells it."""
    record = _record(request, pk)
    if forms.mentor_phase(request.school, record.period):
        return redirect("mentors:change-subject", pk=pk)
    form = forms.ChangePhaseForm(_data(request), period=record.period)
    if form.is_bound and form.is_valid():
        return redirect(_url("mentors:change-subject", pk, phase=form.cleaned_data["phase"]))
    return render_question(request, record, form, template=QUESTION_TEMPLATE, title="Change phase")


@school_user_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_mentor_subject(request, pk: int):
    record = _record(request, pk)
    phase = forms.mentor_phase(request.school, record.period)
    back_url = None
    if not phase:
        phase = request.GET.get("phase", "")
        if phase not in teaching_details.PHASES:
            return redirect("mentors:change-phase", pk=pk)
        back_url = _url("mentors:change-phase", pk)
    form = forms.ChangeSubjectForm(_data(request), period=record.period, phase=phase)
    return edit_record(request, record, form, SUBJECT, back_url=back_url)


@school_user_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_mentor_age_range(request, pk: int):
    """An age range that rules out the mentor's key stage (secondary, away from middle years, with Key stage 2)
    is not saved alone: the key stage page asks again and saves both together."""
    record = _record(request, pk)
    phase = forms.mentor_phase(request.school, record.period)
    if not phase:
        return redirect("mentors:change-subject", pk=pk)
    form = forms.ChangeAgeRangeForm(_data(request), period=record.period, phase=phase)
    if form.is_bound and form.is_valid():
        age_range = form.cleaned_data["age_range"]
        if not forms.key_stage_still_offered(phase, record.period, age_range):
            return redirect(_url("mentors:change-key-stage", pk, age_range=age_range))
    return edit_record(request, record, form, AGE_RANGE)


@school_user_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_mentor_key_stage(request, pk: int):
    """With `?age_range=`, the new age range chosen just before, saved together with the key stage."""
    record = _record(request, pk)
    period = record.period
    phase = forms.mentor_phase(request.school, period)
    if not phase:
        return redirect("mentors:change-subject", pk=pk)
    new_age_range = request.GET.get("age_range", "")
    if new_age_range and new_age_range not in dict(teaching_details.age_range_choices(phase)):
        return redirect("mentors:change-age-range", pk=pk)
    form = forms.ChangeKeyStageForm(
        _data(request), period=period, phase=phase, age_range=new_age_range or period.age_range
    )
    if new_age_range:
        edit = AGE_RANGE_AND_KEY_STAGE if new_age_range != period.age_range else KEY_STAGE
        return edit_record(request, record, form, edit, back_url=_url("mentors:change-age-range", pk))
    return edit_record(request, record, form, KEY_STAGE)


@school_user_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_mentor_additional_detail(request, pk: int, detail: str):
    record = _record(request, pk)
    additional_detail = forms.ADDITIONAL_DETAILS_BY_SLUG.get(detail)
    if additional_detail is None:
        raise Http404("No such additional detail")
    label = additional_detail.label
    label = label if label.startswith("SEND") else label.lower()
    edit = RecordEdit(
        services.change_mentor_additional_details, f"Change {label}", f"{{name}}’s {label} has been changed"
    )
    form = forms.ChangeAdditionalDetailForm(_data(request), period=record.period, detail=additional_detail)
    return edit_record(request, record, form, edit)


def _record(request, pk: int) -> Record:
    """Only ever one of the signed-in school's mentors, until their last day: anyone else's id, or theirs after it,
    is a 404 (docs/journeys/leaving.md)."""
    period = get_object_or_404(request.school.mentor_periods.current_or_future().select_related("teacher"), pk=pk)
    return Record(period, "mentor_period", _url("mentors:record", pk), "mentors")


def _data(request):
    return request.POST if request.method == "POST" else None


def _url(name: str, pk: int, **query) -> str:
    url = reverse(name, kwargs={"pk": pk})
    return f"{url}?{urlencode(query)}" if query else url
