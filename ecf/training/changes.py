"""Changing how an ECT or a mentor is trained: choosing a new lead provider (ECT or mentor), or changing an ECT's
training programme between provider-led and school-led (docs/journeys/change-lead-provider.md).

The date rules, for the training running today (else the next one to start), the "current" training:

- none: new training starts on the later of today and the teacher's start at the school;
- it starts today or later, or it is an expression of interest no lead provider has confirmed (and with no
  declaration): it is changed in place, keeping its dates; nobody has trained the teacher under it, so it is
  replaced as if the school had chosen this way from the start;
- otherwise (it started before today with a confirmed partnership, or school-led): it finishes yesterday and the
  new training starts today, so what the old lead provider did stays on the record and both providers see the
  change through the API (each training period's `updated_at`).

New provider-led training goes through the school's partnership confirmed by that lead provider for the contract
period if there is one, else an expression of interest (`ecf.training.queries.partnership_or_interest`).

The services lock the teacher's period at the school, then its training periods, so that two changes (two tabs, a
lead provider withdrawing through the API at the same moment) take turns; each checks `expected_version` against
the training as the user saw it, and writes an audit event. This module works on either kind of period at a school
through the `TrainingPeriod` foreign keys, so it imports neither app.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction

from ecf.errors import DomainError
from ecf.events import Author, record_event
from ecf.models import ContractPeriod, LeadProvider, TrainingPeriod
from ecf.models.periods import not_finished_before
from ecf.training.queries import (
    contract_period_for,
    mentor_has_had_training,
    partnership_or_interest,
    training_contract_period,
)

PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED
SCHOOL_LED = TrainingPeriod.Programme.SCHOOL_LED
RELATED = (
    "school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider",
    "school_partnership__lead_provider_delivery_partnership__active_lead_provider__contract_period",
    "school_partnership__lead_provider_delivery_partnership__delivery_partner",
    "expression_of_interest__lead_provider",
    "expression_of_interest__contract_period",
)


def changed_by_someone_else(name: str) -> str:
    return f"{name}’s training has just been changed by someone else. Check their record before changing it."


def training_version(training_period: TrainingPeriod | None) -> str:
    """The school's choice of training as it stands, to compare at submit: "<id>:<programme>:<partnership id>:
    <lead provider id of the expression of interest>" of the current training, "" with none. What a lead provider
    reports (withdrawn, deferred) is not part of it: the school acts on that."""
    if training_period is None:
        return ""
    interest = training_period.expression_of_interest
    return ":".join(
        str(part or "")
        for part in (
            training_period.pk,
            training_period.training_programme,
            training_period.school_partnership_id,
            interest.lead_provider_id if interest else "",
        )
    )


def current_training(at_school_period, *, today: datetime.date | None = None) -> TrainingPeriod | None:
    """The training of an ECT or mentor period at a school running today, else the next one to start, with its
    lead provider and contract period loaded; or None."""
    return (
        TrainingPeriod.objects.filter(not_finished_before(today or datetime.date.today()))
        .filter(**{_owner_field(at_school_period): at_school_period.pk})
        .select_related(*RELATED)
        .order_by("started_on", "pk")
        .first()
    )


def school_led(at_school_period, current: TrainingPeriod | None) -> bool:
    """Whether the training the school sees (`current`, else the latest) is school-led: choosing a lead provider is
    then a change of training programme, never a change of lead provider."""
    training = current or at_school_period.training_periods.order_by("-started_on", "-pk").first()
    return training is not None and training.training_programme == SCHOOL_LED


@dataclass(frozen=True)
class TrainingChange:
    """What a change did: the training now current, the lead provider before it ("" for none or school-led), the
    programme before it ("" for none), and the mentor training it started (programme changes only)."""

    training_period: TrainingPeriod
    previous_lead_provider_name: str
    previous_programme: str
    mentor_training: TrainingPeriod | None = None


def change_lead_provider(
    *,
    at_school_period,
    lead_provider: LeadProvider,
    author: Author,
    expected_version: str | None = None,
    today: datetime.date | None = None,
) -> TrainingChange:
    """Provider-led training with `lead_provider` for an ECT or a mentor (`at_school_period` is an ECT or mentor
    period at a school), by the module's date rules, in the contract period of the current training (else the
    one containing the new training's start).

    expected_version: `training_version` of the current training when the user chose (None does not check).
    Raises DomainError: changed by someone else since, school-led training (`school_led`), the same lead provider,
    the teacher has left, the lead provider is not providing training in that contract period.
    """
    today = today or datetime.date.today()
    with transaction.atomic():
        period, current = _lock(at_school_period, today=today, expected_version=expected_version)
        if school_led(period, current):
            raise DomainError(
                f"You cannot change {period.teacher.full_name}’s lead provider because their training is school-led"
            )
        if current is not None and current.provider_led and current.lead_provider == lead_provider:
            raise DomainError(f"{lead_provider.name} is already training {period.teacher.full_name}")
        change = _change(period, current, PROVIDER_LED, lead_provider, author=author, today=today)
        record_event(
            event_type="teacher_lead_provider_changed",
            heading=f"{period.teacher.full_name}’s lead provider changed to {lead_provider.name}",
            author=author,
            changes={"lead_provider": [change.previous_lead_provider_name, lead_provider.name]},
            metadata=_metadata(change),
            **_links(period, change.training_period),
            lead_provider=lead_provider,
        )
        return change


def change_training_programme(
    *,
    ect_period,
    training_programme: str,
    lead_provider: LeadProvider | None,
    author: Author,
    expected_version: str | None = None,
    today: datetime.date | None = None,
) -> TrainingChange:
    """Change an ECT's training programme to `training_programme` (provider-led with `lead_provider`, or
    school-led with None), by the module's date rules. Moving to provider-led also starts provider-led mentor
    training for the ECT's current mentor when they are eligible and have never had any
    (`start_mentor_training_if_first`).

    Raises DomainError: changed by someone else since, already on that programme, the ECT has left, the lead
    provider is not providing training in that contract period.
    """
    today = today or datetime.date.today()
    if (training_programme == PROVIDER_LED) != (lead_provider is not None):
        raise ValueError("Provider-led training needs a lead provider, school-led none")
    with transaction.atomic():
        period, current = _lock(ect_period, today=today, expected_version=expected_version)
        new_label = TrainingPeriod.Programme(training_programme).label
        if current is not None and current.training_programme == training_programme:
            raise DomainError(f"{period.teacher.full_name}’s training programme is already {new_label.lower()}")
        change = _change(period, current, training_programme, lead_provider, author=author, today=today)
        record_event(
            event_type="teacher_training_programme_changed",
            heading=f"{period.teacher.full_name}’s training programme changed to {new_label.lower()}",
            author=author,
            changes={"training_programme": [change.previous_programme, training_programme]},
            metadata=_metadata(change),
            **_links(period, change.training_period),
            lead_provider=lead_provider,
        )
        mentor_training = None
        if lead_provider is not None:
            mentorship = (
                period.mentorship_periods.filter(not_finished_before(today))
                .select_related("mentor__teacher", "mentor__school")
                .order_by("started_on", "pk")
                .first()
            )
            if mentorship is not None:
                mentor = type(mentorship.mentor).objects.select_for_update(of=("self",)).get(pk=mentorship.mentor_id)
                mentor_training = start_mentor_training_if_first(
                    ect_training=change.training_period,
                    mentor=mentor,
                    started_on=max(change.training_period.started_on, mentorship.started_on),
                    lead_provider=lead_provider,
                    author=author,
                )
        return TrainingChange(
            change.training_period, change.previous_lead_provider_name, change.previous_programme, mentor_training
        )


def start_mentor_training_if_first(
    *,
    ect_training: TrainingPeriod | None,
    mentor,
    started_on: datetime.date,
    lead_provider: LeadProvider | None,
    author: Author,
) -> TrainingPeriod | None:
    """Start provider-led mentor training for `mentor` (a mentor period at a school, locked by the caller, with
    `teacher` loaded) from `started_on`, when `ect_training` (their ECT's current training) is provider-led and
    the mentor has neither completed mentor training nor had any, at any school (docs/journeys/mentors.md,
    "Mentor training"). With `lead_provider`, else the ECT's; through a confirmed partnership in the ECT's
    training contract period if there is one, else an expression of interest. Returns the new training, or None.
    """
    if ect_training is None or ect_training.training_programme != PROVIDER_LED:
        return None
    if mentor.teacher.mentor_training_completed_on is not None or mentor_has_had_training(mentor.teacher_id):
        return None
    lead_provider = lead_provider or ect_training.lead_provider
    contract_period = training_contract_period(ect_training)
    if lead_provider is None or contract_period is None:
        return None  # cannot happen for provider-led training: it always has one of the two
    school_partnership, expression_of_interest = partnership_or_interest(mentor.school, lead_provider, contract_period)
    training_period = TrainingPeriod.objects.create(
        mentor_at_school_period=mentor,
        started_on=started_on,
        finished_on=mentor.finished_on,
        training_programme=PROVIDER_LED,
        school_partnership=school_partnership,
        expression_of_interest=expression_of_interest,
    )
    source = "confirmed partnership" if school_partnership else "awaiting confirmation"
    record_event(
        event_type="teacher_starts_training_period",
        heading=f"{mentor.teacher.full_name} started mentor training with {lead_provider.name} ({source})",
        author=author,
        metadata={
            "started_on": started_on.isoformat(),
            "training_programme": PROVIDER_LED,
            "contract_period": contract_period.year,
            "expression_of_interest": expression_of_interest is not None,
        },
        teacher_id=mentor.teacher_id,
        school_id=mentor.school_id,
        mentor_at_school_period=mentor,
        training_period=training_period,
        lead_provider=lead_provider,
        school_partnership=school_partnership,
        delivery_partner=school_partnership.delivery_partner if school_partnership else None,
    )
    return training_period


# The rules --------------------------------------------------------------------------------------------------


def _owner_field(at_school_period) -> str:
    """The TrainingPeriod foreign key to this kind of period at a school."""
    if at_school_period._meta.model_name == "mentoratschoolperiod":
        return "mentor_at_school_period"
    return "ect_at_school_period"


def _lock(at_school_period, *, today: datetime.date, expected_version: str | None):
    """Lock the period at the school, then its training periods not finished before today; check it is still
    there to change and unchanged since the user saw it. Returns (period, current training or None)."""
    period = (
        type(at_school_period)
        .objects.select_for_update(of=("self",))
        .select_related("teacher", "school")
        .get(pk=at_school_period.pk)
    )
    name = period.teacher.full_name
    if period.finished_on is not None and period.finished_on < today:
        raise DomainError(f"You cannot change {name}’s training because they have left your school")
    field = _owner_field(period)
    list(TrainingPeriod.objects.select_for_update(of=("self",)).filter(not_finished_before(today), **{field: period}))
    current = current_training(period, today=today)
    if expected_version is not None and training_version(current) != expected_version:
        raise DomainError(changed_by_someone_else(name))
    return period, current


def _contract_period(current: TrainingPeriod | None, starts_on: datetime.date) -> ContractPeriod:
    contract_period = training_contract_period(current) if current is not None else None
    contract_period = contract_period or contract_period_for(starts_on)
    if contract_period is None:
        raise DomainError("There is no contract period for these dates yet. Try again later.")
    return contract_period


def _change(period, current, programme: str, lead_provider, *, author: Author, today: datetime.date) -> TrainingChange:
    previous_lead_provider = current.lead_provider if current is not None and current.provider_led else None
    previous_lead_provider_name = previous_lead_provider.name if previous_lead_provider else ""
    previous_programme = current.training_programme if current is not None else ""
    starts_on = max(today, period.started_on)
    partnership = interest = None
    if programme == PROVIDER_LED:
        contract_period = _contract_period(current, starts_on)
        partnership, interest = partnership_or_interest(period.school, lead_provider, contract_period)
    choice = {"training_programme": programme, "school_partnership": partnership, "expression_of_interest": interest}
    if current is not None and _changed_in_place(current, today=today):
        for name, value in choice.items():
            setattr(current, name, value)
        # The new choice is not what the old lead provider reported on.
        current.withdrawn_at = current.deferred_at = None
        current.withdrawal_reason = current.deferral_reason = ""
        current.save()
        training_period = current
    else:
        if current is not None:
            current.finished_on = today - datetime.timedelta(days=1)
            current.save(update_fields=["finished_on", "updated_at"])
        training_period = TrainingPeriod.objects.create(
            **{_owner_field(period): period}, started_on=starts_on, finished_on=period.finished_on, **choice
        )
    return TrainingChange(training_period, previous_lead_provider_name, previous_programme)


def _changed_in_place(current: TrainingPeriod, *, today: datetime.date) -> bool:
    if current.started_on >= today:
        return True
    unconfirmed = current.provider_led and current.school_partnership_id is None
    return unconfirmed and not current.declarations.exists()


def _metadata(change: TrainingChange) -> dict:
    training = change.training_period
    return {
        "started_on": training.started_on.isoformat(),
        "training_programme": training.training_programme,
        "expression_of_interest": training.expression_of_interest_id is not None,
    }


def _links(period, training_period: TrainingPeriod) -> dict:
    return {
        "teacher_id": period.teacher_id,
        "school_id": period.school_id,
        _owner_field(period): period,
        "training_period": training_period,
        "school_partnership": training_period.school_partnership,
    }
