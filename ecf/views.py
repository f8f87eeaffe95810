from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import get_template
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
def start(request):
    if request.user.is_authenticated and request.school:
        return redirect("schools:home")
    return render(request, "start.html", {"title": "Register early career teachers"})


@never_cache
@require_safe
def healthcheck(request):
    """For load balancers and docker compose: 200 when the database answers, else 503. No personal data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bad_request(request, exception=None):
    """A malformed request (BadRequest, SuspiciousOperation, a refused admin lookup): 400, GOV.UK page."""
    return render(request, "errors/400.html", {"title": "Sorry, there is a problem with the request"}, status=400)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without a valid CSRF token (403). Says nothing about why."""
    return render(request, "errors/csrf_failure.html", {"title": "Sorry, you need to try again"}, status=403)


def forbidden(request, exception=None):
    return render(request, "errors/403.html", {"title": "You do not have permission to view this page"}, status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", {"title": "Page not found"}, status=404)


def server_error(request):
    # Rendered without context processors: the request may be what broke.
    # The request id lets support find the request's log lines (ecf/request_ids.py).
    html = get_template("errors/500.html").render(
        {"title": "Sorry, there is a problem with the service", "request_id": getattr(request, "request_id", "")}
    )
    return HttpResponse(html, status=500)


@require_safe
def favicon(request):
    """GOV.UK's icon for pages that link none (the Django admin), whose browsers ask for /favicon.ico: a redirect to
    the static file (its hashed name, resolved per request), not a 404 in the console."""
    return HttpResponsePermanentRedirect(static("assets/images/favicon.ico"))
