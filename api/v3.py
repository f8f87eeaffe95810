"""The v3 API: one NinjaAPI, its token auth, error handlers and routers. Mounted at /api/v3/ by ecf/urls.py."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI

from api import actions, declarations, participants, partnerships
from api.auth import LeadProviderToken
from api.errors import install_error_handlers, not_found_response

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
