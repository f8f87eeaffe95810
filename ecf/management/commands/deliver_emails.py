"""Retry emails still pending in the outbox. Run it every few minutes (cron, a scheduled task).

Safe to run on several machines at once: each message is claimed with SELECT ... FOR UPDATE SKIP LOCKED.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ecf.notifications import MAX_ATTEMPTS, deliver_pending


class Command(BaseCommand):
    help = "Deliver pending emails; mark failed those that have used up their attempts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--max-attempts", type=int, default=MAX_ATTEMPTS, help=f"default {MAX_ATTEMPTS}")
        parser.add_argument("--limit", type=int, default=None, help="deliver at most this many in this run")

    def handle(self, *args: Any, max_attempts: int, limit: int | None, **options: Any) -> None:
        run = deliver_pending(max_attempts=max_attempts, limit=limit)
        self.stdout.write(
            f"Sent {run.sent}, still pending {run.still_pending}, failed {run.failed}, "
            f"skipped (claimed elsewhere or already done) {run.skipped}."
        )
