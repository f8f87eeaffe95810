"""The payloads, as pydantic schemas: field names and values follow the reference's v3 contract
(https://github.com/DFE-Digital/register-early-career-teachers-public, public/api/docs/v3/swagger.yaml)."""

import datetime
import uuid
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, WithJsonSchema

from ecf.training.provider_actions import DEFERRAL_REASONS, MENTOR_ONLY_REASON, WITHDRAWAL_REASONS

CourseIdentifier = Literal["ecf-induction", "ecf-mentor"]


class ReasonAndDate(Schema):
    reason: str
    date: datetime.datetime


class Enrolment(Schema):
    training_record_id: uuid.UUID
    email: str
    mentor_id: uuid.UUID | None
    school_urn: str
    participant_type: Literal["ect", "mentor"]
    cohort: str
    training_status: Literal["active", "deferred", "withdrawn"]
    participant_status: Literal["joining", "active", "leaving", "left"]
    withdrawal: ReasonAndDate | None
    deferral: ReasonAndDate | None
    created_at: datetime.datetime
    working_pattern: str | None
    delivery_partner_id: uuid.UUID | None


class ParticipantIdChange(Schema):
    from_participant_id: uuid.UUID
    to_participant_id: uuid.UUID
    changed_at: datetime.datetime


class ParticipantAttributes(Schema):
    full_name: str
    teacher_reference_number: str
    updated_at: datetime.datetime
    ecf_enrolments: list[Enrolment]
    # In the reference's contract; always empty here, as this service never merges two teachers' records.
    participant_id_changes: list[ParticipantIdChange]


class Participant(Schema):
    id: uuid.UUID
    type: Literal["participant"] = "participant"
    attributes: ParticipantAttributes


class ParticipantResponse(Schema):
    data: Participant


class ParticipantsResponse(Schema):
    data: list[Participant]


class ParticipantFilters(Schema):
    """The list's query parameters. A value that does not fit is a 400 with the reference's message for that
    parameter (api/errors.py, `malformed`)."""

    cohort: str | None = Field(None, alias="filter[cohort]", description="Contract period years, comma separated")
    updated_since: str | None = Field(
        None,
        alias="filter[updated_since]",
        description="ISO 8601 date and time",
        json_schema_extra={"format": "date-time"},
    )
    training_status: Literal["active", "deferred", "withdrawn"] | None = Field(None, alias="filter[training_status]")
    from_participant_id: str | None = Field(None, alias="filter[from_participant_id]")
    sort: Literal["created_at", "-created_at", "updated_at", "-updated_at"] | None = None
    page: int | None = Field(None, alias="page[page]", ge=1, description="Page number, from 1")
    per_page: int | None = Field(
        None, alias="page[per_page]", ge=1, description="Items per page, default 100; more than 3000 gives 3000"
    )


def documented_reason(reasons: list[str], description: str):
    """A required reason from `reasons`, as the reference's document has it. Only documented: the service checks
    it (ecf/training/provider_actions.py), so a missing or unknown one is answered 422 with the reference's
    message, not 400 as a malformed body."""
    unchecked = "Leaving it out, or any other value, is answered 422 with the error's `detail`."
    schema = {"type": "string", "enum": reasons, "description": f"{description} {unchecked}", "example": reasons[0]}
    return Annotated[str | None, WithJsonSchema(schema)]


# The service refuses these before pydantic would: documented as required all the same, as in the reference.
REASON_REQUIRED = ConfigDict(json_schema_extra={"required": ["reason", "course_identifier"]})


class WithdrawAttributes(Schema):
    model_config = REASON_REQUIRED
    reason: documented_reason(
        WITHDRAWAL_REASONS,
        f"Why the participant is withdrawn: any of these for a mentor (`ecf-mentor`); for an ECT "
        f"(`ecf-induction`) any but `{MENTOR_ONLY_REASON}`.",
    ) = None
    course_identifier: CourseIdentifier


class DeferAttributes(Schema):
    model_config = REASON_REQUIRED
    reason: documented_reason(DEFERRAL_REASONS, "Why the training is paused: any of these, for any course.") = None
    course_identifier: CourseIdentifier


class ResumeAttributes(Schema):
    course_identifier: CourseIdentifier


class WithdrawData(Schema):
    type: Literal["participant-withdraw"]
    attributes: WithdrawAttributes


class DeferData(Schema):
    type: Literal["participant-defer"]
    attributes: DeferAttributes


class ResumeData(Schema):
    type: Literal["participant-resume"]
    attributes: ResumeAttributes


class WithdrawRequest(Schema):
    data: WithdrawData


class DeferRequest(Schema):
    data: DeferData


class ResumeRequest(Schema):
    data: ResumeData


class Error(Schema):
    title: str
    detail: str


class Errors(Schema):
    errors: list[Error]


class AccessDenied(Schema):
    error: str


DeclarationType = Literal[
    "started",
    "retained-1",
    "retained-2",
    "retained-3",
    "retained-4",
    "completed",
    "extended-1",
    "extended-2",
    "extended-3",
]


