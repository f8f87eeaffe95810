"""The error a service raises when it refuses a change, and the one way a refusal by the database becomes one."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from django.db import IntegrityError, transaction


class DomainError(Exception):
    """A service refused a change for a reason the user can act on; the message is GOV.UK copy for them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def constraint_name(error: IntegrityError) -> str | None:
    """The name of the PostgreSQL constraint that refused a write (psycopg's diagnostics), if any."""
    return getattr(getattr(error.__cause__, "diag", None), "constraint_name", None)


@contextmanager
def refused_by_constraints(messages: Mapping[str, str | Callable[[], str]]) -> Iterator[None]:
    """Run the block in a savepoint; when one of the named constraints refuses a write, raise DomainError with
    its message (a string, or a function giving one, called only then). Any other IntegrityError is a bug and
    propagates.

    The savepoint rolls back only the block, so a caller already in a transaction (a journey recording its
    completion) can show the message and carry on. Services take row locks so that this is a last line of
    defence: only a writer that skipped their checks gets here, and the user gets words instead of a 500.
    """
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        message = messages.get(constraint_name(error))
        if message is None:
            raise
        raise DomainError(message() if callable(message) else message) from error
