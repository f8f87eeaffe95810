"""A teacher's display name and the search of lists by name or TRN: one rule each, in Python and in SQL."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecf.models import Teacher
from ecf.models.teachers import DISPLAY_NAME_SQL, display_name, display_name_expression, name_sql
from ecf.teachers.search import TeacherSearch, searchable_name
from tests.factories import TeacherFactory

# PostgreSQL text cannot hold NUL; anything else may be typed as a name.
NAMES = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first_name=NAMES, last_name=NAMES, corrected_name=st.one_of(st.just(""), NAMES))
def test_the_display_name_is_the_same_in_python_in_the_orm_and_in_raw_sql(first_name, last_name, corrected_name):
    teacher = TeacherFactory(trs_first_name=first_name, trs_last_name=last_name, corrected_name=corrected_name)
    expected = display_name(corrected_name=corrected_name, first_name=first_name, last_name=last_name)

    assert teacher.full_name == expected
    assert Teacher.objects.filter(pk=teacher.pk).values_list(display_name_expression(), flat=True).get() == expected
    with connection.cursor() as cursor:
        sql = f"SELECT {name_sql(DISPLAY_NAME_SQL, 'teacher')} FROM ecf_teacher teacher WHERE id = %s"  # noqa: S608 (constants)
        cursor.execute(sql, [teacher.pk])
        assert cursor.fetchone()[0] == expected


def test_the_corrected_name_wins_over_trs():
    assert display_name(corrected_name="Jo March", first_name="Josephine", last_name="March") == "Jo March"
    assert display_name(corrected_name="", first_name="Josephine", last_name="March") == "Josephine March"


@pytest.mark.parametrize(
    ("typed", "search"),
    [
        ("1234567", TeacherSearch(trn="1234567")),
        (" 123 4567 ", TeacherSearch(trn="1234567")),
        ("RP1234567", TeacherSearch(words=("RP1234567",))),  # letters: a name (or nothing)
        ("123456", TeacherSearch(words=("123456",))),
        ("  Jo March ", TeacherSearch(words=("Jo", "March"))),
        ("", TeacherSearch()),
    ],
)
def test_a_search_term_is_a_trn_or_part_of_a_name(typed, search):
    assert TeacherSearch.parse(typed) == search


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["1234567", "jo mar", "March", "Josie", "100%", "a_b", "back\\slash", "nobody"])
def test_the_orm_and_raw_sql_find_the_same_teachers(typed):
    teachers = [
        TeacherFactory(trn="1234567", trs_first_name="Josephine", trs_last_name="March", corrected_name="Jo March"),
        TeacherFactory(trs_first_name="Josie", trs_last_name="Smith"),
        TeacherFactory(trs_first_name="100%", trs_last_name="a_b"),
        TeacherFactory(trs_first_name="back\\slash", trs_last_name="Ok"),
        TeacherFactory(trs_first_name="Someone", trs_last_name="Else"),
    ]
    search = TeacherSearch.parse(typed)

    by_orm = set(
        Teacher.objects.alias(searchable_name=searchable_name("")).filter(search.q("")).values_list("pk", flat=True)
    )
    condition, params = search.sql("teacher")
    with connection.cursor() as cursor:
        # The condition is built from constants; the search term travels as a parameter.
        cursor.execute(f"SELECT id FROM ecf_teacher teacher WHERE true {condition}", params)  # noqa: S608
        by_sql = {row[0] for row in cursor.fetchall()}

    assert by_orm == by_sql
    assert by_orm <= {teacher.pk for teacher in teachers}
    assert (typed == "nobody") == (not by_orm)
