import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import logout
from django.utils.cache import add_never_cache_headers


class IdleTimeoutMiddleware:
    """Signs a user out after SESSION_IDLE_TIMEOUT_SECONDS without a request (two hours), and in any case
    SESSION_ABSOLUTE_TIMEOUT_SECONDS after signing in (twelve hours), however busy the session.

    The absolute limit bounds what a stolen session cookie is worth (OWASP ASVS 3.3.2). Both times are
    kept in the session: `signed_in_at` from the first request after sign-in, `last_seen_at` each request.
    """

    session_key = "last_seen_at"
    signed_in_key = "signed_in_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen_at = request.session.get(self.session_key, now)
            signed_in_at = request.session.get(self.signed_in_key, now)
            if (
                now - last_seen_at > settings.SESSION_IDLE_TIMEOUT_SECONDS
                or now - signed_in_at > settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS
            ):
                logout(request)
            else:
                request.session[self.session_key] = now
                request.session.setdefault(self.signed_in_key, signed_in_at)
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


class NoStoreWhenSignedInMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in user, and on every admin page.

    Lists and records carry personal data: after signing out, the browser's back button or a shared
    computer's cache must not show them again. Pages for anonymous visitors (start, sign-in, errors)
    keep the default. Must come after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Read before the view runs: signing out during the request still leaves a signed-in page behind.
        signed_in = request.user.is_authenticated
        response = self.get_response(request)
        if signed_in or request.path.startswith("/admin/"):
            add_never_cache_headers(response)
        return response
