"""Declarations received from lead providers, and what they change."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ecf.errors import DomainError
from ecf.events import Author, record_event
from ecf.models import Declaration, LeadProvider, Teacher, TrainingPeriod


class CompletedMentorDeclarationError(Exception):
    pass


def record_completed_mentor_declaration(declaration: Declaration, *, author: Author) -> bool:
    """A `completed` declaration for a mentor's training marks the mentor's training completed.

    Returns whether the teacher's record changed. Runs in the caller's transaction, with the teacher locked.
    """
    training_period = declaration.training_period
    if (
        declaration.declaration_type != Declaration.DeclarationType.COMPLETED
        or not training_period.mentor_at_school_period_id
        or declaration.state in {Declaration.State.VOIDED, Declaration.State.INELIGIBLE}
    ):
        return False
    mentor_period = training_period.mentor_at_school_period
    teacher = Teacher.objects.select_for_update().get(pk=mentor_period.teacher_id)
    if teacher.mentor_training_completed_on:
        return False
    teacher.mentor_training_completed_on = declaration.declaration_date
    teacher.mentor_training_completion_reason = Teacher.MentorTrainingCompletionReason.COMPLETED_DECLARATION_RECEIVED
    teacher.save(update_fields=["mentor_training_completed_on", "mentor_training_completion_reason", "updated_at"])
    record_event(
        event_type="mentor_training_completed",
        heading=f"{teacher.full_name} completed mentor training",
        author=author,
        changes={
            "mentor_training_completed_on": [None, declaration.declaration_date.isoformat()],
            "mentor_training_completion_reason": ["", teacher.mentor_training_completion_reason],
        },
        metadata={"declaration_api_id": str(declaration.api_id)},
        teacher=teacher,
        school_id=mentor_period.school_id,
        mentor_at_school_period=mentor_period,
        training_period=training_period,
    )
    return True


# Declarations from the lead provider API ------------------------------------------------------------------
# Messages as DfE's live v3 API gives them where it has one (https://github.com/DFE-Digital/register-early-
# career-teachers-public, config/api_error_mappings.yml), else in its style.

MENTOR_DECLARATION_TYPES = {Declaration.DeclarationType.STARTED, Declaration.DeclarationType.COMPLETED}
PAYMENT_STATES = {Declaration.State.PAID}
VOID_STATES = [Declaration.State.VOIDED, Declaration.State.AWAITING_CLAWBACK, Declaration.State.CLAWED_BACK]
UNKNOWN_COURSE = (
    "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again."
)
UNKNOWN_PARTICIPANT = (
    "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again."
)
PARTNERSHIP_LEAD_PROVIDER = (
    "school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider"
)


# Evidence (`evidence_held`) by declaration type, as the reference's EvidenceTypeValidator
# (app/validators/evidence_type_validator.rb): the detailed values from the contract periods that enable them (2025
# on, `detailed_evidence_types_enabled` in its production data), the simple ones before.
DETAILED_EVIDENCE_FROM_YEAR = 2025
SIMPLE_EVIDENCE = ("training-event-attended", "self-study-material-completed", "other")
ENGAGEMENT_MET = ("75-percent-engagement-met", "75-percent-engagement-met-reduced-induction")
ATTENDANCE = ("training-event-attended", "self-study-material-completed", "materials-engaged-with-offline", "other")
ECT_EVIDENCE = {
    **dict.fromkeys(
        ["started", "retained-1", "retained-3", "retained-4", "extended-1", "extended-2", "extended-3"], ATTENDANCE
    ),
    "retained-2": ENGAGEMENT_MET,
    "completed": (*ENGAGEMENT_MET, "one-term-induction"),
}
MENTOR_EVIDENCE = {"started": ATTENDANCE, "completed": ENGAGEMENT_MET}
ENTER_EVIDENCE = "Enter a '#/evidence_held' value for this participant."
UNAVAILABLE_EVIDENCE = "Enter an available '#/evidence_held' type for this participant."


class DeclarationError(DomainError):
    """A refused declaration; `title` names the attribute, as the reference's errors do."""

    def __init__(self, title: str, message: str):
        super().__init__(message)
        self.title = title


