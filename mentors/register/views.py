"""The register-a-mentor journey's one page outside its path (its steps are the journey framework's views)."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ecf.journeys import state as journey_state
from ecf.journeys.views import expired, step_url
from mentors.register.journey import FIND, REGISTER_MENTOR
from schools.access import school_user_required


@school_user_required
@require_http_methods(["GET"])
def no_trn(request, journey_id):
    """ "They do not have a TRN" (a link on the find step): a dead end outside the path, back to the find step."""
    state = journey_state.load(request, REGISTER_MENTOR.name, journey_id)
    if state is None or state.completed:
        return expired(request, REGISTER_MENTOR)
    return render(
        request,
        "mentors/register/no-trn.html",
        {
            "title": "You cannot register a mentor without a TRN",
            "back_link_url": step_url(REGISTER_MENTOR, journey_id, FIND),
            "list_url": reverse("ects:list"),
        },
    )
