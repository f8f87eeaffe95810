"""/partnerships (list, show, create, update), /schools and /delivery-partners. Writes go through
ecf/training/partnerships.py; a provider sees only its own partnerships and delivery partners; schools are
public (every provider may look for schools to partner with)."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpRequest
from ninja import Query, Router

from api.errors import NotFound
from api.pagination import page_from
from api.participants import ERRORS, parse_cohorts, parse_uuid
from api.schemas import (
    CohortFilter,
    DeliveryPartnerResponse,
    DeliveryPartnersResponse,
    Errors,
    NewPartnershipRequest,
    PartnershipChangeRequest,
    PartnershipResponse,
    PartnershipsResponse,
    SchoolResponse,
    SchoolsFilter,
    SchoolsResponse,
)
from ecf.events import Author
from ecf.models import DeliveryPartner, LeadProvider, LeadProviderDeliveryPartnership, SchoolPartnership, TrainingPeriod
from ecf.training.partnerships import PartnershipError, change_partnership_delivery_partner, confirm_partnership
from schools.models import School

router = Router(tags=["partnerships, schools and delivery partners"])
ACTIVE = "lead_provider_delivery_partnership__active_lead_provider__"
WRITE_RESPONSES = {200: PartnershipResponse, **ERRORS, 422: Errors}


def partnerships_of(lead_provider: LeadProvider) -> QuerySet[SchoolPartnership]:
    return (
        SchoolPartnership.objects.filter(**{f"{ACTIVE}lead_provider": lead_provider})
        .select_related("school", "lead_provider_delivery_partnership__active_lead_provider")
        .select_related("lead_provider_delivery_partnership__delivery_partner")
        .order_by("created_at", "pk")
    )


def partnership_payload(partnership: SchoolPartnership) -> dict:
    delivery_partnership = partnership.lead_provider_delivery_partnership
    return {
        "id": partnership.api_id,
        "type": "partnership",
        "attributes": {
            "cohort": str(delivery_partnership.active_lead_provider.contract_period_id),
            "urn": str(partnership.school.urn),
            "school_id": partnership.school.api_id,
            "delivery_partner_id": delivery_partnership.delivery_partner.api_id,
            "delivery_partner_name": delivery_partnership.delivery_partner.name,
            "status": "active",
            "created_at": partnership.created_at,
        },
    }


@router.get("/partnerships", response={200: PartnershipsResponse, **ERRORS}, summary="List partnerships")
def list_partnerships(request: HttpRequest, filters: Query[CohortFilter]):
    page = page_from(filters.page, filters.per_page)
    partnerships = partnerships_of(request.lead_provider)
    if cohorts := parse_cohorts(filters.cohort):
        partnerships = partnerships.filter(**{f"{ACTIVE}contract_period__in": cohorts})
    return {"data": [partnership_payload(partnership) for partnership in page.slice(partnerships)]}


@router.get("/partnerships/{id}", response={200: PartnershipResponse, **ERRORS}, summary="Get a partnership")
def show_partnership(request: HttpRequest, id: str):
    partnership = partnerships_of(request.lead_provider).filter(api_id=parse_uuid(id)).first()
    if partnership is None:
        raise NotFound()
    return {"data": partnership_payload(partnership)}


@router.post("/partnerships", response=WRITE_RESPONSES, summary="Confirm a partnership with a school")
def create_partnership(request: HttpRequest, body: NewPartnershipRequest):
    attributes = body.data.attributes
    school = School.objects.filter(api_id=attributes.school_id).first()
    if school is None:
        raise PartnershipError("school_id", "The '#/school_id' you have entered is invalid. Check school details.")
    delivery_partner = DeliveryPartner.objects.filter(api_id=attributes.delivery_partner_id).first()
    if delivery_partner is None:
        raise PartnershipError("delivery_partner_id", "The '#/delivery_partner_id' you have entered is invalid.")
    partnership = confirm_partnership(
        lead_provider=request.lead_provider,
        school=school,
        contract_year=attributes.cohort,
        delivery_partner=delivery_partner,
        author=Author.lead_provider(request.lead_provider),
    )
    return {"data": partnership_payload(partnerships_of(request.lead_provider).get(pk=partnership.pk))}


@router.put("/partnerships/{id}", response=WRITE_RESPONSES, summary="Change a partnership's delivery partner")
def update_partnership(request: HttpRequest, id: str, body: PartnershipChangeRequest):
    partnership = partnerships_of(request.lead_provider).filter(api_id=parse_uuid(id)).first()
    if partnership is None:
        raise NotFound()
    delivery_partner = DeliveryPartner.objects.filter(api_id=body.data.attributes.delivery_partner_id).first()
    if delivery_partner is None:
        raise PartnershipError("delivery_partner_id", "The '#/delivery_partner_id' you have entered is invalid.")
    change_partnership_delivery_partner(
        partnership, delivery_partner=delivery_partner, author=Author.lead_provider(request.lead_provider)
    )
    return {"data": partnership_payload(partnerships_of(request.lead_provider).get(pk=partnership.pk))}


# Schools ------------------------------------------------------------------------------------------------


def schools_for(lead_provider: LeadProvider, year: int) -> QuerySet[School]:
    """Open schools, each with whether this provider has confirmed a partnership with it for `year`, and
    whether the school has chosen this provider for someone's training that year (an expression of interest)."""
    partnered = SchoolPartnership.objects.filter(
        school=OuterRef("pk"), **{f"{ACTIVE}lead_provider": lead_provider, f"{ACTIVE}contract_period": year}
    )
    interested = TrainingPeriod.objects.filter(
        Q(ect_at_school_period__school=OuterRef("pk")) | Q(mentor_at_school_period__school=OuterRef("pk")),
        expression_of_interest__lead_provider=lead_provider,
        expression_of_interest__contract_period=year,
    )
    return (
        School.objects.exclude(status=School.Status.CLOSED)
        .annotate(in_partnership=Exists(partnered), expression_of_interest=Exists(interested))
        .order_by("urn")
    )


