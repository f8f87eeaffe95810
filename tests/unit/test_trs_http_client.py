"""The real TRS client against a loopback stub of TRS (pytest-httpserver), never a mock."""

import datetime
import socket
import threading
import traceback

import pytest
from werkzeug import Request, Response

from ecf.trs import (
    PROHIBITION_ALERT_CATEGORY_ID,
    HTTPTRSClient,
    InductionStatus,
    TeacherDeactivated,
    TeacherNotFound,
    TRSError,
    TRSUnavailable,
)

DOB = datetime.date(1981, 11, 23)
DOB_TEXTS = ("1981-11-23", "1981", "23/11", "23 November")
NINO = "AB123456C"


def person(**overrides):
    data = {
        "trn": "1234567",
        "firstName": "Kenneth",
        "middleName": "Arthur",
        "lastName": "Lowry",
        "dateOfBirth": "1981-11-23",
        "nationalInsuranceNumber": NINO,
        "qts": {"holdsFrom": "2021-07-16", "routes": []},
        "induction": {"status": "InProgress", "startDate": "2024-09-01", "completedDate": None},
        "alerts": [],
    }
    data.update(overrides)
    return data


@pytest.fixture
def client(httpserver):
    return HTTPTRSClient(
        base_url=httpserver.url_for("/"), api_key="trs-secret-key", api_version="20250627", timeout=2.0
    )


TRNS = ("1234567", "7654321")


def assert_no_personal_details(error: BaseException) -> None:
    """Nothing a traceback would print mentions the date of birth or NINO, and the message names no TRN (the
    traceback's source lines quote this file's TRN literals, which are code, not data)."""
    printed = "".join(traceback.format_exception(error)) + str(error) + repr(error)
    for text in (*DOB_TEXTS, NINO, "dateOfBirth", "nationalInsuranceNumber"):
        assert text not in printed
    for trn in TRNS:
        assert trn not in str(error) + repr(error)
    assert error.__cause__ is None
    assert error.__context__ is None


def test_200_sends_the_key_version_and_checks_and_reads_the_teacher(httpserver, client):
    httpserver.expect_oneshot_request(
        "/v3/persons/1234567",
        method="GET",
        query_string={"dateOfBirth": "1981-11-23", "include": "Induction,Alerts"},
        headers={"Authorization": "Bearer trs-secret-key", "X-Api-Version": "20250627"},
    ).respond_with_json(person())

    teacher = client.find_teacher(trn="1234567", date_of_birth=DOB)

    httpserver.check_assertions()
    assert teacher.trn == "1234567"
    assert (teacher.first_name, teacher.middle_name, teacher.last_name) == ("Kenneth", "Arthur", "Lowry")
    assert teacher.date_of_birth == DOB
    assert teacher.qts_awarded_on == datetime.date(2021, 7, 16)
    assert teacher.induction_status == InductionStatus.IN_PROGRESS
    assert teacher.induction_start_date == datetime.date(2024, 9, 1)
    assert not teacher.has_alerts
    assert not teacher.prohibited_from_teaching
    assert not hasattr(teacher, "national_insurance_number")
    assert NINO not in repr(teacher)


def test_the_national_insurance_number_is_sent_normalised_without_a_date_of_birth(httpserver, client):
    httpserver.expect_oneshot_request(
        "/v3/persons/1234567", query_string={"nationalInsuranceNumber": NINO, "include": "Induction,Alerts"}
    ).respond_with_json(person())

    teacher = client.find_teacher(trn="1234567", national_insurance_number="ab 12 34 56 c")

    httpserver.check_assertions()
    assert teacher.trn == "1234567"


def test_a_trn_alone_asks_without_checks(httpserver, client):
    httpserver.expect_oneshot_request(
        "/v3/persons/1234567", query_string={"include": "Induction,Alerts"}
    ).respond_with_json(person(qts=None, induction=None, alerts=None))

    teacher = client.find_teacher(trn="1234567")

    assert teacher.qts_awarded_on is None
    assert teacher.induction_status == InductionStatus.NONE


def test_alerts_only_an_open_prohibition_prohibits(httpserver, client):
    def alert(category: str, end_date: str | None) -> dict:
        return {"alertType": {"alertCategory": {"alertCategoryId": category}}, "endDate": end_date}

    other_category = "06d3aa62-8f4a-4d4a-9a5e-7b0a3e3a8c7e"
    answers = {
        "1000001": [alert(PROHIBITION_ALERT_CATEGORY_ID, None)],
        "1000002": [alert(PROHIBITION_ALERT_CATEGORY_ID, "2999-01-01")],
        "1000003": [alert(PROHIBITION_ALERT_CATEGORY_ID, "2001-01-01")],
        "1000004": [alert(other_category, None)],
    }
    for trn, alerts in answers.items():
        httpserver.expect_request(f"/v3/persons/{trn}").respond_with_json(person(trn=trn, alerts=alerts))

    found = {trn: client.find_teacher(trn=trn) for trn in answers}

    assert {trn: teacher.prohibited_from_teaching for trn, teacher in found.items()} == {
        "1000001": True,
        "1000002": True,
        "1000003": False,
        "1000004": False,
    }
    assert all(teacher.has_alerts for teacher in found.values())