def _with(lead_provider: LeadProvider) -> Q:
    return Q(**{PARTNERSHIP_LEAD_PROVIDER: lead_provider}) | Q(expression_of_interest__lead_provider=lead_provider)


def _locked_latest_training(lead_provider: LeadProvider, teacher: Teacher, is_ect: bool) -> TrainingPeriod | None:
    role = Q(ect_at_school_period__teacher=teacher) if is_ect else Q(mentor_at_school_period__teacher=teacher)
    return (
        TrainingPeriod.objects.select_for_update(of=("self",))
        .filter(role)
        .filter(
            Q(**{PARTNERSHIP_LEAD_PROVIDER: lead_provider}) | Q(expression_of_interest__lead_provider=lead_provider)
        )
        .select_related(
            "school_partnership__lead_provider_delivery_partnership__active_lead_provider", "expression_of_interest"
        )
        .order_by("-started_on", "-pk")
        .first()
    )


def contract_year(period: TrainingPeriod) -> int:
    """The contract period (year) of provider-led training: its partnership's, else its expression of interest's."""
    if period.school_partnership_id:
        return period.school_partnership.lead_provider_delivery_partnership.active_lead_provider.contract_period_id
    return period.expression_of_interest.contract_period_id


def checked_evidence(period: TrainingPeriod, declaration_type: str, evidence_held: str) -> str:
    """The evidence to keep for this declaration on `period`: "" where its type takes none (`started` before
    2025, whatever was sent). Raises DeclarationError (on `evidence_held`) when evidence is missing, or is not
    one of the values for the type, the contract period and the trainee (ECT or mentor)."""
    detailed = contract_year(period) >= DETAILED_EVIDENCE_FROM_YEAR
    if not detailed and declaration_type == Declaration.DeclarationType.STARTED:
        return ""
    if not evidence_held:
        raise DeclarationError("evidence_held", ENTER_EVIDENCE)
    if detailed:
        allowed = (ECT_EVIDENCE if period.ect_at_school_period_id else MENTOR_EVIDENCE).get(declaration_type, ())
    else:
        allowed = SIMPLE_EVIDENCE
    if evidence_held not in allowed:
        raise DeclarationError("evidence_held", UNAVAILABLE_EVIDENCE)
    return evidence_held


def record_declaration(
    *,
    lead_provider: LeadProvider,
    teacher: Teacher,
    is_ect: bool,
    declaration_type: str,
    declaration_date: datetime.date,
    evidence_held: str = "",
    author: Author,
) -> tuple[Declaration, bool]:
    """Records that the teacher's training with `lead_provider` (as an ECT, or as a mentor) reached a milestone.

    Idempotent: the same type again, not voided, returns the existing declaration. Returns (declaration,
    created). A mentor's `completed` marks their mentor training completed (record_completed_mentor_declaration).
    Raises DeclarationError: no training in that role, a date in the future or outside the training period,
    a retained or extended declaration for a mentor, evidence missing or not one for the type (checked_evidence).
    """
    with transaction.atomic():
        period = _locked_latest_training(lead_provider, teacher, is_ect)
        if period is None:
            raise DeclarationError("course_identifier", UNKNOWN_COURSE)
        existing = (
            Declaration.objects.filter(
                training_period__in=TrainingPeriod.objects.filter(
                    Q(ect_at_school_period__teacher=teacher) if is_ect else Q(mentor_at_school_period__teacher=teacher)
                ),
                declaration_type=declaration_type,
            )
            .exclude(
                state__in=[Declaration.State.VOIDED, Declaration.State.AWAITING_CLAWBACK, Declaration.State.CLAWED_BACK]
            )
            .first()
        )
        if existing is not None:
            return existing, False
        if not is_ect and declaration_type not in MENTOR_DECLARATION_TYPES:
            raise DeclarationError("declaration_type", "You cannot send retained or extended declarations for mentors.")
        today = timezone.localdate()
        if declaration_date > today:
            raise DeclarationError(
                "declaration_date",
                "The '#/declaration_date' value cannot be a future date. Check the date and try again.",
            )
        if declaration_date < period.started_on or (period.finished_on and declaration_date > period.finished_on):
            raise DeclarationError(
                "declaration_date",
                "The '#/declaration_date' must be within the participant's training with you. "
                "Check the date and try again.",
            )
        evidence_held = checked_evidence(period, declaration_type, evidence_held)
        declaration = Declaration.objects.create(
            training_period=period,
            declaration_type=declaration_type,
            declaration_date=declaration_date,
            evidence_held=evidence_held,
        )
        at_school = period.ect_at_school_period or period.mentor_at_school_period
        record_event(
            event_type="declaration_recorded",
            heading=f"{declaration.get_declaration_type_display()} declaration for {teacher.full_name}",
            author=author,
            changes={
                "declaration_type": [None, declaration_type],
                "declaration_date": [None, declaration_date.isoformat()],
            },
            metadata={"declaration_api_id": str(declaration.api_id)},
            teacher=teacher,
            school_id=at_school.school_id,
            training_period=period,
            lead_provider=lead_provider,
        )
        record_completed_mentor_declaration(declaration, author=author)
    return declaration, True


