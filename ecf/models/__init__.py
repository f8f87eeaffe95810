from ecf.models.api_tokens import APIToken
from ecf.models.declarations import Declaration
from ecf.models.events import Event
from ecf.models.journeys import JourneyCompletion
from ecf.models.notifications import EmailMessage
from ecf.models.periods import Period, inclusive_date_range
from ecf.models.providers import (
    ActiveLeadProvider,
    AppropriateBody,
    ContractPeriod,
    DeliveryPartner,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
)
from ecf.models.teachers import Teacher
from ecf.models.training import TrainingPeriod

__all__ = [
    "APIToken",
    "ActiveLeadProvider",
    "AppropriateBody",
    "ContractPeriod",
    "Declaration",
    "DeliveryPartner",
    "EmailMessage",
    "Event",
    "JourneyCompletion",
    "LeadProvider",
    "LeadProviderDeliveryPartnership",
    "Period",
    "SchoolPartnership",
    "Teacher",
    "TrainingPeriod",
    "inclusive_date_range",
]
