"""The Teaching Record System (TRS): who a teacher is, their QTS, induction status and alerts.

from ecf.trs import get_trs_client, TeacherNotFound, TRSUnavailable

try:
    teacher = get_trs_client().find_teacher(trn="1234567")
except TeacherNotFound:  # includes TeacherDeactivated
    ...
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ecf.trs.client import HTTPTRSClient, TRSClient, normalise_national_insurance_number
from ecf.trs.errors import TeacherDeactivated, TeacherNotFound, TRSError, TRSUnavailable
from ecf.trs.fake import (
    FAKE_DATE_OF_BIRTH,
    FAKE_NATIONAL_INSURANCE_NUMBER,
    TEST_GUIDANCE,
    TEST_TRNS,
    FakeTRS,
)
from ecf.trs.teacher import PROHIBITION_ALERT_CATEGORY_ID, InductionStatus, TRSTeacher

__all__ = [
    "FAKE_DATE_OF_BIRTH",
    "FAKE_NATIONAL_INSURANCE_NUMBER",
    "PROHIBITION_ALERT_CATEGORY_ID",
    "TEST_GUIDANCE",
    "TEST_TRNS",
    "FakeTRS",
    "HTTPTRSClient",
    "InductionStatus",
    "TRSClient",
    "TRSError",
    "TRSTeacher",
    "TRSUnavailable",
    "TeacherDeactivated",
    "TeacherNotFound",
    "get_trs_client",
    "normalise_national_insurance_number",
    "using_fake_trs",
]


def using_fake_trs() -> bool:
    """Whether pages should show the fake's test TRNs ("Information to review this journey")."""
    return bool(settings.TRS_FAKE)


def get_trs_client() -> TRSClient:
    """The fake when settings.TRS_FAKE, else the HTTP client.

    Settings decide whether the fake is allowed: it is on by default only when DEBUG is on outside
    production, must be asked for with TRS_FAKE=true when DEBUG is off, and is refused in
    production. The check is not repeated here with settings.DEBUG because the test runner turns
    DEBUG off at run time while the tests still want the fake.
    """
    if settings.TRS_FAKE:
        return FakeTRS()
    if not settings.TRS_API_BASE_URL or not settings.TRS_API_KEY:
        raise ImproperlyConfigured("Set TRS_API_BASE_URL and TRS_API_KEY, or TRS_FAKE=true to use the fake TRS.")
    return HTTPTRSClient(
        base_url=settings.TRS_API_BASE_URL,
        api_key=settings.TRS_API_KEY,
        api_version=settings.TRS_API_VERSION,
        timeout=settings.TRS_TIMEOUT_SECONDS,
    )
