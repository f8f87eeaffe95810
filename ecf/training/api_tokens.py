"""Creating, checking and revoking lead provider API tokens (the only writers of APIToken)."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from ecf.errors import DomainError
from ecf.events import Author, record_event
from ecf.models import APIToken, LeadProvider

# 32 random bytes, as the reference service's `has_secure_token length: 32` (docs/adr/0014-lead-provider-api.md).
TOKEN_BYTES = 32
# Recording every use would write on every request; a minute is precise enough for support staff.
LAST_USED_PRECISION_SECONDS = 60


def digest(token: str) -> str:
    """The hex SHA-256 of `token`, as stored in APIToken.digest."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(
    *, lead_provider: LeadProvider, author: Author, description: str = "", token: str | None = None
) -> tuple[APIToken, str]:
    """A new token for `lead_provider`: returns (the stored row, the token). The token is never stored.

    `token` is only for local demo data (seed_demo_data), which needs a value that survives a reseed.
    """
    token = token or secrets.token_urlsafe(TOKEN_BYTES)
    with transaction.atomic():
        api_token = APIToken.objects.create(lead_provider=lead_provider, digest=digest(token), description=description)
        record_event(
            event_type="api_token_created",
            heading=f"API token created for {lead_provider}",
            author=author,
            lead_provider=lead_provider,
            metadata={"api_token_id": api_token.pk},
        )
    return api_token, token


def revoke_api_token(api_token: APIToken, *, author: Author) -> APIToken:
    """Revokes the token from now on. Raises DomainError when it is already revoked."""
    with transaction.atomic():
        api_token = APIToken.objects.select_for_update().select_related("lead_provider").get(pk=api_token.pk)
        if api_token.revoked:
            raise DomainError("This API token is already revoked.")
        api_token.revoked_at = timezone.now()
        api_token.save(update_fields=["revoked_at"])
        record_event(
            event_type="api_token_revoked",
            heading=f"API token revoked for {api_token.lead_provider}",
            author=author,
            lead_provider=api_token.lead_provider,
            metadata={"api_token_id": api_token.pk},
        )
    return api_token


def authenticate(token: str) -> APIToken | None:
    """The live (not revoked) token whose SHA-256 matches `token`, with its lead provider; else None.

    Records `last_used_at` at most once a minute per token.
    """
    if not token:
        return None
    api_token = (
        APIToken.objects.select_related("lead_provider").filter(digest=digest(token), revoked_at__isnull=True).first()
    )
    if api_token is None:
        return None
    now = timezone.now()
    if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() > LAST_USED_PRECISION_SECONDS:
        APIToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        api_token.last_used_at = now
    return api_token
