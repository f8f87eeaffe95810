"""Where the change-of-training journeys start: from a record, or (an expired journey's link) the bare start."""

from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_safe

from ecf.journeys import Journey
from ecf.journeys.views import start_journey
from ects.change_lead_provider.journey import Role, period_to_change
from schools.access import school_user_required


def record_start(journey: Journey, role: Role, *, lead_provider_change: bool = False):
    """The journey's start from a record (`/<role>s/<pk>/change-lead-provider`): the period through the school; with
    `lead_provider_change`, also a 404 for school-led training (`period_to_change`)."""

    @school_user_required
    @require_safe
    def start(request, pk: int):
        if lead_provider_change:
            period, _ = period_to_change(role, request.school, pk)
        else:
            period = get_object_or_404(role.periods(request.school).current_or_future(), pk=pk)
        return start_journey(journey, query={role.seed: period.pk})

    return start


def bare_start(role: Role):
    """The journey's bare start (an expired journey links here): the teacher is chosen from the list."""

    @school_user_required
    @require_safe
    def start(request):
        return redirect(role.list_url_name)

    return start
