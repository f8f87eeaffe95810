"""The school's ECTs list (docs/journeys/README.md, "The lists")."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

URL = "/school/home/ects"


def test_an_empty_school_says_it_has_no_ects(school_client):
    response = school_client.get(URL)

    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">Early career teachers (ECT)</h1>' in html
    assert "Your school currently has no registered early career teachers." in html
    assert "Ashdown Primary School" in html


def test_an_ect_without_a_mentor_needs_action(school_client, school):
    ect = ECTAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Ada", trs_last_name="Lovelace")
    )

    html = school_client.get(URL).content.decode()

    assert "Ada Lovelace" in html
    assert "Action required" in html
    assert "A mentor needs to be assigned to Ada Lovelace." in html
    assert f'href="/school/ects/{ect.pk}/assign-mentor">Assign a mentor for this ECT' in html


def test_an_ect_with_a_mentor_is_registered_and_names_the_mentor(school_client, school):
    ect = ECTAtSchoolPeriodFactory(school=school)
    mentor = MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Grace", trs_last_name="Hopper")
    )
    MentorshipPeriodFactory(mentee=ect, mentor=mentor)

    html = school_client.get(URL).content.decode()

    assert "Registered" in html
    assert "Grace Hopper" in html
    assert "Assign a mentor for this ECT" not in html


def test_provider_led_ects_show_lead_provider_and_delivery_partner(school_client, school):
    training = TrainingPeriodFactory(ect_at_school_period=ECTAtSchoolPeriodFactory(school=school))

    html = school_client.get(URL).content.decode()

    assert training.lead_provider.name in html
    assert training.delivery_partner.name in html


def test_ects_without_a_mentor_come_first_then_latest_start(school_client, school):
    year = datetime.date.today().year
    with_mentor = ECTAtSchoolPeriodFactory(
        school=school, started_on=datetime.date(year - 1, 1, 1), teacher=TeacherFactory(trs_last_name="Mentored")
    )
    MentorshipPeriodFactory(mentee=with_mentor, mentor=MentorAtSchoolPeriodFactory(school=school))
    ECTAtSchoolPeriodFactory(
        school=school, started_on=datetime.date(year - 1, 2, 1), teacher=TeacherFactory(trs_last_name="Earlier")
    )
    ECTAtSchoolPeriodFactory(
        school=school, started_on=datetime.date(year - 1, 3, 1), teacher=TeacherFactory(trs_last_name="Later")
    )

    html = school_client.get(URL).content.decode()

    assert html.index("Later") < html.index("Earlier") < html.index("Mentored")


def test_other_schools_ects_and_past_ects_are_not_listed(school_client, school):
    ECTAtSchoolPeriodFactory(teacher=TeacherFactory(trs_last_name="Elsewhere"), school=SchoolFactory())
    ECTAtSchoolPeriodFactory(
        school=school,
        teacher=TeacherFactory(trs_last_name="Leftlongago"),
        started_on=datetime.date(2020, 9, 1),
        finished_on=datetime.date(2021, 7, 31),
    )

    html = school_client.get(URL).content.decode()

    assert "Elsewhere" not in html
    assert "Leftlongago" not in html


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("Lovelace", True),
        ("ada love", True),
        ("Lovelace  Ada", True),
        ("1234567", True),
        ("123 4567", True),
        ("Hopper", False),
        ("Ada Hopper", False),
    ],
)
def test_search_by_name_or_trn(school_client, school, term, found):
    ECTAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trn="1234567", trs_first_name="Ada", trs_last_name="Lovelace")
    )

    html = school_client.get(URL, {"q": term}).content.decode()

    assert ("Ada Lovelace" in html) is found
    assert ("There are no ECTs that match your search." in html) is not found


def test_twenty_ects_per_page_with_govuk_pagination(school_client, school):
    ECTAtSchoolPeriodFactory.create_batch(21, school=school)

    first = school_client.get(URL).content.decode()
    second = school_client.get(URL, {"page": 2}).content.decode()

    assert first.count('<h2 class="govuk-summary-card__title') == 20
    assert "govuk-pagination" in first
    assert second.count('<h2 class="govuk-summary-card__title') == 1


def test_the_list_says_which_ects_of_how_many_it_shows(school_client, school):
    ECTAtSchoolPeriodFactory.create_batch(21, school=school)

    assert "Showing 1 to 20 of 21 ECTs" in school_client.get(URL).content.decode()
    assert "Showing 21 to 21 of 21 ECTs" in school_client.get(URL, {"page": 2}).content.decode()
    assert "Showing" not in school_client.get(URL, {"q": "nobody"}).content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "999", "abc", "1'; DROP TABLE teachers; --"])
def test_a_strange_page_number_shows_a_page_not_an_error(school_client, school, page):
    ECTAtSchoolPeriodFactory(school=school)

    assert school_client.get(URL, {"page": page}).status_code == 200


def queries_for_page(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def populate(school, count):
    for _ in range(count):
        ect = ECTAtSchoolPeriodFactory(school=school)
        TrainingPeriodFactory(ect_at_school_period=ect)
        MentorshipPeriodFactory(mentee=ect, mentor=MentorAtSchoolPeriodFactory(school=school))


def test_the_list_runs_the_same_small_number_of_queries_for_1_or_50_ects(school_client, school):
    populate(school, 1)
    with_one = queries_for_page(school_client)
    populate(school, 49)
    with_fifty = queries_for_page(school_client)

    assert with_one == with_fifty
    assert with_fifty <= 10


def test_the_list_template_runs_no_queries(school_client, school, templates_run_no_queries):
    populate(school, 3)

    assert school_client.get(URL).status_code == 200


@pytest.mark.parametrize("term", ["%", "_", "\\", "' OR 1=1 --"])
def test_search_terms_are_text_not_patterns_or_sql(school_client, school, term):
    ECTAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trs_first_name="Ada", trs_last_name="Lovelace"))

    response = school_client.get(URL, {"q": term})

    assert response.status_code == 200
    assert "Ada Lovelace" not in response.content.decode()


def test_control_characters_in_a_search_are_ignored(school_client, school):
    ECTAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trs_first_name="Ada", trs_last_name="Lovelace"))

    response = school_client.get(URL, {"q": "Love\x00lace"})

    assert "Ada Lovelace" in response.content.decode()


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


def test_the_list_query_is_prepared_once_a_connection_has_run_it_a_few_times(school_client, school):
    # PostgreSQL planned the list's SQL in longer than it ran it (docs/adr/0015-prepared-statements.md): a
    # connection that has served the list DATABASE_PREPARE_THRESHOLD (5) times keeps it prepared.
    populate(school, 2)
    for _ in range(5):
        assert school_client.get(URL).status_code == 200
    assert not any("WITH chosen AS" in statement for statement in prepared_statements())

    assert school_client.get(URL).status_code == 200

    assert any("WITH chosen AS" in statement for statement in prepared_statements())