def school_payload(school: School, year: int) -> dict:
    return {
        "id": school.api_id,
        "type": "school",
        "attributes": {
            "name": school.name,
            "urn": str(school.urn),
            "cohort": str(year),
            "in_partnership": school.in_partnership,
            "expression_of_interest": school.expression_of_interest,
        },
    }


@router.get("/schools", response={200: SchoolsResponse, **ERRORS}, summary="List schools for a cohort")
def list_schools(request: HttpRequest, filters: Query[SchoolsFilter]):
    page = page_from(filters.page, filters.per_page)
    schools = schools_for(request.lead_provider, filters.cohort)
    return {"data": [school_payload(school, filters.cohort) for school in page.slice(schools)]}


@router.get("/schools/{id}", response={200: SchoolResponse, **ERRORS}, summary="Get a school for a cohort")
def show_school(request: HttpRequest, id: str, filters: Query[SchoolsFilter]):
    school = schools_for(request.lead_provider, filters.cohort).filter(api_id=parse_uuid(id)).first()
    if school is None:
        raise NotFound()
    return {"data": school_payload(school, filters.cohort)}


# Delivery partners ----------------------------------------------------------------------------------------


def delivery_partners_of(lead_provider: LeadProvider, cohorts: list[int] | None = None) -> QuerySet[DeliveryPartner]:
    mine = LeadProviderDeliveryPartnership.objects.filter(active_lead_provider__lead_provider=lead_provider)
    if cohorts:
        mine = mine.filter(active_lead_provider__contract_period__in=cohorts)
    return (
        DeliveryPartner.objects.filter(pk__in=mine.values("delivery_partner"))
        .prefetch_related(
            Prefetch(
                "lead_provider_partnerships",
                queryset=mine.select_related("active_lead_provider").order_by("active_lead_provider__contract_period"),
                to_attr="mine",
            )
        )
        .order_by("name", "pk")
    )


def delivery_partner_payload(delivery_partner: DeliveryPartner) -> dict:
    years = [str(partnership.active_lead_provider.contract_period_id) for partnership in delivery_partner.mine]
    return {
        "id": delivery_partner.api_id,
        "type": "delivery-partner",
        "attributes": {"name": delivery_partner.name, "cohort": years},
    }


@router.get("/delivery-partners", response={200: DeliveryPartnersResponse, **ERRORS}, summary="List delivery partners")
def list_delivery_partners(request: HttpRequest, filters: Query[CohortFilter]):
    page = page_from(filters.page, filters.per_page)
    delivery_partners = delivery_partners_of(request.lead_provider, parse_cohorts(filters.cohort))
    return {"data": [delivery_partner_payload(partner) for partner in page.slice(delivery_partners)]}


@router.get(
    "/delivery-partners/{id}", response={200: DeliveryPartnerResponse, **ERRORS}, summary="Get a delivery partner"
)
def show_delivery_partner(request: HttpRequest, id: str):
    delivery_partner = delivery_partners_of(request.lead_provider).filter(api_id=parse_uuid(id)).first()
    if delivery_partner is None:
        raise NotFound()
    return {"data": delivery_partner_payload(delivery_partner)}
