"""Lead providers confirming partnerships with schools (the only writers of SchoolPartnership from the API).

A confirmed partnership turns each of the school's expressions of interest for that lead provider and year
into confirmed training, as the reference's SchoolPartnerships::AssignTrainingPeriods does
(https://github.com/DFE-Digital/register-early-career-teachers-public,
app/services/school_partnerships/assign_training_periods.rb): the school then sees "Confirmed by {lead provider}".
"""

from django.db import transaction
from django.db.models import Q

from ecf.errors import DomainError
from ecf.events import Author, record_event
from ecf.models import (
    ActiveLeadProvider,
    DeliveryPartner,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
    TrainingPeriod,
)

UNKNOWN_DELIVERY_PARTNER = (
    "The entered delivery partner is not recognised to be working in partnership with you for the given cohort. "
    "Contact the DfE for more information."
)


class PartnershipError(DomainError):
    """A refusal; `title` names the attribute, as the reference's errors do."""

    def __init__(self, title: str, message: str):
        super().__init__(message)
        self.title = title


def _delivery_partnership(
    lead_provider: LeadProvider, contract_year: int, delivery_partner: DeliveryPartner
) -> LeadProviderDeliveryPartnership:
    active = ActiveLeadProvider.objects.filter(lead_provider=lead_provider, contract_period_id=contract_year).first()
    if active is None:
        raise PartnershipError(
            "cohort", "You cannot create a partnership for this cohort: you are not contracted for it."
        )
    delivery_partnership = LeadProviderDeliveryPartnership.objects.filter(
        active_lead_provider=active, delivery_partner=delivery_partner
    ).first()
    if delivery_partnership is None:
        raise PartnershipError("delivery_partner_id", UNKNOWN_DELIVERY_PARTNER)
    return delivery_partnership


def confirm_partnership(
    *, lead_provider: LeadProvider, school, contract_year: int, delivery_partner: DeliveryPartner, author: Author
) -> SchoolPartnership:
    """Creates the school's partnership with `lead_provider` through `delivery_partner` for `contract_year`, and
    assigns to it every training period at the school that only had an expression of interest in this lead
    provider for that year (an event each). Returns the partnership.

    Raises PartnershipError: not contracted for the year, a delivery partner it does not work with that year,
    or a partnership with the school for that year already.
    """
    with transaction.atomic():
        delivery_partnership = _delivery_partnership(lead_provider, contract_year, delivery_partner)
        active = delivery_partnership.active_lead_provider
        already = SchoolPartnership.objects.select_for_update().filter(
            school=school, lead_provider_delivery_partnership__active_lead_provider=active
        )
        if already.exists():
            raise PartnershipError(
                "school_id", "You are already in a confirmed partnership with this school for the entered cohort."
            )
        partnership = SchoolPartnership.objects.create(
            school=school, lead_provider_delivery_partnership=delivery_partnership
        )
        record_event(
            event_type="school_partnership_created",
            heading=f"{lead_provider} confirmed a partnership with {school.name} for {contract_year}",
            author=author,
            school=school,
            lead_provider=lead_provider,
            delivery_partner=delivery_partner,
            school_partnership=partnership,
        )
        interested = TrainingPeriod.objects.select_for_update(of=("self",)).filter(
            Q(ect_at_school_period__school=school) | Q(mentor_at_school_period__school=school),
            expression_of_interest=active,
            school_partnership__isnull=True,
        )
        for period in interested:
            period.school_partnership, period.expression_of_interest = partnership, None
            period.save(update_fields=["school_partnership", "expression_of_interest", "updated_at"])
            record_event(
                event_type="training_period_assigned_to_school_partnership",
                heading=f"Training confirmed by {lead_provider}",
                author=author,
                school=school,
                training_period=period,
                school_partnership=partnership,
                lead_provider=lead_provider,
            )
    return partnership


def change_partnership_delivery_partner(
    partnership: SchoolPartnership, *, delivery_partner: DeliveryPartner, author: Author
) -> SchoolPartnership:
    """The partnership continues with another of the lead provider's delivery partners for the same year.
    Raises PartnershipError when the lead provider does not work with that delivery partner that year."""
    with transaction.atomic():
        partnership = (
            SchoolPartnership.objects.select_for_update(of=("self",))
            .select_related("school", "lead_provider_delivery_partnership__active_lead_provider__lead_provider")
            .get(pk=partnership.pk)
        )
        active = partnership.lead_provider_delivery_partnership.active_lead_provider
        delivery_partnership = _delivery_partnership(active.lead_provider, active.contract_period_id, delivery_partner)
        before = partnership.lead_provider_delivery_partnership.delivery_partner
        if delivery_partnership.pk != partnership.lead_provider_delivery_partnership_id:
            partnership.lead_provider_delivery_partnership = delivery_partnership
            partnership.save(update_fields=["lead_provider_delivery_partnership"])
            record_event(
                event_type="school_partnership_delivery_partner_changed",
                heading=f"Delivery partner changed from {before} to {delivery_partner}",
                author=author,
                changes={"delivery_partner": [str(before), str(delivery_partner)]},
                school=partnership.school,
                lead_provider=active.lead_provider,
                delivery_partner=delivery_partner,
                school_partnership=partnership,
            )
    return partnership
