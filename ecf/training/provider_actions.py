"""What lead providers report about a trainee's training: withdraw, defer, resume. The only writers of these.

Each runs in one transaction with the training period row locked, records an event with the lead provider as
author, and refuses with the messages of DfE's live v3 API (`ProviderActionError`, a DomainError with a
`title`, the attribute it is about). Rules: docs/adr/0014-lead-provider-api.md and the reference's
app/services/teachers/{withdraw,defer,resume}.rb in https://github.com/DFE-Digital/register-early-career-teachers-public.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ecf.errors import DomainError
from ecf.events import Author, jsonable, record_event
from ecf.models import LeadProvider, Teacher, TrainingPeriod
from ecf.models.periods import not_finished_before

ECT, MENTOR = "ecf-induction", "ecf-mentor"
COURSE_IDENTIFIERS = (ECT, MENTOR)
WITHDRAWAL_REASONS = [choice.value for choice in TrainingPeriod.WithdrawalReason]
DEFERRAL_REASONS = [choice.value for choice in TrainingPeriod.DeferralReason]
MENTOR_ONLY_REASON = TrainingPeriod.WithdrawalReason.MENTOR_NO_LONGER_BEING_MENTOR.value
UNKNOWN_COURSE = (
    "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again."
)

PARTNERSHIP_LEAD_PROVIDER = (
    "school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider"
)


class ProviderActionError(DomainError):
    """A refusal; `title` names the attribute, as the reference's `{"title", "detail"}` errors do."""

    def __init__(self, title: str, message: str):
        super().__init__(message)
        self.title = title


def with_lead_provider(lead_provider: LeadProvider, prefix: str = "") -> Q:
    """Training periods (reached through `prefix`, e.g. "training_period__") with `lead_provider`: a confirmed
    partnership, or only the school's choice (an expression of interest)."""
    return Q(**{f"{prefix}{PARTNERSHIP_LEAD_PROVIDER}": lead_provider}) | Q(
        **{f"{prefix}expression_of_interest__lead_provider": lead_provider}
    )


def in_role(teacher: Teacher, course_identifier: str) -> Q:
    if course_identifier == ECT:
        return Q(ect_at_school_period__teacher=teacher)
    return Q(mentor_at_school_period__teacher=teacher)


def locked_latest_training(lead_provider: LeadProvider, teacher: Teacher, course_identifier: str) -> TrainingPeriod:
    """This provider's latest training period for the teacher in the course's role, row-locked. Raises
    ProviderActionError when there is none (the teacher trains with this provider in the other role only)."""
    if course_identifier not in COURSE_IDENTIFIERS:
        raise ProviderActionError(
            "course_identifier",
            UNKNOWN_COURSE,
        )
    period = (
        TrainingPeriod.objects.select_for_update(of=("self",))
        .filter(with_lead_provider(lead_provider), in_role(teacher, course_identifier))
        .order_by("-started_on", "-pk")
        .first()
    )
    if period is None:
        raise ProviderActionError(
            "course_identifier",
            UNKNOWN_COURSE,
        )
    return period


def at_school_period(period: TrainingPeriod):
    return period.ect_at_school_period or period.mentor_at_school_period


def check_reason(reason: str | None, allowed: list[str], *, is_ect: bool) -> str:
    if not reason:
        raise ProviderActionError("reason", "Enter a '#/reason'.")
    if reason == MENTOR_ONLY_REASON and is_ect:
        raise ProviderActionError("reason", "You cannot withdraw an ECT for this reason. The ECT is not a mentor.")
    if reason not in allowed:
        raise ProviderActionError(
            "reason",
            "The entered '#/reason' is not recognised for the given participant. Check details and try again.",
        )
    return reason


def pause(
    *,
    action: str,
    lead_provider: LeadProvider,
    teacher: Teacher,
    course_identifier: str,
    reason: str | None,
    author: Author | None = None,
) -> TrainingPeriod:
    """Withdraw (`action` "withdraw") or defer ("defer"): stamp the time and reason, finish the period today."""
    withdrawing = action == "withdraw"
    with transaction.atomic():
        period = locked_latest_training(lead_provider, teacher, course_identifier)
        reason = check_reason(
            reason, WITHDRAWAL_REASONS if withdrawing else DEFERRAL_REASONS, is_ect=period.ect_at_school_period_id
        )
        if period.status == ("withdrawn" if withdrawing else "deferred"):
            raise ProviderActionError(
                "participant_id", f"The '#/participant_id' is already {'withdrawn' if withdrawing else 'deferred'}."
            )
        # Withdrawing a deferred trainee is allowed in the reference; deferring a withdrawn one is not.
        if period.status != "active" and not withdrawing:
            raise ProviderActionError("participant_id", "The '#/participant_id' is already withdrawn.")
        now = timezone.now()
        today = timezone.localdate(now)
        if period.started_on > today:
            raise ProviderActionError(
                "participant_id",
                f"You cannot {action} #/participant_id. "
                "This is because they have not been training with you for at least one day.",
            )
        if period.started_on == today:  # e.g. the school chose this provider today
            raise ProviderActionError(
                "participant_id",
                "You cannot defer or withdraw this participant today. "
                "You need to try again tomorrow as the training was recently changed for this participant.",
            )
        before = {"finished_on": period.finished_on}
        period.finished_on = min(period.finished_on or today, today)
        if withdrawing:
            period.withdrawn_at, period.withdrawal_reason = now, reason
        else:
            period.deferred_at, period.deferral_reason = now, reason
        period.save()
        at_school = at_school_period(period)
        record_event(
            event_type=f"teacher_{'withdraws' if withdrawing else 'defers'}_training_period",
            heading=f"{teacher.full_name} was {'withdrawn' if withdrawing else 'deferred'} by {lead_provider}",
            author=author or Author.lead_provider(lead_provider),
            changes={
                "finished_on": jsonable([before["finished_on"], period.finished_on]),
                f"{'withdrawal' if withdrawing else 'deferral'}_reason": ["", reason],
            },
            teacher=teacher,
            school_id=at_school.school_id,
            training_period=period,
            lead_provider=lead_provider,
        )
    return period


