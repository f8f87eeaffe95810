"""A teacher as TRS describes them, reduced to what this service uses."""

import dataclasses
import datetime
from typing import Any


class InductionStatus:
    """TRS's induction statuses (API version 20250627)."""

    NONE = "None"
    REQUIRED_TO_COMPLETE = "RequiredToComplete"
    IN_PROGRESS = "InProgress"
    PASSED = "Passed"
    FAILED = "Failed"
    FAILED_IN_WALES = "FailedInWales"
    EXEMPT = "Exempt"


# An active alert in this category means the teacher is prohibited from teaching.
PROHIBITION_ALERT_CATEGORY_ID = "b2b19019-b165-47a3-8745-3297ff152581"


@dataclasses.dataclass(frozen=True, kw_only=True)
class TRSTeacher:
    """Never holds a National Insurance number. The date of birth is kept only so the find step can
    compare it with what the school typed; it is left out of repr() so it cannot slip into logs."""

    trn: str
    first_name: str
    middle_name: str = ""
    last_name: str
    date_of_birth: datetime.date | None = dataclasses.field(default=None, repr=False)
    qts_awarded_on: datetime.date | None = None
    induction_status: str = InductionStatus.NONE
    induction_start_date: datetime.date | None = None
    induction_completed_date: datetime.date | None = None
    has_alerts: bool = False
    prohibited_from_teaching: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def has_passed_induction(self) -> bool:
        return self.induction_status == InductionStatus.PASSED

    @property
    def has_failed_induction(self) -> bool:
        # Failing in Wales counts as failing in England too.
        return self.induction_status in {InductionStatus.FAILED, InductionStatus.FAILED_IN_WALES}

    @property
    def is_exempt_from_induction(self) -> bool:
        return self.induction_status == InductionStatus.EXEMPT

    @classmethod
    def from_api(cls, data: dict[str, Any], *, today: datetime.date | None = None) -> "TRSTeacher":
        """Build from `GET /v3/persons/{trn}` with include=Induction,Alerts. Ignores nationalInsuranceNumber."""
        today = today or datetime.date.today()
        alerts = data.get("alerts") or []
        induction = data.get("induction") or {}
        qts = data.get("qts") or {}
        return cls(
            trn=str(data["trn"]),
            first_name=data.get("firstName") or "",
            middle_name=data.get("middleName") or "",
            last_name=data.get("lastName") or "",
            date_of_birth=_date(data.get("dateOfBirth")),
            # holdsFrom since API version 20250627; "awarded" in earlier versions.
            qts_awarded_on=_date(qts.get("holdsFrom") or qts.get("awarded")),
            induction_status=induction.get("status") or InductionStatus.NONE,
            induction_start_date=_date(induction.get("startDate")),
            induction_completed_date=_date(induction.get("completedDate")),
            has_alerts=bool(alerts),
            prohibited_from_teaching=any(_is_active_prohibition(alert, today=today) for alert in alerts),
        )


def _is_active_prohibition(alert: dict[str, Any], *, today: datetime.date) -> bool:
    category = ((alert.get("alertType") or {}).get("alertCategory") or {}).get("alertCategoryId")
    end_date = _date(alert.get("endDate"))
    return category == PROHIBITION_ALERT_CATEGORY_ID and (end_date is None or end_date > today)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None
