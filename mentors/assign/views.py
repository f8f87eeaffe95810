"""Where the assign journeys start: from an ECT (assign a mentor) or from a mentor (assign an ECT)."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ecf.journeys.views import start_journey
from mentors.assign.journey import ASSIGN_ECT, ASSIGN_MENTOR
from mentors.queries import mentors_offered_for
from schools.access import school_user_required


@school_user_required
@require_http_methods(["GET", "HEAD"])
def assign_mentor_start(request, ect_id: int):
    """From the ECTs list, the ECT record or the register-an-ECT confirmation; the ECT through the school. With no
    mentor to offer, straight to registering a new one (there would be nothing to choose but "Register a new
    mentor")."""
    ect_period = get_object_or_404(request.school.ect_periods.current_or_future(), pk=ect_id)
    if not mentors_offered_for(ect_period):
        return redirect(f"{reverse('mentors:register-mentor-start')}?ect={ect_period.pk}")
    return start_journey(ASSIGN_MENTOR, query={"ect": ect_period.pk})


@school_user_required
@require_http_methods(["GET", "HEAD"])
def assign_ect_start(request, mentor_id: int):
    """From the mentor record; the mentor through the school. A mentor with a last day (reported leaving or no
    longer mentoring) takes no new ECT: back to their record, which says so."""
    mentor_period = get_object_or_404(request.school.mentor_periods.current_or_future(), pk=mentor_id)
    if mentor_period.finished_on is not None:
        return redirect("mentors:record", mentor_period.pk)
    return start_journey(ASSIGN_ECT, query={"mentor": mentor_period.pk})


@school_user_required
@require_http_methods(["GET", "HEAD"])
def assign_mentor_without_an_ect(request):
    """The journey's bare start (an expired journey links here): an ECT is chosen from the list."""
    return redirect("ects:list")


@school_user_required
@require_http_methods(["GET", "HEAD"])
def assign_ect_without_a_mentor(request):
    return redirect("mentors:list")
