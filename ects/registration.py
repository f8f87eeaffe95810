"""Reads the register-an-ECT journey needs to route and validate (the writes are in `ects.services`).

Each answers one question a step asks, in one or two queries; none locks anything, so the service
that finally registers the ECT checks again inside its transaction.
"""

import datetime
from typing import TypedDict

from django.db.models import Prefetch, Q, QuerySet

from ecf.models import (
    ActiveLeadProvider,
    AppropriateBody,
    ContractPeriod,
    DeliveryPartner,
    LeadProvider,
    SchoolPartnership,
    TrainingPeriod,
)
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod
from schools.models import School

PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED
SCHOOL_LED = TrainingPeriod.Programme.SCHOOL_LED


def _not_finished_before(day: datetime.date) -> Q:
    return Q(finished_on__isnull=True) | Q(finished_on__gte=day)


def previous_ect_period(trn: str) -> ECTAtSchoolPeriod | None:
    """The teacher's latest ECT period at any school, for "{ect} has been registered before".

    `training_periods.all()` is prefetched latest first with its lead provider and delivery partner, and
    `latest_training_period` is set to the first of them (or None), so the page runs no further queries.
    """
    period = (
        ECTAtSchoolPeriod.objects.filter(teacher__trn=trn)
        .select_related("teacher", "school", "appropriate_body")
        .prefetch_related(
            Prefetch(
                "training_periods",
                queryset=TrainingPeriod.objects.select_related(
                    "school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider",
                    "school_partnership__lead_provider_delivery_partnership__delivery_partner",
                    "expression_of_interest__lead_provider",
                ).order_by("-started_on", "-pk"),
            )
        )
        .order_by("-started_on", "-pk")
        .first()
    )
    if period is not None:
        training_periods = list(period.training_periods.all())
        period.latest_training_period = training_periods[0] if training_periods else None
    return period


def open_ect_period_at_school(school: School, trn: str, *, today: datetime.date | None = None) -> bool:
    """Whether the teacher is still an ECT at this school: open, or finishing today or later (a reported
    leaver is still registered until their last day)."""
    today = today or datetime.date.today()
    return school.ect_periods.filter(_not_finished_before(today), teacher__trn=trn).exists()


def email_in_use_by_someone_else(email: str, trn: str, *, today: datetime.date | None = None) -> bool:
    """Whether a *different* teacher's current ECT or mentor period uses this email (case-insensitive).

    Current = not finished before today, so a future starter's email is taken too. The same teacher
    reusing their own email (say, moving school) is fine.
    """
    email = email.strip()
    if not email:
        return False
    today = today or datetime.date.today()
    in_use = _not_finished_before(today) & Q(email__iexact=email) & ~Q(teacher__trn=trn)
    return ECTAtSchoolPeriod.objects.filter(in_use).exists() or MentorAtSchoolPeriod.objects.filter(in_use).exists()


def contract_period_for(started_on: datetime.date) -> ContractPeriod | None:
    return ContractPeriod.objects.containing(started_on).first()


def earliest_permitted_start_date(today: datetime.date) -> datetime.date:
    """The start of the contract period before the previous one (rect.md, start-date step).

    With today in 2025/26 that is 1 June 2023: schools may register ECTs who started up to two
    academic years back. Where fewer earlier contract periods exist the earliest one known is used;
    without any contract period at all nothing earlier than today can be registered anyway.
    """
    current = (
        ContractPeriod.objects.containing(today).first()
        or ContractPeriod.objects.filter(started_on__lte=today).order_by("-started_on").first()
    )
    if current is None:
        return today
    earlier = list(ContractPeriod.objects.filter(started_on__lt=current.started_on).order_by("-started_on")[:2])
    return (earlier[-1] if earlier else current).started_on


def lead_providers_active_on(started_on: datetime.date) -> QuerySet[LeadProvider]:
    """Lead providers contracted for the contract period containing `started_on`, by name."""
    active = ActiveLeadProvider.objects.filter(contract_period__in=ContractPeriod.objects.containing(started_on))
    return LeadProvider.objects.filter(pk__in=active.values("lead_provider")).order_by("name")


def active_lead_provider(lead_provider: LeadProvider, contract_period: ContractPeriod) -> ActiveLeadProvider | None:
    return ActiveLeadProvider.objects.filter(lead_provider=lead_provider, contract_period=contract_period).first()


def confirmed_partnership(
    school: School, lead_provider: LeadProvider, contract_period: ContractPeriod
) -> SchoolPartnership | None:
    """The school's partnership confirmed by this lead provider for this contract period, if any (the
    oldest when there are several delivery partners, so the choice is stable)."""
    return (
        SchoolPartnership.objects.filter(
            school=school,
            lead_provider_delivery_partnership__active_lead_provider__lead_provider=lead_provider,
            lead_provider_delivery_partnership__active_lead_provider__contract_period=contract_period,
        )
        .select_related("lead_provider_delivery_partnership__delivery_partner")
        .order_by("created_at", "pk")
        .first()
    )


def appropriate_body_error(school: School, appropriate_body: AppropriateBody) -> str:
    """The GOV.UK error when this appropriate body cannot support ECTs at this school, else ""."""
    if school.independent:
        if appropriate_body.body_type == AppropriateBody.BodyType.LOCAL_AUTHORITY:
            return "Select a valid appropriate body which will be supporting the ECT’s induction"
    elif appropriate_body.body_type != AppropriateBody.BodyType.TEACHING_SCHOOL_HUB:
        return "Select a teaching school hub appropriate body which will be supporting the ECT’s induction"
    return ""


class ProgrammeChoices(TypedDict):
    appropriate_body: AppropriateBody
    training_programme: str  # TrainingPeriod.Programme value
    lead_provider: LeadProvider | None  # provider-led only
    delivery_partner: DeliveryPartner | None  # when the lead provider already confirmed a partnership


def reusable_programme_choices(school: School, started_on: datetime.date) -> ProgrammeChoices | None:
    """The school's last programme choices if they can be used again for an ECT starting on `started_on`
    ("Programme choices used by your school previously"), else None.

    Reusable: an appropriate body the school may still choose, and either school-led, or provider-led
    with a lead provider active in that contract period (an expression of interest is then always
    possible; a confirmed partnership, when there is one, adds its delivery partner).
    """
    appropriate_body = school.last_chosen_appropriate_body
    programme = school.last_chosen_training_programme
    if appropriate_body is None or programme not in (PROVIDER_LED, SCHOOL_LED):
        return None
    if appropriate_body_error(school, appropriate_body):
        return None
    contract_period = contract_period_for(started_on)
    if contract_period is None:
        return None
    if programme == SCHOOL_LED:
        return ProgrammeChoices(
            appropriate_body=appropriate_body, training_programme=programme, lead_provider=None, delivery_partner=None
        )
    lead_provider = school.last_chosen_lead_provider
    if lead_provider is None or active_lead_provider(lead_provider, contract_period) is None:
        return None
    partnership = confirmed_partnership(school, lead_provider, contract_period)
    return ProgrammeChoices(
        appropriate_body=appropriate_body,
        training_programme=programme,
        lead_provider=lead_provider,
        delivery_partner=partnership.delivery_partner if partnership else None,
    )
