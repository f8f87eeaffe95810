"""Import schools from a GIAS establishments extract: `manage.py import_gias FILE`.

Download "All establishment data" (edubasealldataYYYYMMDD.csv) from
https://get-information-schools.service.gov.uk/Downloads, then run this with its path. Safe to run every
day: a second run of the same file changes nothing. See schools/gias/ for the rules.
"""

import uuid
from pathlib import Path
from typing import Any

import structlog
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from schools.gias.importer import BATCH_SIZE, ImportRefused, ImportResult, import_establishments

logger = structlog.get_logger(__name__)


class Command(BaseCommand):
    help = "Create and update schools from a GIAS establishments CSV (Windows-1252). Never deletes a school."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the GIAS extract, e.g. edubasealldata20261130.csv")
        parser.add_argument(
            "--progress-every", type=int, default=10_000, help="print a progress line every N rows (default 10000)"
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help=f"rows per write (default {BATCH_SIZE})")

    def handle(self, *args: Any, file: Path, progress_every: int, batch_size: int, **options: Any) -> None:
        if progress_every < 1 or batch_size < 1:
            raise CommandError("--progress-every and --batch-size must be at least 1.")
        if unapplied_migrations():
            # A newcomer who imports before `make run` has set up the database: a sentence, not a traceback.
            raise CommandError(
                "The database is not set up yet: run `.venv/bin/python manage.py migrate` (or `make run`, which "
                "does) first. Nothing was changed."
            )
        # The run's own id: on its log lines and on the audit events it records (ecf/events.py).
        run_id = f"import_gias-{uuid.uuid4()}"
        reported = 0

        def progress(result: ImportResult) -> None:
            nonlocal reported
            if result.rows // progress_every > reported // progress_every:
                reported = result.rows
                self.stdout.write(f"Read {result.rows:,} rows: {self.counts(result)}")

        self.stdout.write(f"Importing {file} (run {run_id})")
        with structlog.contextvars.bound_contextvars(request_id=run_id):
            try:
                result = import_establishments(file, batch_size=batch_size, progress=progress)
            except ImportRefused as error:
                logger.warning("gias_import_refused", reason=str(error))
                raise CommandError(f"{error} Nothing was changed.") from None
            logger.info(
                "gias_import_finished",
                rows=result.rows,
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                not_imported=result.not_imported,
                bad_rows=result.bad_row_count,
            )
        for line in result.bad_rows:
            self.stderr.write(f"Skipped {line}")
        if result.bad_row_count > len(result.bad_rows):
            self.stderr.write(f"... and {result.bad_row_count - len(result.bad_rows):,} more rows skipped")
        self.stdout.write(f"Finished: {result.rows:,} rows read, {self.counts(result)}")
        if result.changed:
            self.stdout.write(self.style.SUCCESS(f"Created {result.created:,} and updated {result.updated:,} schools."))
        else:
            self.stdout.write(self.style.SUCCESS("No changes: every school was already up to date."))

    @staticmethod
    def counts(result: ImportResult) -> str:
        return (
            f"{result.created:,} created, {result.updated:,} updated, {result.unchanged:,} unchanged, "
            f"{result.not_imported:,} not eligible, {result.bad_row_count:,} unreadable"
        )


def unapplied_migrations() -> bool:
    """True when the default database lacks migrations of this code (a new database, or code newer than
    it), as Django's runserver warns (django.core.management.base.BaseCommand.check_migrations)."""
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
