"""GET, POST /participant-declarations, GET /participant-declarations/{id}, PUT .../{id}/void.

Writes go through ecf/declarations.py (record_declaration, void_declaration), as the admin's do.
"""

import contextlib
import datetime
import uuid

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from api.errors import NotFound
from api.pagination import page_from
from api.participants import ERRORS, parse_cohorts, parse_updated_since, parse_uuid
from api.queries import participants, with_lead_provider
from api.schemas import (
    DeclarationFilters,
    DeclarationResponse,
    DeclarationsResponse,
    Errors,
    NewDeclarationRequest,
)
from ecf.declarations import UNKNOWN_PARTICIPANT, DeclarationError, record_declaration, void_declaration
from ecf.events import Author
from ecf.models import Declaration, LeadProvider

router = Router(tags=["participant declarations"])
PARTNERSHIP = "training_period__school_partnership__lead_provider_delivery_partnership__"


def declarations_of(lead_provider: LeadProvider) -> QuerySet[Declaration]:
    """Declarations on this provider's training periods, with what their payload shows (one query)."""
    return (
        Declaration.objects.filter(with_lead_provider(lead_provider, prefix="training_period__"))
        .select_related(
            "training_period__ect_at_school_period__teacher",
            "training_period__mentor_at_school_period__teacher",
            f"{PARTNERSHIP}delivery_partner",
        )
        .order_by("created_at", "pk")
    )


def payload(declaration: Declaration, lead_provider: LeadProvider) -> dict:
    period = declaration.training_period
    at_school = period.ect_at_school_period or period.mentor_at_school_period
    partnership = period.school_partnership
    return {
        "id": declaration.api_id,
        "type": "participant-declaration",
        "attributes": {
            "participant_id": at_school.teacher.api_id,
            "declaration_type": declaration.declaration_type,
            "declaration_date": declaration.declaration_date,
            "course_identifier": "ecf-induction" if period.ect_at_school_period_id else "ecf-mentor",
            "state": declaration.state,
            "evidence_held": declaration.evidence_held or None,
            "delivery_partner_id": partnership.lead_provider_delivery_partnership.delivery_partner.api_id
            if partnership
            else None,
            "lead_provider_name": lead_provider.name,
            "created_at": declaration.created_at,
            "updated_at": declaration.updated_at,
        },
    }


def find(request: HttpRequest, id: str) -> Declaration:
    declaration = declarations_of(request.lead_provider).filter(api_id=parse_uuid(id)).first()
    if declaration is None:
        raise NotFound()
    return declaration


@router.get("/participant-declarations", response={200: DeclarationsResponse, **ERRORS}, summary="List declarations")
def list_declarations(request: HttpRequest, filters: Query[DeclarationFilters]):
    page = page_from(filters.page, filters.per_page)
    declarations = declarations_of(request.lead_provider)
    if filters.participant_id:
        ids = []
        for part in filters.participant_id.split(","):
            try:
                ids.append(uuid.UUID(part.strip()))
            except ValueError:
                continue
        declarations = declarations.filter(
            Q(training_period__ect_at_school_period__teacher__api_id__in=ids)
            | Q(training_period__mentor_at_school_period__teacher__api_id__in=ids)
        )
    if (updated_since := parse_updated_since(filters.updated_since)) is not None:
        declarations = declarations.filter(updated_at__gte=updated_since)
    if cohorts := parse_cohorts(filters.cohort):
        declarations = declarations.filter(
            Q(**{f"{PARTNERSHIP}active_lead_provider__contract_period__in": cohorts})
            | Q(training_period__expression_of_interest__contract_period__in=cohorts)
        )
    return {"data": [payload(declaration, request.lead_provider) for declaration in page.slice(declarations)]}


@router.get(
    "/participant-declarations/{id}", response={200: DeclarationResponse, **ERRORS}, summary="Get a declaration"
)
def show_declaration(request: HttpRequest, id: str):
    return {"data": payload(find(request, id), request.lead_provider)}


@router.post(
    "/participant-declarations",
    response={200: DeclarationResponse, **ERRORS, 422: Errors},
    summary="Declare a participant has reached a milestone. Idempotent endpoint",
)
def create_declaration(request: HttpRequest, body: NewDeclarationRequest):
    attributes = body.data.attributes
    # Only a participant this provider trains (has trained): anyone else, e.g. one the school moved to another
    # provider before this one trained them, is unknown to it. The id is in the body, so not a 404: the
    # reference's 422 on `participant_id` (app/services/api/declarations/create.rb), as for an id nobody has.
    teacher = participants(request.lead_provider).filter(api_id=attributes.participant_id).first()
    if teacher is None:
        raise DeclarationError("participant_id", UNKNOWN_PARTICIPANT)
    declared_on = attributes.declaration_date
    if declared_on.tzinfo is not None:
        with contextlib.suppress(OverflowError):  # the edges of year 1 and 9999 stay as given
            declared_on = timezone.localtime(declared_on)
    declaration, _ = record_declaration(
        lead_provider=request.lead_provider,
        teacher=teacher,
        is_ect=attributes.course_identifier == "ecf-induction",
        declaration_type=attributes.declaration_type,
        declaration_date=declared_on.date() if isinstance(declared_on, datetime.datetime) else declared_on,
        evidence_held=attributes.evidence_held or "",
        author=Author.lead_provider(request.lead_provider),
    )
    declaration = declarations_of(request.lead_provider).get(pk=declaration.pk)
    return {"data": payload(declaration, request.lead_provider)}


@router.put(
    "/participant-declarations/{id}/void",
    response={200: DeclarationResponse, **ERRORS, 422: Errors},
    summary="Void a declaration",
)
def void_participant_declaration(request: HttpRequest, id: str):
    declaration = void_declaration(find(request, id), author=Author.lead_provider(request.lead_provider))
    return {"data": payload(declarations_of(request.lead_provider).get(pk=declaration.pk), request.lead_provider)}
