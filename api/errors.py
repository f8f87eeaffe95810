"""Errors in the reference service's JSON shape, whatever goes wrong (never an HTML page).

Shapes (https://github.com/DFE-Digital/register-early-career-teachers-public, public/api/docs/v3/swagger.yaml):
401 `{"error": "HTTP Token: Access denied"}`; every other error `{"errors": [{"title": ..., "detail": ...}]}`.
"""

import logging

from django.http import Http404, HttpRequest, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from ecf.errors import DomainError

logger = logging.getLogger(__name__)

ACCESS_DENIED = "HTTP Token: Access denied"
NOT_FOUND_TITLE = "Resource not found"
NOT_FOUND_DETAIL = "Nothing could be found for the provided details"
BAD_REQUEST_TITLE = "Bad request"
BAD_JSON = "Correct json data structure required. See API docs for reference."
BAD_PAGE = "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number"


class APIError(Exception):
    """An error answer: `status` and the `title` and `detail` of its one error."""

    def __init__(self, status: int, title: str, detail: str):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


class BadRequest(APIError):
    def __init__(self, detail: str, title: str = BAD_REQUEST_TITLE):
        super().__init__(400, title, detail)


class NotFound(APIError):
    def __init__(self):
        super().__init__(404, NOT_FOUND_TITLE, NOT_FOUND_DETAIL)


class RateLimited(Exception):
    def __init__(self, retry_after_seconds: int):
        super().__init__("rate limited")
        self.retry_after_seconds = retry_after_seconds


def errors_response(status: int, title: str, detail: str) -> JsonResponse:
    return JsonResponse({"errors": [{"title": title, "detail": detail}]}, status=status)


def not_found_response() -> JsonResponse:
    return errors_response(404, NOT_FOUND_TITLE, NOT_FOUND_DETAIL)


def method_not_allowed_response(allow: str) -> JsonResponse:
    """405 for a method the endpoint does not take; `allow` is the `Allow` header's value ("GET, PUT")."""
    response = errors_response(405, "Method not allowed", f"This endpoint takes {allow} only")
    response["Allow"] = allow
    return response


def install_error_handlers(api: NinjaAPI) -> None:
    """Every exception a request can raise becomes a JSON answer in the reference's shape."""

    @api.exception_handler(APIError)
    def api_error(request: HttpRequest, error: APIError):
        return errors_response(error.status, error.title, error.detail)

    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, error: DomainError):
        # A service refused the change: 422 with its message, titled by the attribute as the reference does.
        return errors_response(422, getattr(error, "title", "Unprocessable entity"), error.message)

    @api.exception_handler(AuthenticationError)
    def access_denied(request: HttpRequest, error: AuthenticationError):
        return JsonResponse({"error": ACCESS_DENIED}, status=401)

    @api.exception_handler(RateLimited)
    def rate_limited(request: HttpRequest, error: RateLimited):
        response = errors_response(429, "Too many requests", "Rate limit exceeded. Try again later.")
        response["Retry-After"] = str(error.retry_after_seconds)
        return response

    @api.exception_handler(ValidationError)
    def malformed(request: HttpRequest, error: ValidationError):
        # ninja checks bodies and parameters against the schemas; each parameter has the reference's message.
        for detail in error.errors:
            location = detail.get("loc", ())
            if location[:1] == ("query",) and location[-1:] in (("page[page]",), ("page[per_page]",)):
                return errors_response(400, BAD_REQUEST_TITLE, BAD_PAGE)
            if location[:1] == ("query",) and len(location) > 1 and str(location[-1]).startswith("filter["):
                name = str(location[-1])[len("filter[") : -1]
                if detail.get("type") == "missing":
                    return errors_response(
                        400, BAD_REQUEST_TITLE, f"The filter '#/{name}' must be included in your request"
                    )
                return errors_response(400, BAD_REQUEST_TITLE, f"The filter '#/{name}' is not valid")
        return errors_response(400, BAD_REQUEST_TITLE, BAD_JSON)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, error: Http404):
        return not_found_response()

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, error: HttpError):
        if error.status_code == 404:
            return not_found_response()
        title = BAD_REQUEST_TITLE if error.status_code == 400 else "Error"
        detail = BAD_JSON if error.status_code == 400 else str(error)
        return errors_response(error.status_code, title, detail)

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, error: Exception):
        # A bug: logged with its traceback for us; the integrator still gets JSON in the usual shape.
        logger.exception("Unexpected error in the lead provider API")
        return errors_response(500, "Internal server error", "Something went wrong. Try again later.")
