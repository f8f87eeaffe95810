"""The embedded TRS gives whoever reviews the journeys the people that docs/journeys/README.md promises ("Test data
from the embedded TRS")."""

import datetime
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from ecf.trs import (
    FAKE_DATE_OF_BIRTH,
    TEST_TRNS,
    FakeTRS,
    HTTPTRSClient,
    InductionStatus,
    TeacherDeactivated,
    TeacherNotFound,
    get_trs_client,
    using_fake_trs,
)
from tests.factories import TeacherFactory

DOB = datetime.date(1977, 2, 3)

pytestmark = pytest.mark.django_db  # the fake looks for teachers already registered


@pytest.fixture
def trs():
    return FakeTRS()


def test_any_trn_with_the_test_date_of_birth_finds_a_teacher_who_may_register(trs):
    teacher = trs.find_teacher(trn="1234567", date_of_birth=DOB)

    assert teacher.trn == "1234567"
    assert teacher.first_name
    assert teacher.last_name
    assert teacher.date_of_birth == FAKE_DATE_OF_BIRTH == DOB
    assert teacher.qts_awarded_on is not None
    assert teacher.induction_status == InductionStatus.REQUIRED_TO_COMPLETE
    assert not teacher.has_alerts
    assert not teacher.prohibited_from_teaching


def test_the_name_is_derived_from_the_trn(trs):
    first = trs.find_teacher(trn="1234567", date_of_birth=DOB)
    again = FakeTRS().find_teacher(trn="1234567", date_of_birth=DOB)
    other = trs.find_teacher(trn="1234568", date_of_birth=DOB)

    assert (first.first_name, first.last_name) == (again.first_name, again.last_name)
    assert (first.first_name, first.last_name) != (other.first_name, other.last_name)


def test_teachers_already_in_the_database_keep_their_names(trs):
    TeacherFactory(trn="2345678", trs_first_name="Bilbo", trs_last_name="Baggins")

    teacher = trs.find_teacher(trn="2345678", date_of_birth=DOB)

    assert teacher.full_name == "Bilbo Baggins"


def test_without_a_date_of_birth_the_teacher_comes_back_with_theirs_to_compare(trs):
    # The find step asks by TRN alone and compares the date of birth itself.
    assert trs.find_teacher(trn="1234567").date_of_birth == DOB


def test_a_wrong_date_of_birth_is_not_found(trs):
    with pytest.raises(TeacherNotFound):
        trs.find_teacher(trn="1234567", date_of_birth=datetime.date(1977, 2, 4))


@pytest.mark.parametrize("national_insurance_number", ["QQ 12 34 56 C", "QQ123456C", "qq123456c", " qq 12 34 56 c "])
def test_the_test_national_insurance_number_matches_however_it_is_typed(trs, national_insurance_number):
    teacher = trs.find_teacher(trn="1234567", national_insurance_number=national_insurance_number)

    assert teacher.trn == "1234567"


def test_another_national_insurance_number_is_not_found(trs):
    with pytest.raises(TeacherNotFound):
        trs.find_teacher(trn="1234567", national_insurance_number="QQ 12 34 56 D")


def test_date_of_birth_and_national_insurance_number_are_checked_one_at_a_time(trs):
    with pytest.raises(ValueError, match="not both"):
        trs.find_teacher(trn="1234567", date_of_birth=DOB, national_insurance_number="QQ123456C")


@pytest.mark.parametrize("trn", ["123456", "12345678", "RP99/12345", ""])
def test_only_normalised_seven_digit_trns_are_asked_for(trs, trn):
    with pytest.raises(ValueError, match="7 digits"):
        trs.find_teacher(trn=trn, date_of_birth=DOB)


def test_7000001_has_no_qts(trs):
    teacher = trs.find_teacher(trn="7000001", date_of_birth=DOB)

    assert teacher.qts_awarded_on is None
    assert teacher.induction_status == InductionStatus.REQUIRED_TO_COMPLETE


def test_7000002_is_not_found_even_with_the_right_details(trs):
    with pytest.raises(TeacherNotFound):
        trs.find_teacher(trn="7000002", date_of_birth=DOB)
    with pytest.raises(TeacherNotFound):
        trs.find_teacher(trn="7000002", national_insurance_number="QQ123456C")


