"""Staff (admin) sign-in lockout with django-axes: the client's address, the GOV.UK lockout page, the audit.

Settings (ecf/settings.py, AXES_*): after AXES_FAILURE_LIMIT failed sign-ins for one username, or from one
address, further tries are refused until AXES_COOLOFF_TIME has passed since the last failure. Why axes and
these numbers: docs/adr/0011-security-defaults.md.
"""

import datetime

import structlog
from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver
from django.shortcuts import render

from ecf.events import Author, record_event

STAFF_SIGN_IN_LOCKED_OUT = "staff_sign_in_locked_out"

logger = structlog.get_logger(__name__)


def client_ip(request) -> str:
    """The address of whoever is signing in, as a string.

    In production the service is behind a load balancer that appends the client's address to
    X-Forwarded-For (it also sets X-Forwarded-Proto, see SECURE_PROXY_SSL_HEADER), so the last entry is the
    one no client can forge; REMOTE_ADDR is the load balancer's own and would lock every member of staff at
    once. Locally there is no proxy, and a forged header must not help: REMOTE_ADDR.
    """
    if settings.PRODUCTION:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def cool_off_minutes() -> int:
    cool_off = settings.AXES_COOLOFF_TIME
    return int(cool_off.total_seconds() // 60) if isinstance(cool_off, datetime.timedelta) else int(cool_off * 60)


def locked_out(request, credentials=None, *args, **kwargs):
    """AXES_LOCKOUT_CALLABLE: the GOV.UK page for a locked sign-in (429). Says when to try again, not why."""
    return render(
        request,
        "auth/locked_out.html",
        {"title": "You cannot sign in at the moment", "minutes": cool_off_minutes()},
        status=429,
    )


@receiver(user_locked_out)
def record_lockout(sender, request, username, ip_address, **kwargs):
    """An audit event for every sign-in axes refuses, visible to support staff in the admin's events, and a log
    line for operations (without the username, which is an email address)."""
    logger.warning(STAFF_SIGN_IN_LOCKED_OUT)
    record_event(
        event_type=STAFF_SIGN_IN_LOCKED_OUT,
        heading=f"Staff sign-in locked for {username or 'an unknown username'} after repeated failed passwords",
        author=Author.system("Staff sign-in lockout"),
        metadata={"username": username or "", "ip_address": ip_address or ""},
    )
