"""What can go wrong when asking the Teaching Record System about a teacher.

Messages name no TRN, date of birth or National Insurance number, because exception text ends up in logs
and error trackers; the request id on every log line ties a failure to its request. TeacherNotFound keeps
the TRN as an attribute for the code that handles it.
"""


class TRSError(Exception):
    """TRS answered in a way this service does not understand (a bug on one side or the other)."""


class TeacherNotFound(TRSError):
    """No teacher with this TRN (and this date of birth or National Insurance number, when given)."""

    def __init__(self, trn: str, message: str = "") -> None:
        self.trn = trn
        super().__init__(message or "TRS has no teacher with the TRN matching the details given")


class TeacherDeactivated(TeacherNotFound):
    """The record exists but was deactivated. A subclass of TeacherNotFound, so callers treat it as not found."""

    def __init__(self, trn: str) -> None:
        super().__init__(trn, "TRS record for the TRN has been deactivated")


class TRSUnavailable(TRSError):
    """TRS could not answer now (timeout, connection error, 5xx, rate limit): worth trying again later."""
