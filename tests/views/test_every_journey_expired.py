"""Every journey's "This page has expired" page offers a way back that works (docs/journeys/README.md).

Found walking the leaving journeys: "Start again" went to /school/report-ect-leaving/, a journey that starts from a
record, which answered "Page not found". The journeys are found from the URLs, so a new one is checked too."""

import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.views.journey_client import html


def journey_page_routes(resolver=None, prefix=""):
    """The route of each journey's pages, /<journey>/<journey id>/<step>, as found in the URLconf."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from journey_page_routes(pattern, route)
        elif isinstance(pattern, URLPattern) and route.endswith("<uuid:journey_id>/<slug:step_name>"):
            yield route


ROUTES = sorted(journey_page_routes())


def test_the_journeys_are_found():
    assert any("report-ect-leaving" in route for route in ROUTES)
    assert any("remove-mentor" in route for route in ROUTES)
    assert len(ROUTES) >= 9


@pytest.mark.parametrize("route", ROUTES)
def test_start_again_on_the_expired_page_leads_to_a_page_that_answers(school_client, route):
    expired = school_client.get(
        "/" + route.replace("<uuid:journey_id>", str(uuid.uuid4())).replace("<slug:step_name>", "check-answers")
    )
    assert expired.status_code == 404
    assert "This page has expired" in html(expired)
    start_again = re.search(r'href="([^"]+)"[^>]*>\s*Start again', html(expired)).group(1)

    response = school_client.get(start_again, follow=True)

    assert response.status_code == 200, (start_again, response.redirect_chain)
