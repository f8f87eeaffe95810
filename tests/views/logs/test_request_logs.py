"""What support reads: each request's log line, its X-Request-ID, the 500 page's reference, and the audit
events a request causes (docs/adr/0012-structured-logs-and-gias-schools.md)."""

import uuid

import pytest
from django.test import Client, override_settings
from django.urls import path

from ecf.events import Author, record_event
from ecf.urls import urlpatterns as service_urls
from tests.views.journey_client import html


def broken_view(request):
    raise RuntimeError("something broke")


urlpatterns = [*service_urls, path("broken-for-test", broken_view)]
handler500 = "ecf.views.server_error"


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def test_every_response_has_a_new_request_id(client, db):
    first = client.get("/")
    second = client.get("/healthcheck")

    assert is_uuid(first["X-Request-ID"])
    assert is_uuid(second["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_a_sane_incoming_request_id_is_kept(client, db):
    response = client.get("/", headers={"X-Request-ID": "router-4f1c.2:abc_9"})

    assert response["X-Request-ID"] == "router-4f1c.2:abc_9"


@pytest.mark.parametrize("incoming", ["", "two words", "a\nforged log line", "x" * 129, "<script>", "id;drop", "café"])
def test_an_unsafe_incoming_request_id_is_replaced(client, db, incoming):
    response = client.get("/", headers={"X-Request-ID": incoming})

    assert is_uuid(response["X-Request-ID"])


def test_a_request_writes_one_json_line_with_what_support_filters_on(
    school_client, school, school_user, production_logs
):
    response = school_client.get("/school/home/ects?q=Kate+Lewis+1234567")

    assert response.status_code == 200
    [finished] = production_logs.events("request_finished")
    assert finished["request_id"] == response["X-Request-ID"]
    assert finished["method"] == "GET"
    assert finished["path"] == "/school/home/ects"
    assert finished["status"] == 200
    assert isinstance(finished["duration_ms"], float)
    assert finished["user_id"] == school_user.pk
    assert finished["school_urn"] == school.urn
    assert finished["level"] == "info"
    assert finished["timestamp"].endswith("Z")
    # A search can be for a name or a TRN: the query string is never logged.
    assert "Kate" not in production_logs.text
    assert "1234567" not in production_logs.text


def test_every_line_of_a_request_carries_its_request_id(school_client, production_logs):
    response = school_client.get("/school/home/ects")

    lines = production_logs.lines
    assert lines
    assert {line.get("request_id") for line in lines} == {response["X-Request-ID"]}


def test_a_signed_out_request_has_no_user_or_school(client, db, production_logs):
    client.get("/")

    [finished] = production_logs.events("request_finished")
    assert finished["user_id"] is None
    assert "school_urn" not in finished


@override_settings(ROOT_URLCONF=__name__)
def test_the_500_page_shows_the_request_id_for_support(db, production_logs):
    client = Client(raise_request_exception=False)

    response = client.get("/broken-for-test", headers={"X-Request-ID": "support-ref-42"})

    assert response.status_code == 500
    assert response["X-Request-ID"] == "support-ref-42"
    assert "Sorry, there is a problem with the service" in html(response)
    assert "support-ref-42" in html(response)
    [failed] = production_logs.events("request_failed")
    assert failed["request_id"] == "support-ref-42"
    assert failed["status"] == 500
    assert failed["path"] == "/broken-for-test"
    assert failed["exception"][0]["exc_type"] == "RuntimeError"


def test_an_event_outside_a_request_has_no_request_id(db):
    event = record_event(event_type="test", heading="From a shell", author=Author.system())

    assert event.request_id == ""
