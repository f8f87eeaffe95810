"""The question of the select-a-new-lead-provider journeys: which lead provider, out of those active in the contract
period of the teacher's training, the current one left out (`ecf.training.queries.lead_providers_for_change`)."""

from __future__ import annotations

from ecf.govuk import fields
from ecf.models import LeadProvider
from ecf.training.forms import LeadProviderChoiceForm


class NewLeadProviderForm(LeadProviderChoiceForm):
    """Radios "Select the new lead provider for {name}", a medium legend under the page's own heading.

    required / invalid: the GOV.UK messages for no choice and for a choice that is not offered (the ECT's and the
    mentor's journeys word them differently). cleaned_data["lead_provider"]: the LeadProvider; facts() its id and
    name."""

    lead_provider = fields.ChoiceField(
        label="Select the new lead provider",
        choices=[],
        label_classes="govuk-fieldset__legend--m",
        # The ECT's journey's; each journey gives its own (`required`, `invalid`).
        error_messages={
            "required": "Select which lead provider will be training the ECT",
            "invalid_choice": "Enter the name of a known lead provider",
        },
    )

    def __init__(self, *args, lead_providers: list[LeadProvider], name: str, required: str, invalid: str, **kwargs):
        super().__init__(*args, lead_providers=lead_providers, **kwargs)
        field = self.fields["lead_provider"]
        field.label = f"Select the new lead provider for {name}" if name else "Select the new lead provider"
        field.error_messages = {**field.error_messages, "required": required, "invalid_choice": invalid}
