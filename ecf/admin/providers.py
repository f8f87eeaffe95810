"""Contract periods, lead providers, delivery partners, partnerships and appropriate bodies."""

from django.contrib import admin

from ecf.admin.base import AuditedModelAdmin
from ecf.models import (
    ActiveLeadProvider,
    AppropriateBody,
    ContractPeriod,
    DeliveryPartner,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
)

# ---------------------------------------------------------------------------------------------------
# Contract periods, providers and partnerships


@admin.register(ContractPeriod)
class ContractPeriodAdmin(AuditedModelAdmin):
    list_display = ["year", "started_on", "finished_on", "enabled"]
    list_filter = ["enabled"]
    search_fields = ["=year"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LeadProvider)
class LeadProviderAdmin(AuditedModelAdmin):
    list_display = ["name", "contract_periods", "api_id"]
    search_fields = ["name", "=api_id"]
    list_filter = [("active_periods__contract_period", admin.RelatedOnlyFieldListFilter)]
    readonly_fields = ["api_id"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("active_periods")

    @admin.display(description="contract periods")
    def contract_periods(self, obj):
        return ", ".join(str(active.contract_period_id) for active in obj.active_periods.all()) or "None"


@admin.register(ActiveLeadProvider)
class ActiveLeadProviderAdmin(AuditedModelAdmin):
    list_display = ["lead_provider", "contract_period"]
    list_filter = ["contract_period", "lead_provider"]
    list_select_related = ["lead_provider", "contract_period"]
    search_fields = ["lead_provider__name", "=contract_period__year"]
    autocomplete_fields = ["lead_provider", "contract_period"]


@admin.register(DeliveryPartner)
class DeliveryPartnerAdmin(AuditedModelAdmin):
    list_display = ["name", "api_id"]
    search_fields = ["name", "=api_id"]
    list_filter = [
        (
            "lead_provider_partnerships__active_lead_provider__contract_period",
            admin.RelatedOnlyFieldListFilter,
        )
    ]
    readonly_fields = ["api_id"]


@admin.register(LeadProviderDeliveryPartnership)
class LeadProviderDeliveryPartnershipAdmin(AuditedModelAdmin):
    list_display = ["lead_provider", "delivery_partner", "contract_period"]
    list_filter = ["active_lead_provider__contract_period", "active_lead_provider__lead_provider"]
    list_select_related = [
        "active_lead_provider__lead_provider",
        "active_lead_provider__contract_period",
        "delivery_partner",
    ]
    search_fields = ["active_lead_provider__lead_provider__name", "delivery_partner__name"]
    autocomplete_fields = ["active_lead_provider", "delivery_partner"]
    ordering = ["-pk"]  # the changelist's default, made explicit so autocomplete pages are stable too

    @admin.display(ordering="active_lead_provider__lead_provider__name")
    def lead_provider(self, obj):
        return obj.active_lead_provider.lead_provider

    @admin.display(ordering="active_lead_provider__contract_period")
    def contract_period(self, obj):
        return obj.active_lead_provider.contract_period


@admin.register(SchoolPartnership)
class SchoolPartnershipAdmin(AuditedModelAdmin):
    ordering = ["-pk"]  # the changelist's default, made explicit so autocomplete pages are stable too
    list_display = ["school", "urn", "lead_provider", "delivery_partner", "contract_period", "created_at"]
    list_filter = [
        "lead_provider_delivery_partnership__active_lead_provider__contract_period",
        "lead_provider_delivery_partnership__active_lead_provider__lead_provider",
        "school__phase",
    ]
    list_select_related = [
        "school",
        "lead_provider_delivery_partnership__active_lead_provider__lead_provider",
        "lead_provider_delivery_partnership__delivery_partner",
    ]
    search_fields = [
        "school__name",
        "=school__urn",
        "lead_provider_delivery_partnership__active_lead_provider__lead_provider__name",
        "lead_provider_delivery_partnership__delivery_partner__name",
    ]
    autocomplete_fields = ["school", "lead_provider_delivery_partnership"]
    readonly_fields = ["api_id", "created_at"]
    date_hierarchy = "created_at"

    @admin.display(description="URN", ordering="school__urn")
    def urn(self, obj):
        return obj.school.urn

    @admin.display(ordering="lead_provider_delivery_partnership__active_lead_provider__contract_period")
    def contract_period(self, obj):
        return obj.lead_provider_delivery_partnership.active_lead_provider.contract_period_id


@admin.register(AppropriateBody)
class AppropriateBodyAdmin(AuditedModelAdmin):
    list_display = ["name", "body_type"]
    list_filter = ["body_type"]
    search_fields = ["name"]
