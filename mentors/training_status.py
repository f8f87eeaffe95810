"""What lead providers reported of mentors' training (withdrawn, deferred, completed), as the mentors list and record
read and word it (docs/journeys/change-lead-provider.md, "What the school sees")."""

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ecf.models import Declaration, TrainingPeriod

LEAD_PROVIDER_NAME = Coalesce(
    F("school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider__name"),
    F("expression_of_interest__lead_provider__name"),
)


def latest_mentor_training() -> QuerySet[TrainingPeriod]:
    """For a subquery on a mentor period (OuterRef "pk"): their mentor training, the latest first. What a lead
    provider reported stays on the latest: withdrawing or deferring finishes it that day, and it stays the latest
    until the school or the provider starts another (docs/journeys/change-lead-provider.md)."""
    return TrainingPeriod.objects.filter(mentor_at_school_period=OuterRef("pk")).order_by("-started_on", "-pk")


# Received = the lead provider's declaration stands (the admin's rule for marking the teacher's training completed).
NOT_RECEIVED = (Declaration.State.VOIDED, Declaration.State.INELIGIBLE)


def mentor_training_completed() -> Exists:
    """For a mentor period (OuterRef "teacher"): a lead provider's completed declaration for the teacher's mentor
    training stands, at any school. What the record shows as "Training completed"."""
    return Exists(
        Declaration.objects.filter(
            declaration_type=Declaration.DeclarationType.COMPLETED,
            training_period__mentor_at_school_period__teacher=OuterRef("teacher"),
        ).exclude(state__in=NOT_RECEIVED)
    )


def with_training_status(queryset: QuerySet) -> QuerySet:
    """Annotates mentor periods with what their lead provider reported of their latest mentor training:
    training_withdrawn_at, training_deferred_at, training_lead_provider (the provider's name), and
    training_completed (`mentor_training_completed`)."""
    training = latest_mentor_training()
    return queryset.annotate(
        training_withdrawn_at=Subquery(training.values("withdrawn_at")[:1]),
        training_deferred_at=Subquery(training.values("deferred_at")[:1]),
        training_lead_provider=Subquery(training.annotate(name=LEAD_PROVIDER_NAME).values("name")[:1]),
        training_completed=mentor_training_completed(),
    )


def training_status(withdrawn_at, deferred_at, *, completed: bool = False) -> str:
    """ "completed", "withdrawn", "deferred" or "active": the later of a withdrawal and a deferral wins
    (TrainingPeriod.status). Completion wins over both: the API lets a lead provider withdraw or defer a mentor
    after their completed declaration, as the reference's does, but the school is not then told the mentor is not
    registered for mentor training they have completed (docs/journeys/change-lead-provider.md)."""
    if completed:
        return "completed"
    if withdrawn_at and (not deferred_at or withdrawn_at >= deferred_at):
        return "withdrawn"
    return "deferred" if deferred_at else "active"


def mentor_training_message(name: str, lead_provider: str, status: str) -> str:
    """What the school is told when the lead provider withdrew or deferred the mentor's training ("" otherwise);
    the copy of the reference service (docs/journeys/change-lead-provider.md)."""
    provider_have = f"{lead_provider} have" if lead_provider else "The lead provider has"
    if status == "withdrawn":
        return (
            f"{provider_have} told us that {name} is not registered for ECTE mentor training with them. "
            "Contact them if you think this is an error."
        )
    if status == "deferred":
        return (
            f"{provider_have} told us that {name}’s ECTE mentor training is paused. "
            "Contact them if you think this is an error."
        )
    return ""
