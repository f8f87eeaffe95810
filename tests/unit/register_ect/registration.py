"""Kenneth Lowry's registration, that the register-an-ECT service tests start from, and its provider-led variants."""

import datetime

from ecf.models import TrainingPeriod
from tests.factories import SchoolPartnershipFactory

SEP_1 = datetime.date(2025, 9, 1)
TRN = "1234567"


def provider_led(lead_provider) -> dict:
    return {"training_programme": TrainingPeriod.Programme.PROVIDER_LED, "lead_provider": lead_provider}


def partnership(school, active_lead_provider, delivery_partner_name=None):
    return SchoolPartnershipFactory(
        school=school,
        lead_provider_delivery_partnership__active_lead_provider=active_lead_provider,
        **(
            {"lead_provider_delivery_partnership__delivery_partner__name": delivery_partner_name}
            if delivery_partner_name
            else {}
        ),
    )
