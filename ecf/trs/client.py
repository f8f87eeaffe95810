"""Looking teachers up in the Teaching Record System (TRS) over HTTP.

`GET {base}/v3/persons/{trn}` answers 200 with the person, 404 when there is no such person (or the
date of birth / National Insurance number check fails), 410 when the record was deactivated and
308 to `/v3/persons/{new trn}` when it was merged into another (API version 20260120 onwards).
"""

import abc
import datetime
import logging
import re
from typing import Any
from urllib.parse import urlsplit

import requests

from ecf.trs.errors import TeacherDeactivated, TeacherNotFound, TRSError, TRSUnavailable
from ecf.trs.teacher import TRSTeacher

logger = logging.getLogger(__name__)

TRN_PATTERN = re.compile(r"\d{7}")
# A merged record could in theory point at another merged record; never follow a loop for ever.
MAX_MERGE_HOPS = 3


def normalise_national_insurance_number(value: str) -> str:
    """'qq 12 34 56 c' → 'QQ123456C', as people type it with spaces and in any case."""
    return "".join(value.split()).upper()


class TRSClient(abc.ABC):
    """Find a teacher by TRN, optionally checking one of date of birth or National Insurance number.

    With neither check, the teacher comes back with their date of birth so the caller can compare it
    (the register-an-ECT journey does: a mismatch leads to the National Insurance number step).
    Raises TeacherNotFound (or its subclass TeacherDeactivated), TRSUnavailable or TRSError.
    """

    def find_teacher(
        self,
        *,
        trn: str,
        date_of_birth: datetime.date | None = None,
        national_insurance_number: str | None = None,
    ) -> TRSTeacher:
        if not TRN_PATTERN.fullmatch(trn):
            raise ValueError("A TRN is 7 digits; normalise it before asking TRS.")
        if date_of_birth is not None and national_insurance_number is not None:
            # TRS answers 400 to both at once; the journeys check one, then the other.
            raise ValueError("Check either the date of birth or the National Insurance number, not both.")
        if national_insurance_number is not None:
            national_insurance_number = normalise_national_insurance_number(national_insurance_number)
        return self._find_teacher(
            trn=trn, date_of_birth=date_of_birth, national_insurance_number=national_insurance_number
        )

    @abc.abstractmethod
    def _find_teacher(
        self, *, trn: str, date_of_birth: datetime.date | None, national_insurance_number: str | None
    ) -> TRSTeacher: ...


class HTTPTRSClient(TRSClient):
    def __init__(self, *, base_url: str, api_key: str, api_version: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.api_version = api_version
        self.timeout = timeout

    def _find_teacher(
        self, *, trn: str, date_of_birth: datetime.date | None, national_insurance_number: str | None
    ) -> TRSTeacher:
        params = {"include": "Induction,Alerts"}
        if date_of_birth is not None:
            params["dateOfBirth"] = date_of_birth.isoformat()
        if national_insurance_number is not None:
            params["nationalInsuranceNumber"] = national_insurance_number

        requested_trn = trn
        for _ in range(MAX_MERGE_HOPS + 1):
            response = self._get(trn=requested_trn, params=params)
            if response.status_code != 308:
                return self._teacher_from(response, trn=requested_trn)
            # Followed here rather than by requests: the Location has no query string, so requests
            # would drop the date of birth / National Insurance number check on the merged record.
            merged_into = _trn_from_location(response.headers.get("Location", ""))
            if merged_into is None:
                raise TRSError("TRS said the TRN was merged but gave no TRN to follow")
            logger.info("TRS: the TRN was merged into another; following it")
            requested_trn = merged_into
        raise TRSError(f"TRS redirected the TRN more than {MAX_MERGE_HOPS} times")

    def _get(self, *, trn: str, params: dict[str, str]) -> requests.Response:
        problem = ""
        try:
            return requests.get(
                f"{self.base_url}/v3/persons/{trn}",
                params=params,
                headers={
                    "Authorization": f"Bearer {self.api_key}",
                    "X-Api-Version": self.api_version,
                    "Accept": "application/json",
                },
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.Timeout:
            problem = f"did not answer within {self.timeout:g} seconds"
        except requests.RequestException as error:
            problem = f"could not be reached ({type(error).__name__})"
        # Raised outside the except block on purpose: requests' own exceptions quote the URL, whose
        # query string holds the date of birth or National Insurance number, and chaining them
        # (__context__) would print that URL in every traceback.
        logger.warning("TRS %s looking up a TRN", problem)
        raise TRSUnavailable(f"TRS {problem} looking up a TRN")

    def _teacher_from(self, response: requests.Response, *, trn: str) -> TRSTeacher:
        status = response.status_code
        if status == 200:
            try:
                data: dict[str, Any] = response.json()
                return TRSTeacher.from_api(data)
            except (ValueError, KeyError, TypeError, AttributeError):
                pass
            # Outside the except block: a parsing error can quote the body, which holds the date of birth.
            raise TRSError("TRS answered a TRN lookup with a body this service cannot read")
        if status == 404:
            raise TeacherNotFound(trn)
        if status == 410:
            raise TeacherDeactivated(trn)
        if status >= 500 or status == 429:
            logger.warning("TRS answered %s looking up a TRN", status)
            raise TRSUnavailable(f"TRS answered {status} looking up a TRN")
        # 400, 401, 403...: our request or our key is wrong. The body is not quoted: it may echo the query.
        raise TRSError(f"TRS answered {status} looking up a TRN")


def _trn_from_location(location: str) -> str | None:
    match = re.search(r"/persons/(\d{7})$", urlsplit(location).path)
    return match.group(1) if match else None
