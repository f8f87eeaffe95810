"""TeacherSearch (ecf/teachers/search.py): one reading of what the user typed, the same in the ORM (the mentors
list) and in raw SQL (the ECTs list)."""

import pytest
from django.db import connection

from ecf.models import Teacher
from ecf.teachers.search import TeacherSearch, searchable_name
from tests.factories import TeacherFactory


def test_a_name_is_read_as_words_with_common_apostrophes_made_plain_and_spaces_collapsed():
    assert TeacherSearch.parse("  O’Brien   Poppy ").words == ("O'Brien", "Poppy")
    assert TeacherSearch.parse("O‘Brien Oʼbrien O`Brien O´Brien").words == ("O'Brien", "O'brien", "O'Brien", "O'Brien")


def test_a_trn_is_still_a_trn():
    assert TeacherSearch.parse("123 4567") == TeacherSearch(trn="1234567")


def found_by_orm(term: str) -> set[str]:
    queryset = Teacher.objects.alias(searchable_name=searchable_name("")).filter(TeacherSearch.parse(term).q(""))
    return {teacher.full_name for teacher in queryset}


def found_by_sql(term: str) -> set[str]:
    condition, params = TeacherSearch.parse(term).sql("teacher")
    with connection.cursor() as cursor:
        # The condition is built from constants; the search term travels as parameters.
        cursor.execute(f"SELECT teacher.id FROM ecf_teacher teacher WHERE true{condition}", params)  # noqa: S608
        ids = [row[0] for row in cursor.fetchall()]
    return {teacher.full_name for teacher in Teacher.objects.filter(pk__in=ids)}


@pytest.fixture
def teachers(db):
    TeacherFactory(trs_first_name="Poppy", trs_last_name="Adams", corrected_name="")
    TeacherFactory(trs_first_name="Liam", trs_last_name="O'Brien", corrected_name="")
    TeacherFactory(trs_first_name="Niamh", trs_last_name="O’Brien", corrected_name="")  # a curly apostrophe in TRS
    TeacherFactory(trs_first_name="Adam", trs_last_name="Poppleton", corrected_name="")
    TeacherFactory(trs_first_name="Ann", trs_last_name="Lee", corrected_name="Ann 100% Lee_Smith")


@pytest.mark.parametrize("found", [found_by_orm, found_by_sql], ids=["orm", "sql"])
@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("O'Brien", {"Liam O'Brien", "Niamh O’Brien"}),
        ("O’Brien", {"Liam O'Brien", "Niamh O’Brien"}),
        ("o‘brien", {"Liam O'Brien", "Niamh O’Brien"}),
        ("Poppy  Adams", {"Poppy Adams"}),
        ("Adams Poppy", {"Poppy Adams"}),
        ("adams poppy", {"Poppy Adams"}),
        ("Popp", {"Poppy Adams", "Adam Poppleton"}),
        ("Poppy Brien", set()),  # every word must match
        ("100%", {"Ann 100% Lee_Smith"}),  # wildcards are text
        ("%", {"Ann 100% Lee_Smith"}),
        ("e_S", {"Ann 100% Lee_Smith"}),
        ("_", {"Ann 100% Lee_Smith"}),
        ("\\", set()),
        ("", {"Poppy Adams", "Liam O'Brien", "Niamh O’Brien", "Adam Poppleton", "Ann 100% Lee_Smith"}),
        ("' OR 1=1 --", set()),
    ],
)
def test_each_word_matches_the_name_in_any_order(teachers, found, term, expected):
    assert found(term) == expected
