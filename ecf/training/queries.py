"""Reads about contract periods, lead providers and training periods that ECT and mentor pages share.

None locks anything: a service that writes on the strength of one of these reads checks it again inside its
transaction.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from ecf.errors import DomainError
from ecf.models import ActiveLeadProvider, ContractPeriod, LeadProvider, Period, SchoolPartnership, TrainingPeriod
from ecf.models.periods import not_finished_before

PARTNERSHIP = "school_partnership__lead_provider_delivery_partnership__active_lead_provider__"


def contract_period_for(day: datetime.date) -> ContractPeriod | None:
    """The contract period (academic year of training) `day` falls in, if there is one."""
    return ContractPeriod.objects.containing(day).first()


def lead_providers_active_in(contract_period: ContractPeriod | None) -> QuerySet[LeadProvider]:
    """The lead providers contracted for `contract_period`, by name (none without one)."""
    if contract_period is None:
        return LeadProvider.objects.none()
    active = ActiveLeadProvider.objects.filter(contract_period=contract_period)
    return LeadProvider.objects.filter(pk__in=active.values("lead_provider")).order_by("name")


def lead_providers_active_on(day: datetime.date) -> QuerySet[LeadProvider]:
    """The lead providers contracted for the contract period containing `day`, by name."""
    active = ActiveLeadProvider.objects.filter(contract_period__in=ContractPeriod.objects.containing(day))
    return LeadProvider.objects.filter(pk__in=active.values("lead_provider")).order_by("name")


def active_lead_provider(lead_provider: LeadProvider, contract_period: ContractPeriod) -> ActiveLeadProvider | None:
    return ActiveLeadProvider.objects.filter(lead_provider=lead_provider, contract_period=contract_period).first()


def confirmed_partnership(
    school, lead_provider: LeadProvider, contract_period: ContractPeriod
) -> SchoolPartnership | None:
    """The school's partnership confirmed by this lead provider for this contract period, if any (the oldest
    when there are several delivery partners, so the choice is stable)."""
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


def partnership_or_interest(
    school, lead_provider: LeadProvider, contract_period: ContractPeriod
) -> tuple[SchoolPartnership | None, ActiveLeadProvider | None]:
    """How provider-led training with `lead_provider` starts at `school` in `contract_period`: through the
    partnership the lead provider confirmed with the school for that year if there is one, else as an
    expression of interest the lead provider will confirm. Exactly one of the pair is set.

    Raises DomainError when the lead provider is not providing training in that contract period.
    """
    partnership = confirmed_partnership(school, lead_provider, contract_period)
    if partnership is not None:
        return partnership, None
    interest = active_lead_provider(lead_provider, contract_period)
    if interest is None:
        raise DomainError(
            f"{lead_provider.name} is not providing training in the {contract_period.academic_year} academic year. "
            "Select a different lead provider."
        )
    return None, interest


def current_ect_training_period(ect_period: Period, *, today: datetime.date | None = None) -> TrainingPeriod | None:
    """The ECT's training (`ect_period` is an ECT at school period) running today, else the next one to start,
    with its lead provider and contract period loaded; or None."""
    return (
        TrainingPeriod.objects.filter(not_finished_before(today or datetime.date.today()))
        .filter(ect_at_school_period_id=ect_period.pk)
        .select_related(
            f"{PARTNERSHIP}lead_provider",
            f"{PARTNERSHIP}contract_period",
            "expression_of_interest__lead_provider",
            "expression_of_interest__contract_period",
        )
        .order_by("started_on", "pk")
        .first()
    )


def training_contract_period(training_period: TrainingPeriod | None) -> ContractPeriod | None:
    """The contract period of a training period: its partnership's or expression of interest's, else (school-led)
    the one containing its start. Needs the select_related of `current_ect_training_period`."""
    if training_period is None:
        return None
    if training_period.school_partnership_id:
        partnership = training_period.school_partnership.lead_provider_delivery_partnership
        return partnership.active_lead_provider.contract_period
    if training_period.expression_of_interest_id:
        return training_period.expression_of_interest.contract_period
    return contract_period_for(training_period.started_on)


def ect_lead_provider(ect_period: Period) -> LeadProvider | None:
    """The lead provider of the ECT's current training; None when it is school-led or there is none."""
    training_period = current_ect_training_period(ect_period)
    return training_period.lead_provider if training_period is not None else None


def mentor_has_had_training(teacher_id: int) -> bool:
    """Whether the teacher has ever had a mentor training period, at any school: only their first provider-led
    assignment starts mentor training (a mentor at two schools is not trained twice)."""
    return TrainingPeriod.objects.filter(mentor_at_school_period__teacher_id=teacher_id).exists()


def lead_provider_replaced(at_school_period, current: TrainingPeriod | None) -> LeadProvider | None:
    """The lead provider a change of lead provider replaces, for an ECT or mentor period at a school: the current
    training's (`current`: running today, else the next to start); with none, the latest training's, which a lead
    provider withdrawing or deferring it finished on an earlier day (as the reference's
    ChangeLeadProviderResolver, docs/journeys/change-lead-provider.md). None when that training is school-led or
    there is none."""
    training = current
    if training is None:
        training = (
            at_school_period.training_periods.select_related(
                f"{PARTNERSHIP}lead_provider", "expression_of_interest__lead_provider"
            )
            .order_by("-started_on", "-pk")
            .first()
        )
    return training.lead_provider if training is not None and training.provider_led else None


def lead_providers_for_change(
    at_school_period,
    current: TrainingPeriod | None,
    *,
    replacing: LeadProvider | None = None,
    today: datetime.date | None = None,
):
    """ "Select the new lead provider": the lead providers active in the contract period of the current training
    (`current`), else the one containing the later of today and the teacher's start at the school; the one being
    replaced (`replacing`, by default the current training's) left out. By name."""
    today = today or datetime.date.today()
    contract_period = training_contract_period(current) or contract_period_for(max(today, at_school_period.started_on))
    providers = lead_providers_active_in(contract_period)
    if replacing is None and current is not None and current.provider_led:
        replacing = current.lead_provider
    if replacing is not None:
        providers = providers.exclude(pk=replacing.pk)
    return list(providers)
