"""Signed-in pages are never cached, sessions end 12 hours after sign-in, and HEAD is answered like GET."""

import re
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import ECTAtSchoolPeriodFactory, MentorAtSchoolPeriodFactory

SOURCE_PACKAGES = ["ecf", "schools", "ects", "mentors"]


@pytest.fixture
def records(school):
    return {
        "ect": ECTAtSchoolPeriodFactory(school=school),
        "mentor": MentorAtSchoolPeriodFactory(school=school),
    }


def signed_in_pages(records):
    return [
        "/school/home/ects",
        "/school/home/mentors",
        f"/school/ects/{records['ect'].pk}",
        f"/school/mentors/{records['mentor'].pk}",
    ]


def test_pages_with_personal_data_send_no_store(school_client, records):
    # Before, the lists and records could be kept by the browser and shown again after sign-out.
    for path in signed_in_pages(records):
        response = school_client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert "private" in response["Cache-Control"], path


def test_admin_pages_send_no_store(admin_client, client, db):
    assert "no-store" in admin_client.get("/admin/ecf/teacher/")["Cache-Control"]
    assert "no-store" in client.get("/admin/login/")["Cache-Control"]


def test_pages_for_anonymous_visitors_may_be_cached(client, db):
    assert "Cache-Control" not in client.get("/")


def test_the_sign_out_response_itself_is_not_stored(school_client):
    assert "no-store" in school_client.post("/sign-out")["Cache-Control"]


def test_twelve_hours_after_signing_in_the_user_is_signed_out_however_active(school_client, monkeypatch):
    started = time.time()
    assert school_client.get("/school/home/ects").status_code == 200
    # A request every hour: never idle for two hours.
    for hours in range(1, 12):
        monkeypatch.setattr(time, "time", lambda hours=hours: started + hours * 60 * 60)
        assert school_client.get("/school/home/ects").status_code == 200, f"signed out after {hours} hours"

    monkeypatch.setattr(time, "time", lambda: started + settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS + 60)
    response = school_client.get("/school/home/ects")

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in")
    assert settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS == 12 * 60 * 60


def test_head_is_answered_like_get_on_pages(client, school_client, records):
    # Before, HEAD answered 405 on every page limited to GET.
    for path in ["/healthcheck", "/signed-out", *signed_in_pages(records)]:
        get = school_client.get(path)
        head = school_client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head["Content-Type"] == get["Content-Type"], path
        assert head.content == b"", path


def test_head_works_for_anonymous_pages(client, db):
    for path in ["/", "/sign-in", "/healthcheck"]:
        assert client.head(path).status_code == 200, path


def view_sources():
    for package in SOURCE_PACKAGES:
        yield from (settings.BASE_DIR / package).rglob("*.py")


def test_no_view_allows_get_without_head():
    """The kind, not the case: any view limited to methods that include GET must include HEAD too."""
    offenders = []
    for path in view_sources():
        source = Path(path).read_text()
        if re.search(r"@require_GET\b", source):
            offenders.append(f"{path}: require_GET (use require_safe)")
        for methods in re.findall(r"require_http_methods\(\[([^\]]*)\]\)", source):
            if '"GET"' in methods and '"HEAD"' not in methods:
                offenders.append(f"{path}: require_http_methods([{methods}])")

    assert offenders == []
