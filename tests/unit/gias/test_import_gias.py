"""`manage.py import_gias FILE`: which establishments become schools, what a second run does, and what a
bad file gets (docs/adr/0012-structured-logs-and-gias-schools.md, schools/gias/)."""

import datetime
import os
import subprocess
import sys
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

from ecf.models import Event
from schools.models import School
from tests.factories import SchoolFactory
from tests.unit.gias.conftest import SAMPLE, run_import, sample_rows

pytestmark = pytest.mark.django_db

IMPORTED = {990001, 990002, 990003, 990007, 990008, 990011, 990012}


def row(urn: int) -> dict:
    return next(dict(r) for r in sample_rows()[1] if r["URN"] == str(urn))


def test_the_sample_file_imports_the_eligible_establishments_and_says_what_it_did():
    out, err = run_import(SAMPLE)

    assert set(School.objects.values_list("urn", flat=True)) == IMPORTED
    assert "Finished: 12 rows read, 7 created, 0 updated, 0 unchanged, 5 not eligible, 0 unreadable" in out
    assert "Created 7 and updated 0 schools." in out
    assert err == ""


def test_columns_map_to_the_school():
    run_import(SAMPLE)

    school = School.objects.get(urn=990002)
    assert school.name == "Riverside Academy"
    assert school.establishment_type == "Academy converter"
    assert school.phase == School.Phase.SECONDARY
    assert school.status == School.Status.OPEN
    assert school.local_authority == "Birmingham"
    assert (school.address_line1, school.address_line2, school.town, school.postcode) == (
        "1 River Road",
        "",
        "Birmingham",
        "B1 1AA",
    )
    assert school.closed_on is None
    assert school.eligible
    assert not school.independent
    assert School.objects.get(urn=990012).phase == School.Phase.NURSERY
    assert School.objects.get(urn=990008).phase == School.Phase.SIXTEEN_PLUS


def test_windows_1252_names_round_trip():
    run_import(SAMPLE)

    assert School.objects.get(urn=990001).name == "St Mary’s Church of England Primary School"
    assert School.objects.get(urn=990012).name == "Chloë Brontë Nursery School"


def test_a_utf8_copy_saved_by_a_spreadsheet_reads_the_same(write_extract):
    _, rows = sample_rows()
    path = write_extract(rows, encoding="utf-8-sig")

    run_import(path)

    assert School.objects.get(urn=990001).name == "St Mary’s Church of England Primary School"


@pytest.mark.parametrize(
    ("urn", "why"),
    [
        (990004, "closed before 2020"),
        (990005, "in Wales"),
        (990006, "independent without section 41 approval"),
        (990009, "a secure unit, not an eligible type"),
        (990010, "not open yet"),
    ],
)
def test_ineligible_establishments_are_not_imported(urn, why):
    run_import(SAMPLE)

    assert not School.objects.filter(urn=urn).exists(), why


def test_eligibility_rules(write_extract):
    in_wales_by_region = {**row(990002), "URN": "990101", "GOR (name)": "Wales (pseudo)"}
    overseas = {**row(990002), "URN": "990102", "TypeOfEstablishment (name)": "British schools overseas"}
    independent_approved = {**row(990007), "URN": "990103"}
    closed_in_2020 = {**row(990003), "URN": "990104", "CloseDate": "01-01-2020"}
    closed_in_2019 = {**row(990003), "URN": "990105", "CloseDate": "31-12-2019"}

    run_import(write_extract([in_wales_by_region, overseas, independent_approved, closed_in_2020, closed_in_2019]))

    assert set(School.objects.values_list("urn", flat=True)) == {990103, 990104}
    assert School.objects.get(urn=990103).independent


def test_a_recently_closed_school_is_imported_as_closed():
    run_import(SAMPLE)

    school = School.objects.get(urn=990003)
    assert school.status == School.Status.CLOSED
    assert school.closed_on == datetime.date(2023, 8, 31)
    assert not school.can_register
    assert School.objects.get(urn=990011).can_register  # open, but proposed to close


def test_a_second_run_changes_nothing_and_says_so():
    run_import(SAMPLE)
    before = list(School.objects.order_by("urn").values())
    events = Event.objects.count()

    out, _ = run_import(SAMPLE)

    assert list(School.objects.order_by("urn").values()) == before
    assert Event.objects.count() == events
    assert "0 created, 0 updated, 7 unchanged" in out
    assert "No changes: every school was already up to date." in out


def test_a_changed_name_and_address_are_updated_without_an_event(write_extract):
    run_import(SAMPLE)
    renamed = {**row(990002), "EstablishmentName": "Riverside Academy – Upper School", "Postcode": "B2 2BB"}

    out, _ = run_import(write_extract([renamed]))

    school = School.objects.get(urn=990002)
    assert (school.name, school.postcode) == ("Riverside Academy – Upper School", "B2 2BB")
    assert "0 created, 1 updated, 0 unchanged" in out
    assert not Event.objects.filter(school=school).exists()


