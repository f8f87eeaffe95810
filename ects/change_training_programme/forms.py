"""The lead provider question of changing an ECT to provider-led training."""

from __future__ import annotations

from ecf.govuk import fields
from ecf.models import LeadProvider
from ecf.training.forms import LeadProviderChoiceForm

LEAD_PROVIDER_REQUIRED = "Select which lead provider will be training the ECT"


class WhichLeadProviderForm(LeadProviderChoiceForm):
    """ "Which lead provider will be training {ect}?" (the page's heading): the lead providers active in the contract
    period of the ECT's training. cleaned_data["lead_provider"]: the LeadProvider; facts() its id and name."""

    lead_provider = fields.ChoiceField(
        label="Which lead provider will be training the ECT?",
        choices=[],
        page_heading=True,
        error_messages={"required": LEAD_PROVIDER_REQUIRED, "invalid_choice": LEAD_PROVIDER_REQUIRED},
    )

    def __init__(self, *args, lead_providers: list[LeadProvider], ect_name: str, **kwargs):
        super().__init__(*args, lead_providers=lead_providers, **kwargs)
        if ect_name:
            self.fields["lead_provider"].label = f"Which lead provider will be training {ect_name}?"
