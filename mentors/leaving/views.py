"""Where removing a mentor starts: the link on the mentor record."""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from ecf.journeys.views import start_journey
from mentors.leaving.journey import REMOVE_MENTOR
from schools.access import school_user_required


@school_user_required
@require_safe
def remove_mentor_start(request, mentor_id: int):
    """The mentor through the school; the journey's first page stores nothing until it is answered."""
    mentor_period = get_object_or_404(request.school.mentor_periods.current_or_future(), pk=mentor_id)
    return start_journey(REMOVE_MENTOR, query={"mentor": mentor_period.pk})
