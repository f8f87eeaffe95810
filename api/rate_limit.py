"""1,000 requests per 5 minutes per token (settings.API_RATE_LIMIT), as the reference's Rack::Attack rule.

Counted by django-ratelimit in the database cache ("ratelimit"), shared by every process. Its windows are
fixed (offset per token), and the database cache's increment is a read then a write, so under concurrent
requests of one token the count can run slightly low: a limit against runaway clients, not an exact quota.
"""

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage

from api.errors import RateLimited


def check_rate_limit(request: HttpRequest, token_id: int) -> None:
    """Counts this request against the token; raises RateLimited (429 with Retry-After) over the limit."""
    usage = get_usage(
        request,
        group="api-v3",
        key=lambda group, request: f"token:{token_id}",
        rate=settings.API_RATE_LIMIT,
        method=get_usage.ALL,
        increment=True,
    )
    if usage and usage["should_limit"]:
        raise RateLimited(retry_after_seconds=max(1, usage["time_left"]))
