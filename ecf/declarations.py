"""Declarations received from lead providers, and what they change."""

from ecf.events import Author, record_event
from ecf.models import Declaration, Teacher


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