def withdraw_training(
    *,
    lead_provider: LeadProvider,
    teacher: Teacher,
    course_identifier: str,
    reason: str | None,
    author: Author | None = None,
) -> TrainingPeriod:
    """Withdraws the teacher from `lead_provider`'s latest training in the role of `course_identifier`
    (`ecf-induction` = ECT, `ecf-mentor` = mentor): `withdrawn_at` now, the reason, and the period finishes
    today at the latest. Returns the period. Raises ProviderActionError (reference messages) for a missing
    or unknown reason, the mentor-only reason on an ECT, an already withdrawn trainee, training that starts later,
    or training that started today (try again tomorrow)."""
    return pause(
        action="withdraw",
        lead_provider=lead_provider,
        teacher=teacher,
        course_identifier=course_identifier,
        reason=reason,
        author=author,
    )


def defer_training(
    *,
    lead_provider: LeadProvider,
    teacher: Teacher,
    course_identifier: str,
    reason: str | None,
    author: Author | None = None,
) -> TrainingPeriod:
    """Defers (pauses) the training, as withdraw_training does with the deferral reasons. Raises
    ProviderActionError for a missing or unknown reason, or an already deferred or withdrawn trainee."""
    return pause(
        action="defer",
        lead_provider=lead_provider,
        teacher=teacher,
        course_identifier=course_identifier,
        reason=reason,
        author=author,
    )


def resume_training(
    *, lead_provider: LeadProvider, teacher: Teacher, course_identifier: str, author: Author | None = None
) -> TrainingPeriod:
    """Resumes withdrawn or deferred training. Paused on an earlier day: a new provider-led period from today
    with the same partnership or expression of interest, finishing with the at-school period. Paused today:
    the same period continues (the reference refuses until tomorrow; docs/adr/0014-lead-provider-api.md),
    and the pause and the resume both stay in the events. Returns the training period now current.

    Raises ProviderActionError when already active, active with another provider, or no longer at the school.
    `author` defaults to the lead provider (the API); the admin passes the DfE staff user.
    """
    with transaction.atomic():
        period = locked_latest_training(lead_provider, teacher, course_identifier)
        if period.status == "active":
            raise ProviderActionError("participant_id", "The '#/participant_id' is already active.")
        now = timezone.now()
        today = timezone.localdate(now)
        at_school = at_school_period(period)
        if at_school.finished_on is not None and at_school.finished_on < today:
            raise ProviderActionError(
                "participant_id",
                "The participant is no longer at the school. Please contact the induction tutor to resolve.",
            )
        elsewhere = (
            TrainingPeriod.objects.filter(in_role(teacher, course_identifier), not_finished_before(today))
            .exclude(with_lead_provider(lead_provider))
            .filter(training_programme=TrainingPeriod.Programme.PROVIDER_LED, withdrawn_at=None, deferred_at=None)
        )
        if elsewhere.exists():
            raise ProviderActionError(
                "participant_id",
                "This participant cannot be resumed because they are already active with another provider.",
            )
        paused_at = max(filter(None, [period.withdrawn_at, period.deferred_at]))
        if timezone.localdate(paused_at) == today:
            before = {
                "withdrawal_reason": period.withdrawal_reason,
                "deferral_reason": period.deferral_reason,
                "finished_on": period.finished_on,
            }
            period.withdrawn_at, period.withdrawal_reason = None, ""
            period.deferred_at, period.deferral_reason = None, ""
            period.finished_on = at_school.finished_on
            period.save()
            resumed = period
            changes = {key: jsonable([value, getattr(period, key)]) for key, value in before.items()}
        else:
            resumed = TrainingPeriod.objects.create(
                ect_at_school_period=period.ect_at_school_period,
                mentor_at_school_period=period.mentor_at_school_period,
                training_programme=TrainingPeriod.Programme.PROVIDER_LED,
                school_partnership=period.school_partnership,
                expression_of_interest=period.expression_of_interest,
                started_on=today,
                finished_on=at_school.finished_on,
            )
            changes = {"started_on": jsonable([None, today]), "finished_on": jsonable([None, resumed.finished_on])}
        record_event(
            event_type="teacher_resumes_training_period",
            heading=f"{teacher.full_name} resumed training with {lead_provider}",
            author=author or Author.lead_provider(lead_provider),
            changes=changes,
            teacher=teacher,
            school_id=at_school.school_id,
            training_period=resumed,
            lead_provider=lead_provider,
        )
    return resumed
