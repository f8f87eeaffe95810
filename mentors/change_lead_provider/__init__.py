"""Select a new lead provider for a mentor's training (docs/journeys/change-lead-provider.md)."""
