"""Sign-in attempts are limited per IP address: 5 in 20 seconds, as the live service limits them
(settings.SIGN_IN_RATE). The count lives in the PostgreSQL cache table, shared by every web process."""

from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

from ecf.auth.audit import record_sign_in_refused


def sign_in_rate(group, request) -> str:
    # Read at each request, so a test can change it.
    return settings.SIGN_IN_RATE


def sign_in_attempt(view):
    """Counts the request as a sign-in attempt of its IP address; past the limit the view does not run and
    the user gets the "too many attempts" page (429, with Retry-After in seconds)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_ratelimited(request, group="sign-in", key="ip", rate=sign_in_rate, increment=True):
            record_sign_in_refused("too_many_attempts", "Too many sign-in attempts from one IP address.")
            wait = retry_after_seconds()
            context = {"title": "Too many sign-in attempts", "wait_seconds": wait}
            response = render(request, "auth/too_many_attempts.html", context, status=429)
            response["Retry-After"] = str(wait)
            return response
        return view(request, *args, **kwargs)

    return wrapper


def retry_after_seconds() -> int:
    """The period of SIGN_IN_RATE ("5/20s" → 20): the longest anyone waits for the count to start again."""
    period = settings.SIGN_IN_RATE.split("/")[1]
    number = period[:-1] or "1"
    return int(number) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[period[-1]]
