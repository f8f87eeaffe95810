"""Reads for the lead provider API. A lead provider sees only teachers it trains (has a training period with).

Every list runs a constant number of queries whatever its length (tests/api/test_participants.py proves it).
"""

import datetime
import uuid

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from ecf.models import LeadProvider, Teacher, TrainingPeriod
from ecf.training.provider_actions import with_lead_provider
from mentors.queries import current_mentorships

CONTRACT_PERIOD_OF_PARTNERSHIP = (
    "school_partnership__lead_provider_delivery_partnership__active_lead_provider__contract_period"
)


def training_with(lead_provider: LeadProvider) -> QuerySet[TrainingPeriod]:
    """This provider's training periods, each with its teacher (`teacher_pk`), contract period year (`cohort`)
    and `is_latest`: no later period of this provider for the same teacher in the same role."""
    periods = TrainingPeriod.objects.filter(with_lead_provider(lead_provider)).annotate(
        teacher_pk=Coalesce(F("ect_at_school_period__teacher_id"), F("mentor_at_school_period__teacher_id")),
        cohort=Coalesce(F(CONTRACT_PERIOD_OF_PARTNERSHIP), F("expression_of_interest__contract_period")),
        is_ect=Q(ect_at_school_period__isnull=False),
    )
    later = periods.filter(
        teacher_pk=OuterRef("teacher_pk"),
        is_ect=OuterRef("is_ect"),
    ).filter(Q(started_on__gt=OuterRef("started_on")) | Q(started_on=OuterRef("started_on"), pk__gt=OuterRef("pk")))
    return periods.annotate(is_latest=~Exists(later))


def status_q(status: str) -> Q:
    """The training status (`active`, `deferred`, `withdrawn`) as a filter: the later of the two dates wins."""
    if status == "withdrawn":
        return Q(withdrawn_at__isnull=False) & (Q(deferred_at__isnull=True) | Q(withdrawn_at__gte=F("deferred_at")))
    if status == "deferred":
        return Q(deferred_at__isnull=False) & (Q(withdrawn_at__isnull=True) | Q(deferred_at__gt=F("withdrawn_at")))
    return Q(withdrawn_at__isnull=True, deferred_at__isnull=True)


def participants(
    lead_provider: LeadProvider,
    *,
    cohorts: list[int] | None = None,
    updated_since: datetime.datetime | None = None,
    training_status: str | None = None,
    from_participant_id: uuid.UUID | None = None,
    sort: str = "created_at",
) -> QuerySet[Teacher]:
    """The teachers this provider trains, filtered as the reference's `filter[...]` parameters, in a stable
    order (`sort` is `created_at`, `updated_at` or either with `-`; ties by id). Filters apply to the latest
    training period in each role, as the enrolments shown do."""
    trained = training_with(lead_provider).filter(teacher_pk=OuterRef("pk"))
    if cohorts or training_status:
        # Only these filters need to know which period is the latest (a second, costlier subquery).
        trained = trained.filter(is_latest=True)
    if cohorts:
        trained = trained.filter(cohort__in=cohorts)
    if training_status:
        trained = trained.filter(status_q(training_status))
    teachers = Teacher.objects.filter(Exists(trained))
    if updated_since is not None:
        teachers = teachers.filter(api_updated_at__gte=updated_since)
    if from_participant_id is not None:
        # This service never merges teachers, so a participant's only id, past or present, is its own.
        teachers = teachers.filter(api_id=from_participant_id)
    field = {"created_at": "created_at", "updated_at": "api_updated_at"}[sort.lstrip("-")]
    direction = "-" if sort.startswith("-") else ""
    return teachers.order_by(f"{direction}{field}", f"{direction}pk")


def with_enrolments(teachers, lead_provider: LeadProvider, today: datetime.date | None = None) -> list[Teacher]:
    """Loads each teacher's latest training periods with this provider into `teacher.enrolments` (ECT first),
    with everything the payload shows, in three queries whatever the number of teachers. An ECT period's
    `current_mentorships` are those not finished before `today`, earliest first: the first names the mentor, as
    the reference's `mentor_id` does (the running mentorship, else the next; none once the mentor has gone)."""
    teachers = list(teachers)
    mentorships = current_mentorships(today or datetime.date.today()).select_related("mentor__teacher")
    # Every period of this provider for these teachers, latest first; the latest per role is picked below
    # (cheaper than asking PostgreSQL for `is_latest` on each row).
    periods = (
        TrainingPeriod.objects.filter(with_lead_provider(lead_provider))
        .annotate(
            teacher_pk=Coalesce(F("ect_at_school_period__teacher_id"), F("mentor_at_school_period__teacher_id")),
            cohort=Coalesce(F(CONTRACT_PERIOD_OF_PARTNERSHIP), F("expression_of_interest__contract_period")),
            is_ect=Q(ect_at_school_period__isnull=False),
        )
        .filter(teacher_pk__in=[teacher.pk for teacher in teachers])
        .order_by("-started_on", "-pk")
        .select_related(
            "ect_at_school_period__school",
            "mentor_at_school_period__school",
            "school_partnership__lead_provider_delivery_partnership__delivery_partner",
        )
        .prefetch_related(
            Prefetch("ect_at_school_period__mentorship_periods", queryset=mentorships, to_attr="current_mentorships")
        )
    )
    by_teacher: dict[int, list[TrainingPeriod]] = {}
    for period in periods:
        enrolments = by_teacher.setdefault(period.teacher_pk, [])
        if not any(seen.is_ect == period.is_ect for seen in enrolments):
            enrolments.append(period)
    for teacher in teachers:
        teacher.enrolments = sorted(by_teacher.get(teacher.pk, []), key=lambda period: not period.is_ect)
    return teachers


def participant(lead_provider: LeadProvider, api_id: uuid.UUID, today: datetime.date | None = None) -> Teacher | None:
    """The teacher with this API id, if this provider trains them; else None (a 404, like an unknown id)."""
    teacher = participants(lead_provider).filter(api_id=api_id).first()
    return with_enrolments([teacher], lead_provider, today)[0] if teacher else None
