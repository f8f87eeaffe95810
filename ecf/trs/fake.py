"""The embedded Teaching Record System: made-up but predictable teachers for local use and tests.

See docs/journeys/README.md, "Test data from the embedded TRS": any 7-digit TRN with date of birth
3 February 1977 finds a teacher; the National Insurance number QQ 12 34 56 C matches any TRN; a few TRNs
are special.
"""

import dataclasses
import datetime

from ecf.models import Teacher
from ecf.trs.client import TRSClient, normalise_national_insurance_number
from ecf.trs.errors import TeacherDeactivated, TeacherNotFound
from ecf.trs.teacher import InductionStatus, TRSTeacher

FAKE_DATE_OF_BIRTH = datetime.date(1977, 2, 3)
FAKE_NATIONAL_INSURANCE_NUMBER = "QQ123456C"
FAKE_QTS_AWARDED_ON = datetime.date(2021, 7, 16)

# Shown on the find pages when the fake is in use ("Information to review this journey").
TEST_TRNS: tuple[tuple[str, str], ...] = (
    ("7000001", "No QTS"),
    ("7000002", "Not found"),
    ("7000003", "Prohibited from teaching"),
    ("7000004", "Deactivated (treated as not found)"),
    ("7000005", "Has an alert that is not a prohibition (may register)"),
    ("7000007", "Induction passed"),
    ("7000008", "Induction failed"),
    ("7000009", "Exempt from induction"),
    ("7000010", "Induction failed in Wales"),
    ("7000011", "Merged into 7000012"),
)
TEST_GUIDANCE = "Enter any TRN with the date of birth 03-02-1977 to find a teacher."

NOT_FOUND_TRN = "7000002"
DEACTIVATED_TRN = "7000004"
MERGED_TRNS = {"7000011": "7000012"}
INDUCTION_STATUSES = {
    "7000007": InductionStatus.PASSED,
    "7000008": InductionStatus.FAILED,
    "7000009": InductionStatus.EXEMPT,
    "7000010": InductionStatus.FAILED_IN_WALES,
}

FIRST_NAMES = (
    "Aisha", "Ben", "Chloe", "Dev", "Ellie", "Femi", "Grace", "Harry", "Isla", "Jamal", "Kate", "Liam",
    "Maya", "Noah", "Olivia", "Priya", "Rhys", "Sofia", "Tom", "Zara",
)  # fmt: skip
LAST_NAMES = (
    "Ahmed", "Brown", "Campbell", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones", "Khan",
    "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Roberts", "Singh", "Taylor", "Walker", "Wright", "Young",
)  # fmt: skip


def fake_name(trn: str) -> tuple[str, str]:
    """The same TRN always gives the same (first name, last name)."""
    number = int(trn)
    return FIRST_NAMES[number % len(FIRST_NAMES)], LAST_NAMES[(number // len(FIRST_NAMES)) % len(LAST_NAMES)]


class FakeTRS(TRSClient):
    def _find_teacher(
        self, *, trn: str, date_of_birth: datetime.date | None, national_insurance_number: str | None
    ) -> TRSTeacher:
        if trn == NOT_FOUND_TRN:
            raise TeacherNotFound(trn)
        if trn == DEACTIVATED_TRN:
            raise TeacherDeactivated(trn)
        # Like TRS: the checks apply to the record the TRN was merged into.
        trn = MERGED_TRNS.get(trn, trn)
        if date_of_birth is not None and date_of_birth != FAKE_DATE_OF_BIRTH:
            raise TeacherNotFound(trn)
        if (
            national_insurance_number is not None
            and normalise_national_insurance_number(national_insurance_number) != FAKE_NATIONAL_INSURANCE_NUMBER
        ):
            raise TeacherNotFound(trn)
        return self.teacher(trn=trn)

    def teacher(self, *, trn: str) -> TRSTeacher:
        """The record behind a TRN, without any checks."""
        first_name, last_name = self._known_name(trn=trn) or fake_name(trn)
        teacher = TRSTeacher(
            trn=trn,
            first_name=first_name,
            last_name=last_name,
            date_of_birth=FAKE_DATE_OF_BIRTH,
            qts_awarded_on=None if trn == "7000001" else FAKE_QTS_AWARDED_ON,
            induction_status=INDUCTION_STATUSES.get(trn, InductionStatus.REQUIRED_TO_COMPLETE),
            has_alerts=trn in {"7000003", "7000005"},
            prohibited_from_teaching=trn == "7000003",
        )
        if teacher.has_passed_induction or teacher.has_failed_induction:
            teacher = dataclasses.replace(
                teacher,
                induction_start_date=datetime.date(2022, 9, 1),
                induction_completed_date=datetime.date(2024, 7, 19),
            )
        return teacher

    def _known_name(self, *, trn: str) -> tuple[str, str] | None:
        # Teachers already registered keep their names, so a demo shows the same person every time.
        return Teacher.objects.filter(trn=trn).values_list("trs_first_name", "trs_last_name").first()
