"""`make bench-gias`: generate a GIAS extract of 50,000 rows and import it twice, printing seconds and peak memory.

A benchmark, not a test (docs/quality-bars.md, "Performance"; the bar is under 60 seconds with bounded
memory). It runs against its own database (`bench_gias`, on the server tests/bench/server.py finds), first
removing the schools of its own URN range (800000-899999) so each run creates them afresh. The file is
as wide as the real extract (about 120 columns: the ones the importer reads and filler for the rest),
Windows-1252, with a mix of open, closed, Welsh and independent establishments.

    .venv/bin/python -m tests.bench.gias [--rows 50000]
"""

import argparse
import csv
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from tests.bench.server import prepare_environment

FIRST_URN = 800_000
# Its own database, so it never changes the one `make bench` seeds.
DATABASE_NAME = "bench_gias"
EXTRA_COLUMNS = [f"Unused column {n}" for n in range(107)]
TYPES = [
    ("Community school", 30),
    ("Academy converter", 25),
    ("Voluntary aided school", 10),
    ("Academy sponsor led", 8),
    ("Free schools", 5),
    ("Foundation school", 5),
    ("Other independent school", 7),
    ("Welsh establishment", 5),
    ("Further education", 3),
    ("Secure units", 2),
]
STATUSES = [("Open", 80), ("Closed", 15), ("Open, but proposed to close", 3), ("Proposed to open", 2)]
PHASES = ["Primary", "Secondary", "Nursery", "16 plus", "All-through", "Not applicable"]


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([value for value, _ in weighted], weights=[weight for _, weight in weighted])[0]


def write_extract(path: Path, rows: int, seed: int = 2026) -> None:
    """Writes `rows` establishments to `path` one at a time (memory stays flat)."""
    # Imported here: the settings module is only chosen once prepare_environment() has run.
    from schools.gias.rows import REGION, REQUIRED_COLUMNS, SECTION_41

    rng = random.Random(seed)
    header = [*REQUIRED_COLUMNS, REGION, SECTION_41, "LA (code)", "UKPRN", *EXTRA_COLUMNS]
    with path.open("w", encoding="cp1252", newline="") as file:
        writer = csv.writer(file, lineterminator="\r\n")
        writer.writerow(header)
        for n in range(rows):
            status = pick(rng, STATUSES)
            closed = status == "Closed"
            close_year = rng.choice([2012, 2016, 2021, 2024]) if closed else None
            writer.writerow(
                [
                    FIRST_URN + n,
                    f"St {rng.choice(['Mary', 'John', 'Anne', 'Peter'])}’s School {n}",
                    pick(rng, TYPES),
                    status,
                    rng.choice(PHASES),
                    rng.choice(["Cornwall", "Birmingham", "Lewisham", "Kent", "Cumbria"]),
                    f"{n % 200} High Street",
                    rng.choice(["", "Upper Town"]),
                    rng.choice(["Truro", "Birmingham", "London", "Maidstone", "Carlisle"]),
                    f"AB{n % 90 + 10} {n % 9}CD",
                    f"31-08-{close_year}" if closed else "",
                    rng.choice(["South West", "London", "South East"]),
                    rng.choice(["Not applicable", "Approved", "Not approved"]),
                    rng.randint(201, 938),
                    rng.choice(["", str(10_000_000 + n)]),
                    *(f"value {n % 7}" for _ in EXTRA_COLUMNS),
                ]
            )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args(argv)

    prepare_environment(DATABASE_NAME)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from ecf.models import Event
    from schools.gias.importer import import_establishments
    from schools.models import School

    call_command("migrate", verbosity=0)
    # In SQL, not through Django's deletion collector, which would load the previous run's 40,000 schools
    # into memory and make this process's peak memory say nothing about the import.
    ours = [FIRST_URN, FIRST_URN + 100_000]
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {Event._meta.db_table} WHERE school_id IN "  # noqa: S608 (table names from the models)
            f"(SELECT id FROM {School._meta.db_table} WHERE urn >= %s AND urn < %s)",
            ours,
        )
        cursor.execute(f"DELETE FROM {School._meta.db_table} WHERE urn >= %s AND urn < %s", ours)  # noqa: S608

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "edubasealldata-bench.csv"
        started = time.perf_counter()
        write_extract(path, args.rows)
        size_mb = path.stat().st_size / 1e6
        print(f"Generated {args.rows:,} rows ({size_mb:.1f} MB) in {time.perf_counter() - started:.1f} s")

        rss_before = peak_rss_mb()
        started = time.perf_counter()
        first = import_establishments(path)
        first_seconds = time.perf_counter() - started
        rss_after = peak_rss_mb()
        print(
            f"First import: {first_seconds:.1f} s for {first.rows:,} rows "
            f"({first.created:,} created, {first.not_imported:,} not eligible); "
            f"process peak RSS {rss_before:.0f} MB before, {rss_after:.0f} MB after"
        )

        started = time.perf_counter()
        second = import_establishments(path)
        second_seconds = time.perf_counter() - started
        print(
            f"Second import (nothing to change): {second_seconds:.1f} s, {second.unchanged:,} unchanged, "
            f"{second.created + second.updated} changed"
        )

        # A third run only for the Python heap's peak: tracemalloc slows it, so it is not timed.
        tracemalloc.start()
        import_establishments(path)
        _, python_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"Peak Python allocations during an import (tracemalloc): {python_peak / 1e6:.1f} MB")
    ok = first_seconds < 60 and not second.changed
    print("Bar (under 60 seconds, second run changes nothing):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