def test_a_school_that_closes_is_marked_closed_never_deleted_with_an_event(write_extract):
    school = SchoolFactory(urn=990002, name="Riverside Academy")
    closed = {**row(990002), "EstablishmentStatus (name)": "Closed", "CloseDate": "31-08-2026"}

    out, _ = run_import(write_extract([closed]))

    school.refresh_from_db()
    assert school.status == School.Status.CLOSED
    assert school.closed_on == datetime.date(2026, 8, 31)
    [event] = Event.objects.filter(school=school)
    assert event.event_type == "school_status_changed_in_gias"
    assert event.heading == "Riverside Academy is now closed (GIAS)"
    assert event.changes["status"] == ["open", "closed"]
    assert event.author_name == "GIAS import"
    assert event.request_id.startswith("import_gias-")
    assert event.request_id in out


def test_a_school_missing_from_the_file_is_kept(write_extract):
    kept = SchoolFactory(urn=123456)

    run_import(write_extract([row(990002)]))

    assert School.objects.filter(pk=kept.pk).exists()


def test_a_school_we_have_that_becomes_ineligible_is_updated_with_an_event(write_extract):
    school = SchoolFactory(urn=990002, name="Riverside Academy")
    now_independent = {**row(990002), "TypeOfEstablishment (name)": "Other independent school"}

    run_import(write_extract([now_independent]))

    school.refresh_from_db()
    assert not school.eligible
    assert not school.can_register
    [event] = Event.objects.filter(school=school)
    assert event.heading == "Riverside Academy can no longer register early career teachers (GIAS)"


def test_progress_is_shown_every_n_rows():
    out, _ = run_import(SAMPLE, "--progress-every", "5", "--batch-size", "5")

    assert "Read 5 rows: 3 created" in out
    assert "Read 10 rows:" in out


def test_unreadable_rows_are_skipped_and_named_by_line(write_extract):
    rows = [
        {**row(990001), "URN": "not-a-urn"},
        {**row(990002), "EstablishmentStatus (name)": "Open-ish"},
        {**row(990003), "CloseDate": "yesterday"},
        {**row(990008), "EstablishmentName": "x" * 201},
        row(990011),
    ]

    out, err = run_import(write_extract(rows))

    assert set(School.objects.values_list("urn", flat=True)) == {990011}
    assert "Skipped line 2: URN is not a number" in err
    assert "Skipped line 3: EstablishmentStatus (name) is not one GIAS uses" in err
    assert "Skipped line 4: CloseDate is not a date" in err
    assert "Skipped line 5: name is too long" in err
    assert "4 unreadable" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty: it has no header row."),
        (b"Name,Address\r\nA,B\r\n", "This is not a GIAS establishments file: it has no URN, EstablishmentName,"),
        (b"URN,EstablishmentName\r\n1,A\r\n", "it has no TypeOfEstablishment (name), EstablishmentStatus (name),"),
        (b"\x81\x8d\x8f\x90\x9d", "The file is not Windows-1252 text"),
        (SAMPLE.read_bytes() + b'990099,"a"b\r\n', "The file is not valid CSV (after row 12)"),
    ],
    ids=["empty", "other columns", "some columns missing", "not windows-1252", "not csv"],
)
def test_a_malformed_file_is_a_clear_command_error_and_changes_nothing(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)

    with pytest.raises(CommandError) as raised:
        run_import(path)

    assert message in str(raised.value)
    assert str(raised.value).endswith("Nothing was changed.")
    assert not School.objects.exists()


def test_a_file_that_breaks_halfway_changes_nothing(write_extract):
    path = write_extract([row(990001), row(990002)])
    path.write_bytes(path.read_bytes() + b'990099,"unterminated')

    with pytest.raises(CommandError, match="not valid CSV"):
        run_import(path, "--batch-size", "1")

    assert not School.objects.exists()


def test_a_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="There is no file at"):
        run_import(tmp_path / "missing.csv")


@pytest.fixture
def empty_database():
    """A database on the test server with no tables, as a fresh checkout's is before `make run`; its URL."""
    server = connection.settings_dict
    name = f"{server['NAME']}_empty"
    params = {"host": server["HOST"], "port": server["PORT"], "user": server["USER"], "password": server["PASSWORD"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    credentials = quote(server["USER"], safe="") + (
        f":{quote(server['PASSWORD'], safe='')}" if server["PASSWORD"] else ""
    )
    yield f"postgres://{credentials}@{quote(server['HOST'], safe='')}:{server['PORT']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_importing_before_the_database_is_set_up_says_to_migrate_first(empty_database):
    # A newcomer who follows README.md's "Schools from GIAS" before `make run` has migrated the database.
    environment = {**os.environ, "DATABASE_URL": empty_database, "DJANGO_ENV": "development"}
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "manage.py", "import_gias", str(SAMPLE)],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 1
    assert "The database is not set up yet: run `.venv/bin/python manage.py migrate`" in result.stderr
    assert "Traceback" not in result.stderr
