"""Change an ECT's training programme, provider-led to school-led or back (docs/journeys/change-lead-provider.md)."""
