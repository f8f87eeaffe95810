"""GIAS extracts for the importer's tests: the sample file in the repository, and files written per test."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

SAMPLE = settings.BASE_DIR / "schools" / "gias" / "sample_establishments.csv"


def sample_rows() -> tuple[list[str], list[dict]]:
    with SAMPLE.open(encoding="cp1252", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames), list(reader)


@pytest.fixture
def write_extract(tmp_path):
    """Write rows (dicts over the sample's columns, changed as the test needs) as a GIAS extract would be."""

    def write(rows: list[dict], *, header: list[str] | None = None, encoding: str = "cp1252") -> Path:
        columns = header or sample_rows()[0]
        text = io.StringIO(newline="")
        writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        path = tmp_path / "edubasealldata20261130.csv"
        path.write_bytes(text.getvalue().encode(encoding))
        return path

    return write


def run_import(path: Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_gias", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()
