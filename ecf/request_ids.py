"""Every request has an id: in the `X-Request-ID` response header, on the 500 page, on each of its log lines
and on each audit event it causes, so support can go from a user's report to what happened.

`RequestIdMiddleware` runs first. It keeps a sane `X-Request-ID` sent by the platform's router (so one id
follows the request through every hop) and replaces anything else with a new UUID, before
django-structlog's RequestMiddleware (with DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID) binds it for the
log lines. The receivers below add what support filters on to django-structlog's request lines:
`method`, `path` (without the query string, which can hold a search for a name or TRN), `status` and
`duration_ms`. `school_urn` is bound by `schools.middleware` when the request's school is resolved.
"""

import re
import time
import uuid

from django.dispatch import receiver
from django_structlog import signals

HEADER = "X-Request-ID"
META_KEY = "HTTP_X_REQUEST_ID"
# A UUID or a router's id: letters, digits and - _ . : only, at most 128 characters; anything else
# (a header used to inject text into the logs, or an enormous one) is replaced.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def request_id_for(incoming: str | None) -> str:
    """The id to use for a request whose `X-Request-ID` header was `incoming` (None when absent)."""
    if incoming and SANE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return str(uuid.uuid4())


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request.META.get(META_KEY))
        request.META[META_KEY] = request.request_id
        request.started_at = time.monotonic()
        response = self.get_response(request)
        response[HEADER] = request.request_id
        return response


def request_line(request) -> dict:
    return {"request": f"{request.method} {request.path}", "method": request.method, "path": request.path}


def duration_ms(request) -> float | None:
    started_at = getattr(request, "started_at", None)
    return None if started_at is None else round((time.monotonic() - started_at) * 1000, 1)


@receiver(signals.bind_extra_request_metadata)
def describe_request_started(sender, request, logger, log_kwargs, **kwargs):
    log_kwargs.update(request_line(request))


@receiver(signals.bind_extra_request_finished_metadata)
def describe_request_finished(sender, request, logger, response, log_kwargs, **kwargs):
    log_kwargs.update(request_line(request), status=response.status_code, duration_ms=duration_ms(request))
    log_kwargs.pop("code", None)


@receiver(signals.bind_extra_request_failed_metadata)
def describe_request_failed(sender, request, logger, exception, log_kwargs, **kwargs):
    log_kwargs.update(request_line(request), status=500, duration_ms=duration_ms(request))
    log_kwargs.pop("code", None)
