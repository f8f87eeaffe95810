"""A lead provider's developer opens the API's docs (README "Lead provider API"): Swagger UI renders the operations
from our own static files with nothing refused by the Content-Security-Policy and no error in the console."""

import pytest
from playwright.sync_api import expect


@pytest.mark.no_axe("Swagger UI's page, as django-ninja ships it, not our GOV.UK UI")
def test_the_api_docs_render_with_no_console_errors(page):
    console = []
    page.on("console", lambda message: message.type in ("error", "warning") and console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))

    page.goto("/api/docs/v3")

    expect(page.get_by_text("/api/v3/participants/{id}/withdraw")).to_be_visible()
    expect(page.get_by_role("button", name="Authorize")).to_be_visible()
    assert console == []
