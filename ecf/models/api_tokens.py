"""Lead provider API tokens: only a SHA-256 of each token is stored; the token itself is shown once."""

from django.db import models


class APIToken(models.Model):
    """A bearer token for the lead provider API (docs/adr/0014-lead-provider-api.md).

    `digest` is the hex SHA-256 of the token a provider sends; a stolen database gives no usable token.
    A revoked token stays, so the admin and the audit trail can still name it.
    """

    lead_provider = models.ForeignKey("ecf.LeadProvider", on_delete=models.PROTECT, related_name="api_tokens")
    digest = models.CharField("SHA-256 of the token", max_length=64, unique=True, editable=False)
    description = models.CharField(max_length=200, blank=True, help_text="Who or what uses it, for support staff.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API token"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return (
            f"{self.lead_provider} token created {self.created_at:%d %B %Y %H:%M}" if self.created_at else "API token"
        )

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None
