import time
from urllib.parse import urlsplit

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


class DfESignInFormActionMiddleware:
    """Allows DfE Sign-in's origin in the Content Security Policy's form-action. The sign-in and sign-out
    forms post here and are redirected to DfE Sign-in (its authorisation and end-session endpoints, on the
    issuer's host), and browsers apply form-action to where a form's redirects lead. Runs inside
    csp.middleware.CSPMiddleware, which reads `_csp_update` from the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.DFE_SIGN_IN_ENABLED and settings.DFE_SIGN_IN_ISSUER:
            issuer = urlsplit(settings.DFE_SIGN_IN_ISSUER)
            update = dict(getattr(response, "_csp_update", None) or {})
            update["form-action"] = [*update.get("form-action", []), f"{issuer.scheme}://{issuer.netloc}"]
            response._csp_update = update
        return response
