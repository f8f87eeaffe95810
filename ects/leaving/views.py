"""Where reporting an ECT leaving starts: the link on the ECT record."""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from ecf.journeys.views import start_journey
from ects.leaving.journey import REPORT_ECT_LEAVING
from schools.access import school_user_required


@school_user_required
@require_safe
def report_ect_leaving_start(request, ect_id: int):
    """The ECT through the school; the journey's first page stores nothing until it is answered."""
    ect_period = get_object_or_404(request.school.ect_periods.current_or_future(), pk=ect_id)
    return start_journey(REPORT_ECT_LEAVING, query={"ect": ect_period.pk})