class DeclarationAttributes(Schema):
    participant_id: uuid.UUID
    declaration_type: str
    declaration_date: datetime.date
    course_identifier: CourseIdentifier
    state: str
    evidence_held: str | None
    delivery_partner_id: uuid.UUID | None
    lead_provider_name: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


class DeclarationData(Schema):
    id: uuid.UUID
    type: Literal["participant-declaration"] = "participant-declaration"
    attributes: DeclarationAttributes


class DeclarationResponse(Schema):
    data: DeclarationData


class DeclarationsResponse(Schema):
    data: list[DeclarationData]


class DeclarationFilters(Schema):
    participant_id: str | None = Field(None, alias="filter[participant_id]", description="Participant ids, commas")
    updated_since: str | None = Field(
        None,
        alias="filter[updated_since]",
        description="ISO 8601 date and time",
        json_schema_extra={"format": "date-time"},
    )
    cohort: str | None = Field(None, alias="filter[cohort]", description="Contract period years, comma separated")
    page: int | None = Field(None, alias="page[page]", ge=1, description="Page number, from 1")
    per_page: int | None = Field(
        None, alias="page[per_page]", ge=1, description="Items per page, default 100; more than 3000 gives 3000"
    )


class NewDeclarationAttributes(Schema):
    participant_id: uuid.UUID
    declaration_type: DeclarationType
    declaration_date: datetime.datetime = Field(description="RFC 3339 date and time")
    course_identifier: CourseIdentifier
    evidence_held: str | None = Field(
        None,
        max_length=50,
        description=(
            "The evidence the lead provider holds that the participant reached this milestone. "
            "From the 2025 contract period every declaration needs one: "
            "`training-event-attended`, `self-study-material-completed`, `materials-engaged-with-offline` or `other` "
            "for started, retained-1, 3, 4 and extended; `75-percent-engagement-met` or "
            "`75-percent-engagement-met-reduced-induction` for retained-2 and completed, and also "
            "`one-term-induction` for an ECT's completed. A mentor's started and completed take the same values "
            "as an ECT's (not `one-term-induction`). "
            "Before 2025: none for started (not kept); `training-event-attended`, `self-study-material-completed` "
            "or `other` for the others."
        ),
    )


class NewDeclarationData(Schema):
    type: Literal["participant-declaration"]
    attributes: NewDeclarationAttributes


class NewDeclarationRequest(Schema):
    data: NewDeclarationData


class CohortFilter(Schema):
    cohort: str | None = Field(None, alias="filter[cohort]", description="A contract period year, e.g. 2025")
    page: int | None = Field(None, alias="page[page]", ge=1, description="Page number, from 1")
    per_page: int | None = Field(
        None, alias="page[per_page]", ge=1, description="Items per page, default 100; more than 3000 gives 3000"
    )


class PartnershipAttributes(Schema):
    cohort: str
    urn: str
    school_id: uuid.UUID
    delivery_partner_id: uuid.UUID
    delivery_partner_name: str
    status: Literal["active"]
    created_at: datetime.datetime


class PartnershipData(Schema):
    id: uuid.UUID
    type: Literal["partnership"] = "partnership"
    attributes: PartnershipAttributes


class PartnershipResponse(Schema):
    data: PartnershipData


class PartnershipsResponse(Schema):
    data: list[PartnershipData]


class NewPartnershipAttributes(Schema):
    cohort: int
    school_id: uuid.UUID
    delivery_partner_id: uuid.UUID


class NewPartnershipData(Schema):
    type: Literal["partnership"]
    attributes: NewPartnershipAttributes


class NewPartnershipRequest(Schema):
    data: NewPartnershipData


class PartnershipChangeAttributes(Schema):
    delivery_partner_id: uuid.UUID


class PartnershipChangeData(Schema):
    type: Literal["partnership"]
    attributes: PartnershipChangeAttributes


class PartnershipChangeRequest(Schema):
    data: PartnershipChangeData


class SchoolAttributes(Schema):
    name: str
    urn: str
    cohort: str
    in_partnership: bool
    expression_of_interest: bool


class SchoolData(Schema):
    id: uuid.UUID
    type: Literal["school"] = "school"
    attributes: SchoolAttributes


class SchoolResponse(Schema):
    data: SchoolData


class SchoolsResponse(Schema):
    data: list[SchoolData]


class DeliveryPartnerAttributes(Schema):
    name: str
    cohort: list[str]


class DeliveryPartnerData(Schema):
    id: uuid.UUID
    type: Literal["delivery-partner"] = "delivery-partner"
    attributes: DeliveryPartnerAttributes


class DeliveryPartnerResponse(Schema):
    data: DeliveryPartnerData


class DeliveryPartnersResponse(Schema):
    data: list[DeliveryPartnerData]


class SchoolsFilter(Schema):
    cohort: int = Field(alias="filter[cohort]", ge=2000, le=2100, description="A contract period year (required)")
    page: int | None = Field(None, alias="page[page]", ge=1, description="Page number, from 1")
    per_page: int | None = Field(
        None, alias="page[per_page]", ge=1, description="Items per page, default 100; more than 3000 gives 3000"
    )
