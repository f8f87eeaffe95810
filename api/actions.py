"""PUT /participants/{id}/withdraw, /defer and /resume: through the services in ecf/training/provider_actions.py."""

from django.http import HttpRequest
from ninja import Router

from api import queries
from api.errors import NotFound
from api.participants import ERRORS, parse_uuid, participant_payload
from api.schemas import DeferRequest, Errors, ParticipantResponse, ResumeRequest, WithdrawRequest
from ecf.training import provider_actions

router = Router(tags=["participants"])
RESPONSES = {200: ParticipantResponse, **ERRORS, 422: Errors}


def visible_teacher(request: HttpRequest, id: str):
    teacher = queries.participant(request.lead_provider, parse_uuid(id))
    if teacher is None:
        raise NotFound()
    return teacher


def answer(request: HttpRequest, teacher) -> dict:
    return {"data": participant_payload(queries.participant(request.lead_provider, teacher.api_id))}


@router.put("/participants/{id}/withdraw", response=RESPONSES, summary="Withdraw a participant from training")
def withdraw_participant(request: HttpRequest, id: str, body: WithdrawRequest):
    teacher = visible_teacher(request, id)
    attributes = body.data.attributes
    provider_actions.withdraw_training(
        lead_provider=request.lead_provider,
        teacher=teacher,
        course_identifier=attributes.course_identifier,
        reason=attributes.reason,
    )
    return answer(request, teacher)


@router.put("/participants/{id}/defer", response=RESPONSES, summary="Defer a participant's training")
def defer_participant(request: HttpRequest, id: str, body: DeferRequest):
    teacher = visible_teacher(request, id)
    attributes = body.data.attributes
    provider_actions.defer_training(
        lead_provider=request.lead_provider,
        teacher=teacher,
        course_identifier=attributes.course_identifier,
        reason=attributes.reason,
    )
    return answer(request, teacher)


@router.put("/participants/{id}/resume", response=RESPONSES, summary="Resume a participant's training")
def resume_participant(request: HttpRequest, id: str, body: ResumeRequest):
    teacher = visible_teacher(request, id)
    provider_actions.resume_training(
        lead_provider=request.lead_provider, teacher=teacher, course_identifier=body.data.attributes.course_identifier
    )
    return answer(request, teacher)
