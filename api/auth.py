"""Bearer tokens: `Authorization: Bearer <token>`, one lead provider per token (ecf/training/api_tokens.py)."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from api.rate_limit import check_rate_limit
from ecf.models import APIToken
from ecf.training.api_tokens import authenticate


class LeadProviderToken(HttpBearer):
    """Sets `request.lead_provider` and `request.api_token`; anything else is 401 (api/errors.py)."""

    def authenticate(self, request: HttpRequest, token: str) -> APIToken | None:
        api_token = authenticate(token)
        if api_token is None:
            return None
        check_rate_limit(request, api_token.pk)
        request.api_token = api_token
        request.lead_provider = api_token.lead_provider
        return api_token
