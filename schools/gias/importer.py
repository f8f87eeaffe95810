"""Importing schools from a GIAS establishments extract: streamed, in batches, idempotent, never deleting.

The file is read row by row through the csv module (memory stays flat whatever its size), and written in
batches of BATCH_SIZE: one query to read the batch's existing schools, one bulk insert, one bulk update.
The whole file is one transaction, so a file that turns out to be malformed halfway changes nothing.
"""

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from ecf.events import Author, jsonable, record_event
from schools.gias.rows import GIAS_FIELDS, REQUIRED_COLUMNS, BadRow, SchoolRow, school_row
from schools.models import School

BATCH_SIZE = 1000
# The extract is Windows-1252 (GIAS's own download); a copy re-saved by a spreadsheet may be UTF-8 with a BOM.
ENCODING = "cp1252"
UTF8_BOM = b"\xef\xbb\xbf"
BAD_ROWS_REPORTED = 10
GIAS_AUTHOR = Author.system("GIAS import")


class ImportRefused(Exception):
    """The file cannot be imported at all; the message is for the person running the command."""


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    not_imported: int = 0
    bad_rows: list[str] = field(default_factory=list)
    bad_row_count: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def encoding_of(path: Path) -> str:
    with path.open("rb") as file:
        return "utf-8-sig" if file.read(3) == UTF8_BOM else ENCODING


def read_rows(text: io.TextIOBase, result: ImportResult) -> Iterator[SchoolRow]:
    """The readable rows of the file, in order; unreadable ones are counted in `result` and skipped."""
    # strict: a stray quote is an error rather than a silently merged field.
    reader = csv.DictReader(text, strict=True)
    header = reader.fieldnames
    if not header:
        raise ImportRefused("The file is empty: it has no header row.")
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportRefused(
            f"This is not a GIAS establishments file: it has no {', '.join(missing)} column"
            f"{'s' if len(missing) > 1 else ''}."
        )
    for row in reader:
        result.rows += 1
        if None in row or any(value is None for value in row.values()):
            problem = "it has a different number of fields from the header"
        else:
            try:
                yield school_row(row)
                continue
            except BadRow as error:
                problem = str(error)
        result.bad_row_count += 1
        if len(result.bad_rows) < BAD_ROWS_REPORTED:
            result.bad_rows.append(f"line {reader.line_num}: {problem}")


def batches(rows: Iterator[SchoolRow], size: int) -> Iterator[dict[int, SchoolRow]]:
    """Rows by URN, `size` at a time; a URN twice in one batch keeps its last row."""
    batch: dict[int, SchoolRow] = {}
    for row in rows:
        batch[row.urn] = row
        if len(batch) >= size:
            yield batch
            batch = {}
    if batch:
        yield batch


def record_status_change(school: School, before: dict) -> None:
    """An audit event when GIAS changes whether a school can register: it opened, closed, or became
    (in)eligible."""
    after = {"status": school.status, "eligible": school.eligible, "closed_on": school.closed_on}
    if before["status"] != school.status:
        heading = f"{school.name} is now {school.get_status_display().lower()} (GIAS)"
    elif school.eligible:
        heading = f"{school.name} can now register early career teachers (GIAS)"
    else:
        heading = f"{school.name} can no longer register early career teachers (GIAS)"
    record_event(
        event_type="school_status_changed_in_gias",
        heading=heading,
        author=GIAS_AUTHOR,
        changes={name: jsonable([before[name], after[name]]) for name in after if before[name] != after[name]},
        school=school,
    )


def write_batch(batch: dict[int, SchoolRow], result: ImportResult) -> None:
    existing = {school.urn: school for school in School.objects.select_for_update().filter(urn__in=batch)}
    new_schools, changed_schools = [], []
    for urn, row in batch.items():
        school = existing.get(urn)
        if school is None:
            if row.worth_importing:
                new_schools.append(School(urn=urn, **row.values()))
            else:
                result.not_imported += 1
            continue
        before = {name: getattr(school, name) for name in GIAS_FIELDS}
        if before == row.values():
            result.unchanged += 1
            continue
        for name, value in row.values().items():
            setattr(school, name, value)
        changed_schools.append(school)
        if (before["status"], before["eligible"]) != (school.status, school.eligible):
            record_status_change(school, before)
    School.objects.bulk_create(new_schools)
    School.objects.bulk_update(changed_schools, GIAS_FIELDS)
    result.created += len(new_schools)
    result.updated += len(changed_schools)


def import_establishments(
    path: Path, *, batch_size: int = BATCH_SIZE, progress: Callable[[ImportResult], None] | None = None
) -> ImportResult:
    """Create and update School rows from the GIAS extract at `path`; never deletes one.

    A school we do not have is created if it can register ECTs, or closed since 2020 (`SchoolRow.worth_importing`);
    a school we have is updated from its row whatever its state (a closed school is marked closed), with an
    audit event when its status or eligibility changes. Running the same file twice changes nothing.
    `progress` is called after each batch. Raises ImportRefused for a file that cannot be imported (missing,
    empty, not GIAS's columns, not Windows-1252, not CSV); nothing is written then."""
    result = ImportResult()
    try:
        encoding = encoding_of(path)
        with path.open(encoding=encoding, newline="") as text, transaction.atomic():
            for batch in batches(read_rows(text, result), batch_size):
                write_batch(batch, result)
                if progress:
                    progress(result)
    except FileNotFoundError:
        raise ImportRefused(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise ImportRefused(f"{path} is a folder, not a file.") from None
    except UnicodeDecodeError as error:
        raise ImportRefused(
            f"The file is not Windows-1252 text, as GIAS writes it (byte {error.start} of a block cannot be read)."
        ) from None
    except csv.Error as error:
        raise ImportRefused(f"The file is not valid CSV (after row {result.rows}): {error}.") from None
    return result