def void_declaration(declaration: Declaration, *, author: Author) -> Declaration:
    """Voids a declaration; a paid one awaits clawback instead. Voiding a mentor's `completed` declaration
    clears their mentor training completion when no other completed declaration stands (as DfE's service does:
    app/services/declarations/mentor_completion.rb in
    https://github.com/DFE-Digital/register-early-career-teachers-public).
    Raises DeclarationError when already voided."""
    with transaction.atomic():
        declaration = Declaration.objects.select_for_update().select_related("training_period").get(pk=declaration.pk)
        if declaration.state in {
            Declaration.State.VOIDED,
            Declaration.State.AWAITING_CLAWBACK,
            Declaration.State.CLAWED_BACK,
        }:
            raise DeclarationError("id", "This declaration has already been voided.")
        before = declaration.state
        declaration.state = (
            Declaration.State.AWAITING_CLAWBACK if before in PAYMENT_STATES else Declaration.State.VOIDED
        )
        declaration.save(update_fields=["state", "updated_at"])
        period = declaration.training_period
        at_school = period.ect_at_school_period or period.mentor_at_school_period
        record_event(
            event_type="declaration_voided",
            heading=f"{declaration.get_declaration_type_display()} declaration voided",
            author=author,
            changes={"state": [before, declaration.state]},
            metadata={"declaration_api_id": str(declaration.api_id)},
            teacher_id=at_school.teacher_id,
            school_id=at_school.school_id,
            training_period=period,
        )
        if declaration.declaration_type == Declaration.DeclarationType.COMPLETED and period.mentor_at_school_period_id:
            _revert_mentor_completion(at_school, period, author=author)
    return declaration


def _revert_mentor_completion(mentor_period, period: TrainingPeriod, *, author: Author) -> None:
    teacher = Teacher.objects.select_for_update().get(pk=mentor_period.teacher_id)
    if (
        teacher.mentor_training_completion_reason
        != Teacher.MentorTrainingCompletionReason.COMPLETED_DECLARATION_RECEIVED
    ):
        return  # completed some other way (early roll-out): not this declaration's to undo
    standing = Declaration.objects.filter(
        training_period__mentor_at_school_period__teacher=teacher,
        declaration_type=Declaration.DeclarationType.COMPLETED,
    ).exclude(
        state__in=[
            Declaration.State.VOIDED,
            Declaration.State.INELIGIBLE,
            Declaration.State.AWAITING_CLAWBACK,
            Declaration.State.CLAWED_BACK,
        ]
    )
    if standing.exists():
        return
    before = teacher.mentor_training_completed_on
    teacher.mentor_training_completed_on = None
    teacher.mentor_training_completion_reason = ""
    teacher.save(update_fields=["mentor_training_completed_on", "mentor_training_completion_reason", "updated_at"])
    record_event(
        event_type="mentor_training_completion_removed",
        heading=f"{teacher.full_name}'s mentor training is no longer completed",
        author=author,
        changes={"mentor_training_completed_on": [before.isoformat() if before else None, None]},
        teacher=teacher,
        school_id=mentor_period.school_id,
        mentor_at_school_period=mentor_period,
        training_period=period,
    )