def test_404_is_teacher_not_found(httpserver, client):
    httpserver.expect_request("/v3/persons/1234567").respond_with_json(
        {"title": "Person not found", "status": 404}, status=404
    )

    with pytest.raises(TeacherNotFound) as raised:
        client.find_teacher(trn="1234567", date_of_birth=DOB)

    assert not isinstance(raised.value, TeacherDeactivated)
    assert_no_personal_details(raised.value)


def test_410_is_deactivated_which_is_a_kind_of_not_found(httpserver, client):
    httpserver.expect_request("/v3/persons/1234567").respond_with_data("", status=410)

    with pytest.raises(TeacherDeactivated) as raised:
        client.find_teacher(trn="1234567", date_of_birth=DOB)

    assert isinstance(raised.value, TeacherNotFound)
    assert_no_personal_details(raised.value)


def test_308_follows_the_merge_keeping_the_same_checks(httpserver, client):
    httpserver.expect_oneshot_request("/v3/persons/7654321").respond_with_response(
        Response(status=308, headers={"Location": "/v3/persons/1234567"})
    )
    httpserver.expect_oneshot_request(
        "/v3/persons/1234567", query_string={"dateOfBirth": "1981-11-23", "include": "Induction,Alerts"}
    ).respond_with_json(person())

    teacher = client.find_teacher(trn="7654321", date_of_birth=DOB)

    httpserver.check_assertions()
    assert teacher.trn == "1234567"


def test_308_loops_are_not_followed_for_ever(httpserver, client):
    httpserver.expect_request("/v3/persons/7654321").respond_with_response(
        Response(status=308, headers={"Location": "http://elsewhere.example/v3/persons/7654321"})
    )

    with pytest.raises(TRSError, match="more than"):
        client.find_teacher(trn="7654321")


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_5xx_and_rate_limits_are_unavailable(httpserver, client, status):
    httpserver.expect_request("/v3/persons/1234567").respond_with_data(
        "upstream failure for dateOfBirth=1981-11-23", status=status
    )

    with pytest.raises(TRSUnavailable) as raised:
        client.find_teacher(trn="1234567", date_of_birth=DOB)

    assert str(status) in str(raised.value)
    assert_no_personal_details(raised.value)


def test_other_4xx_is_an_error_without_quoting_the_body(httpserver, client):
    httpserver.expect_request("/v3/persons/1234567").respond_with_data("bad dateOfBirth=1981-11-23", status=400)

    with pytest.raises(TRSError) as raised:
        client.find_teacher(trn="1234567", date_of_birth=DOB)

    assert not isinstance(raised.value, (TeacherNotFound, TRSUnavailable))
    assert_no_personal_details(raised.value)


def test_an_unreadable_body_is_an_error_without_quoting_it(httpserver, client):
    httpserver.expect_request("/v3/persons/1234567").respond_with_json(person(dateOfBirth="1981-11-23-oops"))

    with pytest.raises(TRSError) as raised:
        client.find_teacher(trn="1234567", date_of_birth=DOB)

    assert_no_personal_details(raised.value)


def test_a_timeout_is_unavailable(httpserver):
    release = threading.Event()

    def hang(request: Request) -> Response:
        # Holds the answer until the test has seen the client give up; the wait is only a safety net.
        release.wait(timeout=10)
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/v3/persons/1234567").respond_with_handler(hang)
    client = HTTPTRSClient(base_url=httpserver.url_for("/"), api_key="k", api_version="20250627", timeout=0.2)

    try:
        with pytest.raises(TRSUnavailable, match="did not answer") as raised:
            client.find_teacher(trn="1234567", date_of_birth=DOB)
    finally:
        release.set()

    assert_no_personal_details(raised.value)


def test_a_connection_error_is_unavailable_and_keeps_the_url_out_of_the_traceback():
    # requests' ConnectionError quotes the URL, query string (date of birth) included.
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    client = HTTPTRSClient(base_url=f"http://127.0.0.1:{port}", api_key="k", api_version="20250627", timeout=1)

    with pytest.raises(TRSUnavailable, match="could not be reached") as raised:
        client.find_teacher(trn="1234567", date_of_birth=DOB)

    assert_no_personal_details(raised.value)


def test_our_logs_never_hold_the_trn_or_date_of_birth(httpserver, client, caplog):
    caplog.set_level("DEBUG", logger="ecf")
    httpserver.expect_request("/v3/persons/1234567").respond_with_data("", status=503)

    with pytest.raises(TRSUnavailable):
        client.find_teacher(trn="1234567", date_of_birth=DOB)

    # Only this service's loggers: the stub server (werkzeug) logs the URL it received, as TRS would.
    ours = "\n".join(record.getMessage() for record in caplog.records if record.name.startswith("ecf"))
    assert "TRS answered 503 looking up a TRN" in ours
    assert not any(text in ours for text in (*TRNS, *DOB_TEXTS))


def test_following_a_merge_logs_neither_trn(httpserver, client, caplog):
    caplog.set_level("DEBUG", logger="ecf")
    httpserver.expect_oneshot_request("/v3/persons/7654321").respond_with_response(
        Response(status=308, headers={"Location": "/v3/persons/1234567"})
    )
    httpserver.expect_oneshot_request("/v3/persons/1234567").respond_with_json(person())

    client.find_teacher(trn="7654321", date_of_birth=DOB)

    ours = "\n".join(record.getMessage() for record in caplog.records if record.name.startswith("ecf"))
    assert "merged" in ours
    assert not any(trn in ours for trn in TRNS)
