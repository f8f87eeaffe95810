"""Who trains teachers, and when: contract periods, lead providers, delivery partners, partnerships."""

import datetime
import uuid

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeOperators
from django.db import models

from ecf.models.periods import inclusive_date_range


class ContractPeriodQuerySet(models.QuerySet):
    def containing(self, day: datetime.date):
        return self.filter(started_on__lte=day, finished_on__gte=day)


class ContractPeriod(models.Model):
    """An academic year of training, usually 1 June to 31 May; `enabled` when registration is open."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    started_on = models.DateField()
    finished_on = models.DateField()
    enabled = models.BooleanField("registration open", default=False)
    during = models.GeneratedField(
        expression=inclusive_date_range(),
        output_field=DateRangeField(),
        db_persist=True,
    )

    objects = ContractPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(finished_on__gte=models.F("started_on")),
                name="contract_period_finished_after_started",
                violation_error_message="The end date must be the same as or after the start date.",
            ),
            ExclusionConstraint(
                name="contract_periods_never_overlap",
                expressions=[("during", RangeOperators.OVERLAPS)],
                violation_error_message="Contract periods cannot overlap.",
            ),
        ]

    def __str__(self) -> str:
        return str(self.year)

    @property
    def academic_year(self) -> str:
        """ "2025 to 2026", as pages and messages name it."""
        return f"{self.year} to {self.year + 1}"


class LeadProvider(models.Model):
    name = models.CharField(max_length=200, unique=True)
    api_id = models.UUIDField("API id", default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ActiveLeadProvider(models.Model):
    """A lead provider contracted for a contract period. An expression of interest points here."""

    lead_provider = models.ForeignKey(LeadProvider, on_delete=models.PROTECT, related_name="active_periods")
    contract_period = models.ForeignKey(ContractPeriod, on_delete=models.PROTECT, related_name="active_lead_providers")

    class Meta:
        ordering = ["contract_period", "lead_provider__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["lead_provider", "contract_period"],
                name="one_active_lead_provider_per_contract_period",
                violation_error_message="This lead provider is already active in this contract period.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.lead_provider} ({self.contract_period_id})"


class DeliveryPartner(models.Model):
    name = models.CharField(max_length=200, unique=True)
    api_id = models.UUIDField("API id", default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LeadProviderDeliveryPartnership(models.Model):
    active_lead_provider = models.ForeignKey(
        ActiveLeadProvider, on_delete=models.PROTECT, related_name="delivery_partnerships"
    )
    delivery_partner = models.ForeignKey(
        DeliveryPartner, on_delete=models.PROTECT, related_name="lead_provider_partnerships"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["active_lead_provider", "delivery_partner"],
                name="one_partnership_per_lead_provider_and_delivery_partner",
                violation_error_message="This lead provider already works with this delivery partner.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.active_lead_provider} with {self.delivery_partner}"


class SchoolPartnership(models.Model):
    """A lead provider has confirmed it works with a school (through a delivery partner) for a year."""

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="partnerships")
    lead_provider_delivery_partnership = models.ForeignKey(
        LeadProviderDeliveryPartnership, on_delete=models.PROTECT, related_name="school_partnerships"
    )
    api_id = models.UUIDField("API id", default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["school", "lead_provider_delivery_partnership"],
                name="one_school_partnership_per_school_and_partnership",
                violation_error_message="This school already has this partnership.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.school} with {self.lead_provider_delivery_partnership}"

    @property
    def lead_provider(self) -> LeadProvider:
        return self.lead_provider_delivery_partnership.active_lead_provider.lead_provider

    @property
    def delivery_partner(self) -> DeliveryPartner:
        return self.lead_provider_delivery_partnership.delivery_partner


class AppropriateBody(models.Model):
    class BodyType(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        NATIONAL = "national", "National"
        TEACHING_SCHOOL_HUB = "teaching_school_hub", "Teaching school hub"

    name = models.CharField(max_length=200, unique=True)
    body_type = models.CharField("type", max_length=30, choices=BodyType.choices)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "appropriate bodies"

    def __str__(self) -> str:
        return self.name
