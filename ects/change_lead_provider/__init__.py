"""Select a new lead provider (docs/journeys/change-lead-provider.md): the steps both the ECT's and the mentor's
journeys take, and the ECT's journey."""
