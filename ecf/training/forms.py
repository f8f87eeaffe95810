"""Choosing a lead provider: the question the register-an-ECT journey and mentor training both ask."""

from __future__ import annotations

from ecf.journeys import JourneyForm
from ecf.models import LeadProvider


class LeadProviderChoiceForm(JourneyForm):
    """Radios of `lead_providers` (in the order given). A subclass declares the `lead_provider` field, a
    ChoiceField with its label and GOV.UK messages. cleaned_data["lead_provider"] is the LeadProvider chosen;
    facts() its id and name."""

    def __init__(self, *args, lead_providers: list[LeadProvider], **kwargs):
        super().__init__(*args, **kwargs)
        self.lead_providers = {str(provider.pk): provider for provider in lead_providers}
        self.fields["lead_provider"].choices = [(str(provider.pk), provider.name) for provider in lead_providers]

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            provider = self.lead_providers[cleaned["lead_provider"]]
            cleaned["lead_provider"] = provider
            self._facts = {"lead_provider_id": provider.pk, "lead_provider_name": provider.name}
        return cleaned
