"""The shared find-a-teacher fields and forms (ecf.teachers), with the copy of docs/journeys/README.md."""

import datetime
import logging

import pytest

from ecf.journeys import JourneyForm
from ecf.teachers.fields import DateOfBirthField, NationalInsuranceNumberField, TRNField, years_before
from tests.factories import ECTAtSchoolPeriodFactory, SchoolFactory, TeacherFactory
from tests.unit.journey_forms import DOB, TODAY, context, date, ect_form, errors

# TRN ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("1234567", "1234567"),
        ("RP99/12345", "9912345"),
        ("12345", "0012345"),
        ("123456", "0123456"),
        (" 12 34 5 ", "0012345"),
    ],
)
def test_a_trn_is_stripped_of_non_digits_and_padded_to_7(typed, cleaned):
    assert TRNField().clean(typed) == cleaned


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a teacher reference number (TRN)"),
        ("   ", "Enter a teacher reference number (TRN)"),
        ("1234", "Teacher reference number must include at least 5 digits"),
        ("RP/", "Teacher reference number must include at least 5 digits"),
        ("12345678", "Teacher reference number cannot include more than 7 digits"),
        ("١٢٣٤٥٦٧", "Teacher reference number must include at least 5 digits"),  # non-ASCII digits are not digits
    ],
)
def test_trn_errors(typed, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        TRNField().clean(typed)
    assert error.value.messages == [message]


# Date of birth --------------------------------------------------------------------------------------------------


class DateOfBirthForm(JourneyForm):
    date_of_birth = DateOfBirthField()


@pytest.mark.parametrize(
    ("data", "message", "parts"),
    [
        ({}, "Enter a date of birth", None),
        (
            {"date_of_birth-day": "3"},
            "Enter the date of birth in the correct format, for example 12 03 1998",
            ("month", "year"),
        ),
        (
            {"date_of_birth-day": "31", "date_of_birth-month": "2", "date_of_birth-year": "1990"},
            "Enter the date of birth in the correct format, for example 12 03 1998",
            ("day",),
        ),
        (
            {"date_of_birth-day": "1", "date_of_birth-month": "1", "date_of_birth-year": "9" * 5000},
            "Enter the date of birth in the correct format, for example 12 03 1998",
            ("year",),
        ),
        (
            date(years_before(TODAY, 100) - datetime.timedelta(days=1), "date_of_birth"),
            "The teacher cannot be more than 100 years old",
            None,
        ),
        (
            date(years_before(TODAY, 18) + datetime.timedelta(days=1), "date_of_birth"),
            "The teacher cannot be less than 18 years old",
            None,
        ),
    ],
)
def test_date_of_birth_errors(data, message, parts):
    form = DateOfBirthForm(data)

    assert errors(form) == {"date_of_birth": [message]}
    error = form.errors.as_data()["date_of_birth"][0]
    assert (tuple((error.params or {}).get("parts") or ()) or None) == parts


def test_the_date_of_birth_hint():
    assert DateOfBirthField().help_text == "For example, 31 3 1980"


def test_exactly_18_and_exactly_100_years_old_are_allowed():
    for day in (years_before(TODAY, 18), years_before(TODAY, 100)):
        assert DateOfBirthForm(date(day, "date_of_birth")).is_valid()


# National Insurance number ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["QQ 12 34 56 C", "qq123456c", "AB123456D", " ce 00 00 00 a "])
def test_national_insurance_numbers_are_normalised(typed):
    assert NationalInsuranceNumberField().clean(typed) == "".join(typed.split()).upper()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a National Insurance Number"),
        ("12345", "Enter a National Insurance Number in the correct format"),
        ("QQ123456E", "Enter a National Insurance Number in the correct format"),
        ("GB123456A", "Enter a National Insurance Number in the correct format"),
        ("DA123456A", "Enter a National Insurance Number in the correct format"),
        ("QQ12345\x006C", "Enter a National Insurance Number in the correct format"),
    ],
)
def test_national_insurance_number_errors(typed, message):
    form = ect_form("national-insurance-number", {"national_insurance_number": typed}, context())

    assert errors(form) == {"national_insurance_number": [message]}


# Find ----------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_find_reports_what_trs_said_without_the_date_of_birth():
    school = SchoolFactory()
    form = ect_form("find-ect", {"trn": "1234567", **DOB}, context(school))

    assert form.is_valid()
    facts = form.facts()
    assert facts["found"]
    assert facts["trn"] == "1234567"
    assert facts["already_at_school"] is False
    assert facts["registered_before"] is False
    assert "1977" not in repr(facts)


@pytest.mark.django_db
def test_find_with_a_wrong_date_of_birth_looks_like_an_unknown_trn_and_keeps_no_names():
    """TRS checks the date of birth with the TRN: a wrong one and a TRN TRS does not know say the same."""
    wrong_date = ect_form("find-ect", {"trn": "1234567", **DOB, "date_of_birth-day": "4"}, context(SchoolFactory()))
    unknown_trn = ect_form("find-ect", {"trn": "7000002", **DOB}, context(SchoolFactory()))

    assert wrong_date.is_valid()
    assert unknown_trn.is_valid()
    assert wrong_date.facts() == {"found": False, "requested_trn": "1234567"}
    assert unknown_trn.facts() == {"found": False, "requested_trn": "7000002"}


@pytest.mark.django_db
def test_find_follows_a_merged_trn():
    form = ect_form("find-ect", {"trn": "7000011", **DOB}, context(SchoolFactory()))

    assert form.is_valid()
    assert form.facts()["trn"] == "7000012"
    assert form.facts()["merged_from"] == "7000011"


@pytest.mark.django_db
def test_find_knows_an_ect_already_at_the_school_and_one_registered_before():
    school = SchoolFactory()
    ECTAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trn="1234567"))

    form = ect_form("find-ect", {"trn": "1234567", **DOB}, context(school))
    assert form.is_valid()
    assert form.facts()["already_at_school"] is True
    assert form.facts()["registered_before"] is True


@pytest.mark.django_db
def test_trs_unavailable_is_a_form_error_and_logs_neither_trn_nor_date_of_birth(monkeypatch, caplog):
    from ecf.trs import FakeTRS, TRSUnavailable

    def unavailable(self, **kwargs):
        raise TRSUnavailable("TRS did not answer")

    monkeypatch.setattr(FakeTRS, "_find_teacher", unavailable)
    form = ect_form("find-ect", {"trn": "1234567", **DOB}, context(SchoolFactory()))

    with caplog.at_level(logging.INFO):
        assert errors(form) == {"__all__": ["There is a problem with the teacher record service. Try again later."]}
    assert "TRS unavailable looking up a TRN" in caplog.text
    assert "1234567" not in caplog.text
    assert "1977" not in caplog.text


@pytest.mark.django_db
def test_national_insurance_number_lookup():
    answers = {"find-ect": {"data": {}, "facts": {"found": False, "requested_trn": "1234567"}}}
    matched = ect_form(
        "national-insurance-number",
        {"national_insurance_number": "QQ 12 34 56 C"},
        context=context(SchoolFactory(), **answers),
    )
    unmatched = ect_form(
        "national-insurance-number",
        {"national_insurance_number": "AB 12 34 56 C"},
        context=context(SchoolFactory(), **answers),
    )

    assert matched.is_valid()
    assert unmatched.is_valid()
    assert matched.facts()["found"] is True
    assert matched.facts()["trn"] == "1234567"
    assert "QQ" not in repr(matched.facts())
    assert unmatched.facts()["found"] is False