def test_7000003_is_prohibited_from_teaching(trs):
    teacher = trs.find_teacher(trn="7000003", date_of_birth=DOB)

    assert teacher.prohibited_from_teaching
    assert teacher.has_alerts


def test_7000004_is_deactivated_which_callers_treat_as_not_found(trs):
    with pytest.raises(TeacherDeactivated) as raised:
        trs.find_teacher(trn="7000004", date_of_birth=DOB)

    assert isinstance(raised.value, TeacherNotFound)


def test_7000005_has_an_alert_that_is_not_a_prohibition(trs):
    teacher = trs.find_teacher(trn="7000005", date_of_birth=DOB)

    assert teacher.has_alerts
    assert not teacher.prohibited_from_teaching


@pytest.mark.parametrize(
    ("trn", "status", "passed", "failed", "exempt"),
    [
        ("7000007", InductionStatus.PASSED, True, False, False),
        ("7000008", InductionStatus.FAILED, False, True, False),
        ("7000009", InductionStatus.EXEMPT, False, False, True),
        ("7000010", InductionStatus.FAILED_IN_WALES, False, True, False),
    ],
)
def test_special_induction_statuses(trs, trn, status, passed, failed, exempt):
    teacher = trs.find_teacher(trn=trn, date_of_birth=DOB)

    assert teacher.induction_status == status
    assert (teacher.has_passed_induction, teacher.has_failed_induction, teacher.is_exempt_from_induction) == (
        passed,
        failed,
        exempt,
    )


def test_7000011_was_merged_into_7000012(trs):
    teacher = trs.find_teacher(trn="7000011", date_of_birth=DOB)

    assert teacher.trn == "7000012"
    assert teacher == trs.find_teacher(trn="7000012", date_of_birth=DOB)


def test_the_merged_record_still_checks_the_date_of_birth(trs):
    with pytest.raises(TeacherNotFound):
        trs.find_teacher(trn="7000011", date_of_birth=datetime.date(1980, 1, 1))


def test_the_test_trns_are_listed_for_the_find_pages():
    listed = dict(TEST_TRNS)

    assert set(listed) == {f"70000{n:02d}" for n in (1, 2, 3, 4, 5, 7, 8, 9, 10, 11)}
    assert listed["7000011"] == "Merged into 7000012"
    assert all(description for description in listed.values())


def test_repr_never_shows_the_date_of_birth(trs):
    assert "1977" not in repr(trs.find_teacher(trn="1234567", date_of_birth=DOB))


@override_settings(TRS_FAKE=True)
def test_get_trs_client_gives_the_fake_when_asked():
    assert isinstance(get_trs_client(), FakeTRS)
    assert using_fake_trs()


@override_settings(TRS_FAKE=False, TRS_API_BASE_URL="https://trs.example", TRS_API_KEY="key", TRS_TIMEOUT_SECONDS=3.0)
def test_get_trs_client_gives_the_http_client_otherwise():
    client = get_trs_client()

    assert isinstance(client, HTTPTRSClient)
    assert client.timeout == 3.0
    assert not using_fake_trs()


@override_settings(TRS_FAKE=False, TRS_API_BASE_URL="", TRS_API_KEY="")
def test_get_trs_client_refuses_to_guess_without_configuration():
    with pytest.raises(ImproperlyConfigured):
        get_trs_client()


def settings_value(name: str, **environment: str) -> str:
    """A setting as a fresh process computes it from the environment given."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DEBUG", "TRS_"))}
    env.update(environment)
    result = subprocess.run(  # noqa: S603 -- our own interpreter, fixed arguments
        [sys.executable, "-c", f"import ecf.settings as s; print(s.{name})"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_the_fake_is_on_by_default_locally_and_must_be_asked_for_when_debug_is_off():
    assert settings_value("TRS_FAKE") == "True"
    assert settings_value("TRS_FAKE", DEBUG="false") == "False"
    assert settings_value("TRS_FAKE", DEBUG="false", TRS_FAKE="true") == "True"
