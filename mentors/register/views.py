"""The register-a-mentor journey's one page outside its path (its steps are the journey framework's views)."""

import uuid

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ecf.journeys import state as journey_state
from ecf.journeys.views import step_url
from mentors.register.journey import ECT_ID, FIND, REGISTER_MENTOR, start_facts
from schools.access import school_user_required


@school_user_required
@require_http_methods(["GET", "HEAD"])
def no_trn(request):
    """ "They do not have a TRN" (a link on the find step, `?ect=<id>&journey=<id>`): an information page that
    stores nothing. Back goes to the find step of the user's journey when it is still theirs, else of a new one
    for the same ECT (another school's ECT is a 404)."""
    ect = start_facts(request)[ECT_ID]
    return render(
        request,
        "mentors/register/no-trn.html",
        {
            "title": "You cannot register a mentor without a TRN",
            "back_link_url": step_url(REGISTER_MENTOR, _journey_id(request), FIND, query={"ect": ect}),
            "list_url": reverse("ects:list"),
        },
    )


def _journey_id(request) -> uuid.UUID | None:
    """`?journey=`, when it names a journey in progress in this session for this school."""
    try:
        journey_id = uuid.UUID(request.GET.get("journey", ""))
    except ValueError:
        return None
    state = journey_state.load(request, REGISTER_MENTOR.name, journey_id)
    return journey_id if state is not None and not state.completed else None
