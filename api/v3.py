"""The v3 API: one NinjaAPI, its token auth, error handlers and routers. Mounted at /api/v3/ by ecf/urls.py."""

from functools import wraps

from django.http import HttpRequest, HttpResponseNotAllowed, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI

from api import actions, declarations, participants, partnerships
from api.auth import LeadProviderToken
from api.errors import install_error_handlers, method_not_allowed_response, not_found_response

api = NinjaAPI(
    title="Register early career teachers: lead provider API",
    version="3.0.0",
    description=(
        "Lead providers read the ECTs and mentors their schools registered and report back: withdraw, defer and "
        "resume training. Authenticate with `Authorization: Bearer <token>`. Rate limit: 1,000 requests per "
        "5 minutes per token."
    ),
    auth=LeadProviderToken(),
    urls_namespace="api-v3",
    docs_url=None,  # the docs page is ours, served from our own static files (api/docs.py)
    openapi_url="/openapi.json",
)
install_error_handlers(api)
api.add_router("", participants.router)
api.add_router("", actions.router)
api.add_router("", declarations.router)
api.add_router("", partnerships.router)


@csrf_exempt  # no cookies here: a provider's PUT to a wrong path gets the JSON 404, not the CSRF page
def unknown_path(request: HttpRequest, path: str = "") -> JsonResponse:
    """Anything under /api/v3/ that is not an endpoint: the reference's JSON 404, never Django's HTML page."""
    return not_found_response()


def urls() -> tuple:
    """`api.urls` for ecf/urls.py, each view answering a method it does not take with the JSON 405 (django-ninja
    answers Django's plain HttpResponseNotAllowed, before any of our error handlers)."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = _json_method_not_allowed(pattern.callback)
    return patterns, app_name, namespace


def _json_method_not_allowed(view):
    @wraps(view)  # keeps django-ninja's csrf_exempt
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            return method_not_allowed_response(response["Allow"])
        return response

    return wrapper
