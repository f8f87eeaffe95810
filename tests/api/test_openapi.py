"""The OpenAPI document: served, committed at docs/api/openapi-v3.json (a change is a visible diff), and
rendered at /api/docs/v3 from our own static files.

After changing the API on purpose: `UPDATE_OPENAPI=1 .venv/bin/pytest tests/api/test_openapi.py` rewrites
the committed document; review and commit the diff.
"""

import json
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

COMMITTED = Path(settings.BASE_DIR) / "docs" / "api" / "openapi-v3.json"


def served(client) -> dict:
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_the_committed_document_is_the_served_one(client):
    document = served(client)
    if os.environ.get("UPDATE_OPENAPI"):
        COMMITTED.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")
    assert json.loads(COMMITTED.read_text()) == document, (
        "The API changed: run UPDATE_OPENAPI=1 .venv/bin/pytest tests/api/test_openapi.py and commit the diff"
    )


def test_the_document_lists_every_endpoint_with_bearer_auth(client):
    document = served(client)
    assert document["openapi"].startswith("3.")
    assert {"/api/v3/participants", "/api/v3/participants/{id}", "/api/v3/participants/{id}/withdraw"} <= set(
        document["paths"]
    )
    assert document["components"]["securitySchemes"]["LeadProviderToken"] == {"type": "http", "scheme": "bearer"}


@pytest.mark.django_db
def test_the_docs_page_uses_only_our_own_static_files_under_our_csp(client):
    response = client.get("/api/docs/v3")

    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/v3/openapi.json" in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "no CDN or other origin"
    for path in re.findall(r"(?:src|href)=\"/static/([^\"]+)\"", html):
        assert finders.find(path), f"{path} is not one of our static files"
    assert "<script>" not in html  # no inline script: the settings are a JSON data block
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in csp
    assert "unsafe-inline" not in csp


@pytest.mark.parametrize(
    ("action", "reasons", "per_course"),
    [
        (
            "withdraw",
            [
                "left-teaching-profession",
                "moved-school",
                "mentor-no-longer-being-mentor",
                "switched-to-school-led",
                "changed-lead-provider",
                "other",
            ],
            "for an ECT (`ecf-induction`) any but `mentor-no-longer-being-mentor`",
        ),
        ("defer", ["bereavement", "long-term-sickness", "parental-leave", "career-break", "other"], "any course"),
    ],
)
def test_the_document_lists_the_reasons_each_action_accepts(client, action, reasons, per_course):
    """As the reference's swagger: the reason is required and one of a list; the description says which course
    takes which, and that anything else is answered 422 (the service's messages, not a schema error)."""
    document = served(client)
    body = document["paths"][f"/api/v3/participants/{{id}}/{action}"]["put"]["requestBody"]["content"]
    name = body["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    data = document["components"]["schemas"][name]["properties"]["data"]["$ref"].rsplit("/", 1)[-1]
    attributes = document["components"]["schemas"][data]["properties"]["attributes"]["$ref"].rsplit("/", 1)[-1]
    schema = document["components"]["schemas"][attributes]

    assert schema["required"] == ["reason", "course_identifier"]
    reason = schema["properties"]["reason"]
    assert (reason["type"], reason["enum"]) == ("string", reasons)
    assert per_course in reason["description"]
    assert "422" in reason["description"]
