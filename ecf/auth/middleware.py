import time

from django.conf import settings
from django.contrib.auth import logout


class IdleTimeoutMiddleware:
    """Signs a user out after SESSION_IDLE_TIMEOUT_SECONDS without a request (two hours)."""

    session_key = "last_seen_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen_at = request.session.get(self.session_key, now)
            if now - last_seen_at > settings.SESSION_IDLE_TIMEOUT_SECONDS:
                logout(request)
            else:
                request.session[self.session_key] = now
        return self.get_response(request)
